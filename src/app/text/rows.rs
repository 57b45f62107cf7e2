//! The screen rows a text box's lines wrap to, kept between frames: a
//! keystroke rewraps only the rows around it, so typing in a megabyte-long
//! line costs what it costs in a short one. [`wrap::wrap_from`] makes that
//! sound: a row's breaks depend only on the text from its start, so the
//! rows are rewrapped from a few rows before the edit until a row starts
//! where an old one did (moved by what the edit added or took away), and
//! the old rows after it are kept. The tests check the rows against a fresh
//! wrap after every edit.

use std::ops::Range;

use super::TextBuffer;
use super::wrap::{self, unit_floor};

impl TextBuffer {
    /// Replaces `range` of the cursor's line with `with`, rewrapping only
    /// the rows around it.
    pub(super) fn splice(&mut self, range: Range<usize>, with: &str) {
        let line = &mut self.lines[self.line];
        let (at, removed) = (range.start, range.len());
        line.replace_range(range, with);
        self.rows
            .get_mut()
            .spliced(self.line, line, at, removed, with.len());
    }

    /// Joins the next line onto the cursor's.
    pub(super) fn join_next(&mut self) {
        let next = self.lines.remove(self.line + 1);
        self.lines[self.line].push_str(&next);
        self.rows.get_mut().forget();
    }
}

/// How many rows before the edited one are rewrapped: a row's break is
/// decided by reading, at most, into the first unit of the row after next
/// (and the character after it), so an edit can move the breaks of the
/// three rows before its own.
const ROWS_BEFORE: usize = 3;

/// The row starts of every line at one width, or nothing until the next
/// frame asks.
#[derive(Debug, Clone, Default)]
pub(super) struct Rows {
    cache: Option<Cache>,
}

#[derive(Debug, Clone)]
struct Cache {
    width: usize,
    /// For each line, where each of its rows starts (the first at 0).
    starts: Vec<Vec<usize>>,
}

/// A cache is no part of a buffer's value: two buffers with the same text
/// and cursor are equal whatever they last drew.
impl PartialEq for Rows {
    fn eq(&self, _: &Rows) -> bool {
        true
    }
}

impl Eq for Rows {}

impl Rows {
    /// Forgets every row: the lines changed in a way [`Rows::spliced`] does
    /// not follow (a line split, joined, moved or removed, the whole text
    /// replaced), so the next frame wraps them all again.
    pub fn forget(&mut self) {
        self.cache = None;
    }

    /// Line `index`, now `text`, had `removed` bytes at `at` replaced by
    /// `inserted` bytes: rewraps its rows around `at`.
    pub fn spliced(
        &mut self,
        index: usize,
        text: &str,
        at: usize,
        removed: usize,
        inserted: usize,
    ) {
        let Some(cache) = &mut self.cache else {
            return;
        };
        let Some(old) = cache.starts.get_mut(index) else {
            self.cache = None;
            return;
        };
        // The unit before the edit may have joined what was typed (an
        // accent after a letter), so the damage starts with it.
        let damage = unit_floor(text, at.saturating_sub(1));
        let row = old
            .partition_point(|&start| start <= damage)
            .saturating_sub(1);
        let first = row.saturating_sub(ROWS_BEFORE);
        let from = old.get(first).copied().unwrap_or(0).min(text.len());
        let edit_end = at + inserted;
        let mut fresh = Vec::new();
        let mut rejoin = None;
        wrap::wrap_from(text, cache.width, from, |range| {
            let start = range.start;
            if start > edit_end {
                // Where this row would have started before the edit.
                let before = start + removed - inserted;
                if let Ok(m) = old.binary_search(&before) {
                    rejoin = Some(m);
                    return false;
                }
            }
            fresh.push(start);
            true
        });
        let tail: Vec<usize> = match rejoin {
            Some(m) => old[m..]
                .iter()
                .map(|&start| start + inserted - removed)
                .collect(),
            None => Vec::new(),
        };
        old.truncate(first);
        old.extend(fresh);
        old.extend(tail);
    }

