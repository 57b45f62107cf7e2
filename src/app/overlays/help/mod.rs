//! `?`: every key and what it does, scrolled in an overlay. What it lists
//! is built in `sections.rs`, from the keymap and every overlay's table.

pub mod sections;

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};

/// The help overlay's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Help {
    /// First line shown.
    pub scroll: usize,
}

commands! {
    /// What the help overlay's keys do.
    pub enum Command {
        /// Scroll down a line.
        Down,
        /// Scroll up a line.
        Up,
        /// Scroll down a screen.
        PageDown,
        /// Scroll up a screen.
        PageUp,
        /// Go to the top.
        Top,
        /// Go to the end.
        Bottom,
        /// Close the help.
        Close,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of the help overlay.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::ctrl('c'), Command::Quit),
    (Press::key(KeyCode::Esc), Command::Close),
    (Press::char('q'), Command::Close),
    (Press::char('?'), Command::Close),
    (Press::char('j'), Command::Down),
    (Press::key(KeyCode::Down), Command::Down),
    (Press::char('k'), Command::Up),
    (Press::key(KeyCode::Up), Command::Up),
    (Press::key(KeyCode::PageDown), Command::PageDown),
    (Press::char(' '), Command::PageDown),
    (Press::ctrl('f'), Command::PageDown),
    (Press::ctrl('d'), Command::PageDown),
    (Press::key(KeyCode::PageUp), Command::PageUp),
    (Press::ctrl('b'), Command::PageUp),
    (Press::ctrl('u'), Command::PageUp),
    (Press::char('g'), Command::Top),
    (Press::key(KeyCode::Home), Command::Top),
    (Press::char('G'), Command::Bottom),
    (Press::key(KeyCode::End), Command::Bottom),
]);

/// Opens the help.
pub(in crate::app) fn open(app: &mut App) {
    app.layers.push(Layer::Help(Help::default()));
}

/// Handles a key in the help overlay.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.help_lines.max(1);
    let total = app.screen.help_total;
    let Some(Layer::Help(help)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let max = total.saturating_sub(page);
    match KEYS.command(key) {
        Some(Command::Close) => {
            app.layers.pop();
        }
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Down) => help.scroll = (help.scroll + 1).min(max),
        Some(Command::Up) => help.scroll = help.scroll.saturating_sub(1),
        Some(Command::PageDown) => help.scroll = (help.scroll + page).min(max),
        Some(Command::PageUp) => help.scroll = help.scroll.saturating_sub(page),
        Some(Command::Top) => help.scroll = 0,
        Some(Command::Bottom) => help.scroll = max,
        None => {}
    }
    Vec::new()
}

/// The hints while the help is open.
pub(super) fn hints() -> Vec<Hint> {
    [
        KEYS.hint_pair(Command::Down, Command::Up, "scroll"),
        KEYS.hint(Command::Close, "close"),
    ]
    .into_iter()
    .flatten()
    .collect()
}
