//! Every way text from the strategy file is made safe for an export format.
//!
//! All escaping lives here, so there is one file to audit: a renderer never
//! writes file text without passing it through one of these functions. Each
//! one first runs [`sanitize::line`], so control characters (an ANSI escape in
//! a title) and invisible bidi marks arrive as visible stand-ins, never raw.

use std::fmt::Write;

use crate::sanitize;

/// One line of text for HTML element content or a quoted attribute value.
///
/// The five characters that can end a text node or an attribute (`& < > " '`)
/// become character references, so file text can never open a tag.
pub fn html(text: &str) -> String {
    let clean = sanitize::line(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One line of text for Markdown: a heading, a table cell, a list item or a
/// paragraph written on one line.
///
/// Characters that start inline markup anywhere (emphasis, code, links, raw
/// HTML, table pipes, strikethrough, math, a heading's closing `#`s) are
/// backslash-escaped, which CommonMark and GitHub render as the plain
/// character; `&` is escaped only where it could start an entity. Markers
/// that only mean something at the start of a line (`- `, `+ `, `1. `, `> `,
/// `---`, `===`) are escaped there, since every use of this function starts a
/// line or follows a fixed prefix. Surrounding whitespace is dropped: four
/// leading spaces would turn the text into a code block.
pub fn markdown(text: &str) -> String {
    let clean = sanitize::line(text);
    let clean = clean.trim();
    let mut out = String::with_capacity(clean.len() + 8);
    let block_marker = block_marker_at(clean);
    let mut chars = clean.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, next)| next);
        let entity = c == '&' && next.is_some_and(|n| n == '#' || n.is_ascii_alphabetic());
        if block_marker == Some(i) || entity || is_markdown_inline_special(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Characters that begin inline markup wherever they appear.
fn is_markdown_inline_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '#' | '|' | '~' | '$'
    )
}

/// The byte offset of the character that makes the start of `text` a block
/// marker: a bullet (`- `, `+ `), a quote (`>`), an ordered item (`1. `,
/// `1) `), or a line of only `-` or `=` (a rule or a heading underline).
fn block_marker_at(text: &str) -> Option<usize> {
    let first = text.chars().next()?;
    let rest = &text[first.len_utf8()..];
    let then_space = |after: &str| after.is_empty() || after.starts_with([' ', '\t']);
    let only = |marker: char| text.chars().all(|c| c == marker || c == ' ' || c == '\t');
    match first {
        '>' => Some(0),
        '-' | '+' if then_space(rest) => Some(0),
        '-' | '=' if only(first) => Some(0),
        _ => {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            let marker = *text.as_bytes().get(digits)?;
            let ordered = (1..=9).contains(&digits)
                && matches!(marker, b'.' | b')')
                && then_space(&text[digits + 1..]);
            ordered.then_some(digits)
        }
    }
}

/// A node label for a Mermaid flowchart, to be written inside `["…"]`.
///
/// Mermaid reads `#name;` and `#123;` as character entities, so every
/// character that could end the quoted label, start a shape, a link or
/// markup, or be read as the start of an entity, is written as one.
pub fn mermaid(text: &str) -> String {
    let clean = sanitize::line(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' | ';' | '[' | ']' | '(' | ')' | '{' | '}' | '|' | '`' | '\\' => {
                // Writing to a String cannot fail.
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A link from the file as an address safe to put in an `href` or a
/// Markdown `(<…>)` destination, or `None` when it is not an http(s) address
/// ([`crate::model::is_web_link`]): then it is shown as text, never linked,
/// so a `javascript:` or `data:` link cannot run. Characters that could end
/// the attribute or the destination (quotes, `<`, `>`, `\\`, backticks) and
/// every non-ASCII byte are percent-encoded; `&` becomes `&amp;`, which a
/// browser reads back as `&` in an attribute and Markdown in a destination.
pub fn web_link(link: &str) -> Option<String> {
    if !crate::model::is_web_link(link) {
        return None;
    }
    let mut out = String::with_capacity(link.len() + 8);
    for b in link.bytes() {
        match b {
            b'&' => out.push_str("&amp;"),
            b'"' | b'\'' | b'<' | b'>' | b'\\' | b'`' | 0x80.. => {
                let _ = write!(out, "%{b:02X}");
            }
            b => out.push(char::from(b)),
        }
    }
    Some(out)
}

