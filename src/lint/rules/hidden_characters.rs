use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, MetricPart};
use crate::sanitize;

declare_rule! {
    /// ## What it does
    /// Flags invisible characters in any text of a node: bidirectional
    /// controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C),
    /// zero-width characters (U+200B-200D, U+2060, U+FEFF), every other
    /// format character and default-ignorable code point (the soft hyphen
    /// U+00AD, the Hangul fillers U+3164, U+115F, U+1160 and U+FFA0, the tag
    /// characters U+E0000-E007F), the line and paragraph separators U+2028
    /// and U+2029, variation selectors standing alone (with nothing before
    /// them to vary), and control characters other than line breaks and tabs
    /// (ESC, BEL, backspace, …). Also flags, once per field, visible
    /// characters that terminals draw at another width than strata's screen
    /// library counts (some vowel signs of Tamil, Bengali or Kannada, the
    /// trigrams U+2630-2637), which strata shows as `⟨U+…⟩` markers.
    ///
    /// ## Why is this bad?
    /// A reviewer cannot see them. Bidi controls can make text display in a
    /// different order than it is stored ("Trojan Source"), and zero-width
    /// characters make identical-looking words differ, so search, ids and
    /// reviews all go wrong. A character drawn wider (or narrower) than the
    /// screen expects pushes the rest of the line over the next pane, where
    /// it can pass for something else ("APPROVED" over the tree). Control
    /// characters are how escape sequences reach a terminal; strata never
    /// prints them, but other tools might.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// title = "Pay carriers within 48 hours\u202E"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// title = "Pay carriers within 48 hours"
    /// ```
    pub static RULE = {
        name: "hidden-characters",
        criterion: Writing,
        severity: Error,
        summary: "Invisible characters a reviewer cannot see, and characters terminals draw at another width",
        check: check,
    };
}

/// The name of an invisible character coming after `before`, or `None`
/// for any other (width-disputed characters are [`sanitize::is_width_disputed`]).
fn invisible(before: Option<char>, c: char) -> Option<&'static str> {
    if drawn_at_another_width(before, c) || !sanitize::is_marker(before, c) {
        return None;
    }
    Some(match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{1B}' => "ESCAPE",
        '\u{7}' => "BELL",
        '\u{8}' => "BACKSPACE",
        '\r' => "CARRIAGE RETURN",
        '\0' => "NULL",
        '\u{7F}' => "DELETE",
        '\n' | '\t' => return None,
        c if c.is_control() => "CONTROL CHARACTER",
        '\u{AD}' => "SOFT HYPHEN",
        '\u{3164}' => "HANGUL FILLER",
        '\u{115F}' => "HANGUL CHOSEONG FILLER",
        '\u{1160}' => "HANGUL JUNGSEONG FILLER",
        '\u{FFA0}' => "HALFWIDTH HANGUL FILLER",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{34F}' => "COMBINING GRAPHEME JOINER",
        '\u{E0001}' => "LANGUAGE TAG",
        '\u{E0020}'..='\u{E007F}' => "TAG CHARACTER",
        c if sanitize::is_variation_selector(c) => "VARIATION SELECTOR, with nothing to vary",
        _ => "INVISIBLE FORMAT CHARACTER",
    })
}

