//! Turning a field's raw text into text that is safe to show and easy to
//! wrap, without losing track of where each byte came from (diagnostics
//! point at bytes of the raw text).

use std::ops::Range;

use crate::sanitize;

/// Makes the file's text safe to show and maps byte `offsets` of `raw`
/// (sorted) to offsets in the result, in one pass.
///
/// Control and invisible characters become visible markers
/// ([`sanitize::block`]), tabs become one space and `\r\n` becomes ` \n`, so
/// everything else keeps its bytes.
pub(super) fn display(raw: &str, offsets: &[usize]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(raw.len());
    let mut mapped = Vec::with_capacity(offsets.len());
    let mut next = offsets.iter().peekable();
    let mut chars = raw.char_indices().peekable();
    let mut before = None;
    while let Some((at, c)) = chars.next() {
        while next.peek().is_some_and(|&&o| o <= at) {
            next.next();
            mapped.push(out.len());
        }
        match c {
            '\t' => out.push(' '),
            '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => out.push(' '),
            _ => sanitize::push_block_char(&mut out, before, c),
        }
        before = Some(c);
    }
    mapped.extend(next.map(|_| out.len()));
    (out, mapped)
}

/// Hard breaks in reflowed text: blank lines separate paragraphs (shown as
/// one empty range), and a line that starts a list item or is indented starts
/// a new range. Trailing blank lines are dropped.
pub(super) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    let mut blank_pending = false;
    for line in text.split('\n') {
        let line_start = at;
        let line_end = at + line.len();
        at = line_end + 1;
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..line_start.saturating_sub(1).max(s));
            }
            blank_pending = !out.is_empty();
            continue;
        }
        let hard = starts_item(line);
        if blank_pending {
            out.push(line_start..line_start);
            blank_pending = false;
        }
        match start {
            Some(s) if hard => {
                out.push(s..line_start - 1);
                start = Some(line_start);
            }
            Some(_) => {}
            None => start = Some(line_start),
        }
    }
    if let Some(s) = start {
        out.push(s..text.len().max(s));
    }
    // Trim trailing newline characters out of ranges.
    for range in &mut out {
        while range.end > range.start && text.as_bytes()[range.end - 1] == b'\n' {
            range.end -= 1;
        }
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// The paragraph list of a block that is one paragraph of `len` bytes.
#[allow(clippy::single_range_in_vec_init)] // A list of ranges that has one range, not a range of numbers.
pub(super) fn single(len: usize) -> Vec<Range<usize>> {
    vec![0..len]
}

fn starts_item(line: &str) -> bool {
    let trimmed = line.trim_start();
    line.starts_with([' ', '\t'])
        || ["- ", "* ", "• "].iter().any(|m| trimmed.starts_with(m))
        || trimmed.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Turns the newlines inside each paragraph into spaces (same byte length).
pub(super) fn soften_newlines(text: String, paragraphs: &[Range<usize>]) -> String {
    let mut bytes = text.into_bytes();
    for range in paragraphs {
        for b in &mut bytes[range.clone()] {
            if *b == b'\n' {
                *b = b' ';
            }
        }
    }
    // Only ASCII newlines were replaced by ASCII spaces, so this is still UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_maps_offsets_past_markers() {
        let raw = "a\u{1b}[2Jb\tc";
        let (text, mapped) = display(raw, &[0, 1, 5, 6, raw.len()]);
        assert_eq!(text, "a␛[2Jb c");
        assert_eq!(mapped, [0, 1, "a␛[2J".len(), "a␛[2Jb".len(), text.len()]);
        assert_eq!(display("x\r\ny", &[]).0, "x \ny");
        assert_eq!(display("a\u{202e}b", &[2]).0, "a⟨U+202E⟩b");
    }

    #[test]
    fn reflow_keeps_blank_lines_and_list_items() {
        let text = "one\ntwo\n\nthree\n- item\n- item2\n";
        let ranges = paragraphs(text);
        let shown: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(shown, ["one\ntwo", "", "three", "- item", "- item2"]);
        assert_eq!(
            soften_newlines(text.to_owned(), &ranges[..1])[..7],
            *"one two"
        );
    }
}
