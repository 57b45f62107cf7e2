//! How wide text is on a terminal (CJK and emoji take two columns; a
//! character `sanitize` draws as a marker takes the marker's width), the
//! units text is cut into (a letter and its accents are one), and the one
//! word-wrapper every view uses: the two-pager, the help, the roll-up and
//! the text boxes.

use std::ops::Range;

use unicode_segmentation::{GraphemeCursor, GraphemeIncomplete};
use unicode_width::UnicodeWidthChar;

use crate::sanitize;

/// The columns `c` takes on a terminal; control characters never reach here
/// (the text is sanitized first), so they count as zero.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The columns `text` takes.
pub fn text_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Columns `c` takes once sanitized, coming after `before` (`None` at the
/// start of a text): a character drawn as a visible marker takes the
/// marker's width.
pub fn shown_width_after(before: Option<char>, c: char) -> usize {
    if sanitize::is_marker(before, c) {
        marker_width(c)
    } else {
        char_width(c)
    }
}

/// The width of the marker `c` is drawn as (`␛`, `⟨U+202E⟩`).
fn marker_width(c: char) -> usize {
    match c {
        '\0'..='\u{1F}' | '\u{7F}' => 1,
        // `⟨U+` and `⟩` around four to six hex digits.
        c => 4 + format!("{:04X}", c as u32).len(),
    }
}

/// The columns `text` takes once sanitized.
pub fn shown_text_width(text: &str) -> usize {
    let mut before = None;
    text.chars()
        .map(|c| {
            let width = shown_width_after(before, c);
            before = Some(c);
            width
        })
        .sum()
}

/// The columns a unit of [`units`] takes once sanitized.
pub fn unit_width(unit: &str) -> usize {
    match unit.as_bytes() {
        [b] if b.is_ascii_graphic() || *b == b' ' => 1,
        _ => shown_text_width(unit),
    }
}

/// The units `text` is made of, as (byte offset, unit): what the cursor
/// steps over and deletes at once, and what wrapping never cuts. A unit is a
/// grapheme cluster (`é` written as `e` and a combining accent is one),
/// except that a character drawn as a marker (`⟨U+200D⟩`, `␛`) is a unit of
/// its own, as it is drawn.
pub fn units(text: &str) -> Units<'_> {
    units_from(text, 0)
}

/// The units of `text` from `at`, which must start one (the start of a
/// grapheme cluster, or of a unit [`units`] gave): the text before it is
/// read as context, so the units are those `units(text)` gives from there.
pub fn units_from(text: &str, at: usize) -> Units<'_> {
    Units {
        text,
        at,
        rest: None,
    }
}

/// Where the unit that ends at `end` (a unit boundary, above 0) starts,
/// found by looking back from `end` rather than walking from the start of
/// the text: a step back in a megabyte-long line costs one unit.
pub fn unit_before(text: &str, end: usize) -> usize {
    let cluster = grapheme_before(text, end);
    units_from(text, cluster)
        .map(|(at, _)| at)
        .take_while(|&at| at < end)
        .last()
        .unwrap_or(cluster)
}

/// The last unit boundary at or before `column` (any byte offset).
pub fn unit_floor(text: &str, column: usize) -> usize {
    if column >= text.len() {
        return text.len();
    }
    let mut column = column;
    while !text.is_char_boundary(column) {
        column -= 1;
    }
    let mut cursor = GraphemeCursor::new(column, text.len(), true);
    let cluster = loop {
        match cursor.is_boundary(text, 0) {
            Ok(true) => break column,
            Ok(false) => break grapheme_before(text, column),
            Err(GraphemeIncomplete::PreContext(before)) => {
                cursor.provide_context(&text[..before], 0);
            }
            Err(_) => break 0,
        }
    };
    units_from(text, cluster)
        .map(|(at, _)| at)
        .take_while(|&at| at <= column)
        .last()
        .unwrap_or(cluster)
}

/// The start of the grapheme cluster that holds the byte before `end`.
fn grapheme_before(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    // Two ASCII characters in a row are two units (as in `grapheme_end`).
    if end >= 2 && bytes[end - 1].is_ascii() && bytes[end - 2].is_ascii() {
        return end - 1;
    }
    if end == 1 {
        return 0;
    }
    let mut cursor = GraphemeCursor::new(end, text.len(), true);
    loop {
        match cursor.prev_boundary(text, 0) {
            Ok(Some(at)) => return at,
            Ok(None) => return 0,
            Err(GraphemeIncomplete::PreContext(before)) => {
                cursor.provide_context(&text[..before], 0);
            }
            Err(_) => return 0,
        }
    }
}

