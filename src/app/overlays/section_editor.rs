//! Editing one section of a two-pager in place. The draft is applied to the
//! strategy as you type (unrecorded), so the document, the node's lint and
//! its scorecard follow every keystroke; leaving the editor records the whole
//! session as one undoable step.

use super::Layer;
use crate::app::edit::section::{Section, section_warning};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::{Edit, NodeId, TwoPager};

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
}

/// Keys of the editor.
pub const EDITOR_KEYS: &[(&str, &str)] = &[
    (
        "text enter",
        "Type; enter starts a new line (in the title, owner and horizon it finishes).",
    ),
    (
        "arrows home end",
        "Move; up/down by the rows on screen, ctrl-left/right and alt-b/f by word.",
    ),
    (
        "backspace delete ctrl-w ctrl-u",
        "Delete a character, a word, or to the line start.",
    ),
    (
        "alt-up alt-down ctrl-k",
        "Lists (will-not items, metrics) are one item per line: enter adds one, alt-up/down reorders, ctrl-k removes.",
    ),
    ("esc", "Done: the whole edit is one step for undo (u)."),
    ("ctrl-s", "Done, and save the file."),
];

/// Opens the editor on `section` of the shown node.
pub(super) fn open(app: &mut App, section: Section) {
    let Some(node) = app.shown_node() else {
        return;
    };
    let Some(current) = app.strategy.get(node) else {
        return;
    };
    let original = current.doc.clone();
    let start = section.read(&original);
    app.layers.push(Layer::Editor(Box::new(Editor {
        node,
        section,
        input: TextBuffer::new(&start),
        original,
        start,
    })));
}

/// Handles a key in the editor.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Editor(editor)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let leaving = matches!(
        (key.code, key.ctrl),
        (KeyCode::Esc, _) | (KeyCode::Char('s'), true)
    ) || (key.code == KeyCode::Enter && editor.section.is_one_line());
    if leaving && let Some(problem) = editor.section.problem(&editor.input.text()) {
        app.notice = Some(problem);
        return Vec::new();
    }
    match (key.code, key.ctrl) {
        (KeyCode::Esc, _) => {
            finish(app);
            return Vec::new();
        }
        (KeyCode::Char('s'), true) => {
            finish(app);
            return vec![Effect::Save];
        }
        (KeyCode::Char('c'), true) => {
            // The question goes on top of the editor, so "stay" returns to
            // the text being typed; "save" saves it as it stands (the draft
            // is already applied).
            app.refresh_dirty();
            return app.request_quit();
        }
        (KeyCode::Enter, _) if editor.section.is_one_line() => {
            finish(app);
            return Vec::new();
        }
        (KeyCode::Enter, _) => editor.input.insert('\n'),
        (KeyCode::Up, false) if key.alt => editor.input.move_line(true),
        (KeyCode::Down, false) if key.alt => editor.input.move_line(false),
        (KeyCode::Char('k'), true) => editor.input.delete_line(),
        (KeyCode::Up, false) => editor.input.up_row(app.screen.editor_width),
        (KeyCode::Down, false) => editor.input.down_row(app.screen.editor_width),
        _ => {
            if !text::keys::edit(&mut editor.input, key) {
                return Vec::new();
            }
        }
    }
    preview(app);
    Vec::new()
}

/// Pasted text goes into the section as typed, relinting once.
pub(super) fn paste(app: &mut App, text: &str) {
    let Some(Layer::Editor(editor)) = app.layers.last_mut() else {
        return;
    };
    for c in text.chars() {
        editor.input.insert(c);
    }
    preview(app);
}

/// Puts the draft into the strategy, unrecorded, and relints the node.
fn preview(app: &mut App) {
    let Some(Layer::Editor(editor)) = app.layers.last() else {
        return;
    };
    let doc = editor.section.write(&editor.original, &editor.input.text());
    let node = editor.node;
    let unchanged = app.strategy.get(node).is_some_and(|n| n.doc == doc);
    if !unchanged {
        let _ = app.apply_preview(Edit::SetDoc {
            node,
            doc: Box::new(doc),
        });
    }
}

/// Closes the editor; records the session as one step if the text changed.
fn finish(app: &mut App) {
    let Some(Layer::Editor(editor)) = app.layers.pop() else {
        return;
    };
    if editor.input.text() == editor.start {
        // Nothing changed: put back exactly what was there (no reformatting).
        let _ = app.apply_preview(Edit::SetDoc {
            node: editor.node,
            doc: Box::new(editor.original),
        });
        app.refresh_dirty();
        return;
    }
    app.notice = section_warning(editor.section, &editor.input.text());
    let changed = app
        .strategy
        .get(editor.node)
        .is_some_and(|n| n.doc != editor.original);
    if changed {
        app.history.record(Edit::SetDoc {
            node: editor.node,
            doc: Box::new(editor.original),
        });
    }
    app.refresh_dirty();
}
