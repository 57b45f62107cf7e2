//! The only imperative part of the browser: it owns the terminal, reads
//! events, asks [`crate::app::input::handle`] what they mean, draws with [`ui::draw`], and
//! carries out the effects. Everything it calls is pure and tested without it.
//!
//! The terminal is restored on every way out: a normal quit, an error (the
//! guard's `Drop`), a panic (ratatui's hook, wrapped to release the mouse
//! too), and SIGTERM or SIGHUP (a flag checked between events, with a
//! watchdog for when the loop cannot get back to check it). A terminal that
//! goes away without a signal reaching strata is noticed too (`hangup.rs`);
//! on every way out but a quit, the unsaved edits are journaled first.

use std::io::{self, Write};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

mod external;
mod hangup;
mod notes;
mod recovery_offer;
mod session;

pub use hangup::{HungUp, is_hang_up};
pub use session::{ExternalEditor, Session, WriteStep};

use hangup::{Flags, Tty, Wait, Watchdog};

use crate::app::App;
use crate::app::input::{self, Input};
use crate::app::keys::{Key, KeyCode};
use crate::app::overlays::section_editor;
use crate::ui::{self, Theme};

/// How long to wait for an event before checking for signals again.
const POLL: Duration = Duration::from_millis(200);

/// How often a review with a banner or a timebox looks at the clock.
const REVIEW_TICK: Duration = Duration::from_millis(100);

/// How long typing pauses before a long draft is relinted.
const SETTLE: Duration = Duration::from_millis(section_editor::SETTLE_MS);

/// Runs the browser until the user quits, a signal arrives or the terminal
/// goes away; returns the app as it ended (a review's summary is printed
/// from it) after the terminal is given back. When the terminal hung up, the
/// error says so ([`is_hang_up`]): nothing can be printed to it any more.
pub fn run(mut app: App, session: Session, theme: &Theme) -> io::Result<App> {
    let tty = Tty::open()?;
    let watchdog = Watchdog::start(&tty)?;
    let mut guard = TerminalGuard::enter()?;
    let mut session = session;
    let ended = event_loop(
        &mut guard.terminal,
        &mut app,
        &mut session,
        theme,
        &tty,
        &watchdog.flags,
    );
    if ended.is_err() {
        // A terminal that failed or went away: the edits are kept first.
        session.flush(&mut app);
    }
    watchdog.flags.finished.store(true, Ordering::Relaxed);
    drop(guard);
    ended.map(|()| app)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    session: &mut Session,
    theme: &Theme,
    tty: &Tty,
    flags: &Flags,
) -> io::Result<()> {
    // A review's clock (its banner, its timebox) runs from here.
    let began = Instant::now();
    // The last key or paste: a long draft is relinted after a pause.
    let mut typed = began;
    loop {
        if std::mem::take(&mut session.terminal_was_lent) {
            terminal.clear()?;
        }
        let mut screen = None;
        let drawn = guarded(app, session, |app| {
            terminal.draw(|frame| screen = Some(ui::draw(frame, app, theme)))
        });
        if let Err(error) = drawn {
            // Writing to a hung-up terminal fails with EIO.
            let gone = matches!(tty.wait(Duration::ZERO), Ok(Wait::HungUp) | Err(_));
            return Err(if gone { hangup::hung_up() } else { error });
        }
        if let Some(screen) = screen {
            app.screen = screen;
        }
        // Wait for input, waking up to notice a signal and to write the
        // recovery journal when it falls due. crossterm is only asked once
        // the tty has been looked at: on a hung-up tty it would spin.
        let event = loop {
            if flags.hung_up.load(Ordering::Relaxed) {
                return Err(hangup::hung_up());
            }
            if flags.stop.load(Ordering::Relaxed) {
                session.flush(app);
                return Ok(());
            }
            let now = Instant::now();
            session.tick(app, now);
            let ms = u64::try_from(now.duration_since(began).as_millis()).unwrap_or(u64::MAX);
            if app.review_tick(ms) {
                break None;
            }
            let settle = app
                .draft_unsettled()
                .then(|| (typed + SETTLE).saturating_duration_since(now));
            if settle == Some(Duration::ZERO) {
                guarded(app, session, App::settle_draft);
                break None;
            }
            if tty.wait(Duration::ZERO)? == Wait::HungUp {
                return Err(hangup::hung_up());
            }
            // Events crossterm has already read and parsed come first.
            if event::poll(Duration::ZERO)? {
                break Some(event::read()?);
            }
            let poll = if app.review_wants_ticks() {
                REVIEW_TICK
            } else {
                POLL
            };
            let poll = settle.map_or(poll, |settle| settle.min(poll));
            let wait = session
                .journal_due()
                .map_or(poll, |due| due.saturating_duration_since(now).min(poll));
            if tty.wait(wait)? == Wait::HungUp {
                return Err(hangup::hung_up());
            }
        };
        let Some(event) = event else {
            continue; // The review's clock moved, or a draft settled: draw again.
        };
        typed = Instant::now();
        let effects = if let Event::Paste(text) = &event {
            session.pasted(text, Instant::now());
            guarded(app, session, |app| input::paste(app, text))
        } else {
            let Some(input) = to_input(&event) else {
                continue;
            };
            guarded(app, session, |app| input::handle(app, input))
        };
        let quit = session.run(app, effects);
        session.tick(app, Instant::now());
        if quit {
            return Ok(());
        }
    }
}

