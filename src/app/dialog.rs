//! Questions the browser asks before doing something that cannot be taken
//! back lightly (quit with unsaved edits, overwrite a colleague's change,
//! delete a subtree), and one-line prompts (a title, an id, a path).
//! Both are layers: they see every key first.

use super::key::{Key, KeyCode};
use super::text_buffer::TextBuffer;
use super::{App, Effect, Layer};
use crate::model::{self as edit, Edit, NodeId, is_valid_id};
use crate::sanitize;

/// A yes/no (or more) question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Quitting with unsaved edits: save, discard or stay.
    QuitUnsaved,
    /// The file changed on disk since it was loaded: overwrite, reload or save elsewhere.
    ChangedOnDisk,
    /// Reloading throws away the edits: sure?
    ReloadDiscards,
    /// Delete a node that has nothing below it.
    Delete(NodeId),
    /// Delete a node with `count` nodes below it: the first of two questions.
    DeleteWithChildren(NodeId, usize),
    /// The second question: everything below goes too.
    DeleteSubtree(NodeId, usize),
    /// Unsaved edits from an earlier run were found: recover or discard them.
    Recover,
    /// Discarding recovered edits is for good: sure?
    DiscardRecovered,
    /// The text from the external editor for this node does not read back:
    /// reopen, keep or drop it.
    MarkdownProblem(NodeId),
    /// Quitting would drop editor text kept because it did not read back.
    QuitDropsDrafts,
}

/// What a prompt's text is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// A path to save to instead.
    SaveAs,
    /// The title of a new node under `parent`.
    NewTitle(NodeId),
    /// The id of a new node under `parent`, titled `title`.
    NewId(NodeId, String),
    /// A new id for a node; references follow.
    Rename(NodeId),
}

/// A one-line text prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What the text is for.
    pub kind: PromptKind,
    /// The text typed so far.
    pub input: TextBuffer,
    /// Why the last enter was refused.
    pub error: Option<String>,
}

impl Prompt {
    /// A prompt for `kind`, prefilled with `text`.
    pub fn new(kind: PromptKind, text: &str) -> Prompt {
        Prompt {
            kind,
            input: TextBuffer::new(text),
            error: None,
        }
    }

    /// The question, for the overlay's title.
    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::SaveAs => "Save as (path)",
            PromptKind::NewTitle(_) => "Title of the new node",
            PromptKind::NewId(..) => "Id of the new node",
            PromptKind::Rename(_) => "New id (references follow)",
        }
    }
}

/// Keys of a confirmation, as (key, what it does), for the overlay and the hints.
pub fn confirm_choices(confirm: Confirm) -> &'static [(&'static str, &'static str)] {
    match confirm {
        Confirm::QuitUnsaved => &[
            ("s", "save and quit"),
            ("d", "discard and quit"),
            ("esc", "stay"),
        ],
        Confirm::ChangedOnDisk => &[
            ("o", "overwrite theirs"),
            ("r", "reload theirs"),
            ("a", "save as"),
            ("esc", "cancel"),
        ],
        Confirm::ReloadDiscards => &[("y", "reload, losing my edits"), ("esc", "keep my edits")],
        Confirm::Delete(_) => &[("y", "delete"), ("esc", "keep")],
        Confirm::DeleteWithChildren(..) => &[("y", "delete it and all below"), ("esc", "keep")],
        Confirm::DeleteSubtree(..) => &[("y", "yes, delete them all"), ("esc", "keep")],
        Confirm::Recover => &[
            ("r", "recover them"),
            ("d", "discard them"),
            ("q", "quit, decide later"),
        ],
        Confirm::DiscardRecovered => &[("y", "discard them for good"), ("esc", "back")],
        Confirm::QuitDropsDrafts => &[("y", "quit anyway"), ("esc", "stay")],
        Confirm::MarkdownProblem(_) => &[
            ("e", "reopen it in the editor"),
            ("esc", "keep it for later (E)"),
            ("d", "drop what I typed"),
        ],
    }
}