/// A fragment identifier for `key` that is the same in HTML `id`s, URLs and
/// Markdown anchors: only `a-z`, `0-9`, `-` and `_`.
///
/// Keys are unique across the file, and the encoding is reversible (every
/// other character becomes `_` + its hex code point + `_`, and `_` never
/// appears otherwise), so anchors are unique too. Kebab-case keys, the
/// format's advice, come out readable: `intents.win-mid-market` is
/// `intents-win-mid-market`. The table's `.` becomes `-`, which cannot
/// collide: the table part never contains `-` and a `.` inside an id is
/// encoded.
pub fn anchor(key: &str) -> String {
    let (table, id) = key.split_once('.').unwrap_or(("", key));
    let mut out = String::with_capacity(key.len() + 1);
    if !table.is_empty() {
        out.push_str(table);
        out.push('-');
    }
    for c in id.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
            out.push(c);
        } else {
            // Writing to a String cannot fail.
            let _ = write!(out, "_{:x}_", u32::from(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the file says, no escaper lets a character through that
        /// could end its context, and no control character survives.
        #[test]
        fn no_text_escapes_its_context(text in "\\PC*|[\\x00-\\x7f\\u{80}-\\u{9f}\\u{202e}]*") {
            let out = html(&text);
            prop_assert!(!out.contains(['<', '>', '"', '\'']), "{out:?}");
            prop_assert!(!out.chars().any(char::is_control), "{out:?}");

            let out = markdown(&text);
            prop_assert!(!out.chars().any(char::is_control), "{out:?}");
            let raw_angles = out.matches('<').count() - out.matches("\\<").count();
            prop_assert_eq!(raw_angles, 0, "{:?}", out);

            let out = mermaid(&text);
            let syntax = ['"', '<', '>', '[', ']', '(', ')', '{', '}', '|', '`'];
            prop_assert!(!out.contains(syntax), "{out:?}");
            prop_assert!(!out.chars().any(char::is_control), "{out:?}");
        }

        /// Distinct keys never share an anchor, and anchors need no escaping anywhere.
        #[test]
        fn anchors_are_injective(a in "\\PC{0,12}", b in "\\PC{0,12}") {
            let (ka, kb) = (format!("intents.{a}"), format!("intents.{b}"));
            prop_assert_eq!(anchor(&ka) == anchor(&kb), ka == kb);
            let safe = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
            prop_assert!(anchor(&ka).chars().all(safe), "{}", anchor(&ka));
        }
    }

    const HOSTILE: [&str; 6] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)",
        "Clear \u{1b}[2J screen \u{7} and \u{9b}31m C1",
        "RTL \u{202e} override",
        "&lt; already escaped &amp;",
    ];

    #[test]
    fn html_leaves_no_markup_and_no_controls() {
        for text in HOSTILE {
            let out = html(text);
            for forbidden in ['<', '>', '"', '\''] {
                assert!(!out.contains(forbidden), "{out}");
            }
            assert!(!out.chars().any(char::is_control), "{out:?}");
            assert!(!out.contains('\u{202e}'), "{out:?}");
        }
        assert_eq!(
            html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            html("\"><img src=x onerror=alert(1)>"),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(html("&lt;"), "&amp;lt;");
        assert_eq!(html("a\u{1b}[31mb"), "a␛[31mb");
        assert_eq!(html("it's"), "it&#39;s");
    }

    #[test]
    fn markdown_escapes_inline_markup_everywhere() {
        assert_eq!(
            markdown("<script>alert(1)</script>"),
            "\\<script>alert(1)\\</script>"
        );
        assert_eq!(markdown("a | b"), "a \\| b");
        assert_eq!(markdown("# Not a heading #"), "\\# Not a heading \\#");
        assert_eq!(
            markdown("*bold* _em_ `code`"),
            "\\*bold\\* \\_em\\_ \\`code\\`"
        );
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown("![img](x)"), "!\\[img\\](x)");
        assert_eq!(
            markdown("&copy; ~~gone~~ $x$"),
            "\\&copy; \\~\\~gone\\~\\~ \\$x\\$"
        );
        assert_eq!(markdown("&#60; AT&T & co"), "\\&\\#60; AT\\&T & co");
        assert_eq!(markdown("back\\slash"), "back\\\\slash");
    }

    #[test]
    fn markdown_escapes_block_markers_at_the_start_only() {
        assert_eq!(markdown("- not a list - item"), "\\- not a list - item");
        assert_eq!(markdown("+ plus"), "\\+ plus");
        assert_eq!(markdown("-5% churn"), "-5% churn");
        assert_eq!(markdown("==="), "\\===");
        assert_eq!(markdown("- - -"), "\\- - -");
        assert_eq!(markdown("---"), "\\---");
        assert_eq!(markdown("2032. The year"), "2032\\. The year");
        assert_eq!(markdown("1) first"), "1\\) first");
        assert_eq!(markdown("1."), "1\\.");
        assert_eq!(markdown("1.8M loads"), "1.8M loads");
        assert_eq!(markdown("In 2032. Then"), "In 2032. Then");
        assert_eq!(markdown("1234567890. too long"), "1234567890. too long");
        assert_eq!(markdown("> quote"), "\\> quote");
        assert_eq!(markdown("a > b"), "a > b");
        assert_eq!(markdown("    code block"), "code block");
    }

    #[test]
    fn markdown_has_no_controls_or_newlines() {
        for text in HOSTILE.iter().chain(&["two\nlines\r\n", "tab\there"]) {
            let out = markdown(text);
            assert!(!out.chars().any(char::is_control), "{out:?}");
        }
        assert_eq!(markdown("a\nb"), "a␊b");
    }

    #[test]
    fn mermaid_labels_cannot_close_their_quotes_or_shapes() {
        assert_eq!(mermaid("say \"hi\""), "say #quot;hi#quot;");
        assert_eq!(mermaid("a]) --> b[("), "a#93;#41; --#gt; b#91;#40;");
        assert_eq!(mermaid("#quot; stays text"), "#35;quot#59; stays text");
        assert_eq!(
            mermaid("<img src=x onerror=alert(1)>"),
            "#lt;img src=x onerror=alert#40;1#41;#gt;"
        );
        assert_eq!(mermaid("{a|b}`c`\\"), "#123;a#124;b#125;#96;c#96;#92;");
        for text in HOSTILE {
            let out = mermaid(text);
            assert!(!out.chars().any(char::is_control), "{out:?}");
            for forbidden in ['"', '<', '>', '[', ']', '(', ')', '{', '}', '|', '`'] {
                assert!(!out.contains(forbidden), "{out}");
            }
        }
    }

    #[test]
    fn anchors_are_safe_readable_and_distinct() {
        assert_eq!(anchor("vision"), "vision");
        assert_eq!(anchor("intents.win-mid-market"), "intents-win-mid-market");
        assert_eq!(anchor("options.grow"), "options-grow");
        assert_eq!(anchor("intents.Weird Id"), "intents-_57_eird_20__49_d");
        let hostile = [
            "intents.\"><script>",
            "intents.evil\u{1b}[2Jid",
            "intents.a.b",
            "intents.a_2e_b",
            "intents.a-b",
            "initiatives.日本",
        ];
        let anchors: Vec<String> = hostile.iter().map(|k| anchor(k)).collect();
        for a in &anchors {
            assert!(
                a.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
                "{a}"
            );
        }
        let mut unique = anchors.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), anchors.len(), "{anchors:?}");
    }
}
