//! `L`: the problems found while loading the file (warnings the loader
//! printed, entries of a directory it passed over), as `strata tree` would
//! print them, in a panel the status line points to.

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};

/// The panel's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoadProblems {
    /// First line shown.
    pub scroll: usize,
}

commands! {
    /// What the load-problems panel's keys do.
    pub enum Command {
        /// Scroll down a line.
        Down,
        /// Scroll up a line.
        Up,
        /// Scroll down a screen.
        PageDown,
        /// Scroll up a screen.
        PageUp,
        /// Close the panel.
        Close,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of the load-problems panel.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::ctrl('c'), Command::Quit),
    (Press::key(KeyCode::Esc), Command::Close),
    (Press::char('q'), Command::Close),
    (Press::char('L'), Command::Close),
    (Press::char('j'), Command::Down),
    (Press::key(KeyCode::Down), Command::Down),
    (Press::char('k'), Command::Up),
    (Press::key(KeyCode::Up), Command::Up),
    (Press::key(KeyCode::PageDown), Command::PageDown),
    (Press::char(' '), Command::PageDown),
    (Press::key(KeyCode::PageUp), Command::PageUp),
]);

/// Opens the panel; says so when loading found nothing.
pub(in crate::app) fn open(app: &mut App) {
    if app.load_problems.is_empty() {
        app.notice = Some("loading the file found no problems".into());
        return;
    }
    app.layers
        .push(Layer::LoadProblems(LoadProblems::default()));
}

/// Handles a key in the panel.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.panel_lines.max(1);
    let max = app.screen.panel_total.saturating_sub(page);
    let Some(Layer::LoadProblems(panel)) = app.layers.last_mut() else {
        return Vec::new();
    };
    match KEYS.command(key) {
        Some(Command::Close) => {
            app.layers.pop();
        }
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Down) => panel.scroll = (panel.scroll + 1).min(max),
        Some(Command::Up) => panel.scroll = panel.scroll.saturating_sub(1),
        Some(Command::PageDown) => panel.scroll = (panel.scroll + page).min(max),
        Some(Command::PageUp) => panel.scroll = panel.scroll.saturating_sub(page),
        None => {}
    }
    Vec::new()
}

/// The hints while the panel is open.
pub(super) fn hints() -> Vec<Hint> {
    [
        KEYS.hint_pair(Command::Down, Command::Up, "scroll"),
        KEYS.hint(Command::Close, "close"),
    ]
    .into_iter()
    .flatten()
    .collect()
}
