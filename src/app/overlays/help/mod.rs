//! `?`: every key and what it does, scrolled in an overlay. What it lists
//! is built in `sections.rs`, from the keymap and every overlay's keys.

pub mod sections;

use super::Layer;
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};

/// The help overlay's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Help {
    /// First line shown.
    pub scroll: usize,
}

/// Keys of the help overlay.
pub const HELP_KEYS: &[(&str, &str)] = &[
    ("j k down up", "Scroll."),
    (
        "pagedown pageup g G",
        "Scroll a screen, or to the top or the end.",
    ),
    ("esc q ?", "Close the help."),
];

/// Handles a key in the help overlay.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let page = app.screen.help_lines.max(1);
    let total = app.screen.help_total;
    let Some(Layer::Help(help)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let max = total.saturating_sub(page);
    match (key.code, key.ctrl) {
        (KeyCode::Esc | KeyCode::Char('q' | '?'), false) => {
            app.layers.pop();
        }
        (KeyCode::Char('c'), true) => return app.request_quit(),
        (KeyCode::Char('j') | KeyCode::Down, false) => help.scroll = (help.scroll + 1).min(max),
        (KeyCode::Char('k') | KeyCode::Up, false) => help.scroll = help.scroll.saturating_sub(1),
        (KeyCode::PageDown | KeyCode::Char(' '), false) | (KeyCode::Char('f' | 'd'), true) => {
            help.scroll = (help.scroll + page).min(max)
        }
        (KeyCode::PageUp, false) | (KeyCode::Char('b' | 'u'), true) => {
            help.scroll = help.scroll.saturating_sub(page)
        }
        (KeyCode::Char('g') | KeyCode::Home, false) => help.scroll = 0,
        (KeyCode::Char('G') | KeyCode::End, false) => help.scroll = max,
        _ => {}
    }
    Vec::new()
}
