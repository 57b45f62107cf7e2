//! `f`: the filter menu, which narrows the tree to nodes with errors, of a
//! status or of an owner. The filter itself is `browse/filter.rs`.

use super::Layer;
use crate::app::browse::filter::{Filter, cycle, owners};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};
use crate::model::Status;

/// The filter menu's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FilterMenu {
    /// The entry under the cursor, an index into [`FILTER_ITEMS`].
    pub cursor: usize,
    /// Every owner in the file, to cycle through.
    pub owners: Vec<String>,
}

/// The filter menu's entries.
pub const FILTER_ITEMS: [&str; 4] = [
    "Only nodes with errors",
    "Status",
    "Owner",
    "Show every node",
];

/// Keys of the filter menu.
pub const FILTER_KEYS: &[(&str, &str)] = &[
    ("j k down up", "Choose an entry."),
    (
        "enter space l right",
        "Toggle the entry, or move to its next value.",
    ),
    ("h left", "Move to the entry's previous value."),
    ("e", "Toggle: only nodes with errors."),
    ("s", "Cycle through statuses."),
    (
        "o",
        "Only the selected node's owner (again to show every owner).",
    ),
    ("c", "Show every node."),
    ("esc f q", "Close the menu; the filter stays."),
];

/// Handles a key in the filter menu.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Filter(menu)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = FILTER_ITEMS.len() - 1;
    let mut filter = app.filter.clone();
    match (key.code, key.ctrl) {
        (KeyCode::Char('c'), true) => return app.request_quit(),
        (KeyCode::Esc | KeyCode::Char('q' | 'f'), false) => {
            app.layers.pop();
            return Vec::new();
        }
        (KeyCode::Char('j') | KeyCode::Down, false) => menu.cursor = (menu.cursor + 1).min(last),
        (KeyCode::Char('k') | KeyCode::Up, false) => menu.cursor = menu.cursor.saturating_sub(1),
        (KeyCode::Enter | KeyCode::Char(' ' | 'l') | KeyCode::Right, false) => {
            change(&mut filter, menu, menu.cursor, true)
        }
        (KeyCode::Char('h') | KeyCode::Left, false) => {
            change(&mut filter, menu, menu.cursor, false)
        }
        (KeyCode::Char('e'), false) => change(&mut filter, menu, 0, true),
        (KeyCode::Char('s'), false) => change(&mut filter, menu, 1, true),
        (KeyCode::Char('S'), false) => change(&mut filter, menu, 1, false),
        (KeyCode::Char('o'), false) => {
            menu.cursor = 2;
            let owner = app
                .tree
                .selected()
                .and_then(|id| app.strategy.get(id))
                .map(|n| n.doc.owner.clone())
                .filter(|o| !o.is_empty());
            filter.owner = if filter.owner == owner { None } else { owner };
        }
        (KeyCode::Char('c'), false) => change(&mut filter, menu, 3, true),
        _ => {}
    }
    if filter != app.filter {
        app.set_filter(filter);
    }
    Vec::new()
}

/// Applies the menu entry `item` to `filter`, forwards or backwards.
fn change(filter: &mut Filter, menu: &mut FilterMenu, item: usize, forward: bool) {
    menu.cursor = item;
    match item {
        0 => filter.errors_only = !filter.errors_only,
        1 => filter.status = cycle(&filter.status, &Status::ALL, forward),
        2 => filter.owner = cycle(&filter.owner, &menu.owners, forward),
        _ => *filter = Filter::default(),
    }
}

/// Opens the filter menu.
pub(in crate::app) fn open(app: &mut App) {
    let menu = FilterMenu {
        cursor: 0,
        owners: owners(&app.strategy),
    };
    app.layers.push(Layer::Filter(menu));
}
