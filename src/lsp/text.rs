//! A file's text as the protocol addresses it: lines, and columns counted in
//! UTF-16 code units, which is what every LSP client speaks unless told
//! otherwise. Edits arrive as ranges in those units; the line starts are
//! kept up to date edit by edit rather than recounted over the whole text.

use std::ops::Range;

use lsp_types::Position;

/// A text and where each of its lines starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    /// Byte offset of each line's first character; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl Text {
    /// Indexes `text` once.
    pub fn new(text: String) -> Text {
        let starts = line_starts(&text, 0);
        Text { text, starts }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// The byte offset of `position`. A column past the end of its line is
    /// the line's end, a line past the last is the end of the text, and a
    /// column inside a character the client split in two is that
    /// character's start: bad positions from a client never panic.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let end = self.line_end(position.line as usize);
        let mut units = 0;
        for (i, c) in self.text[start..end].char_indices() {
            let next = units + c.len_utf16() as u32;
            if next > position.character {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The position of byte `offset` (clamped to the text, and to the start
    /// of the character it falls in).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let character = self.text[self.starts[line]..offset]
            .chars()
            .map(|c| c.len_utf16() as u32)
            .sum();
        Position {
            line: line as u32,
            character,
        }
    }

    /// The protocol range of the bytes `span`.
    pub fn range(&self, span: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range {
            start: self.position(span.start),
            end: self.position(span.end.max(span.start)),
        }
    }

    /// The bytes of a protocol range (ends swapped if a client sends them backwards).
    pub fn span(&self, range: lsp_types::Range) -> Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }

    /// The text of the line holding `offset`, up to `offset`.
    pub fn line_before(&self, offset: usize) -> &str {
        let offset = self.position(offset);
        let start = self.starts[offset.line as usize];
        &self.text[start..self.offset(offset)]
    }

    /// Replaces the bytes `span` (clamped to the text and to character
    /// boundaries) with `with`, and moves the line starts after it.
    pub fn replace(&mut self, span: Range<usize>, with: &str) {
        let start = self.floor(span.start);
        let end = self.floor(span.end.max(start));
        self.text.replace_range(start..end, with);
        // Lines starting inside the replaced bytes are gone; the inserted
        // text brings its own; the rest move by the change in length.
        let first = self.starts.partition_point(|&s| s <= start);
        let last = self.starts.partition_point(|&s| s <= end);
        let delta = with.len() as isize - (end - start) as isize;
        let added = line_starts(with, start).into_iter().skip(1);
        let moved: Vec<usize> = self.starts[last..]
            .iter()
            .map(|&s| s.saturating_add_signed(delta))
            .collect();
        self.starts.truncate(first);
        self.starts.extend(added);
        self.starts.extend(moved);
    }

    /// Replaces the whole text.
    pub fn set(&mut self, text: String) {
        *self = Text::new(text);
    }

    fn line_end(&self, line: usize) -> usize {
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        // A CRLF line ends before its CR.
        if end > self.starts[line] && self.text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        }
    }

    /// `offset` clamped to the text and moved back to a character's start.
    pub fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

/// The line starts of `text`, as offsets from `base`, the first being `base`.
fn line_starts(text: &str, base: usize) -> Vec<usize> {
    std::iter::once(base)
        .chain(text.match_indices('\n').map(|(i, _)| base + i + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn columns_count_utf16_units() {
        // `é` is one unit, `𝄞` (outside the BMP) two.
        let text = Text::new("a = 1\ntitle = \"é𝄞x\"\n".into());
        let x = text.as_str().find('x').unwrap();
        assert_eq!(text.position(x), at(1, 12));
        assert_eq!(text.offset(at(1, 12)), x);
        // Half of the surrogate pair is the character's start.
        assert_eq!(text.offset(at(1, 11)), x - 4);
        assert_eq!(text.offset(at(1, 99)), text.as_str().len() - 1);
        assert_eq!(text.offset(at(9, 0)), text.as_str().len());
    }

    #[test]
    fn crlf_lines_end_before_the_cr() {
        let text = Text::new("ab\r\ncd".into());
        assert_eq!(text.offset(at(0, 9)), 2);
        assert_eq!(text.position(4), at(1, 0));
    }

    #[test]
    fn edits_keep_the_line_starts_as_a_fresh_count_would() {
        let mut text = Text::new("one\ntwo\nthree\nfour\n".into());
        let edits: [(Range<usize>, &str); 5] = [
            (4..8, ""),
            (0..0, "zero\n"),
            (6..12, "a\nb\nc"),
            (3..3, "é\n"),
            (0..999, "x"),
        ];
        for (span, with) in edits {
            text.replace(span, with);
            assert_eq!(
                text,
                Text::new(text.as_str().to_owned()),
                "{:?}",
                text.as_str()
            );
        }
    }

    #[test]
    fn the_line_before_the_cursor() {
        let text = Text::new("[options.a]\ninitiative = \"pro".into());
        assert_eq!(text.line_before(text.len()), "initiative = \"pro");
    }
}
