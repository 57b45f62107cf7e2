//! Overlays stacked over the browser (helix's compositor layers): the
//! topmost sees every key first. Each has its own fixed keys, listed here so
//! the help overlay and `docs/keymap.md` show them.

use super::dialog::{self, Confirm, Prompt};
use super::editor::{self, Editor, Picker};
use super::filter::{Filter, cycle, owners};
use super::key::{Key, KeyCode};
use super::reparent::{self, ParentPicker};
use super::search::Hit;
use super::{App, Effect, LastSearch};
use crate::model::Status;

/// One overlay.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// The list of keys.
    Help(Help),
    /// The search box and its results.
    Search(SearchBox),
    /// The filter menu.
    Filter(FilterMenu),
    /// A question before something hard to take back.
    Confirm(Confirm),
    /// A one-line text prompt (a title, an id, a path).
    Prompt(Prompt),
    /// Which section `e` should edit.
    Pick(Picker),
    /// A section being edited.
    Editor(Box<Editor>),
    /// The list of parents `m` offers.
    Reparent(ParentPicker),
    /// What a reviewer is typing: a comment or an approval's reason.
    Note(Box<super::Note>),
}

/// The help overlay's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Help {
    /// First line shown.
    pub scroll: usize,
}

/// The search overlay's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchBox {
    /// What has been typed.
    pub query: String,
    /// Results for `query`, best first.
    pub hits: Vec<Hit>,
    /// The result under the cursor; its node is previewed on the right.
    pub cursor: usize,
}

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

