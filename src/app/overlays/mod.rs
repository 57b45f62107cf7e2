//! Overlays stacked over the browser (helix's compositor layers): the
//! topmost sees every key first and consumes it. One file (or folder) per
//! overlay holds its state, its keys and what they do.

pub mod checkin;
pub mod confirm;
pub mod filter_menu;
pub mod help;
pub mod load_problems;
pub mod note;
pub mod parent_picker;
pub mod prompt;
pub mod search;
pub mod section_editor;
pub mod section_picker;

use super::keys::table::Hint;
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
    /// A check-in being typed for one of the shown node's metrics.
    Checkin(Box<checkin::CheckinForm>),
    /// The problems found while loading the file.
    LoadProblems(load_problems::LoadProblems),
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
            let confirm = confirm.clone();
            confirm::key(app, confirm, key)
        }
        Layer::Prompt(_) => prompt::key(app, key),
        Layer::Pick(_) => section_picker::key(app, key),
        Layer::Editor(_) => section_editor::key(app, key),
        Layer::Reparent(_) => parent_picker::key(app, key),
        Layer::Note(_) => note::key(app, key),
        Layer::Checkin(_) => checkin::key(app, key),
        Layer::LoadProblems(_) => load_problems::key(app, key),
    };
    Some(effects)
}

/// The hints for the topmost overlay, from its key table; `None` when
/// there is no overlay.
pub(super) fn hints(app: &App) -> Option<Vec<Hint>> {
    let hints = match app.layers.last()? {
        Layer::Help(_) => help::hints(),
        Layer::Search(search) => search::hints(search),
        Layer::Filter(_) => filter_menu::hints(app),
        Layer::Confirm(confirm) => confirm::hints(confirm),
        Layer::Prompt(_) => prompt::hints(),
        Layer::Pick(_) => section_picker::hints(),
        Layer::Editor(editor) => section_editor::hints(editor),
        Layer::Reparent(_) => parent_picker::hints(),
        Layer::Note(_) => note::hints(),
        Layer::Checkin(form) => checkin::hints(form),
        Layer::LoadProblems(_) => load_problems::hints(),
    };
    Some(hints)
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
            Some(Layer::Help(_) | Layer::Filter(_) | Layer::LoadProblems(_)),
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
        Some(Layer::Checkin(_)) => checkin::paste(app, text),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::keys::table::{Command, KeyTable};
    use crate::app::text::keys as text;

    /// Keys `table` lists that do something else: a row hidden by an
    /// earlier one, or (in a text box) a key of every text box that the
    /// box's own keys take first; `own_typing` when the box types through
    /// a command of its own (the search box narrows as you type).
    fn problems<C: Command + std::fmt::Debug>(
        name: &str,
        table: &KeyTable<C>,
        text_box: bool,
        own_typing: bool,
    ) -> Vec<String> {
        let mut out: Vec<String> = table
            .shadowed()
            .into_iter()
            .map(|(key, command)| {
                format!("{name}: {key} ({command:?}) is hidden by an earlier row")
            })
            .collect();
        if text_box {
            for &command in text::Command::ALL {
                for press in text::KEYS.presses(command) {
                    let taken = table.command(press.example()).is_some();
                    if taken && !(own_typing && command == text::Command::Insert) {
                        out.push(format!(
                            "{name}: its own {} hides {command:?} of every text box",
                            press.name()
                        ));
                    }
                }
            }
        }
        out
    }

    #[test]
    fn every_key_help_names_does_what_help_says() {
        let mut found = Vec::new();
        found.extend(problems("help", &help::KEYS, false, false));
        found.extend(problems(
            "load problems",
            &load_problems::KEYS,
            false,
            false,
        ));
        found.extend(problems("search", &search::KEYS, true, true));
        found.extend(problems("filter", &filter_menu::KEYS, false, false));
        found.extend(problems("prompt", &prompt::KEYS, true, false));
        found.extend(problems("picker", &section_picker::KEYS, false, false));
        found.extend(problems("editor", &section_editor::KEYS, true, false));
        found.extend(problems("parents", &parent_picker::KEYS, false, false));
        found.extend(problems("note", &note::KEYS, true, false));
        found.extend(problems("check-in", &checkin::KEYS, true, false));
        found.extend(problems("text", &text::KEYS, false, false));
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn the_drifted_keys_are_in_help_because_the_tables_are() {
        let keys = |rows: Vec<(Vec<String>, &str)>| -> Vec<String> {
            rows.into_iter().flat_map(|(keys, _)| keys).collect()
        };
        let search = keys(search::KEYS.help());
        assert!(search.contains(&"ctrl-j".into()) && search.contains(&"ctrl-p".into()));
        let help = keys(help::KEYS.help());
        for key in [
            "space", "ctrl-f", "ctrl-d", "ctrl-b", "ctrl-u", "home", "end",
        ] {
            assert!(help.contains(&key.to_owned()), "{key} in {help:?}");
        }
    }
}
