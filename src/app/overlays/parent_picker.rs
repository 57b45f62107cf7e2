//! `m`: the list of parents a node can move under, one level up, the
//! current one marked. Enter moves it there (see `App::reparent`).

use super::Layer;
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};
use crate::model::NodeId;

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

/// Handles a key on the parent list.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
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
            let parent = picker.parents.get(picker.cursor).copied();
            app.layers.pop();
            if let Some(parent) = parent {
                app.reparent(node, parent);
            }
        }
        _ => {}
    }
    Vec::new()
}