    /// The row starts of `lines` at `width`, from the cache when it holds
    /// that width.
    pub fn starts(&mut self, lines: &[String], width: usize) -> &[Vec<usize>] {
        let fresh = self
            .cache
            .as_ref()
            .is_none_or(|c| c.width != width || c.starts.len() != lines.len());
        if fresh {
            let starts = lines
                .iter()
                .map(|line| {
                    wrap::wrap(line, width)
                        .into_iter()
                        .map(|range| range.start)
                        .collect()
                })
                .collect();
            self.cache = Some(Cache { width, starts });
        }
        match &self.cache {
            Some(cache) => &cache.starts,
            None => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::TextBuffer;
    use super::super::wrap::{unit_before, unit_floor, units};

    /// Pieces text is typed from: spaces, wide characters, accents that join
    /// the letter before, markers, flags that pair up, and a long word.
    const PIECES: &[&str] = &[
        "a",
        "b",
        " ",
        "  ",
        "日",
        "e\u{301}",
        "\u{301}",
        "\u{200d}",
        "\u{fe0f}",
        "\u{1f1fa}",
        "\u{1f1f8}",
        "\t",
        "\u{1b}",
        "abcdefghijklmnop",
        "\u{202e}",
        "🚚",
        "x y z ",
    ];

    #[derive(Debug, Clone)]
    enum Op {
        Type(usize),
        Paste(Vec<usize>),
        Backspace,
        Delete,
        Left,
        Right,
        WordLeft,
        WordRight,
        Home,
        End,
        Up,
        Down,
        DeleteWord,
        Kill,
        ToLineStart,
        NewLine,
        Undo,
        Width(usize),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            6 => (0..PIECES.len()).prop_map(Op::Type),
            1 => prop::collection::vec(0..PIECES.len(), 1..20).prop_map(Op::Paste),
            3 => Just(Op::Backspace),
            2 => Just(Op::Delete),
            3 => Just(Op::Left),
            1 => Just(Op::Right),
            1 => Just(Op::WordLeft),
            1 => Just(Op::WordRight),
            1 => Just(Op::Home),
            1 => Just(Op::End),
            2 => Just(Op::Up),
            1 => Just(Op::Down),
            1 => Just(Op::DeleteWord),
            1 => Just(Op::Kill),
            1 => Just(Op::ToLineStart),
            1 => Just(Op::NewLine),
            1 => Just(Op::Undo),
            1 => (2usize..30).prop_map(Op::Width),
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(0..PIECES.len(), 0..60)
            .prop_map(|pieces| pieces.into_iter().map(|i| PIECES[i]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// After every edit, the rows kept from frame to frame are the rows
        /// a fresh wrap of the text gives, and so is the cursor's place.
        #[test]
        fn kept_rows_equal_a_fresh_wrap(
            start in text(),
            mut width in 2usize..30,
            ops in prop::collection::vec(op(), 1..60),
        ) {
            let mut buffer = TextBuffer::new(&start);
            buffer.wrapped(width);
            for op in ops {
                match op {
                    Op::Type(i) => PIECES[i].chars().for_each(|c| buffer.insert(c)),
                    Op::Paste(pieces) => {
                        let text: String = pieces.into_iter().map(|i| PIECES[i]).collect();
                        buffer.insert_str(&text);
                    }
                    Op::Backspace => buffer.backspace(),
                    Op::Delete => buffer.delete(),
                    Op::Left => buffer.left(),
                    Op::Right => buffer.right(),
                    Op::WordLeft => buffer.word_left(),
                    Op::WordRight => buffer.word_right(),
                    Op::Home => buffer.home(),
                    Op::End => buffer.end(),
                    Op::Up => buffer.up_row(width),
                    Op::Down => buffer.down_row(width),
                    Op::DeleteWord => buffer.delete_word_back(),
                    Op::Kill => buffer.kill_to_line_end(),
                    Op::ToLineStart => buffer.delete_to_line_start(),
                    Op::NewLine => buffer.insert('\n'),
                    Op::Undo => { buffer.undo(); }
                    Op::Width(w) => width = w,
                }
                let mut fresh = TextBuffer::new(&buffer.text());
                (fresh.line, fresh.column) = buffer.cursor();
                prop_assert_eq!(buffer.wrapped(width), fresh.wrapped(width), "{:?}", buffer.text());
            }
        }

        /// Looking back from the cursor finds the units walking from the
        /// line's start finds.
        #[test]
        fn looking_back_agrees_with_walking_forward(text in text()) {
            let starts: Vec<usize> = units(&text).map(|(at, _)| at).collect();
            for (i, &end) in starts.iter().enumerate().skip(1).chain([(starts.len(), &text.len())]) {
                if end == 0 {
                    continue;
                }
                let walked = units(&text[..end]).last().map_or(0, |(at, _)| at);
                prop_assert_eq!(unit_before(&text, end), walked, "before {} ({})", end, i);
            }
            for column in 0..=text.len() + 1 {
                let walked = if column >= text.len() {
                    text.len()
                } else {
                    units(&text).map(|(at, _)| at).take_while(|&at| at <= column).last().unwrap_or(0)
                };
                prop_assert_eq!(unit_floor(&text, column), walked, "floor of {}", column);
            }
        }
    }

    #[test]
    fn a_key_at_the_end_of_a_long_line_keeps_the_rows_before_it() {
        let mut buffer = TextBuffer::new(&format!("{}end", "word ".repeat(20_000)));
        let (rows, _) = buffer.wrapped(40);
        buffer.insert('x');
        let (after, _) = buffer.wrapped(40);
        assert_eq!(after.len(), rows.len());
        assert_eq!(after[..rows.len() - 1], rows[..rows.len() - 1]);
        assert_eq!(after, TextBuffer::new(&buffer.text()).wrapped(40).0);
    }
}
