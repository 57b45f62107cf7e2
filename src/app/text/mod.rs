//! The one text core: every place a user types (the section editor, review
//! notes, prompts, the search box) edits a [`TextBuffer`]: lines and a
//! cursor, with the moves a good editor has (words, line ends, screen rows
//! of the soft-wrapped text). It moves and deletes by unit (see
//! [`wrap::units`]), so a letter and its accents go together, and it wraps
//! with the one [`wrap::wrap`]. The keys every text box shares are in
//! [`keys`].

pub mod keys;
mod rows;
mod undo;
pub mod wrap;

#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::ops::Range;

use rows::Rows;
use undo::{Kind, Steps};
use wrap::{shown_text_width, unit_before, unit_floor, unit_width, units, units_from};

/// One screen row of wrapped text: (line index, bytes of that line).
pub type ScreenRow = (usize, Range<usize>);

/// Editable text. `cursor` is (line, byte offset in that line), always at
/// the start or end of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBuffer {
    lines: Vec<String>,
    line: usize,
    column: usize,
    /// The screen column that up/down by row aim for, and where the cursor
    /// was left by that move: a run of up/down keeps its column across short
    /// rows, any other move starts a new run.
    goal: Option<(usize, (usize, usize))>,
    /// The box's own undo and redo (ctrl-z, ctrl-y).
    steps: Steps,
    /// The rows the lines wrapped to when last drawn, kept in step with
    /// edits inside a line.
    rows: RefCell<Rows>,
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
            steps: Steps::default(),
            rows: RefCell::default(),
        }
    }

    /// A buffer holding `text`, the cursor after its last character that is
    /// not white space: where a writer goes on. A stored `"""` string ends
    /// in a newline, and starting on the empty line after it put what was
    /// typed on a line of its own, or, after a delete, in front of the text.
    pub fn at_text_end(text: &str) -> TextBuffer {
        let mut buffer = TextBuffer::new(text);
        let end = text.trim_end().len();
        let line = text[..end].matches('\n').count();
        let start = text[..end].rfind('\n').map_or(0, |at| at + 1);
        buffer.line = line;
        buffer.column = end - start;
        buffer
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

    /// True when the cursor is at the very end of the text.
    pub fn at_end(&self) -> bool {
        self.line + 1 == self.lines.len() && self.column == self.current().len()
    }

    /// Inserts a character at the cursor (a newline splits the line).
    pub fn insert(&mut self, c: char) {
        let kind = if c == '\n' { Kind::Other } else { Kind::Typing };
        self.change(kind, |b| b.insert_char(c));
    }

    /// Replaces all the text with `text`, the cursor at its end: one step
    /// for undo.
    pub fn replace(&mut self, text: &str) {
        self.change(Kind::Other, |b| {
            let steps = std::mem::take(&mut b.steps);
            *b = TextBuffer::new(text);
            b.steps = steps;
        });
    }

    /// Inserts `text` at the cursor (pasted): one step for undo.
    pub fn insert_str(&mut self, text: &str) {
        self.change(Kind::Other, |b| text.chars().for_each(|c| b.insert_char(c)));
    }

    /// The text's length in bytes, lines joined by `\n`.
    pub fn len(&self) -> usize {
        self.lines.iter().map(String::len).sum::<usize>() + self.lines.len() - 1
    }

    /// True when there is no text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn insert_char(&mut self, c: char) {
        if c == '\n' {
            let rest = self.lines[self.line].split_off(self.column);
            self.line += 1;
            self.lines.insert(self.line, rest);
            self.column = 0;
            self.rows.get_mut().forget();
        } else {
            let mut bytes = [0; 4];
            self.splice(self.column..self.column, c.encode_utf8(&mut bytes));
            self.column += c.len_utf8();
        }
    }

    /// Deletes the unit before the cursor, joining lines at a line start.
    pub fn backspace(&mut self) {
        self.change(Kind::Deleting, Self::backspace_unit);
    }

    fn backspace_unit(&mut self) {
        if self.column > 0 {
            let start = self.prev_boundary();
            self.splice(start..self.column, "");
            self.column = start;
        } else if self.line > 0 {
            self.line -= 1;
            self.column = self.lines[self.line].len();
            self.join_next();
        }
    }

    /// Deletes the unit under the cursor, joining the next line at a line end.
    pub fn delete(&mut self) {
        self.change(Kind::Deleting, |b| {
            if b.column < b.current().len() {
                let end = b.next_boundary();
                b.splice(b.column..end, "");
            } else if b.line + 1 < b.lines.len() {
                b.join_next();
            }
        });
    }

    /// Deletes back to the start of the previous word (ctrl-w).
    pub fn delete_word_back(&mut self) {
        self.change(Kind::Other, |b| {
            if b.column == 0 {
                b.backspace_unit();
                return;
            }
            let end = b.column;
            b.word_left();
            b.splice(b.column..end, "");
        });
    }

    /// Deletes from the line start to the cursor (ctrl-u).
    pub fn delete_to_line_start(&mut self) {
        self.change(Kind::Other, |b| {
            b.splice(0..b.column, "");
            b.column = 0;
        });
    }

    /// Deletes from the cursor to the line end (ctrl-k); at a line end it
    /// joins the next line, as in emacs and the shell.
    pub fn kill_to_line_end(&mut self) {
        self.change(Kind::Other, |b| {
            if b.column < b.current().len() {
                let end = b.current().len();
                b.splice(b.column..end, "");
            } else if b.line + 1 < b.lines.len() {
                b.join_next();
            }
        });
    }

    /// Deletes all the text (ctrl-l): one step, which ctrl-z takes back.
    pub fn clear(&mut self) {
        self.change(Kind::Other, |b| {
            b.lines = vec![String::new()];
            (b.line, b.column) = (0, 0);
            b.rows.get_mut().forget();
        });
    }

    /// Swaps the cursor's line with the one above (`up`) or below; the
    /// cursor moves with it. Reorders list items, one per line.
    pub fn move_line(&mut self, up: bool) {
        self.change(Kind::Other, |b| {
            let other = if up {
                b.line.checked_sub(1)
            } else {
                Some(b.line + 1).filter(|&l| l < b.lines.len())
            };
            if let Some(other) = other {
                b.lines.swap(b.line, other);
                b.line = other;
                b.rows.get_mut().forget();
            }
        });
    }

    /// Removes the cursor's line (a list item); the cursor starts the next one.
    pub fn delete_line(&mut self) {
        self.change(Kind::Other, |b| {
            if b.lines.len() == 1 {
                b.lines[0].clear();
            } else {
                b.lines.remove(b.line);
                b.line = b.line.min(b.lines.len() - 1);
            }
            b.rows.get_mut().forget();
            b.column = 0;
        });
    }

    /// One unit left, to the previous line's end at a line start.
    pub fn left(&mut self) {
        if self.column > 0 {
            self.column = self.prev_boundary();
        } else if self.line > 0 {
            self.line -= 1;
            self.column = self.current().len();
        }
    }

    /// One unit right, to the next line's start at a line end.
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
        // Unit by unit back from the cursor, not from the line's start, so
        // a word move in a long line costs the word.
        let line = self.current();
        let mut end = self.column;
        let mut column = 0;
        let mut in_word = false;
        while end > 0 {
            let at = unit_before(line, end);
            match (is_word(&line[at..end]), in_word) {
                (true, _) => {
                    in_word = true;
                    column = at;
                }
                (false, true) => {
                    column = end;
                    break;
                }
                (false, false) => {}
            }
            end = at;
        }
        self.column = if in_word { column } else { 0 };
    }

    /// To the end of the next word.
    pub fn word_right(&mut self) {
        let line = self.current();
        if self.column >= line.len() {
            self.right();
            return;
        }
        let mut end = line.len();
        let mut in_word = false;
        for (at, unit) in units(&line[self.column..]) {
            match (is_word(unit), in_word) {
                (true, _) => in_word = true,
                (false, true) => {
                    end = self.column + at;
                    break;
                }
                (false, false) => {}
            }
        }
        self.column = end;
    }

    /// The text soft-wrapped to `width` columns by [`wrap::wrap`] (spaces at
    /// a break end the row they follow, so every byte is on a row), with the
    /// cursor's (row, column) on screen.
    pub fn wrapped(&self, width: usize) -> (Vec<ScreenRow>, (usize, usize)) {
        let width = width.max(2);
        let mut rows = Vec::new();
        let mut cache = self.rows.borrow_mut();
        for (index, starts) in cache.starts(&self.lines, width).iter().enumerate() {
            let line = &self.lines[index];
            for (i, &start) in starts.iter().enumerate() {
                let end = starts.get(i + 1).copied().unwrap_or(line.len());
                rows.push((index, start..end));
            }
        }
        drop(cache);
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
            // Only the cursor's own row is measured: measuring every row of
            // the line up to the cursor made a long line quadratic.
            let x = || shown_text_width(&line[range.start..self.column]);
            if self.column < range.end {
                return (i, x());
            }
            let last_of_line = rows.get(i + 1).is_none_or(|(next, _)| *next != self.line);
            if last_of_line {
                let x = x();
                if x < width {
                    return (i, x);
                }
                found = (i + 1, 0);
                break;
            }
            found = (i + 1, 0);
        }
        found
    }

    fn current(&self) -> &str {
        &self.lines[self.line]
    }

    /// Where the unit before the cursor starts.
    fn prev_boundary(&self) -> usize {
        unit_before(self.current(), self.column)
    }

    /// Where the unit under the cursor ends.
    fn next_boundary(&self) -> usize {
        let line = self.current();
        units_from(line, self.column)
            .next()
            .map_or(line.len(), |(at, unit)| at + unit.len())
    }

    /// The last unit boundary of the current line at or before `column`.
    fn clamp_column(&self, column: usize) -> usize {
        unit_floor(self.current(), column)
    }
}

/// True for a unit that is part of a word: one that starts with a letter or
/// a digit (its accents come with it).
fn is_word(unit: &str) -> bool {
    unit.chars().next().is_some_and(char::is_alphanumeric)
}

/// The byte offset in `range` of `line` drawn nearest to screen column
/// `goal` without passing it. A row that is not its line's last cannot hold
/// the cursor at its end (that spot starts the next row), so it stops one
/// unit short.
fn column_near(line: &str, range: Range<usize>, goal: usize, last_of_line: bool) -> usize {
    let mut x = 0;
    let mut column = range.start;
    let mut before_last = range.start;
    for (at, unit) in units(&line[range.clone()]) {
        let w = unit_width(unit);
        if x + w > goal {
            return range.start + at;
        }
        x += w;
        before_last = range.start + at;
        column = range.start + at + unit.len();
    }
    if !last_of_line && column == range.end {
        before_last
    } else {
        column
    }
}