/// What the confirmation asks, in words.
pub fn confirm_message(app: &App, confirm: Confirm) -> String {
    let key = |id: NodeId| {
        app.strategy
            .get(id)
            .map_or_else(|| "?".into(), |n| sanitize::line(&n.key()).into_owned())
    };
    match confirm {
        Confirm::QuitUnsaved => "You have unsaved edits. Save them before quitting?".into(),
        Confirm::ChangedOnDisk => format!(
            "{} changed on disk since it was loaded (a colleague's push?). Saving now would overwrite it.",
            app.file
        ),
        Confirm::ReloadDiscards => {
            "Reload the file from disk? Every edit since the last save is lost (undo cannot bring them back).".into()
        }
        Confirm::Delete(id) => format!("Delete {}? Undo (u) brings it back.", key(id)),
        Confirm::DeleteWithChildren(id, n) => format!(
            "{} has {n} node{} below it. Deleting it deletes them too; to keep them, move them first (m).",
            key(id),
            if n == 1 { "" } else { "s" }
        ),
        Confirm::QuitDropsDrafts => {
            let nodes: Vec<String> = app.external.iter().map(|d| key(d.node)).collect();
            format!(
                "The text you wrote in the editor for {} did not read back and is only kept here. \
                 Quitting drops it; E reopens it.",
                nodes.join(", ")
            )
        }
        Confirm::MarkdownProblem(node) => match app.draft_for(node) {
            Some(draft) => format!(
                "What the editor left does not read as a two-pager: {}",
                sanitize::line(&draft.problem)
            ),
            None => "The editor's text does not read as a two-pager.".into(),
        },
        Confirm::Recover => {
            let Some(offer) = &app.recovery else {
                return "Unsaved edits from an earlier session were found.".into();
            };
            let mut nodes: Vec<String> = offer
                .changed
                .iter()
                .take(6)
                .map(|k| sanitize::line(k).into_owned())
                .collect();
            if offer.changed.len() > 6 {
                nodes.push(format!("and {} more", offer.changed.len() - 6));
            }
            let disk = if offer.base_matches_disk {
                ""
            } else {
                " The file has changed on disk since; saving will ask what to do."
            };
            format!(
                "strata stopped {} with unsaved edits to {}.{disk}",
                offer.age,
                nodes.join(", ")
            )
        }
        Confirm::DiscardRecovered => {
            "Discard the recovered edits for good? Nothing can bring them back.".into()
        }
        Confirm::DeleteSubtree(id, n) => format!(
            "Really delete {} and the {n} node{} below it?",
            key(id),
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// Handles a key on a confirmation.
pub(super) fn confirm_key(app: &mut App, confirm: Confirm, key: Key) -> Vec<Effect> {
    let Key {
        code, ctrl, alt: _, ..
    } = key;
    let c = match code {
        // Closing without an answer would let the next edit replace the
        // journal; quitting keeps it for the next start.
        KeyCode::Esc if confirm == Confirm::Recover => return Vec::new(),
        KeyCode::Char('c') if ctrl && confirm == Confirm::Recover => return vec![Effect::Quit],
        KeyCode::Esc => {
            app.layers.pop();
            return Vec::new();
        }
        KeyCode::Char(c) if !ctrl => c,
        _ => return Vec::new(),
    };
    match (confirm, c) {
        (Confirm::QuitUnsaved, 's') => {
            app.layers.pop();
            app.quit_after_save = true;
            vec![Effect::Save]
        }
        (Confirm::QuitUnsaved, 'd') => vec![Effect::DiscardJournal, Effect::Quit],
        (Confirm::ChangedOnDisk, 'o') => {
            app.layers.pop();
            vec![Effect::Overwrite]
        }
        (Confirm::ChangedOnDisk, 'r') => {
            app.layers.pop();
            if app.is_dirty() {
                app.layers.push(Layer::Confirm(Confirm::ReloadDiscards));
                Vec::new()
            } else {
                vec![Effect::Reload]
            }
        }
        (Confirm::ChangedOnDisk, 'a') => {
            app.layers.pop();
            let path = mine_name(&app.file);
            app.layers
                .push(Layer::Prompt(Prompt::new(PromptKind::SaveAs, &path)));
            Vec::new()
        }
        (Confirm::Recover, 'r') => {
            app.layers.pop();
            vec![Effect::Recover]
        }
        (Confirm::Recover, 'q') => vec![Effect::Quit],
        (Confirm::Recover, 'd') => {
            app.layers.push(Layer::Confirm(Confirm::DiscardRecovered));
            Vec::new()
        }
        (Confirm::DiscardRecovered, 'y') => {
            app.layers.pop();
            app.layers.pop();
            app.recovery = None;
            app.notice = Some("discarded the unsaved edits from the earlier session".into());
            vec![Effect::DiscardJournal]
        }
        (Confirm::MarkdownProblem(node), 'e') => {
            app.layers.pop();
            match app.draft_for(node) {
                Some(draft) => vec![Effect::OpenEditor(node, draft.text.clone())],
                None => Vec::new(),
            }
        }
        (Confirm::QuitDropsDrafts, 'y') => {
            app.layers.pop();
            app.external.clear();
            app.request_quit()
        }
        (Confirm::MarkdownProblem(node), 'd') => {
            app.layers.pop();
            app.drop_draft(node);
            app.notice =
                Some("dropped the text from the editor; the two-pager is unchanged".into());
            Vec::new()
        }
        (Confirm::ReloadDiscards, 'y') => {
            app.layers.pop();
            vec![Effect::Reload]
        }
        (Confirm::Delete(id), 'y') | (Confirm::DeleteSubtree(id, _), 'y') => {
            app.layers.pop();
            let step = edit::delete(&app.strategy, id, true);
            if let Err(error) = app.commit(step) {
                app.notice = Some(format!("not deleted: {error}"));
            } else {
                app.notice = Some("deleted; u brings it back".into());
            }
            Vec::new()
        }
        (Confirm::DeleteWithChildren(id, n), 'y') => {
            app.layers.pop();
            app.layers
                .push(Layer::Confirm(Confirm::DeleteSubtree(id, n)));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// A new name beside `file` to save my version under: `plan.toml` →
/// `plan.mine.toml`.
fn mine_name(file: &str) -> String {
    match file.strip_suffix(".toml") {
        Some(stem) => format!("{stem}.mine.toml"),
        None => format!("{file}.mine"),
    }
}

/// Handles a key on a prompt.
pub(super) fn prompt_key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Prompt(prompt)) = app.layers.last_mut() else {
        return Vec::new();
    };
    match (key.code, key.ctrl) {
        (KeyCode::Esc, _) => {
            app.layers.pop();
        }
        (KeyCode::Enter, _) => return submit(app),
        (code, ctrl) => {
            edit_line(&mut prompt.input, code, ctrl, key.alt);
            prompt.error = None;
        }
    }
    Vec::new()
}

/// Line-editing keys shared by prompts and the editor; `false` when the key
/// is not one of them.
pub(super) fn edit_line(input: &mut TextBuffer, code: KeyCode, ctrl: bool, alt: bool) -> bool {
    match (code, ctrl, alt) {
        (KeyCode::Char('w'), true, _) | (KeyCode::Backspace, _, true) => input.delete_word_back(),
        (KeyCode::Char('u'), true, _) => input.delete_to_line_start(),
        (KeyCode::Char('a'), true, _) | (KeyCode::Home, _, _) => input.home(),
        (KeyCode::Char('e'), true, _) | (KeyCode::End, _, _) => input.end(),
        (KeyCode::Left, true, _) | (KeyCode::Char('b'), false, true) => input.word_left(),
        (KeyCode::Right, true, _) | (KeyCode::Char('f'), false, true) => input.word_right(),
        (KeyCode::Left, ..) => input.left(),
        (KeyCode::Right, ..) => input.right(),
        (KeyCode::Backspace, ..) => input.backspace(),
        (KeyCode::Delete, ..) => input.delete(),
        (KeyCode::Char(c), false, false) => input.insert(c),
        _ => return false,
    }
    true
}

fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Layer::Prompt(prompt)) = app.layers.last() else {
        return Vec::new();
    };
    let text = prompt.input.text();
    let kind = prompt.kind.clone();
    let refuse = |app: &mut App, why: String| {
        if let Some(Layer::Prompt(prompt)) = app.layers.last_mut() {
            prompt.error = Some(why);
        }
        Vec::new()
    };
    match kind {
        PromptKind::SaveAs => {
            if text.trim().is_empty() {
                return refuse(app, "type a path".into());
            }
            app.layers.pop();
            vec![Effect::SaveAs(text)]
        }
        PromptKind::NewTitle(parent) => {
            let title = text.trim().to_owned();
            if title.is_empty() {
                return refuse(app, "a node needs a title".into());
            }
            let Some((_, Edit::Insert { value, .. })) =
                edit::add_child(&app.strategy, parent, &title)
            else {
                app.layers.pop();
                app.notice = Some("options have no children".into());
                return Vec::new();
            };
            app.layers.pop();
            app.layers.push(Layer::Prompt(Prompt::new(
                PromptKind::NewId(parent, title),
                &value.id,
            )));
            Vec::new()
        }
        PromptKind::NewId(parent, title) => {
            let id = text.trim().to_owned();
            let Some((
                node,
                Edit::Insert {
                    mut value, index, ..
                },
            )) = edit::add_child(&app.strategy, parent, &title)
            else {
                app.layers.pop();
                return Vec::new();
            };
            if let Some(why) = id_problem(app, value.level, &id, None) {
                return refuse(app, why);
            }
            value.id = id;
            match app.commit(Edit::Insert { node, value, index }) {
                Ok(()) => {
                    app.layers.pop();
                    app.jump_to(node);
                    app.notice = Some("added; e edits its text".into());
                    Vec::new()
                }
                Err(error) => refuse(app, error.to_string()),
            }
        }
        PromptKind::Rename(node) => {
            let id = text.trim().to_owned();
            let Some(current) = app.strategy.get(node) else {
                app.layers.pop();
                return Vec::new();
            };
            if id == current.id {
                app.layers.pop();
                return Vec::new();
            }
            if let Some(why) = id_problem(app, current.level, &id, Some(node)) {
                return refuse(app, why);
            }
            let step = edit::rename(&app.strategy, node, &id);
            match app.commit(step) {
                Ok(()) => {
                    app.layers.pop();
                    app.notice = Some("renamed; references follow".into());
                    Vec::new()
                }
                Err(error) => refuse(app, error.to_string()),
            }
        }
    }
}

/// Why `id` cannot be used at `level`, if it cannot.
fn id_problem(
    app: &App,
    level: crate::model::Level,
    id: &str,
    except: Option<NodeId>,
) -> Option<String> {
    if !is_valid_id(id) {
        return Some(format!(
            "`{}` is not a usable id: use lowercase letters, digits and dashes",
            sanitize::line(id)
        ));
    }
    match app.strategy.find(level, id) {
        Some(other) if Some(other) != except => Some(format!(
            "`{id}` is already used by another {}",
            level.name()
        )),
        _ => None,
    }
}
