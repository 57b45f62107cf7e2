//! Overlays stacked over the browser (helix's compositor layers): the
//! topmost sees every key first and consumes it. One file (or folder) per
//! overlay holds its state, its keys and what they do.

pub mod confirm;
pub mod filter_menu;
pub mod help;
pub mod note;
pub mod parent_picker;
pub mod prompt;
pub mod search;
pub mod section_editor;
pub mod section_picker;

use super::keys::{Key, KeyCode};
use super::screen::Target;
use super::{App, Effect};

/// One overlay.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// The list of keys.
    Help(help::Help),
    /// The search box and its results.
    Search(search::SearchBox),
    /// The filter menu.
    Filter(filter_menu::FilterMenu),
    /// A question before something hard to take back.
    Confirm(confirm::Confirm),
    /// A one-line text prompt (a title, an id, a path).
    Prompt(prompt::Prompt),
    /// Which section `e` should edit.
    Pick(section_picker::Picker),
    /// A section being edited.
    Editor(Box<section_editor::Editor>),
    /// The list of parents `m` offers.
    Reparent(parent_picker::ParentPicker),
    /// What a reviewer is typing: a comment or an approval's reason.
    Note(Box<note::Note>),
}

/// Gives `key` to the topmost overlay. `None` when there is no overlay;
/// overlays consume every key, so keys never fall through to the tree
/// hidden beneath them.
pub(super) fn handle_key(app: &mut App, key: Key) -> Option<Vec<Effect>> {
    let effects = match app.layers.last()? {
        Layer::Help(_) => help::key(app, key),
        Layer::Search(_) => search::key(app, key),
        Layer::Filter(_) => filter_menu::key(app, key),
        Layer::Confirm(confirm) => {
            let confirm = *confirm;
            confirm::key(app, confirm, key)
        }
        Layer::Prompt(_) if key == Key::ctrl('c') => app.request_quit(),
        Layer::Prompt(_) => prompt::key(app, key),
        Layer::Pick(_) => section_picker::key(app, key),
        Layer::Editor(_) => section_editor::key(app, key),
        Layer::Reparent(_) => parent_picker::key(app, key),
        Layer::Note(_) => note::key(app, key),
    };
    Some(effects)
}

/// A click while an overlay is open, on `target` (what the last frame drew
/// under the pointer).
pub(super) fn click(app: &mut App, target: Option<Target>) -> Vec<Effect> {
    match (target, app.layers.last_mut()) {
        (Some(Target::SearchHit(index)), Some(Layer::Search(search))) => {
            if search.cursor == index {
                return handle_key(app, Key::plain(KeyCode::Enter)).unwrap_or_default();
            }
            search.cursor = index;
        }
        (Some(Target::FilterItem(index)), Some(Layer::Filter(menu))) => {
            menu.cursor = index;
            return handle_key(app, Key::plain(KeyCode::Enter)).unwrap_or_default();
        }
        (
            None | Some(Target::Pane(_) | Target::TreeRow(_)),
            Some(Layer::Help(_) | Layer::Filter(_)),
        ) => {
            // A click outside a menu closes it, as in most desktop UIs.
            app.layers.pop();
        }
        _ => {}
    }
    Vec::new()
}

/// Pasted text, into the overlay that takes text; `false` when the topmost
/// overlay (or the browser) has nothing to type into.
pub(super) fn paste(app: &mut App, text: &str) -> bool {
    match app.layers.last() {
        Some(Layer::Editor(_)) => section_editor::paste(app, text),
        Some(Layer::Note(_)) => note::paste(app, text),
        Some(Layer::Prompt(_)) => prompt::paste(app, text),
        _ => return false,
    }
    true
}
