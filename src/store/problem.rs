//! What the loader found wrong (or suspicious) in a file, as data.

use std::ops::Range;

/// How much a [`Problem`] matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemLevel {
    /// The file cannot be used until this is fixed.
    Error,
    /// The file loads, but something in it is probably not what was meant.
    Warning,
    /// Worth knowing; nothing is wrong.
    Note,
}

/// One finding of the loader, pointing at bytes of the file.
///
/// Kept as data so the CLI can render it with a snippet and the TUI can show
/// it in a panel; neither needs to know how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub level: ProblemLevel,
    /// Byte range in the file that the problem is about.
    pub span: Range<usize>,
    /// What is wrong, in one line.
    pub message: String,
    /// A short label printed under the caret.
    pub label: String,
    /// What to do about it.
    pub help: String,
    /// A short code shown after the level (`warning[sunday-words]`); empty for none.
    pub code: String,
    /// Context shown before the help (`intents.win · future`); empty for none.
    pub note: String,
}

impl Problem {
    /// An error at `span`.
    pub fn error(span: Range<usize>, message: impl Into<String>) -> Problem {
        Problem {
            level: ProblemLevel::Error,
            span,
            message: message.into(),
            label: String::new(),
            help: String::new(),
            code: String::new(),
            note: String::new(),
        }
    }

    /// A warning at `span`.
    pub fn warning(span: Range<usize>, message: impl Into<String>) -> Problem {
        Problem {
            level: ProblemLevel::Warning,
            ..Problem::error(span, message)
        }
    }

    /// Adds the short label shown under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Problem {
        self.label = label.into();
        self
    }

    /// Adds what to do about it.
    pub fn help(mut self, help: impl Into<String>) -> Problem {
        self.help = help.into();
        self
    }

    /// Adds the code shown after the level.
    pub fn code(mut self, code: impl Into<String>) -> Problem {
        self.code = code.into();
        self
    }

    /// Adds a line of context.
    pub fn note(mut self, note: impl Into<String>) -> Problem {
        self.note = note.into();
        self
    }
}
