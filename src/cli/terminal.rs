//! The browser in the terminal, as `strata [FILE]` and `strata review` both
//! start it: the user's config, the colours, the reviewer's name, the app
//! with the user's keys, the session with its recovery journal, the run, and
//! the summary printed once the terminal is back. Everything that can fail is
//! read before the terminal is taken over, so errors print normally.

use std::path::Path;

use super::output;
use super::style::{ColorChoice, no_color};
use crate::app::App;
use crate::app::browse::look::TreeLook;
use crate::config::{self, Config};
use crate::lint::{self, Diagnostic};
use crate::model::{Date, NodeId, Strategy};
use crate::review::{Scope, summarize};
use crate::sanitize;
use crate::store::{self, Throttle, Workspace};
use crate::tui::Session;
use crate::ui::Theme;

/// The user's config file; `None` after printing what is wrong with it.
pub fn load_config() -> Option<Config> {
    match config::load() {
        Ok(config) => Some(config),
        Err(error) => {
            eprint!("{error}");
            None
        }
    }
}

/// The reviewer: `[review] reviewer` in the config, else `git config user.name`.
pub fn reviewer(config: &Config, path: &Path) -> Option<String> {
    config
        .reviewer
        .clone()
        .or_else(|| store::user_name(path.parent().unwrap_or(Path::new("."))))
}

/// The browser's colours: the config's theme, or none for `--color never`
/// (and for `auto` when `NO_COLOR` is set).
pub fn theme(config: &Config, color: ColorChoice) -> Theme {
    match color {
        ColorChoice::Never => Theme::plain(),
        ColorChoice::Auto if no_color() => Theme::plain(),
        _ => config.theme.clone(),
    }
}

/// The browser, ready to take over the terminal.
pub struct Browser {
    /// The state, for a caller to adjust (a review to resume) before the run.
    pub app: App,
    /// Its colours.
    pub theme: Theme,
}

impl Browser {
    /// The browser on `file` with the keys and colours of `config`, signing
    /// review records as `reviewer`, on `today`.
    pub fn new(
        file: &Workspace,
        strategy: Strategy,
        config: Config,
        color: ColorChoice,
        reviewer: Option<String>,
        today: Date,
    ) -> Browser {
        let theme = theme(&config, color);
        let mut app = App::open(
            &super::open::file_info(file),
            strategy,
            config.keymap,
            today,
        );
        app.review_keymap = config.review_keymap;
        app.reviewer = reviewer;
        Browser { app, theme }
    }

    /// Runs the browser on `file` until the user quits, and hands the app
    /// back; `None` after printing why the terminal failed.
    pub fn run(mut self, file: Workspace) -> Option<App> {
        let session = session(file, &mut self.app);
        match crate::tui::run(self.app, session, &self.theme) {
            Ok(app) => Some(app),
            // Nobody is there to read a message; the edits are journaled.
            Err(error) if crate::tui::is_hang_up(&error) => None,
            Err(error) => {
                // The terminal may be half gone: a message that cannot be
                // written is dropped, not a panic.
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "error: the terminal failed: {}",
                    sanitize::line(&error.to_string())
                );
                None
            }
        }
    }
}

/// The shell's session on `file`, with its recovery journal (offering what
/// an earlier run left there), or a notice when there is nowhere to keep one.
/// `STRATA_JOURNAL_DELAY_MS` sets how long an edit waits to be journaled.
fn session(file: Workspace, app: &mut App) -> Session {
    let delay = Throttle::delay_from(std::env::var_os(Throttle::DELAY_ENV).as_deref());
    let mut session = Session::new(file).with_journal_delay(delay);
    // The tree's look as the user left it, and where to keep it next.
    if let Some(dir) = store::strata_state_dir() {
        let look = store::LookState::in_dir(&dir);
        if let Some(text) = look.read() {
            app.look = TreeLook::from_text(&text);
        }
        session = session.with_look_state(look);
    }
    match store::journal_dir() {
        Some(dir) => {
            session = session.with_journal(dir);
            session.offer_recovery(app);
        }
        None => {
            app.notice = Some(format!(
                "no directory for the recovery journal (set {}); save often",
                store::STATE_DIR_ENV
            ))
        }
    }
    session
}

/// The summary of what `reviewer` decided since `started` among `queue`,
/// printed after the terminal is restored, ready to paste into the meeting
/// notes.
pub fn print_review_summary(app: &App, queue: &[NodeId], reviewer: &str, started: Date) {
    let diagnostics: Vec<Diagnostic> =
        lint::lint_strategy(&app.strategy, &app.lint_config, app.as_of);
    let scope = Scope {
        reviewer: Some(reviewer.to_owned()),
        from: Some(started),
    };
    // The meeting is over and saved; a closed pipe or a full disk here
    // has already been said on stderr, and changes nothing.
    let _ = output::print_str(
        &summarize(
            &app.strategy,
            queue,
            &diagnostics,
            &app.progress,
            scope,
            app.today,
        )
        .to_markdown(),
    );
    if app.is_dirty() {
        eprintln!("warning: the last change was not saved; the summary shows what is on screen");
    }
}
