//! One-line values (title, owner, list items, metric parts): written as they
//! are when that reads back the same, otherwise in double quotes with JSON
//! escapes, which most people have met and every editor shows plainly.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that cannot stand in a one-line value as written:
/// control characters, and the separators some editors turn into line breaks.
fn breaks_a_line(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// True when `value` must be quoted to read back unchanged from a line that
/// the reader trims.
pub(super) fn needs_quotes(value: &str) -> bool {
    value.trim() != value || value.starts_with('"') || value.chars().any(breaks_a_line)
}

/// A value in a key line or heading (`Owner: …`, `# …`), where an empty
/// value is simply nothing after the key.
pub(super) fn plain(value: &str) -> Cow<'_, str> {
    if needs_quotes(value) {
        Cow::Owned(quote(value))
    } else {
        Cow::Borrowed(value)
    }
}

/// A list item after `- `: an empty item must be quoted, since a bare `-` is
/// an empty bullet, which the reader skips.
pub(super) fn item(value: &str) -> Cow<'_, str> {
    if value.is_empty() {
        Cow::Owned(quote(value))
    } else {
        plain(value)
    }
}

/// `value` as a JSON string literal, escaping every character that
/// [`needs_quotes`] objects to so the literal itself stays on one line.
pub(super) fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Every such character is in the Basic Multilingual Plane, so one
            // `\uXXXX` escape is exact.
            c if breaks_a_line(c) => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Reads the JSON string literal at the start of `text` (which starts with
/// `"`); returns it and the text after it, or what is wrong with it.
pub(super) fn unquote(text: &str) -> Result<(String, &str), String> {
    let bytes = text.as_bytes();
    let mut i = 1;
    let end = loop {
        match bytes.get(i) {
            // `\` and `"` never occur inside a multi-byte UTF-8 sequence, so
            // stepping over bytes cannot miss or invent one.
            Some(b'\\') => i += 2,
            Some(b'"') => break i,
            Some(_) => i += 1,
            None => return Err("this quoted value has no closing `\"`".to_owned()),
        }
    };
    let literal = &text[..=end];
    let value: String = serde_json::from_str(literal)
        .map_err(|e| format!("the quoted value {literal} is not valid: {e}"))?;
    Ok((value, &text[end + 1..]))
}

/// A whole one-line value as written after a key or a bullet: quoted or as is.
pub(super) fn read(text: &str) -> Result<String, String> {
    let text = text.trim();
    if !text.starts_with('"') {
        return Ok(text.to_owned());
    }
    let (value, rest) = unquote(text)?;
    if rest.trim().is_empty() {
        Ok(value)
    } else {
        Err(format!(
            "unexpected text `{}` after a quoted value",
            rest.trim()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_stay_plain() {
        assert_eq!(plain("Dana Okafor (CEO)"), "Dana Okafor (CEO)");
        assert_eq!(plain(""), "");
        assert_eq!(item(""), "\"\"");
        assert_eq!(plain("say \"hi\""), "say \"hi\"");
    }

    #[test]
    fn awkward_values_are_quoted_and_read_back() {
        for value in [
            " padded ",
            "\"quoted\"",
            "two\nlines",
            "crlf\r\n",
            "tab\there",
            "bell\u{7}",
            "nel\u{85}",
            "ls\u{2028}",
            "back\\slash\n",
            "日本 🚚",
        ] {
            let written = plain(value);
            assert!(!written.contains('\n'), "{written}");
            assert_eq!(read(&written).as_deref(), Ok(value), "{written}");
        }
    }

    #[test]
    fn broken_quotes_explain_themselves() {
        assert!(read("\"open").unwrap_err().contains("closing"));
        assert!(
            read("\"a\" b")
                .unwrap_err()
                .contains("after a quoted value")
        );
        assert!(read("\"bad \\q\"").unwrap_err().contains("not valid"));
    }
}
