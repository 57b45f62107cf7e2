//! `e`: which section of the shown two-pager to edit, picked from a list
//! (or by its number); the choice opens the section editor.

use super::Layer;
use super::section_editor;
use crate::app::edit::section::Section;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};

/// The section picker `e` opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Picker {
    /// The entry under the cursor, an index into [`Section::ALL`].
    pub cursor: usize,
}

commands! {
    /// What the section picker's keys do.
    pub enum Command {
        /// Next section.
        Next,
        /// Previous section.
        Previous,
        /// Edit the section under the cursor.
        Edit,
        /// Edit the section of that number (0 is the tenth).
        Choose,
        /// Close.
        Close,
    }
}

/// Keys of the section picker.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::key(KeyCode::Esc), Command::Close),
    (Press::char('q'), Command::Close),
    (Press::char('j'), Command::Next),
    (Press::key(KeyCode::Down), Command::Next),
    (Press::char('k'), Command::Previous),
    (Press::key(KeyCode::Up), Command::Previous),
    (Press::key(KeyCode::Enter), Command::Edit),
    (Press::char('e'), Command::Edit),
    (Press::chars('0', '9'), Command::Choose),
]);

/// Opens the picker on the shown node.
pub(in crate::app) fn open(app: &mut App) {
    if app.shown_node().is_some() {
        app.layers.push(Layer::Pick(Picker::default()));
    }
}

/// Handles a key on the picker.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Pick(picker)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let last = Section::ALL.len() - 1;
    let chosen = match KEYS.command(key) {
        Some(Command::Close) => {
            app.layers.pop();
            return Vec::new();
        }
        Some(Command::Next) => {
            picker.cursor = (picker.cursor + 1).min(last);
            None
        }
        Some(Command::Previous) => {
            picker.cursor = picker.cursor.saturating_sub(1);
            None
        }
        Some(Command::Edit) => Some(picker.cursor),
        Some(Command::Choose) => match key.code {
            KeyCode::Char(c) => c.to_digit(10).map(|n| number_index(n as usize)),
            _ => None,
        },
        None => None,
    };
    if let Some(section) = chosen.and_then(|index| Section::ALL.get(index)) {
        app.layers.pop();
        section_editor::open(app, *section);
    }
    Vec::new()
}

/// The entry a number key picks: 1 the first, 0 the tenth.
pub fn number_index(number: usize) -> usize {
    (number + 9) % 10
}

/// The number key that picks entry `index`, if one does.
pub fn index_number(index: usize) -> Option<usize> {
    (index < 10).then_some((index + 1) % 10)
}

/// The hints while the picker is open.
pub(super) fn hints() -> Vec<Hint> {
    [
        KEYS.hint(Command::Edit, "edit"),
        KEYS.hint_pair(Command::Next, Command::Previous, "section"),
        KEYS.hint(Command::Close, "close"),
    ]
    .into_iter()
    .flatten()
    .collect()
}
