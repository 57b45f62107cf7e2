//! Word wrapping by display width (CJK and emoji take two columns), producing
//! byte ranges into the text so highlights can be mapped onto wrapped lines.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// The columns `c` takes on a terminal; control characters never reach here
/// (the text is sanitized first), so they count as zero.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The columns `text` takes.
pub fn text_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// Splits `text` into lines of at most `width` columns, breaking after spaces
/// where possible and inside words when a word is longer than a line.
///
/// `text` is one paragraph without newlines. Every returned range is non-empty
/// unless `text` is empty (then one empty range), so callers always get at
/// least one line and loops over the result always advance. Spaces at a break
/// are left out of both lines. A character wider than `width` gets a line of
/// its own (the terminal clips it).
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0; // start of the current line
    let mut columns = 0; // width of text[start..at]
    let mut last_break: Option<(usize, usize)> = None; // (end of line, start of next)
    let mut iter = text.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        let w = char_width(c);
        if c == ' ' {
            // Trailing spaces never force a break: they are dropped at the break.
            let mut end = at + 1;
            while let Some(&(i, ' ')) = iter.peek() {
                iter.next();
                end = i + 1;
            }
            last_break = Some((at, end));
            columns += 1 + (end - at - 1);
            continue;
        }
        if columns + w > width && at > start {
            match last_break.filter(|&(end, _)| end > start) {
                Some((end, next)) => {
                    lines.push(start..end);
                    start = next;
                    columns = text_width(&text[start..at]);
                }
                None => {
                    lines.push(start..at);
                    start = at;
                    columns = 0;
                }
            }
            last_break = None;
            if columns + w > width && at > start {
                lines.push(start..at);
                start = at;
                columns = 0;
            }
        }
        columns += w;
    }
    if start < text.len() || lines.is_empty() {
        let end = text.len();
        // A paragraph ending in spaces: drop them, like at any other break.
        let trimmed = start + text[start..end].trim_end_matches(' ').len();
        if trimmed > start || lines.is_empty() {
            lines.push(start..trimmed.max(start));
        }
    }
    lines
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
