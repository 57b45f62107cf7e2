//! The multi-line box for what a reviewer says: the comment that goes with
//! "request changes" or stands alone, and the reason an approval over lint
//! errors must give. Esc records it; empty text records nothing.

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::{Decision, NodeId};

/// What the text being typed is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// The comment of a "request changes" decision.
    RequestChanges,
    /// A comment with no decision.
    Comment,
    /// Why the node is approved although it has `errors` lint errors.
    ApprovalReason {
        /// The node's lint errors when it was approved.
        errors: usize,
    },
}

impl NoteKind {
    /// The box's title: what to type.
    pub fn title(self) -> String {
        match self {
            NoteKind::RequestChanges => "What should change?".to_owned(),
            NoteKind::Comment => "Comment".to_owned(),
            NoteKind::ApprovalReason { errors } => format!(
                "It has {errors} lint error{}: why approve it anyway?",
                if errors == 1 { "" } else { "s" }
            ),
        }
    }
}

/// The note being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The node it is about.
    pub node: NodeId,
    /// What it is for.
    pub kind: NoteKind,
    /// The text.
    pub input: TextBuffer,
}

commands! {
    /// What the note box's own keys do.
    pub enum Command {
        /// Start a new line.
        NewLine,
        /// Up one row of the text as it is shown.
        RowUp,
        /// Down one row of the text as it is shown.
        RowDown,
        /// Delete the line.
        DeleteLine,
        /// Record it (and save); with no text, nothing is recorded.
        Record,
        /// Quit strata; with text typed, says first how to keep or drop it.
        Quit,
    }
}

/// Keys of the note box; the keys every text box shares come after them.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::any(KeyCode::Esc), Command::Record),
    (Press::ctrl('s'), Command::Record),
    (Press::ctrl('c'), Command::Quit),
    (Press::any(KeyCode::Enter), Command::NewLine),
    (Press::ctrl('k'), Command::DeleteLine),
    (Press::key(KeyCode::Up), Command::RowUp),
    (Press::key(KeyCode::Down), Command::RowDown),
]);

/// Opens the note box for `kind` on `node`.
pub(in crate::app) fn open(app: &mut App, node: NodeId, kind: NoteKind) {
    app.layers.push(Layer::Note(Box::new(Note {
        node,
        kind,
        input: TextBuffer::new(""),
    })));
}

/// Handles a key in the note box: its own keys first, then the keys every
/// text box shares.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Note(note)) = app.layers.last_mut() else {
        return Vec::new();
    };
    match KEYS.command(key) {
        Some(Command::Record) => return finish(app),
        // Quitting would drop what is typed: say how to keep or drop it.
        Some(Command::Quit) if !note.input.text().trim().is_empty() => {
            app.notice = Some(
                "esc records what you typed (delete it all to drop it); then ctrl-c quits".into(),
            );
            return Vec::new();
        }
        Some(Command::Quit) => {
            app.layers.pop();
            return app.request_quit();
        }
        Some(Command::NewLine) => note.input.insert('\n'),
        Some(Command::DeleteLine) => note.input.delete_line(),
        Some(Command::RowUp) => note.input.up_row(app.screen.editor_width),
        Some(Command::RowDown) => note.input.down_row(app.screen.editor_width),
        None => {
            text::keys::edit(&mut note.input, key);
        }
    }
    Vec::new()
}

/// The hints while typing a note.
pub(super) fn hints() -> Vec<Hint> {
    [
        KEYS.hint(Command::NewLine, "new line"),
        KEYS.hint(Command::Record, "record"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Pasted text goes into the note as typed.
pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(Layer::Note(note)) = app.layers.last_mut() {
        for c in text.chars() {
            note.input.insert(c);
        }
    }
}

fn finish(app: &mut App) -> Vec<Effect> {
    let Some(Layer::Note(note)) = app.layers.pop() else {
        return Vec::new();
    };
    let text = note.input.text().trim().to_owned();
    if text.is_empty() {
        app.notice = Some(match note.kind {
            NoteKind::ApprovalReason { .. } => {
                "not approved: an approval over lint errors needs a reason".into()
            }
            _ => "nothing recorded: the text was empty".into(),
        });
        return Vec::new();
    }
    match note.kind {
        NoteKind::RequestChanges => {
            app.record_decision(note.node, Decision::RequestChanges, text, None)
        }
        NoteKind::Comment => app.record_decision(note.node, Decision::Comment, text, None),
        NoteKind::ApprovalReason { .. } => {
            app.record_decision(note.node, Decision::Approve, String::new(), Some(text))
        }
    }
}
