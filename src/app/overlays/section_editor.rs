//! Editing one section of a two-pager in place. The draft is applied to the
//! strategy as you type (unrecorded), so the document, the node's lint and
//! its scorecard follow every keystroke; leaving the editor records the whole
//! session as one undoable step.
//!
//! A long text is put into the strategy after a pause instead (the shell
//! calls [`App::settle_draft`] once no key has come for [`SETTLE_MS`]):
//! relinting and laying out a megabyte on every key would make each key
//! cost the whole text, while the box itself only rewraps the rows a key
//! touched. Until then the two-pager, its findings and its scorecard show
//! the text as of the last pause, consistently.

use super::Layer;
use crate::app::edit::section::{Section, section_warning};
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::{Edit, NodeId, Status, TwoPager, follow_metric_renames};

/// How long typing must pause before a long draft goes into the strategy.
pub const SETTLE_MS: u64 = 150;

/// Drafts longer than this (bytes) go into the strategy after a pause;
/// shorter ones on every key, as relinting them costs far less than a frame.
pub const LIVE_LIMIT: usize = 16 * 1024;

/// The editor overlay's state.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The node being edited.
    pub node: NodeId,
    /// Its section being edited.
    pub section: Section,
    /// The text.
    pub input: TextBuffer,
    /// The two-pager as it was when editing began, for undo.
    pub original: TwoPager,
    /// The section's text when editing began: unchanged text records nothing.
    pub start: String,
    /// The company's name when editing began, for undo of [`Section::Company`].
    pub company: String,
    /// True when the text has changes not yet put into the strategy (a
    /// long text waits for a pause).
    pub unsettled: bool,
}

commands! {
    /// What the section editor's own keys do.
    pub enum Command {
        /// Start a new line; in the title, owner and horizon, finish.
        NewLine,
        /// Up one row of the text as it is shown.
        RowUp,
        /// Down one row of the text as it is shown.
        RowDown,
        /// Move the line up: in a list (will-not items, metrics), one item
        /// per line, this reorders.
        MoveLineUp,
        /// Move the line down.
        MoveLineDown,
        /// Remove the line (a list item).
        DeleteLine,
        /// Done: the whole edit is one step for undo (u).
        Done,
        /// Done, and save the file.
        Save,
        /// Quit strata: asks to save first; "stay" comes back to the text.
        Quit,
    }
}

/// Keys of the section editor; the keys every text box shares come after
/// them.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::any(KeyCode::Esc), Command::Done),
    (Press::ctrl('s'), Command::Save),
    (Press::ctrl('c'), Command::Quit),
    (Press::any(KeyCode::Enter), Command::NewLine),
    (Press::alt_only(KeyCode::Up), Command::MoveLineUp),
    (Press::alt_only(KeyCode::Down), Command::MoveLineDown),
    (Press::ctrl('d'), Command::DeleteLine),
    (Press::key(KeyCode::Up), Command::RowUp),
    (Press::key(KeyCode::Down), Command::RowDown),
]);

/// Opens the editor on `section` of the shown node.
pub(super) fn open(app: &mut App, section: Section) {
    let Some(node) = app.shown_node() else {
        return;
    };
    let Some(current) = app.strategy.get(node) else {
        return;
    };
    let original = current.doc.clone();
    let Some(start) = section.read_from(&app.strategy, node) else {
        return;
    };
    app.layers.push(Layer::Editor(Box::new(Editor {
        node,
        section,
        input: TextBuffer::at_text_end(&start),
        original,
        start,
        company: app.strategy.company.clone(),
        unsettled: false,
    })));
}

/// Handles a key in the editor: its own keys first, then the keys every
/// text box shares.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Editor(editor)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let command = KEYS.command(key);
    let one_line = editor.section.is_one_line();
    let leaving = matches!(command, Some(Command::Done | Command::Save))
        || (command == Some(Command::NewLine) && one_line);
    if leaving && let Some(problem) = editor.section.problem(&editor.input.text()) {
        app.notice = Some(problem);
        return Vec::new();
    }
    match command {
        Some(Command::Done) => {
            finish(app);
            return Vec::new();
        }
        Some(Command::Save) => {
            finish(app);
            return vec![Effect::Save];
        }
        Some(Command::Quit) => {
            // The question goes on top of the editor, so "stay" returns to
            // the text being typed; "save" saves it as it stands (the draft
            // is put in first).
            app.settle_draft();
            app.refresh_dirty();
            return app.request_quit();
        }
        Some(Command::NewLine) if one_line => {
            finish(app);
            return Vec::new();
        }
        Some(Command::NewLine) => editor.input.insert('\n'),
        Some(Command::MoveLineUp) => editor.input.move_line(true),
        Some(Command::MoveLineDown) => editor.input.move_line(false),
        Some(Command::DeleteLine) => editor.input.delete_line(),
        Some(Command::RowUp | Command::RowDown) if editor.section == Section::Status => {
            let next = next_status(&editor.input.text(), command == Some(Command::RowDown));
            editor.input.replace(next.as_str());
        }
        Some(Command::RowUp) => editor.input.up_row(app.screen.editor_width),
        Some(Command::RowDown) => editor.input.down_row(app.screen.editor_width),
        None => {
            if !text::keys::edit(&mut editor.input, key) {
                return Vec::new();
            }
        }
    }
    changed(app);
    Vec::new()
}

