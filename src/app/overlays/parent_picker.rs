//! `m`: the list of parents a node can move under, one level up, the
//! current one marked. Enter moves it there (see `App::reparent`).

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
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

commands! {
    /// What the parent list's keys do.
    pub enum Command {
        /// Next parent.
        Next,
        /// Previous parent.
        Previous,
        /// Down the list a screen at a time.
        PageDown,
        /// Up the list a screen at a time.
        PageUp,
        /// Move the node there (u undoes).
        Move,
        /// Leave it where it is.
        Close,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of the parent list.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::ctrl('c'), Command::Quit),
    (Press::key(KeyCode::Esc), Command::Close),
    (Press::char('q'), Command::Close),
    (Press::char('j'), Command::Next),
    (Press::key(KeyCode::Down), Command::Next),
    (Press::char('k'), Command::Previous),
    (Press::key(KeyCode::Up), Command::Previous),
    (Press::key(KeyCode::PageDown), Command::PageDown),
    (Press::key(KeyCode::PageUp), Command::PageUp),
    (Press::key(KeyCode::Enter), Command::Move),
]);

/// Handles a key on the parent list.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.search_rows.max(5);
    let Some(Layer::Reparent(picker)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = picker.parents.len().saturating_sub(1);
    match KEYS.command(key) {
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Close) => {
            app.layers.pop();
        }
        Some(Command::Next) => picker.cursor = (picker.cursor + 1).min(last),
        Some(Command::Previous) => picker.cursor = picker.cursor.saturating_sub(1),
        Some(Command::PageDown) => picker.cursor = (picker.cursor + page).min(last),
        Some(Command::PageUp) => picker.cursor = picker.cursor.saturating_sub(page),
        Some(Command::Move) => {
            let node = picker.node;
            let parent = picker.parents.get(picker.cursor).copied();
            app.layers.pop();
            if let Some(parent) = parent {
                app.reparent(node, parent);
            }
        }
        None => {}
    }
    Vec::new()
}

/// The hints while the list is open.
pub(super) fn hints() -> Vec<Hint> {
    [
        KEYS.hint(Command::Move, "move here"),
        KEYS.hint_pair(Command::Next, Command::Previous, "parent"),
        KEYS.hint(Command::Close, "cancel"),
    ]
    .into_iter()
    .flatten()
    .collect()
}
