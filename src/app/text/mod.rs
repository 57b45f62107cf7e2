//! The text being edited: lines and a cursor, with the moves a good editor
//! has (words, line ends, soft-wrapped display). Pure and small, so the
//! editor overlay and the one-line prompts share it.

pub mod wrap;

use crate::sanitize;
use wrap::{char_width, text_width};

/// One screen row of wrapped text: (line index, bytes of that line).
pub type ScreenRow = (usize, std::ops::Range<usize>);

/// Editable text. `cursor` is (line, byte offset in that line), always on a
/// character boundary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBuffer {
    lines: Vec<String>,
    line: usize,
    column: usize,
    /// The screen column that up/down by row aim for, and where the cursor
    /// was left by that move: a run of up/down keeps its column across short
    /// rows, any other move starts a new run.
    goal: Option<(usize, (usize, usize))>,
}

impl Default for TextBuffer {
    fn default() -> Self {
        TextBuffer::new("")
    }
}

impl TextBuffer {
    /// A buffer holding `text`, the cursor at its end.
    pub fn new(text: &str) -> TextBuffer {
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let line = lines.len() - 1; // `split` yields at least one piece.
        let column = lines[line].len();
        TextBuffer {
            lines,
            line,
            column,
            goal: None,
        }
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// The lines.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// (line, byte offset) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    /// Inserts a character at the cursor (a newline splits the line).
    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            let rest = self.lines[self.line].split_off(self.column);
            self.line += 1;
            self.lines.insert(self.line, rest);
            self.column = 0;
        } else {
            self.lines[self.line].insert(self.column, c);
            self.column += c.len_utf8();
        }
    }

    /// Deletes the character before the cursor, joining lines at a line start.
    pub fn backspace(&mut self) {
        if self.column > 0 {
            let start = self.prev_boundary();
            self.lines[self.line].replace_range(start..self.column, "");
            self.column = start;
        } else if self.line > 0 {
            let rest = self.lines.remove(self.line);
            self.line -= 1;
            self.column = self.lines[self.line].len();
            self.lines[self.line].push_str(&rest);
        }
    }

    /// Deletes the character under the cursor, joining the next line at a line end.
    pub fn delete(&mut self) {
        if self.column < self.current().len() {
            let end = self.next_boundary();
            self.lines[self.line].replace_range(self.column..end, "");
        } else if self.line + 1 < self.lines.len() {
            let next = self.lines.remove(self.line + 1);
            self.lines[self.line].push_str(&next);
        }
    }

    /// Deletes back to the start of the previous word (ctrl-w).
    pub fn delete_word_back(&mut self) {
        if self.column == 0 {
            self.backspace();
            return;
        }
        let end = self.column;
        self.word_left();
        self.lines[self.line].replace_range(self.column..end, "");
    }

    /// Deletes from the line start to the cursor (ctrl-u).
    pub fn delete_to_line_start(&mut self) {
        self.lines[self.line].replace_range(..self.column, "");
        self.column = 0;
    }

    /// Swaps the cursor's line with the one above (`up`) or below; the
    /// cursor moves with it. Reorders list items, one per line.
    pub fn move_line(&mut self, up: bool) {
        let other = if up {
            self.line.checked_sub(1)
        } else {
            Some(self.line + 1).filter(|&l| l < self.lines.len())
        };
        if let Some(other) = other {
            self.lines.swap(self.line, other);
            self.line = other;
        }
    }

    /// Removes the cursor's line (a list item); the cursor starts the next one.
    pub fn delete_line(&mut self) {
        if self.lines.len() == 1 {
            self.lines[0].clear();
        } else {
            self.lines.remove(self.line);
            self.line = self.line.min(self.lines.len() - 1);
        }
        self.column = 0;
    }

    /// One character left, to the previous line's end at a line start.
    pub fn left(&mut self) {
        if self.column > 0 {
            self.column = self.prev_boundary();
        } else if self.line > 0 {
            self.line -= 1;
            self.column = self.current().len();
        }
    }

    /// One character right, to the next line's start at a line end.
    pub fn right(&mut self) {
        if self.column < self.current().len() {
            self.column = self.next_boundary();
        } else if self.line + 1 < self.lines.len() {
            self.line += 1;
            self.column = 0;
        }
    }

    /// Up one line, keeping the column as near as the line allows.
    pub fn up(&mut self) {
        if self.line > 0 {
            self.line -= 1;
            self.column = self.clamp_column(self.column);
        } else {
            self.column = 0;
        }
    }

    /// Down one line.
    pub fn down(&mut self) {
        if self.line + 1 < self.lines.len() {
            self.line += 1;
            self.column = self.clamp_column(self.column);
        } else {
            self.column = self.current().len();
        }
    }

    /// Up one screen row of the text soft-wrapped to `width`, as it is drawn,
    /// aiming for the column the run of up/down moves started in. With no
    /// width (nothing drawn yet) it moves by line.
    pub fn up_row(&mut self, width: usize) {
        self.vertical(width, false);
    }

    /// Down one screen row of the text soft-wrapped to `width`; see [`Self::up_row`].
    pub fn down_row(&mut self, width: usize) {
        self.vertical(width, true);
    }

    fn vertical(&mut self, width: usize, down: bool) {
        if width == 0 {
            if down {
                self.down()
            } else {
                self.up()
            }
            return;
        }
        let (rows, (row, x)) = self.wrapped(width);
        let goal = match self.goal {
            Some((goal, at)) if at == self.cursor() => goal,
            _ => x,
        };
        let target = if down {
            Some(row + 1)
        } else {
            row.checked_sub(1)
        };
        match target {
            None => (self.line, self.column) = (0, 0),
            Some(target) if target >= rows.len() => {
                self.line = self.lines.len() - 1;
                self.column = self.current().len();
            }
            Some(target) => {
                let (line, range) = rows[target].clone();
                let last_of_line = rows.get(target + 1).is_none_or(|(next, _)| *next != line);
                self.line = line;
                self.column = column_near(&self.lines[line], range, goal, last_of_line);
            }
        }
        self.goal = Some((goal, self.cursor()));
    }

    /// To the start of the line.
    pub fn home(&mut self) {
        self.column = 0;
    }

    /// To the end of the line.
    pub fn end(&mut self) {
        self.column = self.current().len();
    }

    /// To the start of the previous word.
    pub fn word_left(&mut self) {
        if self.column == 0 {
            self.left();
            return;
        }
        let before = &self.current()[..self.column];
        let trimmed = before.trim_end_matches(|c: char| !c.is_alphanumeric());
        self.column = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
    }

    /// To the end of the next word.
    pub fn word_right(&mut self) {
        let line = self.current();
        if self.column >= line.len() {
            self.right();
            return;
        }
        let after = &line[self.column..];
        let skipped = after.len()
            - after
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let word = after[skipped..]
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(after.len() - skipped, |(i, _)| i);
        self.column += skipped + word;
    }

    /// The text soft-wrapped to `width` columns, breaking after a space
    /// where a row has one and inside a word only when it must, with the
    /// cursor's (row, column) on screen.
    pub fn wrapped(&self, width: usize) -> (Vec<ScreenRow>, (usize, usize)) {
        let width = width.max(2);
        let mut rows = Vec::new();
        for (index, line) in self.lines.iter().enumerate() {
            let mut start = 0;
            let mut used = 0;
            // Just after the last space in this row: where a break looks best.
            let mut after_space: Option<(usize, usize)> = None;
            for (at, c) in line.char_indices() {
                let w = shown_width(c);
                if used + w > width && at > start {
                    let (cut, cut_used) = after_space
                        .filter(|&(b, _)| b > start)
                        .unwrap_or((at, used));
                    rows.push((index, start..cut));
                    start = cut;
                    used -= cut_used;
                    after_space = None;
                }
                used += w;
                if c == ' ' {
                    after_space = Some((at + 1, used));
                }
            }
            rows.push((index, start..line.len()));
        }
        let cursor = self.cursor_on(&rows, width);
        (rows, cursor)
    }

    /// Where the cursor lands among `rows`: at the end of a full row it
    /// starts the next one.
    fn cursor_on(&self, rows: &[ScreenRow], width: usize) -> (usize, usize) {
        let line = &self.lines[self.line];
        let mut found = (0, 0);
        for (i, (index, range)) in rows.iter().enumerate() {
            if *index != self.line || self.column < range.start {
                continue;
            }
            let x: usize = line[range.start..self.column]
                .chars()
                .map(shown_width)
                .sum();
            let last_of_line = rows.get(i + 1).is_none_or(|(next, _)| *next != self.line);
            if self.column < range.end || (last_of_line && x < width) {
                return (i, x);
            }
            found = (i + 1, 0);
            if last_of_line {
                break;
            }
        }
        found
    }

    fn current(&self) -> &str {
        &self.lines[self.line]
    }

    fn prev_boundary(&self) -> usize {
        self.current()[..self.column]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.current()[self.column..]
            .chars()
            .next()
            .map_or(self.column, |c| self.column + c.len_utf8())
    }

    fn clamp_column(&self, column: usize) -> usize {
        let line = self.current();
        let mut column = column.min(line.len());
        while !line.is_char_boundary(column) {
            column -= 1;
        }
        column
    }
}