/// True for a visible character (or a selector that widens the one before
/// it) that terminals draw at another width than the screen library counts.
fn drawn_at_another_width(before: Option<char>, c: char) -> bool {
    sanitize::is_width_disputed(c) || sanitize::widens_its_base(before, c)
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let doc = &cx.node.doc;
    let mut fields: Vec<(Field, &str)> = doc.prose().to_vec();
    fields.extend(
        doc.will_not
            .iter()
            .enumerate()
            .map(|(i, w)| (Field::WillNot(i), w.as_str())),
    );
    for (i, m) in doc.metrics.iter().enumerate() {
        fields.push((Field::Metric(i, MetricPart::Name), m.name.as_str()));
        for (part, value) in [
            (MetricPart::Baseline, &m.baseline),
            (MetricPart::Target, &m.target),
            (MetricPart::By, &m.by),
        ] {
            if let Some(v) = value {
                fields.push((Field::Metric(i, part), v.as_str()));
            }
        }
    }
    if let Some(parent) = cx.node.parent_ref.as_deref() {
        fields.push((Field::Parent, parent));
    }
    // A check-in is one line of the file: its findings point at the line.
    for (i, c) in cx.node.checkins.iter().enumerate() {
        for (key, text) in [
            ("metric", &c.metric),
            ("value", &c.value),
            ("note", &c.note),
            ("source", &c.source),
        ] {
            let mut before = None;
            let found = text.chars().find_map(|ch| {
                let name = invisible(before, ch);
                before = Some(ch);
                Some((ch, name?))
            });
            if let Some((code, name)) = found {
                out.push(
                    Field::Checkin(i),
                    0..0,
                    format!(
                        "invisible character U+{:04X} ({name}) in `checkins[{i}].{key}`",
                        code as u32
                    ),
                    "A reviewer cannot see it, yet it changes how the text displays or compares. \
                     Delete it; retype the surrounding words if it came from a paste.",
                );
            }
        }
    }
    for (field, text) in fields {
        // Almost all text is printable ASCII; skip the char walk for it.
        let printable = |b: u8| (b' '..0x7F).contains(&b) || b == b'\n' || b == b'\t';
        if text.bytes().all(printable) {
            continue;
        }
        let mut before = None;
        let mut disputed: Vec<char> = Vec::new();
        for (at, c) in text.char_indices() {
            if let Some(name) = invisible(before, c) {
                out.push(
                    field,
                    at..at + c.len_utf8(),
                    format!(
                        "invisible character U+{:04X} ({name}) in `{}`",
                        c as u32,
                        field.label()
                    ),
                    "A reviewer cannot see it, yet it changes how the text displays or compares. \
                     Delete it; retype the surrounding words if it came from a paste.",
                );
            } else if drawn_at_another_width(before, c) && !disputed.contains(&c) {
                // Once per character and field: a script that uses it uses it often.
                disputed.push(c);
                out.push(
                    field,
                    at..at + c.len_utf8(),
                    format!(
                        "U+{:04X} in `{}` is drawn at another width by terminals than strata's \
                         screen library counts, so it is shown as ⟨U+{:04X}⟩",
                        c as u32,
                        field.label(),
                        c as u32
                    ),
                    "Drawn as it is, it would shift the rest of the line over the next pane. \
                     Where the text reads as well without it, leave it out; where the script \
                     needs it, allow this rule on the node with a reason.",
                );
            }
            before = Some(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn finds_each_invisible_character() {
        assert_eq!(
            fired(
                super::RULE.name,
                &[("future", "pay\u{200B}ment \u{202E}evil\u{2066}")]
            ),
            3
        );
        assert_eq!(fired(super::RULE.name, &[("will_not", "sell\u{FEFF}")]), 1);
        assert_eq!(
            fired(super::RULE.name, &[("notes", "café — naïve “quotes”")]),
            0
        );
        assert_eq!(
            fired(
                super::RULE.name,
                &[("title", "Red\u{1b}[31m \u{7}bell\u{9b}")]
            ),
            3
        );
        assert_eq!(
            fired(super::RULE.name, &[("notes", "two\nlines\twith a tab")]),
            0
        );
    }

    #[test]
    fn finds_what_terminals_draw_at_another_width() {
        let every = "soft\u{AD}hyphen \u{3164}\u{115F}\u{1160}\u{FFA0} a\u{2028}b\u{2029} \
                     flag\u{E0001}\u{E0067}\u{E007F} \u{FE0F}alone \u{34F}";
        assert_eq!(fired(super::RULE.name, &[("title", every)]), 12);
        // An emoji's own variation selector is no finding, nor is ordinary text.
        assert_eq!(
            fired(super::RULE.name, &[("title", "\u{1F600}\u{FE0F} café")]),
            0
        );
        // One that makes its base wider on the screen than in the terminal is.
        assert_eq!(
            fired(
                super::RULE.name,
                &[("title", "\u{2764}\u{FE0F} \u{1F44D}\u{1F3FD}")]
            ),
            2
        );
        // A disputed width is said once per character and field.
        assert_eq!(
            fired(
                super::RULE.name,
                &[("future", "\u{BAA}\u{BBE}\u{BB2}\u{BBE} \u{2630}")]
            ),
            2
        );
    }

    #[test]
    fn finds_them_in_checkins_too() {
        use crate::lint::rules::support::tests::{as_of, cascade_with};
        use crate::lint::{LintConfig, lint_node};
        use crate::model::{CheckIn, Date, Field, Level};
        let (s, id) = cascade_with(Level::Option, |n| {
            n.checkins.push(CheckIn {
                metric: "M".into(),
                on: Date::new(2026, 10, 1).unwrap(),
                value: "3".into(),
                note: "fine \u{202E}evil".into(),
                source: String::new(),
            });
        });
        let found: Vec<_> = lint_node(&s, id, &LintConfig::default(), as_of())
            .into_iter()
            .filter(|d| d.rule == super::RULE.name)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, Field::Checkin(0));
        assert!(
            found[0].message.contains("`checkins[0].note`"),
            "{}",
            found[0].message
        );
    }
}