/// Keys of the search overlay, as (keys, what they do).
pub const SEARCH_KEYS: &[(&str, &str)] = &[
    ("text", "Type to search; results are ranked as you type."),
    ("enter", "Jump to the result under the cursor."),
    ("down ctrl-n", "Next result."),
    ("up ctrl-p", "Previous result."),
    (
        "pagedown pageup",
        "Move through the results a screen at a time.",
    ),
    (
        "backspace ctrl-w ctrl-u",
        "Delete a character, a word, or everything typed.",
    ),
    ("esc", "Close the search and go back to where you were."),
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

/// Keys of the help overlay.
pub const HELP_KEYS: &[(&str, &str)] = &[
    ("j k down up", "Scroll."),
    (
        "pagedown pageup g G",
        "Scroll a screen, or to the top or the end.",
    ),
    ("esc q ?", "Close the help."),
];

/// Gives `key` to the topmost overlay. `None` when there is no overlay;
/// overlays consume every key, so keys never fall through to the tree
/// hidden beneath them.
pub(super) fn handle_key(app: &mut App, key: Key) -> Option<Vec<Effect>> {
    let effects = match app.layers.last()? {
        Layer::Help(_) => help_key(app, key),
        Layer::Search(_) => search_key(app, key),
        Layer::Filter(_) => filter_key(app, key),
        Layer::Confirm(confirm) => {
            let confirm = *confirm;
            dialog::confirm_key(app, confirm, key)
        }
        Layer::Prompt(_) if key == Key::ctrl('c') => app.request_quit(),
        Layer::Prompt(_) => dialog::prompt_key(app, key),
        Layer::Pick(_) => editor::picker_key(app, key),
        Layer::Editor(_) => editor::editor_key(app, key),
        Layer::Reparent(_) => reparent::reparent_key(app, key),
        Layer::Note(_) => super::note::note_key(app, key),
    };
    Some(effects)
}

fn help_key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.help_lines.max(1);
    let total = app.screen.help_total;
    let Some(Layer::Help(help)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let max = total.saturating_sub(page);
    match (key.code, key.ctrl) {
        (KeyCode::Esc | KeyCode::Char('q' | '?'), false) => {
            app.layers.pop();
        }
        (KeyCode::Char('c'), true) => return app.request_quit(),
        (KeyCode::Char('j') | KeyCode::Down, false) => help.scroll = (help.scroll + 1).min(max),
        (KeyCode::Char('k') | KeyCode::Up, false) => help.scroll = help.scroll.saturating_sub(1),
        (KeyCode::PageDown | KeyCode::Char(' '), false) | (KeyCode::Char('f' | 'd'), true) => {
            help.scroll = (help.scroll + page).min(max)
        }
        (KeyCode::PageUp, false) | (KeyCode::Char('b' | 'u'), true) => {
            help.scroll = help.scroll.saturating_sub(page)
        }
        (KeyCode::Char('g') | KeyCode::Home, false) => help.scroll = 0,
        (KeyCode::Char('G') | KeyCode::End, false) => help.scroll = max,
        _ => {}
    }
    Vec::new()
}

fn search_key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.search_rows.max(1);
    let Some(Layer::Search(search)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = search.hits.len().saturating_sub(1);
    let mut changed = false;
    // Typing at the end narrows the current results; anything else searches again.
    let mut narrowing = false;
    match key {
        Key {
            code: KeyCode::Char('c'),
            ctrl: true,
            ..
        } => return app.request_quit(),
        Key {
            code: KeyCode::Esc, ..
        } => {
            app.layers.pop();
        }
        Key {
            code: KeyCode::Enter,
            ..
        } => {
            let query = search.query.clone();
            let nodes: Vec<_> = search.hits.iter().map(|h| h.node).collect();
            let at = search.cursor.min(nodes.len().saturating_sub(1));
            app.layers.pop();
            if let Some(&node) = nodes.get(at) {
                app.last_search = Some(LastSearch { query, nodes, at });
                app.jump_to(node);
            }
        }
        Key {
            code: KeyCode::Down,
            ..
        }
        | Key {
            code: KeyCode::Char('n' | 'j'),
            ctrl: true,
            ..
        } => search.cursor = (search.cursor + 1).min(last),
        Key {
            code: KeyCode::Up, ..
        }
        | Key {
            code: KeyCode::Char('p' | 'k'),
            ctrl: true,
            ..
        } => search.cursor = search.cursor.saturating_sub(1),
        Key {
            code: KeyCode::PageDown,
            ..
        } => search.cursor = (search.cursor + page).min(last),
        Key {
            code: KeyCode::PageUp,
            ..
        } => search.cursor = search.cursor.saturating_sub(page),
        Key {
            code: KeyCode::Backspace,
            ..
        } => changed = search.query.pop().is_some(),
        Key {
            code: KeyCode::Char('u'),
            ctrl: true,
            ..
        } => {
            changed = !search.query.is_empty();
            search.query.clear();
        }
        Key {
            code: KeyCode::Char('w'),
            ctrl: true,
            ..
        } => {
            let kept = search.query.trim_end().rfind(' ').map_or(0, |i| i + 1);
            changed = kept < search.query.len();
            search.query.truncate(kept);
        }
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
            alt: false,
        } => {
            narrowing = !search.query.trim().is_empty();
            search.query.push(c);
            changed = true;
        }
        _ => {}
    }
    if changed {
        let (query, previous) = match app.layers.last() {
            Some(Layer::Search(search)) => (
                search.query.clone(),
                search.hits.iter().map(|h| h.node).collect::<Vec<_>>(),
            ),
            _ => (String::new(), Vec::new()),
        };
        let among = narrowing.then_some(previous.as_slice());
        let hits = app.search_index().search_among(&query, among);
        if let Some(Layer::Search(search)) = app.layers.last_mut() {
            search.hits = hits;
            search.cursor = 0;
        }
    }
    Vec::new()
}

fn filter_key(app: &mut App, key: Key) -> Vec<Effect> {
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

/// A fresh filter menu for `app`.
pub(super) fn filter_menu(app: &App) -> FilterMenu {
    FilterMenu {
        cursor: 0,
        owners: owners(&app.strategy),
    }
}
