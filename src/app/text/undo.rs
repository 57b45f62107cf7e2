//! Undo and redo inside one text box (ctrl-z, ctrl-y), before the text
//! reaches the strategy: the box remembers its own earlier states. A run of
//! typing (or of deleting) with nothing between is one step, as editors do;
//! the app's `u` still undoes a whole session of the section editor after
//! it is left.

use super::TextBuffer;

/// How much a box keeps: older steps are forgotten first.
const LIMIT: usize = 200;

/// A box's text and cursor at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct State {
    pub lines: Vec<String>,
    pub cursor: (usize, usize),
}

/// What kind of change was made, to join runs of one kind into one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A character typed (not a newline).
    Typing,
    /// One character deleted, backwards or forwards.
    Deleting,
    /// Anything else: always a step of its own.
    Other,
}

/// The states to go back and forward to, most recent last.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Steps {
    undo: Vec<State>,
    redo: Vec<State>,
    /// The last change's kind and where it left the cursor: a change of the
    /// same kind starting there continues its step.
    last: Option<(Kind, (usize, usize))>,
}

impl Steps {
    /// Remembers `before`, the state a change of `kind` started from, unless
    /// the change continues the last step; the change left the cursor at
    /// `after`. What was undone can no longer be redone.
    pub fn changed(&mut self, kind: Kind, before: State, after: (usize, usize)) {
        if !self.continues(kind, before.cursor) {
            self.undo.push(before);
            if self.undo.len() > LIMIT {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last = Some((kind, after));
    }

    /// True when a change of `kind` made with the cursor at `cursor` goes
    /// on with the last step.
    pub fn continues(&self, kind: Kind, cursor: (usize, usize)) -> bool {
        kind != Kind::Other
            && self
                .last
                .is_some_and(|(last, at)| last == kind && at == cursor)
    }

    /// A change that went on with the last step left the cursor at `after`.
    pub fn continued(&mut self, after: (usize, usize)) {
        self.redo.clear();
        self.last = self.last.map(|(kind, _)| (kind, after));
    }

    /// The state before the last step, `now` kept for redo.
    pub fn undo(&mut self, now: State) -> Option<State> {
        let back = self.undo.pop()?;
        self.redo.push(now);
        self.last = None;
        Some(back)
    }

    /// The state the last undo left, `now` kept for undo.
    pub fn redo(&mut self, now: State) -> Option<State> {
        let forward = self.redo.pop()?;
        self.undo.push(now);
        self.last = None;
        Some(forward)
    }
}

impl TextBuffer {
    /// Puts back the text as it was before the last step; `false` when
    /// there is none.
    pub fn undo(&mut self) -> bool {
        let now = self.state();
        match self.steps.undo(now) {
            Some(state) => self.restore(state),
            None => false,
        }
    }

    /// Puts back what the last undo took away; `false` when there is none.
    pub fn redo(&mut self) -> bool {
        let now = self.state();
        match self.steps.redo(now) {
            Some(state) => self.restore(state),
            None => false,
        }
    }

    fn state(&self) -> State {
        State {
            lines: self.lines.clone(),
            cursor: self.cursor(),
        }
    }

    fn restore(&mut self, state: State) -> bool {
        self.lines = state.lines;
        self.rows.get_mut().forget();
        (self.line, self.column) = state.cursor;
        self.goal = None;
        true
    }

    /// Makes a change with `edit`, remembering the state before it for undo
    /// when the text changed.
    ///
    /// A key typed or deleted changes the text's length if it changes
    /// anything, so those are compared by length; and a key that goes on
    /// with the step in progress takes no copy of the text (a copy per key
    /// of a megabyte-long line cost more than the key).
    pub(super) fn change(&mut self, kind: Kind, edit: impl FnOnce(&mut Self)) {
        let length = self.len();
        if self.steps.continues(kind, self.cursor()) {
            edit(self);
            if self.len() != length {
                self.steps.continued(self.cursor());
            }
            return;
        }
        let before = self.state();
        edit(self);
        let changed = match kind {
            Kind::Typing | Kind::Deleting => self.len() != length,
            Kind::Other => self.lines != before.lines,
        };
        if changed {
            let after = self.cursor();
            self.steps.changed(kind, before, after);
        }
    }
}
