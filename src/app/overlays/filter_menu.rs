//! `f`: the filter menu, which narrows the tree to nodes with findings
//! (errors, warnings, any), failing a criterion, of a status, of an owner
//! picked from the file's owners, or of a health. The filter itself is
//! `browse/filter.rs`.

use super::Layer;
use crate::app::browse::filter::{Filter, FindingKind, HEALTHS, cycle, owners};
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};
use crate::lint::Criterion;
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
pub const FILTER_ITEMS: [&str; 6] = [
    "Findings",
    "Fails criterion",
    "Status",
    "Owner",
    "Health",
    "Show every node",
];

commands! {
    /// What the filter menu's keys do.
    pub enum Command {
        /// Next entry.
        Next,
        /// Previous entry.
        Previous,
        /// Move the entry to its next value.
        Change,
        /// Move the entry to its previous value.
        Back,
        /// Cycle: nodes with errors, with warnings, with any finding, every node.
        Findings,
        /// Cycle through the criteria a node fails (warnings or errors under it).
        Criterion,
        /// Cycle through statuses.
        Status,
        /// Cycle back through statuses.
        StatusBack,
        /// Cycle through the file's owners.
        Owner,
        /// Cycle back through the file's owners.
        OwnerBack,
        /// Only the selected node's owner (again to show every owner).
        ThisOwner,
        /// Cycle through healths: off track, at risk, on track, done.
        Health,
        /// Show every node.
        Clear,
        /// Close the menu; the filter stays.
        Close,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of the filter menu.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::ctrl('c'), Command::Quit),
    (Press::key(KeyCode::Esc), Command::Close),
    (Press::char('f'), Command::Close),
    (Press::char('q'), Command::Close),
    (Press::char('j'), Command::Next),
    (Press::key(KeyCode::Down), Command::Next),
    (Press::char('k'), Command::Previous),
    (Press::key(KeyCode::Up), Command::Previous),
    (Press::key(KeyCode::Enter), Command::Change),
    (Press::char(' '), Command::Change),
    (Press::char('l'), Command::Change),
    (Press::key(KeyCode::Right), Command::Change),
    (Press::char('h'), Command::Back),
    (Press::key(KeyCode::Left), Command::Back),
    (Press::char('e'), Command::Findings),
    (Press::char('r'), Command::Criterion),
    (Press::char('s'), Command::Status),
    (Press::char('S'), Command::StatusBack),
    (Press::char('o'), Command::Owner),
    (Press::char('O'), Command::OwnerBack),
    (Press::char('.'), Command::ThisOwner),
    (Press::char('p'), Command::Health),
    (Press::char('c'), Command::Clear),
]);

/// The command that goes straight to each of [`FILTER_ITEMS`].
const ITEM_COMMANDS: [Command; 6] = [
    Command::Findings,
    Command::Criterion,
    Command::Status,
    Command::Owner,
    Command::Health,
    Command::Clear,
];

/// The key that goes straight to each of [`FILTER_ITEMS`], shown beside it.
pub fn item_key(item: usize) -> String {
    ITEM_COMMANDS
        .get(item)
        .and_then(|&command| KEYS.first_key(command))
        .unwrap_or_default()
}

/// Handles a key in the filter menu.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Filter(menu)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = FILTER_ITEMS.len() - 1;
    let mut filter = app.filter.clone();
    match KEYS.command(key) {
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Close) => {
            app.layers.pop();
            return Vec::new();
        }
        Some(Command::Next) => menu.cursor = (menu.cursor + 1).min(last),
        Some(Command::Previous) => menu.cursor = menu.cursor.saturating_sub(1),
        Some(Command::Change) => change(&mut filter, menu, menu.cursor, true),
        Some(Command::Back) => change(&mut filter, menu, menu.cursor, false),
        Some(Command::Findings) => change(&mut filter, menu, 0, true),
        Some(Command::Criterion) => change(&mut filter, menu, 1, true),
        Some(Command::Status) => change(&mut filter, menu, 2, true),
        Some(Command::StatusBack) => change(&mut filter, menu, 2, false),
        Some(Command::Owner) => change(&mut filter, menu, 3, true),
        Some(Command::OwnerBack) => change(&mut filter, menu, 3, false),
        Some(Command::ThisOwner) => {
            menu.cursor = 3;
            let owner = app
                .tree
                .selected()
                .and_then(|id| app.strategy.get(id))
                .map(|n| n.doc.owner.clone())
                .filter(|o| !o.is_empty());
            filter.owner = if filter.owner == owner { None } else { owner };
        }
        Some(Command::Health) => change(&mut filter, menu, 4, true),
        Some(Command::Clear) => change(&mut filter, menu, 5, true),
        None => {}
    }
    if filter != app.filter {
        app.set_filter(filter);
    }
    Vec::new()
}

/// The hints while the menu is open.
pub(super) fn hints(app: &App) -> Vec<Hint> {
    let mut hints = Vec::new();
    hints.extend(KEYS.hint(Command::Change, "change"));
    hints.extend(KEYS.hint(Command::Findings, "findings"));
    hints.extend(KEYS.hint(Command::Criterion, "criterion"));
    hints.extend(KEYS.hint(Command::Status, "status"));
    hints.extend(KEYS.hint(Command::Owner, "owner"));
    hints.extend(KEYS.hint(Command::Health, "health"));
    if app.filter.is_active() {
        hints.extend(KEYS.hint(Command::Clear, "clear"));
    }
    hints.extend(KEYS.hint(Command::Close, "close"));
    hints
}

/// Applies the menu entry `item` to `filter`, forwards or backwards.
fn change(filter: &mut Filter, menu: &mut FilterMenu, item: usize, forward: bool) {
    menu.cursor = item;
    match item {
        0 => filter.findings = cycle(&filter.findings, &FindingKind::ALL, forward),
        1 => filter.criterion = cycle(&filter.criterion, &Criterion::ALL, forward),
        2 => filter.status = cycle(&filter.status, &Status::ALL, forward),
        3 => filter.owner = cycle(&filter.owner, &menu.owners, forward),
        4 => filter.health = cycle(&filter.health, &HEALTHS, forward),
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
