//! How text from the model is written into the file as a TOML string.
//!
//! The file is read in git diffs and code review as much as in strata, so
//! what a terminal would hide must stay visible there too: control
//! characters, bidi overrides and zero-width characters are written as
//! `\uXXXX` escapes, never raw. Text with line breaks becomes a multi-line
//! string (`"""`), one source line per line of text, as people write them.

use std::fmt::Write as _;

use toml_edit::Value;

use crate::sanitize;

/// A TOML string value for `text`: a basic string, or a multi-line basic
/// string when the text has line breaks; hidden characters escaped.
pub fn text_value(text: &str) -> Value {
    let literal = if text.contains('\n') {
        multi_line(text)
    } else {
        single_line(text)
    };
    // Our own literal always parses; fall back to toml_edit's choice if not.
    literal.parse().unwrap_or_else(|_| Value::from(text))
}

/// A basic string that stays on one line whatever `text` holds (line breaks
/// as `\n`), for records that are one line each, like reviews.
pub fn one_line_value(text: &str) -> Value {
    match single_line(text).parse::<Value>() {
        Ok(mut value) => {
            value.decor_mut().clear();
            value
        }
        Err(_) => Value::from(text),
    }
}

fn single_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            _ => push_char(&mut out, c),
        }
    }
    out.push('"');
    out
}

fn multi_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // A newline right after the opening quotes is not part of the value.
    out.push_str("\"\"\"\n");
    let mut quotes_in_a_row = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            // A third quote in a row, or one right before the closing
            // delimiter, would end the string: escape it.
            '"' if quotes_in_a_row == 2 || chars.peek().is_none() => {
                out.push_str("\\\"");
                quotes_in_a_row = 0;
                continue;
            }
            '"' => {
                out.push('"');
                quotes_in_a_row += 1;
                continue;
            }
            _ => push_char(&mut out, c),
        }
        quotes_in_a_row = 0;
    }
    out.push_str("\"\"\"");
    out
}

/// One character of a basic string's body (quotes handled by the caller).
fn push_char(out: &mut String, c: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\t' => out.push('\t'),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        // TOML's `\u` takes exactly four digits; past U+FFFF (the tag
        // characters) it is `\U` with eight.
        c if (sanitize::is_terminal_control(c) || sanitize::is_invisible_format(c))
            && u32::from(c) > 0xFFFF =>
        {
            let _ = write!(out, "\\U{:08X}", c as u32);
        }
        c if sanitize::is_terminal_control(c) || sanitize::is_invisible_format(c) => {
            let _ = write!(out, "\\u{:04X}", c as u32);
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reads_back(text: &str) -> String {
        let doc: toml_edit::DocumentMut = format!("v = {}\n", text_value(text))
            .parse()
            .unwrap_or_else(|e| panic!("{text:?} wrote invalid TOML: {e}"));
        doc["v"].as_str().unwrap().to_owned()
    }

    #[test]
    fn hidden_characters_are_written_as_escapes() {
        let text = "Grow \u{202E}SREKORB\u{202C} \u{200B}and \u{1b}[31mred\u{7}";
        let written = text_value(text).to_string();
        assert_eq!(
            written.trim(),
            "\"Grow \\u202ESREKORB\\u202C \\u200Band \\u001B[31mred\\u0007\""
        );
        assert!(!written.chars().any(sanitize::is_invisible_format));
        assert!(!written.chars().any(sanitize::is_terminal_control));
        assert_eq!(reads_back(text), text);
    }

    #[test]
    fn characters_past_the_basic_plane_are_escaped_with_eight_digits() {
        let text = "flag\u{E0067}\u{E0062}\u{E007F} \u{AD}";
        assert_eq!(
            text_value(text).to_string().trim(),
            "\"flag\\U000E0067\\U000E0062\\U000E007F \\u00AD\""
        );
        assert_eq!(reads_back(text), text);
    }

    #[test]
    fn plain_text_is_written_as_typed() {
        assert_eq!(
            text_value("Win 25-150 brokers").to_string().trim(),
            "\"Win 25-150 brokers\""
        );
        assert_eq!(
            text_value("line one\nline \"two\"\n").to_string().trim(),
            "\"\"\"\nline one\nline \"two\"\n\"\"\""
        );
    }

    #[test]
    fn any_text_reads_back_exactly() {
        for text in [
            "",
            "\"",
            "a\"\"\"b",
            "ends in a quote\n\"",
            "\n",
            "\n\nleading newlines",
            "quotes \"\" then \"\"\"\" four\n",
            "back\\slash\nand \\\"escaped\"",
            "tab\tand\r\nCRLF",
            "\u{FEFF}bom\u{2066}isolate\u{2069}\n\u{0}nul",
            "日本語\n😀",
        ] {
            assert_eq!(reads_back(text), text, "{text:?}");
        }
    }
}
