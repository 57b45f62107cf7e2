//! Questions the browser asks before doing something that cannot be taken
//! back lightly (quit with unsaved edits, overwrite a colleague's change,
//! delete a subtree, recover or discard a crashed session's edits), and what
//! each answer does.

use super::Layer;
use super::prompt::{Prompt, PromptKind};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};
use crate::model::NodeId;
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

/// Keys of a confirmation, as (key, what it does), for the overlay and the hints.
pub fn choices(confirm: Confirm) -> &'static [(&'static str, &'static str)] {
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
pub fn message(app: &App, confirm: Confirm) -> String {
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
pub(super) fn key(app: &mut App, confirm: Confirm, key: Key) -> Vec<Effect> {
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
            app.delete_node(id);
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

impl App {
    /// Quits, or asks first when there are unsaved changes.
    pub(in crate::app) fn request_quit(&mut self) -> Vec<Effect> {
        if !self.external.is_empty() {
            self.layers.push(Layer::Confirm(Confirm::QuitDropsDrafts));
            Vec::new()
        } else if self.dirty {
            self.layers.push(Layer::Confirm(Confirm::QuitUnsaved));
            Vec::new()
        } else {
            vec![Effect::Quit]
        }
    }
}
