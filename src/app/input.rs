//! Routing input: overlays first, then the normal-mode keymap (with pending
//! sequences like `g g`), mouse clicks against the last frame's layout, and
//! pasted text into whatever takes text.

use super::keys::keymap::Lookup;
use super::keys::{Key, KeyCode};
use super::overlays;
use super::screen::Target;
use super::{Action, App, Effect, Focus, View, update};

/// Something the user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key press.
    Key(Key),
    /// A left click at (column, row).
    Click(u16, u16),
    /// The wheel turned up at (column, row).
    ScrollUp(u16, u16),
    /// The wheel turned down at (column, row).
    ScrollDown(u16, u16),
}

/// Lines the wheel moves per notch.
const WHEEL: isize = 3;

/// Handles one input; returns what the shell must do.
pub fn handle(app: &mut App, input: Input) -> Vec<Effect> {
    let effects = match input {
        Input::Key(key) => {
            app.notice = None;
            key_press(app, key)
        }
        Input::Click(column, row) => click(app, column, row),
        Input::ScrollUp(column, row) => wheel(app, column, row, -WHEEL),
        Input::ScrollDown(column, row) => wheel(app, column, row, WHEEL),
    };
    app.sync_reading();
    effects
}

fn key_press(app: &mut App, key: Key) -> Vec<Effect> {
    if let Some(effects) = overlays::handle_key(app, key) {
        app.pending.clear();
        return effects;
    }
    app.pending.push(key);
    match app.active_keymap().lookup(&app.pending) {
        Lookup::Action(action) => {
            app.pending.clear();
            update(app, action)
        }
        Lookup::Pending(_) => Vec::new(),
        Lookup::Unbound => {
            // An unbound key (Esc included) abandons a half-typed sequence, like helix.
            app.pending.clear();
            Vec::new()
        }
    }
}

fn click(app: &mut App, column: u16, row: u16) -> Vec<Effect> {
    app.pending.clear();
    let target = app.screen.target_at(column, row);
    if !app.layers.is_empty() {
        return overlays::click(app, target);
    }
    match target {
        Some(Target::TreeRow(index)) => {
            let again = app.focus == Focus::Tree && app.tree.cursor == index;
            app.focus = Focus::Tree;
            app.tree.set_cursor(index, 1);
            if again {
                return update(app, Action::Activate);
            }
        }
        Some(Target::Diagnostic(index)) => {
            app.focus = Focus::Diagnostics;
            app.show_diagnostic(index);
        }
        Some(Target::RollupLevel(index)) => {
            let again = app.focus == Focus::Rollup && app.view == (View::Rollup { cursor: index });
            app.focus = Focus::Rollup;
            app.view = View::Rollup { cursor: index };
            if again {
                return update(app, Action::Activate);
            }
        }
        Some(Target::Pane(focus)) if app.panes().contains(&focus) => app.focus = focus,
        _ => {}
    }
    Vec::new()
}

fn wheel(app: &mut App, column: u16, row: u16, delta: isize) -> Vec<Effect> {
    let key = |down: bool| Key::plain(if down { KeyCode::Down } else { KeyCode::Up });
    if !app.layers.is_empty() {
        let mut effects = Vec::new();
        for _ in 0..delta.unsigned_abs() {
            effects.extend(overlays::handle_key(app, key(delta > 0)).unwrap_or_default());
        }
        return effects;
    }
    let Some(pane) = app.screen.pane_at(column, row) else {
        return Vec::new();
    };
    if !app.panes().contains(&pane) {
        return Vec::new();
    }
    let focus = std::mem::replace(&mut app.focus, pane);
    let action = if delta > 0 {
        Action::MoveDown
    } else {
        Action::MoveUp
    };
    let mut effects = Vec::new();
    for _ in 0..delta.unsigned_abs() {
        effects.extend(update(app, action));
    }
    // The wheel scrolls what is under the pointer without stealing focus.
    app.focus = focus;
    effects
}

/// Takes pasted text (a bracketed paste, so its newlines are text, never
/// keys): into the editor, a note or a prompt as typed text, relinting once;
/// with nothing to type into, it is refused rather than run as commands.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    app.notice = None;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if !overlays::paste(app, &text) {
        app.notice = Some("nothing to paste into: e opens an editor".into());
    }
    Vec::new()
}
