//! How wide command-line output may be, and text wrapped to it at words:
//! `--width N`, else the terminal's width when stdout is one, else no limit
//! (a pipe or a file gets whole lines, for tools).

use std::io::IsTerminal;
use std::ops::Range;

use super::style::{Style, Tone};
use crate::app::text::wrap::wrap;

/// The narrowest width strata wraps to; below it a line is too short to read.
pub const MIN_WIDTH: usize = 20;

/// The width to wrap to: `flag`, else the terminal's columns when stdout is
/// a terminal, else `None`.
pub fn width(flag: Option<usize>) -> Option<usize> {
    flag.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(crossterm::terminal::size)
            .and_then(Result::ok)
            .map(|(columns, _)| usize::from(columns))
    })
    .map(|w| w.max(MIN_WIDTH))
}

/// How a piece of a line is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    /// As it is.
    Plain,
    /// Bold.
    Bold,
    /// Dimmed.
    Dim,
    /// In a tone's colour.
    Tone(Tone),
}

/// Pieces of text (already sanitized), each with its paint, joined into
/// lines: the first at most `first` columns wide, the others `rest`, broken
/// after spaces; `None` widths keep one line. Paint is applied to each
/// piece of each line, so a colour never runs past a line's end.
pub fn lines(
    pieces: &[(String, Paint)],
    first: Option<usize>,
    rest: Option<usize>,
    style: Style,
) -> Vec<String> {
    let text: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
    let ranges = match (first, rest) {
        (Some(first), Some(rest)) => wrap_two(&text, first.max(1), rest.max(1)),
        _ => std::iter::once(0..text.len()).collect(),
    };
    let mut bounds = Vec::with_capacity(pieces.len());
    let mut at = 0;
    for (piece, paint) in pieces {
        bounds.push((at..at + piece.len(), *paint));
        at += piece.len();
    }
    ranges
        .into_iter()
        .map(|line| {
            let mut out = String::new();
            for (span, paint) in &bounds {
                let (start, end) = (span.start.max(line.start), span.end.min(line.end));
                if start < end {
                    out.push_str(&painted(style, *paint, &text[start..end]));
                }
            }
            out
        })
        .collect()
}

/// [`wrap`] with a first line of `first` columns and the others `rest`.
pub fn wrap_two(text: &str, first: usize, rest: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let Some(head) = wrap(text, first).into_iter().next() else {
        return std::iter::once(0..0).collect();
    };
    let mut next = head.end;
    ranges.push(head);
    while next < text.len() && text.as_bytes()[next] == b' ' {
        next += 1;
    }
    if next < text.len() {
        ranges.extend(
            wrap(&text[next..], rest)
                .into_iter()
                .map(|r| r.start + next..r.end + next),
        );
    }
    ranges
}

fn painted(style: Style, paint: Paint, text: &str) -> String {
    match paint {
        Paint::Plain => text.to_owned(),
        Paint::Bold => style.bold(text),
        Paint::Dim => style.dim(text),
        Paint::Tone(tone) => style.tone(tone, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_wrap_at_words_and_keep_their_paint_per_line() {
        let style = Style {
            stdout: true,
            stderr: false,
        };
        let pieces = [
            ("option".to_owned(), Paint::Dim),
            (" lane  Auto price the lanes".to_owned(), Paint::Plain),
        ];
        let out = lines(&pieces, Some(18), Some(10), style);
        assert_eq!(out[0], "\u{1b}[2moption\u{1b}[0m lane  Auto");
        assert_eq!(out[1..], ["price the", "lanes"]);
    }
}
