//! `/`: the search box and its ranked results, the node under the cursor
//! previewed on the right; enter jumps there and `n` / `N` walk the results
//! afterwards. The ranking itself is `index.rs`.

pub mod index;

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::{NodeId, Strategy};
use index::{Hit, SearchIndex};

/// The result of the last search, kept for `n` / `N`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastSearch {
    /// What was typed.
    pub query: String,
    /// The nodes found, best first.
    pub nodes: Vec<NodeId>,
    /// Which of them is current.
    pub at: usize,
}

/// What search keeps while no search box is open: the index, built the
/// first time search opens and dropped when the strategy changes, and the
/// last search, for `n` / `N`.
#[derive(Debug, Default)]
pub struct Search {
    index: Option<SearchIndex>,
    /// The last search jumped from, for `n` / `N`.
    pub last: Option<LastSearch>,
}

impl Search {
    /// The strategy changed: the index is built again by the next search.
    pub fn strategy_changed(&mut self) {
        self.index = None;
    }

    /// The index over `strategy`, built if there is none.
    fn index(&mut self, strategy: &Strategy) -> &mut SearchIndex {
        self.index.get_or_insert_with(|| SearchIndex::new(strategy))
    }
}

/// The search overlay's state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SearchBox {
    /// What has been typed.
    pub input: TextBuffer,
    /// Results for the query, best first.
    pub hits: Vec<Hit>,
    /// The result under the cursor; its node is previewed on the right.
    pub cursor: usize,
}

impl SearchBox {
    /// What has been typed.
    pub fn query(&self) -> String {
        self.input.text()
    }
}

commands! {
    /// What the search box's own keys do.
    pub enum Command {
        /// Type to search; results are ranked as you type.
        Type,
        /// Jump to the result under the cursor.
        Jump,
        /// Next result.
        Next,
        /// Previous result.
        Previous,
        /// Down the results a screen at a time.
        PageDown,
        /// Up the results a screen at a time.
        PageUp,
        /// Close the search and go back to where you were.
        Close,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of the search box; the keys every text box shares come after them.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::ctrl('c'), Command::Quit),
    (Press::any(KeyCode::Esc), Command::Close),
    (Press::any(KeyCode::Enter), Command::Jump),
    (Press::any(KeyCode::Down), Command::Next),
    (Press::ctrl('n'), Command::Next),
    (Press::ctrl('j'), Command::Next),
    (Press::any(KeyCode::Up), Command::Previous),
    (Press::ctrl('p'), Command::Previous),
    (Press::any(KeyCode::PageDown), Command::PageDown),
    (Press::any(KeyCode::PageUp), Command::PageUp),
    (Press::TEXT, Command::Type),
]);

/// Handles a key in the search box: its own keys first, then the keys
/// every text box shares.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.search_rows.max(1);
    let Some(Layer::Search(search)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = search.hits.len().saturating_sub(1);
    match KEYS.command(key) {
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Close) => {
            app.layers.pop();
        }
        Some(Command::Jump) => {
            let query = search.query();
            let nodes: Vec<_> = search.hits.iter().map(|h| h.node).collect();
            let at = search.cursor.min(nodes.len().saturating_sub(1));
            app.layers.pop();
            if let Some(&node) = nodes.get(at) {
                app.search.last = Some(LastSearch { query, nodes, at });
                app.jump_to(node);
            }
        }
        Some(Command::Next) => search.cursor = (search.cursor + 1).min(last),
        Some(Command::Previous) => search.cursor = search.cursor.saturating_sub(1),
        Some(Command::PageDown) => search.cursor = (search.cursor + page).min(last),
        Some(Command::PageUp) => search.cursor = search.cursor.saturating_sub(page),
        command @ (Some(Command::Type) | None) => {
            let before = search.query();
            // Typing at the end narrows the current results; anything else searches again.
            let narrowing = command.is_some() && search.input.at_end() && !before.trim().is_empty();
            text::keys::edit(&mut search.input, key);
            if search.query() != before {
                search_again(app, narrowing);
            }
        }
    }
    Vec::new()
}

/// The hints while searching.
pub(super) fn hints(search: &SearchBox) -> Vec<Hint> {
    let mut hints = Vec::new();
    if !search.hits.is_empty() {
        hints.extend(KEYS.hint(Command::Jump, "jump"));
        hints.extend(KEYS.hint_pair(Command::Previous, Command::Next, "results"));
    }
    hints.extend(KEYS.hint(Command::Close, "cancel"));
    hints
}

/// Ranks the results for the query as it now reads; `narrowing` looks only
/// among the results so far (the query only grew at its end).
fn search_again(app: &mut App, narrowing: bool) {
    let (query, previous) = match app.layers.last() {
        Some(Layer::Search(search)) => (
            search.query(),
            search.hits.iter().map(|h| h.node).collect::<Vec<_>>(),
        ),
        _ => return,
    };
    let among = narrowing.then_some(previous.as_slice());
    let hits = app.search.index(&app.strategy).search_among(&query, among);
    if let Some(Layer::Search(search)) = app.layers.last_mut() {
        search.hits = hits;
        search.cursor = 0;
    }
}

/// Opens the search box, building the index the first time.
pub(in crate::app) fn open(app: &mut App) {
    app.search.index(&app.strategy);
    app.layers.push(Layer::Search(SearchBox::default()));
}

/// `n` / `N`: the next (or previous) node of the last search.
pub(in crate::app) fn step(app: &mut App, step: isize) {
    let Some(search) = &mut app.search.last else {
        return;
    };
    if search.nodes.is_empty() {
        return;
    }
    let len = search.nodes.len() as isize;
    search.at = (search.at as isize + step).rem_euclid(len) as usize;
    let node = search.nodes[search.at];
    app.jump_to(node);
}