/// The iterator [`units`] returns.
#[derive(Debug, Clone)]
pub struct Units<'a> {
    text: &'a str,
    /// Where the next grapheme starts.
    at: usize,
    /// The part of a grapheme after a marker, still to be given.
    rest: Option<(usize, &'a str)>,
}

impl<'a> Units<'a> {
    /// Where the grapheme starting at `self.at` ends.
    fn grapheme_end(&self) -> usize {
        let bytes = self.text.as_bytes();
        let at = self.at;
        // Two ASCII characters in a row are two graphemes (`\r\n` is one,
        // but both are markers): the common case needs no tables.
        if bytes[at].is_ascii() && bytes.get(at + 1).is_none_or(u8::is_ascii) {
            return at + 1;
        }
        let mut cursor = GraphemeCursor::new(at, self.text.len(), true);
        loop {
            match cursor.next_boundary(self.text, 0) {
                Ok(Some(end)) => return end,
                Ok(None) => return self.text.len(),
                Err(GraphemeIncomplete::PreContext(before)) => {
                    cursor.provide_context(&self.text[..before], 0);
                }
                // The whole text is given at once, so nothing else is missing.
                Err(_) => {
                    let next = self.text[at..].chars().next().map_or(1, char::len_utf8);
                    return at + next;
                }
            }
        }
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (at, grapheme) = match self.rest.take() {
            Some(rest) => rest,
            None => {
                if self.at >= self.text.len() {
                    return None;
                }
                let (start, end) = (self.at, self.grapheme_end());
                self.at = end;
                if end == start + 1 {
                    // One byte: ASCII, a unit whatever it is.
                    return Some((start, &self.text[start..end]));
                }
                (start, &self.text[start..end])
            }
        };
        let before = self.text[..at].chars().next_back();
        let mut chars = grapheme.char_indices();
        let (_, first) = chars.next()?;
        let cut = if sanitize::is_marker(before, first) {
            first.len_utf8()
        } else {
            let mut before = first;
            chars
                .find(|&(_, c)| {
                    let marker = sanitize::is_marker(Some(before), c);
                    before = c;
                    marker
                })
                .map_or(grapheme.len(), |(i, _)| i)
        };
        if cut < grapheme.len() {
            self.rest = Some((at + cut, &grapheme[cut..]));
        }
        Some((at, &grapheme[..cut]))
    }
}

/// Splits `text` into lines of at most `width` columns, breaking after spaces
/// where possible and inside words when a word is longer than a line.
///
/// `text` is one paragraph without newlines. Every returned range is non-empty
/// unless `text` is empty (then one empty range), so callers always get at
/// least one line and loops over the result always advance. Spaces at a break
/// hang at the end of the line they follow and are left out of both lines
/// (a text box puts them at the end of the first). A unit wider than `width`
/// gets a line of its own (the terminal clips it).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    wrap_from(text, width, 0, |range| {
        lines.push(range);
        true
    });
    lines
}

