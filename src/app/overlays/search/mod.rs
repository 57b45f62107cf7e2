//! `/`: the search box and its ranked results, the node under the cursor
//! previewed on the right; enter jumps there and `n` / `N` walk the results
//! afterwards. The ranking itself is `index.rs`.

pub mod index;

use super::Layer;
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect, LastSearch};
use index::Hit;

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

/// Handles a key in the search box: its own keys first, then the keys
/// every text box shares.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.search_rows.max(1);
    let Some(Layer::Search(search)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = search.hits.len().saturating_sub(1);
    match (key.code, key.ctrl) {
        (KeyCode::Char('c'), true) => return app.request_quit(),
        (KeyCode::Esc, _) => {
            app.layers.pop();
        }
        (KeyCode::Enter, _) => {
            let query = search.query();
            let nodes: Vec<_> = search.hits.iter().map(|h| h.node).collect();
            let at = search.cursor.min(nodes.len().saturating_sub(1));
            app.layers.pop();
            if let Some(&node) = nodes.get(at) {
                app.last_search = Some(LastSearch { query, nodes, at });
                app.jump_to(node);
            }
        }
        (KeyCode::Down, _) | (KeyCode::Char('n' | 'j'), true) => {
            search.cursor = (search.cursor + 1).min(last)
        }
        (KeyCode::Up, _) | (KeyCode::Char('p' | 'k'), true) => {
            search.cursor = search.cursor.saturating_sub(1)
        }
        (KeyCode::PageDown, _) => search.cursor = (search.cursor + page).min(last),
        (KeyCode::PageUp, _) => search.cursor = search.cursor.saturating_sub(page),
        _ => {
            let before = search.query();
            // Typing at the end narrows the current results; anything else searches again.
            let typing = matches!(key.code, KeyCode::Char(_)) && !key.ctrl && !key.alt;
            let narrowing = typing && search.input.at_end() && !before.trim().is_empty();
            text::keys::edit(&mut search.input, key);
            if search.query() != before {
                search_again(app, narrowing);
            }
        }
    }
    Vec::new()
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
    let hits = app.search_index().search_among(&query, among);
    if let Some(Layer::Search(search)) = app.layers.last_mut() {
        search.hits = hits;
        search.cursor = 0;
    }
}

/// Opens the search box, building the index the first time.
pub(in crate::app) fn open(app: &mut App) {
    app.search_index();
    app.layers.push(Layer::Search(SearchBox::default()));
}