impl App {
    /// True when the section editor holds text not yet put into the
    /// strategy: the shell calls [`App::settle_draft`] after a pause.
    pub fn draft_unsettled(&self) -> bool {
        self.layers
            .iter()
            .any(|layer| matches!(layer, Layer::Editor(editor) if editor.unsettled))
    }

    /// Puts the section editor's text into the strategy and relints the
    /// node, as a key does for a short text; true when there was something
    /// to put in (the screen should be drawn again).
    pub fn settle_draft(&mut self) -> bool {
        let Some(at) = self
            .layers
            .iter()
            .rposition(|layer| matches!(layer, Layer::Editor(editor) if editor.unsettled))
        else {
            return false;
        };
        let Layer::Editor(editor) = &mut self.layers[at] else {
            return false;
        };
        editor.unsettled = false;
        let (node, section) = (editor.node, editor.section);
        let edit = section.edit(node, &editor.original, &editor.input.text());
        preview(self, edit);
        true
    }
}

/// The status after (or before) the one `text` names, round the list.
fn next_status(text: &str, forward: bool) -> Status {
    let all = Status::ALL;
    let at = all.iter().position(|s| s.as_str() == text.trim());
    let index = match (at, forward) {
        (None, _) => 0,
        (Some(at), true) => (at + 1) % all.len(),
        (Some(at), false) => (at + all.len() - 1) % all.len(),
    };
    all[index]
}

/// The hints while editing, the most needed first (the bar keeps as many as
/// fit, and always the last): the list keys only in a list, the status keys
/// only on the status. `ctrl-s` is in the box's title.
pub(super) fn hints(editor: &Editor) -> Vec<Hint> {
    let mut hints = Vec::new();
    if editor.section.is_list() {
        hints.extend(KEYS.hint(Command::DeleteLine, "remove item"));
        hints.extend(KEYS.hint_pair(Command::MoveLineUp, Command::MoveLineDown, "move item"));
    }
    if editor.section == Section::Status {
        hints.extend(KEYS.hint_pair(Command::RowUp, Command::RowDown, "next status"));
    }
    let shared = &text::keys::KEYS;
    hints.extend(shared.hint(text::keys::Command::KillToLineEnd, "kill line"));
    hints.extend(shared.hint(text::keys::Command::Clear, "clear"));
    hints.extend(shared.hint(text::keys::Command::Undo, "undo"));
    hints.extend(KEYS.hint(Command::Done, "done"));
    hints
}

/// Pasted text goes into the section as typed, relinting once.
pub(super) fn paste(app: &mut App, text: &str) {
    let Some(Layer::Editor(editor)) = app.layers.last_mut() else {
        return;
    };
    editor.input.insert_str(text);
    changed(app);
}

/// The text changed: a short one goes into the strategy now, a long one
/// after a pause.
fn changed(app: &mut App) {
    let Some(Layer::Editor(editor)) = app.layers.last_mut() else {
        return;
    };
    if editor.input.len() > LIVE_LIMIT {
        editor.unsettled = true;
        return;
    }
    editor.unsettled = false;
    let edit = editor
        .section
        .edit(editor.node, &editor.original, &editor.input.text());
    preview(app, edit);
}

/// Puts the draft's `edit` into the strategy, unrecorded, and relints the node.
fn preview(app: &mut App, edit: Edit) {
    let node = match &edit {
        Edit::SetDoc { node, .. } => Some(*node),
        _ => None,
    };
    let unchanged = match &edit {
        Edit::SetDoc { doc, .. } => node
            .and_then(|node| app.strategy.get(node))
            .is_some_and(|n| n.doc == **doc),
        Edit::SetCompany { company } => app.strategy.company == *company,
        _ => false,
    };
    if !unchanged {
        let _ = app.apply_preview(edit);
    }
}

/// Closes the editor; records the session as one step if the text changed.
fn finish(app: &mut App) {
    app.settle_draft();
    let Some(Layer::Editor(editor)) = app.layers.pop() else {
        return;
    };
    if editor.input.text() == editor.start {
        // Nothing changed: put back exactly what was there (no reformatting).
        let _ = app.apply_preview(Edit::SetDoc {
            node: editor.node,
            doc: Box::new(editor.original),
        });
        let _ = app.apply_preview(Edit::SetCompany {
            company: editor.company,
        });
        app.refresh_dirty();
        return;
    }
    if editor.section == Section::Company {
        if app.strategy.company != editor.company {
            app.history.record(Edit::SetCompany {
                company: editor.company,
            });
        }
        app.refresh_dirty();
        return;
    }
    app.notice = section_warning(editor.section, &editor.input.text());
    let changed = app
        .strategy
        .get(editor.node)
        .is_some_and(|n| n.doc != editor.original);
    if changed {
        let mut undo = vec![Edit::SetDoc {
            node: editor.node,
            doc: Box::new(editor.original.clone()),
        }];
        // A metric renamed here keeps its check-ins, in the same step.
        if let Some(node) = app.strategy.get(editor.node)
            && let Some(checkins) =
                follow_metric_renames(&editor.original, &node.doc, &node.checkins)
            && let Ok(inverse) = app.apply_preview(Edit::SetCheckins {
                node: editor.node,
                checkins,
            })
        {
            undo.push(inverse);
        }
        app.history.record(match undo.len() {
            1 => undo.remove(0),
            _ => Edit::Batch(undo),
        });
    }
    app.refresh_dirty();
}