/// The byte offset in `range` of `line` drawn nearest to screen column
/// `goal` without passing it. A row that is not its line's last cannot hold
/// the cursor at its end (that spot starts the next row), so it stops one
/// character short.
fn column_near(
    line: &str,
    range: std::ops::Range<usize>,
    goal: usize,
    last_of_line: bool,
) -> usize {
    let mut x = 0;
    let mut column = range.start;
    let mut before_last = range.start;
    for (at, c) in line[range.clone()].char_indices() {
        let w = shown_width(c);
        if x + w > goal {
            return range.start + at;
        }
        x += w;
        before_last = range.start + at;
        column = range.start + at + c.len_utf8();
    }
    if !last_of_line && column == range.end {
        before_last
    } else {
        column
    }
}

/// Columns `c` takes once sanitized: controls and invisible characters are
/// drawn as visible markers, so they take the marker's width.
pub fn shown_width(c: char) -> usize {
    if sanitize::is_terminal_control(c) || sanitize::is_invisible_format(c) {
        text_width(&sanitize::line(c.encode_utf8(&mut [0; 4])))
    } else {
        char_width(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_newlines_and_backspace_round_trip() {
        let mut b = TextBuffer::new("ab");
        b.insert('\n');
        b.insert('é');
        assert_eq!(b.text(), "ab\né");
        b.backspace();
        b.backspace();
        assert_eq!(b.text(), "ab");
        assert_eq!(b.cursor(), (0, 2));
    }

    #[test]
    fn moves_stay_on_character_boundaries() {
        let mut b = TextBuffer::new("日本語\nab");
        b.up();
        assert_eq!(b.cursor(), (0, 0));
        b.right();
        b.right();
        assert_eq!(b.cursor(), (0, 6));
        b.down();
        assert_eq!(b.cursor(), (1, 2));
        b.home();
        b.left();
        assert_eq!(b.cursor(), (0, 9));
        b.delete();
        assert_eq!(b.text(), "日本語ab");
    }

    #[test]
    fn word_moves_and_deletes() {
        let mut b = TextBuffer::new("grow the broker base");
        b.word_left();
        assert_eq!(b.cursor(), (0, 16));
        b.word_left();
        b.word_right();
        assert_eq!(b.cursor(), (0, 15));
        b.end();
        b.delete_word_back();
        assert_eq!(b.text(), "grow the broker ");
        b.delete_to_line_start();
        assert_eq!(b.text(), "");
    }

    #[test]
    fn lines_move_and_go_as_list_items() {
        let mut b = TextBuffer::new("a\nb\nc");
        b.move_line(true);
        assert_eq!(b.text(), "a\nc\nb");
        assert_eq!(b.cursor().0, 1);
        b.move_line(true);
        b.move_line(true);
        assert_eq!(b.text(), "c\na\nb");
        b.delete_line();
        assert_eq!(b.text(), "a\nb");
        b.delete_line();
        b.delete_line();
        assert_eq!(b.text(), "");
    }

    #[test]
    fn up_and_down_move_by_screen_row_keeping_the_column() {
        // "grow the " / "broker " / "base" at width 10, then "x".
        let mut b = TextBuffer::new("grow the broker base\nx");
        b.up();
        b.home();
        for _ in 0..6 {
            b.right();
        }
        assert_eq!(b.wrapped(10).1, (0, 6));
        b.down_row(10);
        assert_eq!(b.cursor(), (0, 15), "same line, next row, column 6");
        assert_eq!(b.wrapped(10).1, (1, 6));
        b.down_row(10);
        assert_eq!(b.cursor(), (0, 20), "a short row: its end");
        b.down_row(10);
        assert_eq!(b.cursor(), (1, 1), "next line, as far as it goes");
        b.up_row(10);
        b.up_row(10);
        assert_eq!(b.cursor(), (0, 15), "the run kept column 6");
        b.up_row(10);
        b.up_row(10);
        assert_eq!(b.cursor(), (0, 0), "above the first row: the start");
        b.end();
        b.down_row(10);
        b.down_row(10);
        b.down_row(10);
        assert_eq!(b.cursor(), (1, 1), "below the last row: the end");
    }

    #[test]
    fn a_row_that_wraps_keeps_the_cursor_on_it() {
        // "ab " / "cdef" / "gh" at width 4: the end of row 0 is the start
        // of row 1, so aiming past row 0's text stops on its last character.
        let mut b = TextBuffer::new("ab cdefgh");
        b.home();
        for _ in 0..6 {
            b.right();
        }
        assert_eq!(b.wrapped(4).1, (1, 3));
        b.up_row(4);
        assert_eq!(b.cursor(), (0, 2));
        assert_eq!(b.wrapped(4).1, (0, 2));
        // From past the last full row, up lands at the start of that row.
        let mut b = TextBuffer::new("abcdef");
        assert_eq!(b.wrapped(3).1, (2, 0));
        b.up_row(3);
        assert_eq!(b.cursor(), (0, 3));
    }

    #[test]
    fn without_a_width_up_and_down_move_by_line() {
        let mut b = TextBuffer::new("ab\ncd");
        b.up_row(0);
        assert_eq!(b.cursor(), (0, 2));
        b.down_row(0);
        assert_eq!(b.cursor(), (1, 2));
    }

    #[test]
    fn wide_characters_aim_for_the_same_screen_column() {
        // Two rows at width 4: "日本" / "ab"; column 2 is after 日.
        let mut b = TextBuffer::new("日本ab");
        b.end();
        b.left();
        b.left();
        b.up_row(4);
        assert_eq!(b.cursor(), (0, 0));
        b.right();
        b.down_row(4);
        assert_eq!(b.cursor(), (0, 8), "column 2 of the next row");
    }

    #[test]
    fn soft_wrap_places_the_cursor() {
        let b = TextBuffer::new("abcdef");
        let (rows, cursor) = b.wrapped(3);
        assert_eq!(rows, vec![(0, 0..3), (0, 3..6)]);
        assert_eq!(cursor, (2, 0), "past a full row: the start of the next");
        let b = TextBuffer::new("grow the base");
        let (rows, cursor) = b.wrapped(10);
        assert_eq!(rows, vec![(0, 0..9), (0, 9..13)], "breaks after a space");
        assert_eq!(cursor, (1, 4));
        let mut b = TextBuffer::new("abcd\nx");
        b.up();
        b.home();
        b.right();
        let (rows, cursor) = b.wrapped(3);
        assert_eq!(rows, vec![(0, 0..3), (0, 3..4), (1, 0..1)]);
        assert_eq!(cursor, (0, 1));
    }
}
