//! `/`: the search box and its ranked results, the node under the cursor
//! previewed on the right; enter jumps there and `n` / `N` walk the results
//! afterwards. The ranking itself is `index.rs`.

pub mod index;

use super::Layer;
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect, LastSearch};
use index::Hit;

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

/// Handles a key in the search box.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
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

/// Opens the search box, building the index the first time.
pub(in crate::app) fn open(app: &mut App) {
    app.search_index();
    app.layers.push(Layer::Search(SearchBox::default()));
}
