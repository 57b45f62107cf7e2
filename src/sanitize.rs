//! Making colleagues' text safe to put on a terminal.
//!
//! Strategy files are shared through git, so their text is untrusted: an escape
//! sequence in a title could retitle the window, move the cursor or hide text.
//! Every string from a file passes through here before it reaches a terminal.
//! Invisible characters that change how text reads (bidi overrides, zero-width
//! joiners, soft hyphens, Hangul fillers, tag characters) are shown as markers
//! rather than dropped, so a reviewer sees them; so are the characters that
//! terminals draw at another width than the screen library counts, which
//! would otherwise push the rest of a line over a pane's border. What is a
//! marker is in `sanitize/tables.rs`.

use std::borrow::Cow;
use std::fmt::Write;

mod json_writer;
mod tables;

pub use json_writer::JsonWriter;

fn in_table(table: &[(char, char)], c: char) -> bool {
    table
        .binary_search_by(|&(from, to)| {
            if to < c {
                std::cmp::Ordering::Less
            } else if from > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// True for characters that reorder or hide text without being visible:
/// bidi controls, zero-width characters, every other format character and
/// default-ignorable code point (soft hyphen, Hangul fillers, tag
/// characters), U+2028 and U+2029. Variation selectors are apart
/// ([`is_variation_selector`]).
pub fn is_invisible_format(c: char) -> bool {
    // Most text is ASCII and Latin-1 letters: one comparison for them.
    c >= '\u{AD}' && in_table(tables::INVISIBLE, c)
}

/// True for visible characters that terminals draw at another width than
/// ratatui counts (Tamil U+0BBE: 0 columns for ratatui, 1 in the terminal;
/// the trigrams U+2630-2637: 2 and 1): drawn as they are, they would shift
/// the rest of the line.
pub fn is_width_disputed(c: char) -> bool {
    c >= '\u{9BE}' && in_table(tables::WIDTH_DISPUTED, c)
}

/// True for the variation selectors (U+FE00-FE0F, U+E0100-E01EF and the
/// Mongolian free variation selectors), which choose how the character
/// before them looks (`❤` + U+FE0F is the red-heart emoji).
pub fn is_variation_selector(c: char) -> bool {
    matches!(
        c,
        '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
    )
}

/// True when `c`, coming after `before` (`None` at the start of a text), is
/// drawn as a marker: a control, an invisible or width-disputed character;
/// a variation selector standing alone (at the start, after a space, a
/// marker or another selector: nothing there for it to vary); and a
/// variation selector or an emoji skin-tone modifier that makes the screen
/// library count the character before it at another width than terminals
/// do (`❤` + U+FE0F: two columns for ratatui, one for a terminal that
/// measures character by character, as tmux and xterm do).
pub fn is_marker(before: Option<char>, c: char) -> bool {
    if is_terminal_control(c) || is_invisible_format(c) || is_width_disputed(c) {
        return true;
    }
    let modifies = is_variation_selector(c) || is_emoji_modifier(c);
    if !modifies {
        return false;
    }
    let Some(before) = before else {
        return is_variation_selector(c);
    };
    if before.is_whitespace() || is_variation_selector(before) || is_marker(None, before) {
        return is_variation_selector(c);
    }
    changes_width(before, c)
}

/// True for the emoji skin-tone modifiers U+1F3FB-1F3FF.
pub fn is_emoji_modifier(c: char) -> bool {
    ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
}

/// True when `c` after `before` is a marker because of the width of the
/// two together, not because of what `c` is: a variation selector or skin
/// tone that changes how wide the screen library counts its base.
pub fn widens_its_base(before: Option<char>, c: char) -> bool {
    (is_variation_selector(c) || is_emoji_modifier(c))
        && before
            .is_some_and(|b| !b.is_whitespace() && !is_variation_selector(b) && !is_marker(None, b))
        && is_marker(before, c)
}

/// True when `before` followed by `c` is one sequence whose width the
/// screen library counts otherwise than the two apart.
fn changes_width(before: char, c: char) -> bool {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut pair = [0u8; 8];
    let first = before.encode_utf8(&mut pair).len();
    let second = c.encode_utf8(&mut pair[first..]).len();
    let together = std::str::from_utf8(&pair[..first + second]).map_or(0, UnicodeWidthStr::width);
    together != before.width().unwrap_or(0) + c.width().unwrap_or(0)
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
    if !text.contains(json_escapes) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if json_escapes(c) {
            push_json_escape(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `c` as JSON writes it escaped: `\uXXXX`, and a character above U+FFFF
/// as its UTF-16 surrogate pair (`\udb40\udc41`), the only escape JSON has
/// for it (`\ue0041` would read as U+E004 and a `1`).
fn push_json_escape(out: &mut String, c: char) {
    let mut units = [0u16; 2];
    for unit in c.encode_utf16(&mut units) {
        let _ = write!(out, "\\u{unit:04x}");
    }
}

/// True for the characters [`json`] writes as `\uXXXX`. serde has already
/// escaped C0 controls inside strings; the ones left (newlines,
/// indentation) are JSON's own layout.
fn json_escapes(c: char) -> bool {
    (c == '\u{7f}' || is_terminal_control(c) || is_invisible_format(c))
        && !matches!(c, '\n' | '\t' | '\r')
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
    let keeps = |before: Option<char>, c: char| {
        if keep_newlines && (c == '\n' || c == '\t') {
            return true;
        }
        !is_marker(before, c)
    };
    // Printable ASCII needs no look at all.
    let plain = text.bytes().all(|b| (b' '..0x7F).contains(&b));
    if plain {
        return Cow::Borrowed(text);
    }
    let mut before = None;
    let mut first = None;
    for (at, c) in text.char_indices() {
        if !keeps(before, c) {
            first = Some(at);
            break;
        }
        before = Some(c);
    }
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if keeps(before, c) {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
        before = Some(c);
    }
    Cow::Owned(out)
}

/// Appends `c`, coming after `before` in the text, as [`block`] shows it:
/// for code that walks a text character by character (keeping track of
/// offsets) and must decide as the whole text would be decided.
pub fn push_block_char(out: &mut String, before: Option<char>, c: char) {
    if c == '\n' || c == '\t' || !is_marker(before, c) {
        out.push(c);
    } else {
        push_visible(out, c);
    }
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
    fn every_invisible_or_width_disputed_character_is_a_marker() {
        for (c, shown) in [
            ('\u{AD}', "⟨U+00AD⟩"),
            ('\u{3164}', "⟨U+3164⟩"),
            ('\u{115F}', "⟨U+115F⟩"),
            ('\u{1160}', "⟨U+1160⟩"),
            ('\u{FFA0}', "⟨U+FFA0⟩"),
            ('\u{2028}', "⟨U+2028⟩"),
            ('\u{2029}', "⟨U+2029⟩"),
            ('\u{E0001}', "⟨U+E0001⟩"),
            ('\u{E0041}', "⟨U+E0041⟩"),
            ('\u{E007F}', "⟨U+E007F⟩"),
            ('\u{34F}', "⟨U+034F⟩"),
            ('\u{FFF9}', "⟨U+FFF9⟩"),
            ('\u{2630}', "⟨U+2630⟩"),
            ('\u{BBE}', "⟨U+0BBE⟩"),
        ] {
            assert_eq!(line(&format!("a{c}b")), format!("a{shown}b"), "{c:?}");
        }
    }

    #[test]
    fn a_variation_selector_is_a_marker_only_where_it_stands_alone() {
        assert_eq!(line("\u{1F600}\u{FE0F} ok"), "\u{1F600}\u{FE0F} ok");
        assert_eq!(line("\u{8FBB}\u{E0100}"), "\u{8FBB}\u{E0100}");
        assert_eq!(line("\u{FE0F}a"), "⟨U+FE0F⟩a");
        assert_eq!(line("a \u{FE0F}"), "a ⟨U+FE0F⟩");
        assert_eq!(
            line("\u{1F600}\u{FE0F}\u{FE0F}"),
            "\u{1F600}\u{FE0F}⟨U+FE0F⟩"
        );
        assert_eq!(line("a\u{200D}\u{FE0F}"), "a⟨U+200D⟩⟨U+FE0F⟩");
        assert_eq!(block("a\n\u{FE0E}"), "a\n⟨U+FE0E⟩");
    }

    #[test]
    fn a_sequence_counted_wider_than_its_characters_shows_what_widens_it() {
        // Two columns for the screen library, one for tmux: the selector shows.
        assert_eq!(line("\u{2764}\u{FE0F}"), "\u{2764}⟨U+FE0F⟩");
        assert_eq!(line("#\u{FE0F}\u{20E3}"), "#⟨U+FE0F⟩\u{20E3}");
        // Two for the library, four for the terminal: the skin tone shows.
        assert_eq!(line("\u{1F44D}\u{1F3FD}"), "\u{1F44D}⟨U+1F3FD⟩");
        // Where both count alike, nothing changes.
        assert_eq!(
            line("\u{1F600}\u{FE0F} \u{1F3FD} \u{8FBB}\u{E0100}"),
            "\u{1F600}\u{FE0F} \u{1F3FD} \u{8FBB}\u{E0100}"
        );
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
