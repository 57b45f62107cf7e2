//! The keys every text box shares (the search box, prompts, the section
//! editor, review notes): moving by unit, word and line end, deleting, and
//! typing. A box's own keys (enter, esc, up and down) come first; what is
//! left goes here.

use super::TextBuffer;
use crate::app::keys::{Key, KeyCode};

/// Applies `key` to `input` when it is one of the shared editing keys;
/// `false` when it is not.
pub fn edit(input: &mut TextBuffer, key: Key) -> bool {
    match (key.code, key.ctrl, key.alt) {
        (KeyCode::Char('w'), true, _) | (KeyCode::Backspace, _, true) => input.delete_word_back(),
        (KeyCode::Char('u'), true, _) => input.delete_to_line_start(),
        (KeyCode::Char('a'), true, _) | (KeyCode::Home, _, _) => input.home(),
        (KeyCode::Char('e'), true, _) | (KeyCode::End, _, _) => input.end(),
        (KeyCode::Left, true, _) | (KeyCode::Char('b'), false, true) => input.word_left(),
        (KeyCode::Right, true, _) | (KeyCode::Char('f'), false, true) => input.word_right(),
        (KeyCode::Left, ..) => input.left(),
        (KeyCode::Right, ..) => input.right(),
        (KeyCode::Backspace, ..) => input.backspace(),
        (KeyCode::Delete, ..) => input.delete(),
        (KeyCode::Char(c), false, false) => input.insert(c),
        _ => return false,
    }
    true
}
