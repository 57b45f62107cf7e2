//! `e`: which section of the shown two-pager to edit, picked from a list
//! (or by its number); the choice opens the section editor.

use super::Layer;
use super::section_editor;
use crate::app::edit::section::Section;
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};

/// The section picker `e` opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Picker {
    /// The entry under the cursor, an index into [`Section::ALL`].
    pub cursor: usize,
}

/// Keys of the section picker.
pub const PICKER_KEYS: &[(&str, &str)] = &[
    ("j k down up", "Choose a section."),
    ("enter 1-8", "Edit it."),
    ("esc", "Close."),
];

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
    let chosen = match (key.code, key.ctrl) {
        (KeyCode::Esc | KeyCode::Char('q'), false) => {
            app.layers.pop();
            return Vec::new();
        }
        (KeyCode::Char('j') | KeyCode::Down, false) => {
            picker.cursor = (picker.cursor + 1).min(last);
            None
        }
        (KeyCode::Char('k') | KeyCode::Up, false) => {
            picker.cursor = picker.cursor.saturating_sub(1);
            None
        }
        (KeyCode::Enter | KeyCode::Char('e'), false) => Some(picker.cursor),
        (KeyCode::Char(c @ '1'..='8'), false) => Some(c as usize - '1' as usize),
        _ => None,
    };
    if let Some(index) = chosen {
        app.layers.pop();
        section_editor::open(app, Section::ALL[index]);
    }
    Vec::new()
}
