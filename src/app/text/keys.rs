//! The keys every text box shares (the search box, prompts, the section
//! editor, review notes, check-ins): moving by unit, word and line end,
//! deleting, clearing, undo inside the box, and typing. A box's own keys
//! (enter, esc, up and down) come first; what is left comes here. Help lists these once, as "Typing in a text box".

use super::TextBuffer;
use crate::app::keys::table::{KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};

commands! {
    /// What the keys every text box shares do.
    pub enum Command {
        /// Type: the character goes in at the cursor.
        Insert,
        /// One character left (a letter and its accents are one).
        Left,
        /// One character right.
        Right,
        /// To the start of the word, or of the one before.
        WordLeft,
        /// To the end of the word, or of the one after.
        WordRight,
        /// To the start of the line.
        Home,
        /// To the end of the line.
        End,
        /// Delete the character before the cursor.
        Backspace,
        /// Delete the character under the cursor.
        Delete,
        /// Delete back to the start of the word.
        DeleteWord,
        /// Delete back to the start of the line (in the search box and a
        /// prompt: everything typed before the cursor).
        DeleteToLineStart,
        /// Delete to the end of the line (at its end: join the next line).
        KillToLineEnd,
        /// Clear: delete all the text (ctrl-z brings it back).
        Clear,
        /// Undo the last change to the text in this box.
        Undo,
        /// Redo what undo took back.
        Redo,
    }
}

/// The keys every text box shares.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::ctrl('w'), Command::DeleteWord),
    (Press::alt(KeyCode::Backspace), Command::DeleteWord),
    (Press::ctrl('u'), Command::DeleteToLineStart),
    (Press::ctrl('k'), Command::KillToLineEnd),
    (Press::ctrl('l'), Command::Clear),
    (Press::ctrl('z'), Command::Undo),
    (Press::ctrl('y'), Command::Redo),
    (Press::any(KeyCode::Home), Command::Home),
    (Press::ctrl('a'), Command::Home),
    (Press::any(KeyCode::End), Command::End),
    (Press::ctrl('e'), Command::End),
    (Press::ctrl_key(KeyCode::Left), Command::WordLeft),
    (Press::alt_only(KeyCode::Char('b')), Command::WordLeft),
    (Press::ctrl_key(KeyCode::Right), Command::WordRight),
    (Press::alt_only(KeyCode::Char('f')), Command::WordRight),
    (Press::any(KeyCode::Left), Command::Left),
    (Press::any(KeyCode::Right), Command::Right),
    (Press::any(KeyCode::Backspace), Command::Backspace),
    (Press::any(KeyCode::Delete), Command::Delete),
    (Press::TEXT, Command::Insert),
]);

/// Applies `key` to `input` when it is one of the shared keys; `false` when
/// it is not.
pub fn edit(input: &mut TextBuffer, key: Key) -> bool {
    let Some(command) = KEYS.command(key) else {
        return false;
    };
    match command {
        Command::Insert => {
            if let KeyCode::Char(c) = key.code {
                input.insert(c);
            }
        }
        Command::Left => input.left(),
        Command::Right => input.right(),
        Command::WordLeft => input.word_left(),
        Command::WordRight => input.word_right(),
        Command::Home => input.home(),
        Command::End => input.end(),
        Command::Backspace => input.backspace(),
        Command::Delete => input.delete(),
        Command::DeleteWord => input.delete_word_back(),
        Command::DeleteToLineStart => input.delete_to_line_start(),
        Command::KillToLineEnd => input.kill_to_line_end(),
        Command::Clear => input.clear(),
        Command::Undo => {
            input.undo();
        }
        Command::Redo => {
            input.redo();
        }
    }
    true
}
