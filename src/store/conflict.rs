//! Git conflict markers, found before parsing.
//!
//! A merge that stopped half way leaves `<<<<<<<`, `=======` and `>>>>>>>`
//! lines in the file. Inside a multi-line string they are valid TOML and would
//! silently become part of someone's prose, so they are looked for line by line
//! before the parser sees the file.

use std::ops::Range;

/// One conflict marker line: where it is and which marker it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictMarker {
    /// 1-based line number.
    pub line: usize,
    /// Byte range of the marker line, without its newline.
    pub span: Range<usize>,
    /// The marker itself: `<<<<<<<`, `|||||||`, `=======` or `>>>>>>>`.
    pub marker: &'static str,
}

const MARKERS: [&str; 4] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"];

/// Every conflict marker line in `text`, in order.
///
/// A `=======` line only counts inside a `<<<<<<<` … `>>>>>>>` block, since
/// seven equals signs alone are a plausible underline in someone's notes.
pub fn find_markers(text: &str) -> Vec<ConflictMarker> {
    let mut found = Vec::new();
    let mut in_block = false;
    let mut offset = 0;
    for (index, raw_line) in text.split_inclusive('\n').enumerate() {
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let span = offset..offset + line.len();
        offset += raw_line.len();
        let Some(marker) = MARKERS.into_iter().find(|m| is_marker_line(line, m)) else {
            continue;
        };
        let counts = match marker {
            "<<<<<<<" => {
                in_block = true;
                true
            }
            ">>>>>>>" => {
                in_block = false;
                true
            }
            _ => in_block,
        };
        if counts {
            found.push(ConflictMarker {
                line: index + 1,
                span,
                marker,
            });
        }
    }
    found
}

/// Git writes the marker, then a space and a label, or nothing (`=======`).
fn is_marker_line(line: &str, marker: &str) -> bool {
    match line.strip_prefix(marker) {
        Some(rest) => rest.is_empty() || rest.starts_with(' '),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markers_inside_multiline_strings() {
        let text = "future = \"\"\"\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> main\n\"\"\"\n";
        let lines: Vec<usize> = find_markers(text).iter().map(|m| m.line).collect();
        assert_eq!(lines, [2, 4, 6]);
        assert_eq!(&text[find_markers(text)[0].span.clone()], "<<<<<<< HEAD");
    }

    #[test]
    fn a_lone_underline_of_equals_signs_is_not_a_conflict() {
        assert!(find_markers("notes = \"\"\"\nRisks\n=======\nnone\n\"\"\"\n").is_empty());
        assert!(find_markers("title = \"<<<<<<<< arrows\"\n").is_empty());
    }

    #[test]
    fn crlf_line_endings_are_handled() {
        let text = "a = 1\r\n<<<<<<< ours\r\n=======\r\n>>>>>>> theirs\r\n";
        assert_eq!(find_markers(text).len(), 3);
    }
}
