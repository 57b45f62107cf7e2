use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags invisible characters in any text of a node: bidirectional
    /// controls (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C),
    /// zero-width characters (U+200B-200D, U+2060, U+FEFF) and control
    /// characters other than line breaks and tabs (ESC, BEL, backspace, …).
    ///
    /// ## Why is this bad?
    /// A reviewer cannot see them. Bidi controls can make text display in a
    /// different order than it is stored ("Trojan Source"), and zero-width
    /// characters make identical-looking words differ, so search, ids and
    /// reviews all go wrong. Control characters are how escape sequences
    /// reach a terminal; strata never prints them, but other tools might.
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
        summary: "Invisible bidi and zero-width characters a reviewer cannot see",
        check: check,
    };
}

/// The name of an invisible character, or `None` for any other.
fn invisible(c: char) -> Option<&'static str> {
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
        _ => return None,
    })
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
            if let Some((code, name)) = text.chars().find_map(|ch| Some((ch, invisible(ch)?))) {
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
        for (at, c) in text.char_indices() {
            if let Some(name) = invisible(c) {
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
            }
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
