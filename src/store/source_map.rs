//! Where each node and field sits in the file, so findings about text inside a
//! field can be reported as `file:line:col`.
//!
//! Spans are recorded while loading (cheap: a few ranges per field); turning a
//! span into a line and column is done only when a report is printed.

use std::ops::Range;

use crate::model::{Field, NodeId};

/// Byte spans of every node and field, recorded by the loader.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMap {
    nodes: Vec<NodeSpans>,
}

#[derive(Debug, Clone, Default, PartialEq)]
struct NodeSpans {
    header: Range<usize>,
    /// A few per node, so a list: a map per node cost a kilobyte each (a
    /// seventh of what `strata lint` held on a 13 MB file).
    fields: Vec<(Field, Range<usize>)>,
}

/// A 1-based line and column (in characters), as editors count them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl SourceMap {
    pub(crate) fn set_header(&mut self, node: NodeId, span: Range<usize>) {
        self.slot(node).header = span;
    }

    /// Records where each of `node`'s fields is (a later span of the same
    /// field replaces an earlier one).
    pub(crate) fn set_fields(
        &mut self,
        node: NodeId,
        fields: impl IntoIterator<Item = (Field, Range<usize>)>,
    ) {
        let slot = &mut self.slot(node).fields;
        for (field, span) in fields {
            match slot.iter_mut().find(|(f, _)| *f == field) {
                Some(known) => known.1 = span,
                None => slot.push((field, span)),
            }
        }
        slot.shrink_to_fit();
    }

    /// Moves the spans of the nodes from index `first` on by `by` bytes:
    /// they were recorded in a piece of the file that starts there.
    pub(crate) fn shift_from(&mut self, first: usize, by: usize) {
        let shift = |span: &mut Range<usize>| *span = span.start + by..span.end + by;
        for node in self.nodes.iter_mut().skip(first) {
            shift(&mut node.header);
            node.fields.iter_mut().for_each(|(_, span)| shift(span));
        }
    }

    fn slot(&mut self, node: NodeId) -> &mut NodeSpans {
        if self.nodes.len() <= node.index() {
            self.nodes.resize_with(node.index() + 1, NodeSpans::default);
        }
        &mut self.nodes[node.index()]
    }

    /// The span of the node's table key (`win-mid-market` in `[intents.win-mid-market]`).
    pub fn header(&self, node: NodeId) -> Option<Range<usize>> {
        self.nodes.get(node.index()).map(|n| n.header.clone())
    }

    /// The span of a field's value as written (quotes included), if the file has it.
    pub fn field(&self, node: NodeId, field: Field) -> Option<Range<usize>> {
        let fields = &self.nodes.get(node.index())?.fields;
        fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, span)| span.clone())
    }

    /// The file bytes that a finding about `range` of a field's text points at.
    ///
    /// Falls back to the whole field, then to the list the field is in, then to
    /// the node's header: a finding about a missing field points at its node.
    pub fn locate(
        &self,
        text: &str,
        node: NodeId,
        field: Field,
        range: Range<usize>,
    ) -> Range<usize> {
        if let Some(span) = self.field(node, field) {
            let raw = &text[span.clone()];
            if range.is_empty() && range.start == 0 {
                return span;
            }
            let start = span.start + raw_offset(raw, range.start);
            let end = span.start + raw_offset(raw, range.end);
            return start..end.max(start);
        }
        let container = match field {
            Field::WillNot(_) => Some(Field::WillNotList),
            Field::Metric(..) => Some(Field::Metrics),
            Field::Checkin(_) => Some(Field::Checkins),
            _ => None,
        };
        container
            .and_then(|c| self.field(node, c))
            .or_else(|| self.header(node))
            .unwrap_or(0..0)
    }
}

/// Maps a byte offset in a string's decoded text to an offset in its TOML
/// spelling (`raw`, delimiters included), so carets land on the right characters
/// even when the string has escapes or a trimmed first newline.
pub fn raw_offset(raw: &str, decoded: usize) -> usize {
    let (open, literal, multiline) = if raw.starts_with("\"\"\"") {
        (3, false, true)
    } else if raw.starts_with("'''") {
        (3, true, true)
    } else if raw.starts_with('"') {
        (1, false, false)
    } else if raw.starts_with('\'') {
        (1, true, false)
    } else {
        // Not a string (a number, a date): offsets are already raw.
        return decoded.min(raw.len());
    };
    let bytes = raw.as_bytes();
    let mut at = open;
    if multiline {
        // A newline right after the opening delimiter is not part of the text.
        if raw[at..].starts_with("\r\n") {
            at += 2;
        } else if raw[at..].starts_with('\n') {
            at += 1;
        }
    }
    let body_end = raw.len().saturating_sub(open).max(at);
    let mut seen = 0;
    while at < body_end {
        // Bytes up to the next escape or CR decode to themselves: step over
        // them at once, searching no further than the offset, so a finding
        // deep in a long line costs a search, not a walk (a thousand
        // findings on one line were quadratic).
        if seen < decoded {
            let window = &bytes[at..(at + decoded - seen + 1).min(body_end)];
            let plain = if literal {
                memchr::memchr(b'\r', window)
            } else {
                memchr::memchr2(b'\\', b'\r', window)
            }
            .unwrap_or(window.len());
            if seen + plain > decoded {
                at += decoded - seen;
                // An offset inside a character (never asked for) moves past
                // it, as the walk did.
                while !raw.is_char_boundary(at) {
                    at += 1;
                }
                break;
            }
            at += plain;
            seen += plain;
            if at == body_end {
                break;
            }
        }
        let c = bytes[at];
        if seen >= decoded {
            // A line-ending backslash decodes to nothing: step over it so the
            // offset lands on the next visible character.
            let zero_width = !literal && c == b'\\' && escape_lengths(&raw[at..body_end]).1 == 0;
            if !zero_width {
                break;
            }
        }
        if literal || c != b'\\' {
            let len = utf8_len(c);
            if c == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at += 2;
                seen += 1;
                continue;
            }
            at += len;
            seen += len;
            continue;
        }
        // An escape: how much raw it spans and how many bytes it decodes to.
        let (raw_len, decoded_len) = escape_lengths(&raw[at..body_end]);
        at += raw_len;
        seen += decoded_len;
    }
    at.min(raw.len())
}