/// [`wrap`] from `from`, the start of one of its lines, handing each line to
/// `line` until it returns false: a line's breaks depend only on the text
/// from its start (the units before it are context, not state), so an edit
/// rewraps from a few lines before it and stops where the lines meet the
/// old ones again.
pub fn wrap_from(
    text: &str,
    width: usize,
    from: usize,
    mut line: impl FnMut(Range<usize>) -> bool,
) {
    let width = width.max(1);
    let mut any = from > 0;
    let mut start = from; // start of the current line
    let mut columns = 0; // width of text[start..at]
    let mut last_break: Option<(usize, usize)> = None; // (end of line, start of next)
    let mut iter = units_from(text, from).peekable();
    // Hands a line on; stops the wrap when the caller has enough.
    macro_rules! emit {
        ($range:expr) => {{
            any = true;
            if !line($range) {
                return;
            }
        }};
    }
    while let Some((at, unit)) = iter.next() {
        if unit == " " {
            // Trailing spaces never force a break: they are dropped at the break.
            let mut end = at + 1;
            while let Some(&(i, " ")) = iter.peek() {
                iter.next();
                end = i + 1;
            }
            last_break = Some((at, end));
            columns += end - at;
            continue;
        }
        let w = unit_width(unit);
        if columns + w > width && at > start {
            match last_break.filter(|&(end, _)| end > start) {
                Some((end, next)) => {
                    emit!(start..end);
                    start = next;
                    columns = units_from(text, start)
                        .take_while(|&(i, _)| i < at)
                        .map(|(_, u)| unit_width(u))
                        .sum();
                }
                None => {
                    emit!(start..at);
                    start = at;
                    columns = 0;
                }
            }
            last_break = None;
            if columns + w > width && at > start {
                emit!(start..at);
                start = at;
                columns = 0;
            }
        }
        columns += w;
    }
    if start < text.len() || !any {
        let end = text.len();
        // A paragraph ending in spaces: drop them, like at any other break.
        let trimmed = start + text[start..end].trim_end_matches(' ').len();
        if trimmed > start || !any {
            line(start..trimmed.max(start));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(lines("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(lines("the quick brown fox", 100), ["the quick brown fox"]);
        assert_eq!(lines("aaaa   bbbb", 6), ["aaaa", "bbbb"], "spaces hang");
    }

    #[test]
    fn long_words_break_inside() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(lines("ab abcdefghij", 4), ["ab", "abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(lines("日本語のテキスト", 6), ["日本語", "のテキ", "スト"]);
        assert_eq!(lines("日本", 1), ["日", "本"]);
        assert_eq!(lines("a 🚚 b", 4), ["a 🚚", "b"]);
    }

    #[test]
    fn a_letter_and_its_accents_stay_on_one_line() {
        // `e` and a combining acute accent: one unit, one column.
        let text = "caf\u{301}e\u{301}s";
        assert_eq!(lines(text, 4), ["caf\u{301}e\u{301}", "s"]);
        assert_eq!(lines("日\u{301}本", 1), ["日\u{301}", "本"]);
        let units: Vec<&str> = units("e\u{301}\u{200d}x").map(|(_, u)| u).collect();
        assert_eq!(
            units,
            ["e\u{301}", "\u{200d}", "x"],
            "a marker is its own unit"
        );
    }

    #[test]
    fn markers_take_the_width_they_are_drawn_with() {
        assert_eq!(
            shown_width_after(None, '\u{202e}'),
            "⟨U+202E⟩".chars().count()
        );
        assert_eq!(
            shown_width_after(None, '\u{E0041}'),
            "⟨U+E0041⟩".chars().count()
        );
        assert_eq!(unit_width("a\u{1b}"), 2);
        assert_eq!(lines("ab\u{202e}cd", 4), ["ab", "\u{202e}", "cd"]);
        for text in [
            "a\u{3164}b",
            "\u{FE0F}x",
            "\u{2764}\u{FE0F}",
            "\u{1F600}\u{FE0F}",
            "x \u{FE0F}",
            "\u{AD}\u{FE0F}",
            "\u{1F44D}\u{1F3FD}",
        ] {
            assert_eq!(
                shown_text_width(text),
                text_width(&sanitize::line(text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_variation_selector_is_a_unit_of_its_own_only_where_it_stands_alone() {
        let units_of = |text| units(text).map(|(_, u)| u).collect::<Vec<&str>>();
        assert_eq!(units_of("\u{1F600}\u{FE0F}a"), ["\u{1F600}\u{FE0F}", "a"]);
        assert_eq!(units_of("\u{2764}\u{FE0F}a"), ["\u{2764}", "\u{FE0F}", "a"]);
        assert_eq!(units_of("a \u{FE0F}"), ["a", " ", "\u{FE0F}"]);
        assert_eq!(units_of("\u{FE0F}"), ["\u{FE0F}"]);
    }

    #[test]
    fn empty_and_space_only_text_give_one_line() {
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("   ", 10), [""]);
        assert_eq!(lines("a   ", 2), ["a"]);
        assert_eq!(lines("a  b", 1), ["a", "b"]);
    }

    #[test]
    fn every_line_fits_and_nothing_is_lost() {
        let text = "Restock 日本 between 22:00 and 05:00, abcdefghijklmnop 🚚🚚 x";
        for width in 1..40 {
            let ranges = wrap(text, width);
            let mut rebuilt = String::new();
            for r in &ranges {
                let line = &text[r.clone()];
                assert!(text_width(line) <= width.max(2), "{width}: {line:?}");
                rebuilt.push_str(line);
            }
            let squeezed: String = text.chars().filter(|c| *c != ' ').collect();
            let rebuilt: String = rebuilt.chars().filter(|c| *c != ' ').collect();
            assert_eq!(rebuilt, squeezed, "width {width}");
        }
    }
}
