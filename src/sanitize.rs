//! Making colleagues' text safe to put on a terminal.
//!
//! Strategy files are shared through git, so their text is untrusted: an escape
//! sequence in a title could retitle the window, move the cursor or hide text.
//! Every string from a file passes through here before it reaches a terminal.
//! Invisible characters that change how text reads (bidi overrides, zero-width
//! joiners) are shown as markers rather than dropped, so a reviewer sees them.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that reorder or hide text without being visible.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{180E}'
    )
}

/// True for characters a terminal would interpret rather than print.
pub fn is_terminal_control(c: char) -> bool {
    c.is_control()
}

/// JSON from `serde_json` made safe to print: serde escapes C0 controls in
/// strings but leaves C1 controls (U+009B is a CSI), DEL, bidi and
/// zero-width characters raw. Those can only stand inside strings (JSON's
/// own syntax is ASCII), where `\uXXXX` means the same character, so the
/// document is unchanged for any reader and inert on a terminal.
pub fn json(text: String) -> String {
    let risky = |c: char| c == '\u{7f}' || is_terminal_control(c) || is_invisible_format(c);
    if !text.contains(risky) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        // serde has already escaped C0 controls inside strings; the ones
        // left (newlines, indentation) are JSON's own layout.
        if risky(c) && !matches!(c, '\n' | '\t' | '\r') {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Text for one line of terminal output: newlines and tabs are shown too.
pub fn line(text: &str) -> Cow<'_, str> {
    clean(text, false)
}

/// Text that may span lines: `\n` and tabs kept, everything else made visible.
pub fn block(text: &str) -> Cow<'_, str> {
    clean(text, true)
}

fn clean(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let keeps = |c: char| {
        if keep_newlines && (c == '\n' || c == '\t') {
            return true;
        }
        !is_terminal_control(c) && !is_invisible_format(c)
    };
    if text.chars().all(keeps) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if keeps(c) {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Writes the visible stand-in for `c`: a control picture for C0 controls
/// (`␛` for ESC) and `⟨U+202E⟩` for everything else.
fn push_visible(out: &mut String, c: char) {
    let code = c as u32;
    match code {
        0x00..=0x1F => out.push(char::from_u32(0x2400 + code).unwrap_or('�')),
        0x7F => out.push('␡'),
        _ => {
            let _ = write!(out, "⟨U+{code:04X}⟩");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            line("Win mid-market — 40 % ✓ 日本"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_lose_their_escape_byte() {
        let hostile = "Title\u{1b}]0;pwned\u{7}\u{1b}[2J\r\u{9b}31m";
        let shown = line(hostile);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert_eq!(shown, "Title␛]0;pwned␇␛[2J␍⟨U+009B⟩31m");
    }

    #[test]
    fn bidi_and_zero_width_are_shown_not_hidden() {
        assert_eq!(line("a\u{202E}b\u{200B}c"), "a⟨U+202E⟩b⟨U+200B⟩c");
    }

    #[test]
    fn blocks_keep_newlines_and_tabs_lines_do_not() {
        assert_eq!(block("a\n\tb"), "a\n\tb");
        assert_eq!(line("a\n\tb"), "a␊␉b");
    }

    #[test]
    fn json_keeps_its_meaning_and_loses_every_terminal_hazard() {
        let value = serde_json::json!({ "t": "a\u{9b}31m \u{202e}b\u{7f}\u{1b}[2J\nc" });
        let text = super::json(serde_json::to_string_pretty(&value).unwrap());
        assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
        assert!(!text.chars().any(super::is_invisible_format), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