fn escape_lengths(rest: &str) -> (usize, usize) {
    let bytes = rest.as_bytes();
    match bytes.get(1) {
        Some(b'u') => (6, hex_char_len(rest.get(2..6))),
        Some(b'U') => (10, hex_char_len(rest.get(2..10))),
        Some(b'x') => (4, hex_char_len(rest.get(2..4))),
        Some(b' ' | b'\t' | b'\r' | b'\n') => {
            // A line-ending backslash: it and all following whitespace vanish.
            let skipped = rest[1..]
                .find(|c: char| !c.is_whitespace())
                .map_or(rest.len(), |n| n + 1);
            (skipped, 0)
        }
        Some(_) => (2, 1),
        None => (1, 0),
    }
}

fn hex_char_len(hex: Option<&str>) -> usize {
    hex.and_then(|h| u32::from_str_radix(h, 16).ok())
        .and_then(char::from_u32)
        .map_or(1, char::len_utf8)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Line starts of a text, for turning byte offsets into positions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Per line, whether it is all ASCII, so a column is a subtraction
    /// (counting the characters of a 60 KB line for each of its findings
    /// was quadratic).
    ascii: Vec<bool>,
}

impl LineIndex {
    /// Indexes `text` once; each lookup is then a binary search.
    pub fn new(text: &str) -> LineIndex {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        let ascii = starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| text.as_bytes()[start..end].is_ascii())
            .collect();
        LineIndex { starts, ascii }
    }

    /// The position of byte `offset` in `text` (the text this index was built from).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset).max(1) - 1;
        let prefix = &text[self.starts[line]..offset];
        let column = if self.ascii[line] {
            prefix.len()
        } else {
            prefix.chars().count()
        } + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The text of 1-based `line`, without its line ending.
    pub fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        let end = self.starts.get(line).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The byte range of 1-based `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Range<usize> {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        start..start + self.line_text(text, line).len()
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_offset_skips_delimiters_and_escapes() {
        // decoded: `say "hi" now`
        let raw = r#""say \"hi\" now""#;
        assert_eq!(&raw[raw_offset(raw, 9)..raw_offset(raw, 12)], "now");
        // decoded: `é→x`, via \u escapes
        let raw = r#""\u00e9\u2192x""#;
        assert_eq!(&raw[raw_offset(raw, 5)..], "x\"");
    }

    #[test]
    fn raw_offset_steps_over_long_plain_runs_between_escapes() {
        // decoded: 3,000 × "é " then `"x"` then `end`
        let plain = "é ".repeat(3000);
        let raw = format!("\"{plain}\\\"x\\\" end\"");
        let decoded_x = plain.len() + 1;
        assert_eq!(&raw[raw_offset(&raw, decoded_x)..][..1], "x");
        let decoded_end = plain.len() + 4;
        assert_eq!(&raw[raw_offset(&raw, decoded_end)..][..3], "end");
        // inside the run, offsets are the decoded ones past the quote
        assert_eq!(raw_offset(&raw, 2 * 1000 + 1000), 1 + 3000);
        // an offset inside `é` moves past it
        assert_eq!(raw_offset(&raw, 1), 3);
        // and inside a character an escape makes, past the escape
        assert_eq!(raw_offset(r#""\u00e9x""#, 1), 7);
    }

    #[test]
    fn raw_offset_trims_the_first_newline_of_multiline_strings() {
        let raw = "\"\"\"\nLine one.\nLine two.\"\"\"";
        assert_eq!(&raw[raw_offset(raw, 10)..raw_offset(raw, 14)], "Line");
        let literal = "'''\nC:\\path\\x'''";
        assert_eq!(
            &literal[raw_offset(literal, 3)..raw_offset(literal, 7)],
            "path"
        );
    }

    #[test]
    fn raw_offset_handles_line_ending_backslash() {
        // decoded: `The quick fox`
        let raw = "\"\"\"The quick \\\n     fox\"\"\"";
        assert_eq!(&raw[raw_offset(raw, 10)..raw_offset(raw, 13)], "fox");
    }

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "a = 1\ntitle = \"日本 x\"\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            index.position(text, x),
            Position {
                line: 2,
                column: 13
            }
        );
        assert_eq!(index.position(text, 0), Position { line: 1, column: 1 });
        assert_eq!(index.line_text(text, 2), "title = \"日本 x\"");
    }
}
