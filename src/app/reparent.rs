//! `m`: move the selected node under another parent of the level above, by
//! picking it from a list. One undoable edit; the node's own children come
//! along (they name it, not its parent).

use super::key::{Key, KeyCode};
use super::{App, Effect, Layer};
use crate::model::{Edit, NodeId};

/// The list of parents `m` offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParentPicker {
    /// The node being moved.
    pub node: NodeId,
    /// Nodes of the level above, in cascade order.
    pub parents: Vec<NodeId>,
    /// The entry under the cursor.
    pub cursor: usize,
}

/// Keys of the parent list.
pub const PARENT_KEYS: &[(&str, &str)] = &[
    ("j k down up pagedown pageup", "Choose the new parent."),
    ("enter", "Move the node there (u undoes)."),
    ("esc", "Leave it where it is."),
];

impl App {
    /// Opens the list of possible parents for the selection.
    pub(super) fn start_reparent(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        let level = self.strategy.node(node).level;
        // Intents always sit under the one vision: there is nowhere else to go.
        let Some(parent_level) = level.parent().filter(|_| level.parent_key().is_some()) else {
            self.notice = Some(match level.parent() {
                None => "the vision is the top of the cascade; it has no parent to move to".into(),
                Some(_) => format!(
                    "{} always sits under the vision; K / J reorder it",
                    level.with_article()
                ),
            });
            return;
        };
        let parents: Vec<NodeId> = self
            .strategy
            .cascade()
            .into_iter()
            .map(|(id, _)| id)
            .filter(|&id| self.strategy.node(id).level == parent_level)
            .collect();
        let cursor = self
            .strategy
            .parent(node)
            .and_then(|p| parents.iter().position(|&c| c == p))
            .unwrap_or(0);
        self.layers.push(Layer::Reparent(ParentPicker {
            node,
            parents,
            cursor,
        }));
    }
}

/// Handles a key on the parent list.
pub(super) fn reparent_key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.search_rows.max(5);
    let Some(Layer::Reparent(picker)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = picker.parents.len().saturating_sub(1);
    match (key.code, key.ctrl) {
        (KeyCode::Char('c'), true) => return app.request_quit(),
        (KeyCode::Esc | KeyCode::Char('q'), false) => {
            app.layers.pop();
        }
        (KeyCode::Char('j') | KeyCode::Down, false) => {
            picker.cursor = (picker.cursor + 1).min(last)
        }
        (KeyCode::Char('k') | KeyCode::Up, false) => {
            picker.cursor = picker.cursor.saturating_sub(1)
        }
        (KeyCode::PageDown, false) => picker.cursor = (picker.cursor + page).min(last),
        (KeyCode::PageUp, false) => picker.cursor = picker.cursor.saturating_sub(page),
        (KeyCode::Enter, false) => {
            let node = picker.node;
            let Some(&parent) = picker.parents.get(picker.cursor) else {
                app.layers.pop();
                return Vec::new();
            };
            app.layers.pop();
            if app.strategy.parent(node) == Some(parent) {
                return Vec::new();
            }
            let id = app.strategy.node(parent).id.clone();
            match app.commit(Edit::SetParent {
                node,
                parent: Some(id),
            }) {
                Ok(()) => {
                    app.jump_to(node);
                    app.notice = Some("moved; u puts it back".into());
                }
                Err(error) => app.notice = Some(format!("not moved: {error}")),
            }
        }
        _ => {}
    }
    Vec::new()
}