/// Runs `step`; if it panics, journals the unsaved edits first and then
/// lets the panic go on (the terminal is restored by the panic hook).
fn guarded<T>(app: &mut App, session: &mut Session, step: impl FnOnce(&mut App) -> T) -> T {
    match std::panic::catch_unwind(AssertUnwindSafe(|| step(&mut *app))) {
        Ok(value) => value,
        Err(panic) => {
            session.on_panic(app);
            std::panic::resume_unwind(panic)
        }
    }
}

/// Translates a terminal event into the app's input; `None` for events
/// that only need a redraw (resize, focus) or mean nothing (key release).
pub fn to_input(event: &Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let code = match key.code {
                event::KeyCode::Char(c) => KeyCode::Char(c),
                event::KeyCode::Enter => KeyCode::Enter,
                event::KeyCode::Esc => KeyCode::Esc,
                event::KeyCode::Tab if key.modifiers.contains(KeyModifiers::SHIFT) => {
                    KeyCode::BackTab
                }
                event::KeyCode::Tab => KeyCode::Tab,
                event::KeyCode::BackTab => KeyCode::BackTab,
                event::KeyCode::Backspace => KeyCode::Backspace,
                event::KeyCode::Delete => KeyCode::Delete,
                event::KeyCode::Up => KeyCode::Up,
                event::KeyCode::Down => KeyCode::Down,
                event::KeyCode::Left => KeyCode::Left,
                event::KeyCode::Right => KeyCode::Right,
                event::KeyCode::PageUp => KeyCode::PageUp,
                event::KeyCode::PageDown => KeyCode::PageDown,
                event::KeyCode::Home => KeyCode::Home,
                event::KeyCode::End => KeyCode::End,
                event::KeyCode::F(n) => KeyCode::F(n),
                _ => return None,
            };
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            let code = match code {
                // Terminals send Ctrl+letter in either case; the keymap writes it lower.
                KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
                other => other,
            };
            Some(Input::Key(Key {
                code,
                ctrl,
                alt: key.modifiers.contains(KeyModifiers::ALT),
            }))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Input::Click(mouse.column, mouse.row)),
            MouseEventKind::ScrollUp => Some(Input::ScrollUp(mouse.column, mouse.row)),
            MouseEventKind::ScrollDown => Some(Input::ScrollDown(mouse.column, mouse.row)),
            _ => None,
        },
        _ => None,
    }
}

/// Owns the terminal while the browser runs and gives it back on drop.
struct TerminalGuard {
    terminal: DefaultTerminal,
}

impl TerminalGuard {
    fn enter() -> io::Result<TerminalGuard> {
        // ratatui installs a panic hook that restores the terminal, then calls
        // the previous hook; ours releases the mouse first, so a panic message
        // lands on a usable terminal.
        let terminal = ratatui::try_init()?;
        let restore = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
            restore(info);
        }));
        let guard = TerminalGuard { terminal };
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Gives the terminal back: mouse released, raw mode off, main screen.
/// Safe to call more than once, and quiet when the terminal is gone
/// (`ratatui::restore` would print, and printing to a hung-up terminal fails).
fn restore() {
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    let _ = ratatui::try_restore();
    let _ = io::stdout().flush();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEvent, MouseEvent};

    #[test]
    fn keys_map_to_the_keymaps_names() {
        let press = |code, modifiers| Event::Key(KeyEvent::new(code, modifiers));
        assert_eq!(
            to_input(&press(event::KeyCode::Char('D'), KeyModifiers::CONTROL)),
            Some(Input::Key(Key::ctrl('d')))
        );
        assert_eq!(
            to_input(&press(event::KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Input::Key(Key::char('G')))
        );
        assert_eq!(
            to_input(&press(event::KeyCode::Tab, KeyModifiers::SHIFT)),
            Some(Input::Key(Key::plain(KeyCode::BackTab)))
        );
        let wheel = Event::Mouse(MouseEvent {
            kind: MouseEventKind::ScrollDown,
            column: 3,
            row: 4,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(to_input(&wheel), Some(Input::ScrollDown(3, 4)));
    }
}
