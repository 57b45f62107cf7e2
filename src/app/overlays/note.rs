//! The multi-line box for what a reviewer says: the comment that goes with
//! "request changes" or stands alone, the reason an approval over lint
//! errors must give, the question a "discuss" leaves, and an action item
//! (what, then who, then by when). Esc records it; empty text records
//! nothing, except that "discuss" needs no question.

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::{Decision, NodeId};

/// What the text being typed is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// The question a "discuss" decision leaves for the room; may be empty.
    Question,
    /// An action item: what is to be done.
    ActionWhat,
    /// Which of the node's `open` action items to close, and how.
    CloseAction {
        /// The open items' texts, oldest first.
        open: Vec<String>,
    },
    /// An action item: who does `what`.
    ActionOwner {
        /// What is to be done.
        what: String,
    },
    /// An action item: by when `owner` does `what` (a day, or empty).
    ActionDue {
        /// What is to be done.
        what: String,
        /// Who does it.
        owner: String,
    },
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
    pub fn title(&self) -> String {
        match self {
            NoteKind::Question => "Discuss: what is the question? (may be empty)".to_owned(),
            NoteKind::ActionWhat => "Action item: what is to be done?".to_owned(),
            NoteKind::CloseAction { open } => {
                let items: Vec<String> = open
                    .iter()
                    .take(9)
                    .enumerate()
                    .map(|(i, what)| {
                        let what = crate::sanitize::line(what.lines().next().unwrap_or(""));
                        format!("{} “{}”", i + 1, what.chars().take(40).collect::<String>())
                    })
                    .collect();
                format!(
                    "Close {}; type its number, then d (done) or x (dropped)",
                    items.join(" · ")
                )
            }
            NoteKind::ActionOwner { .. } => "Action item: who owns it?".to_owned(),
            NoteKind::ActionDue { .. } => {
                "Action item: due when? (YYYY-MM-DD, or empty)".to_owned()
            }
            NoteKind::RequestChanges => "What should change?".to_owned(),
            NoteKind::Comment => "Comment".to_owned(),
            NoteKind::ApprovalReason { errors } => format!(
                "It has {errors} lint error{}: why approve it anyway?",
                if *errors == 1 { "" } else { "s" }
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
    (Press::ctrl('d'), Command::DeleteLine),
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
    if let Some(effects) = action_item_step(app, note.node, &note.kind, &text) {
        return effects;
    }
    if text.is_empty() && note.kind == NoteKind::Question {
        return app.record_decision(note.node, Decision::Discuss, String::new(), None);
    }
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
        NoteKind::Question => app.record_question(note.node, text),
        // Handled by `action_item_step`.
        NoteKind::ActionWhat
        | NoteKind::ActionOwner { .. }
        | NoteKind::ActionDue { .. }
        | NoteKind::CloseAction { .. } => Vec::new(),
    }
}

/// `2 x`, `1d`, `done`, or nothing (with one item open): which item, how.
fn closing_choice(text: &str, open: usize) -> Option<(usize, crate::model::Outcome)> {
    use crate::model::Outcome;
    let text = text.trim().to_lowercase();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = text[digits.len()..].trim();
    let index = match digits.parse::<usize>() {
        Ok(n) if (1..=open).contains(&n) => n - 1,
        Ok(_) => return None,
        Err(_) if open == 1 => 0,
        Err(_) => return None,
    };
    let outcome = match rest {
        "" | "d" | "done" => Outcome::Done,
        "x" | "dropped" | "drop" => Outcome::Dropped,
        _ => return None,
    };
    Some((index, outcome))
}

/// The steps of an action item: what, then who, then by when; the last
/// records it. `None` for the other kinds of note.
fn action_item_step(
    app: &mut App,
    node: NodeId,
    kind: &NoteKind,
    text: &str,
) -> Option<Vec<Effect>> {
    let next = match kind {
        NoteKind::ActionWhat if text.is_empty() => {
            app.notice = Some("no action item: the text was empty".into());
            return Some(Vec::new());
        }
        NoteKind::CloseAction { open } => {
            return Some(match closing_choice(text, open.len()) {
                Some((index, outcome)) => app.record_closing(node, open[index].clone(), outcome),
                None => {
                    app.notice = Some(format!(
                        "type 1 to {} and d (done) or x (dropped), such as `1 d`",
                        open.len()
                    ));
                    Vec::new()
                }
            });
        }
        NoteKind::ActionWhat => NoteKind::ActionOwner {
            what: text.to_owned(),
        },
        NoteKind::ActionOwner { what } => NoteKind::ActionDue {
            what: what.clone(),
            owner: text.to_owned(),
        },
        NoteKind::ActionDue { what, owner } => {
            let due = if text.is_empty() {
                None
            } else if let Some(day) = crate::model::Date::parse(text) {
                Some(day)
            } else {
                app.notice = Some(format!(
                    "`{}` is not a day: write it as YYYY-MM-DD, or leave it empty",
                    crate::sanitize::line(text)
                ));
                app.layers.push(Layer::Note(Box::new(Note {
                    node,
                    kind: kind.clone(),
                    input: TextBuffer::new(text),
                })));
                return Some(Vec::new());
            };
            let item = crate::model::ActionItem {
                what: what.clone(),
                owner: owner.clone(),
                due,
            };
            return Some(app.record_action_item(node, item));
        }
        _ => return None,
    };
    open(app, node, next);
    Some(Vec::new())
}
