//! `strata [FILE]`: the browser. Everything that can fail (the config, the
//! file) is checked before the terminal is taken over, so errors print
//! normally and the exit code says what happened.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::args::{ColorChoice, FileArg};
use super::{Exit, Style, open, tree};
use crate::app::App;
use crate::config;
use crate::store::Workspace;
use crate::tui::Session;

/// Opens the browser on `args.file`; prints the tree instead when stdout is
/// not a terminal (`strata FILE | less` still shows something useful).
pub fn run(args: &FileArg, color: ColorChoice, style: Style) -> Exit {
    let config = match config::load() {
        Ok(config) => config,
        Err(error) => {
            eprint!("{error}");
            return Exit::Error;
        }
    };
    if !std::io::stdout().is_terminal() {
        return tree::run(args, style);
    }
    let path: PathBuf = open::resolve(&args.file);
    let Some((file, strategy)) = open::open(&path, style) else {
        return Exit::Error;
    };
    let theme = super::review::theme(&config, color);
    let reviewer = super::review::reviewer(&config, &path);
    let mut app = App::open(&open::file_info(&file), strategy, config.keymap);
    app.review_keymap = config.review_keymap;
    app.reviewer = reviewer;
    let session = session(file, &mut app);
    match crate::tui::run(app, session, &theme) {
        Ok(app) => {
            // A review started with R prints its summary like `strata review` does.
            if let Some(review) = &app.review {
                super::review::print_session_summary(
                    &app,
                    &review.queue,
                    &review.reviewer,
                    review.started,
                );
            }
            Exit::Ok
        }
        Err(error) => {
            eprintln!(
                "error: the terminal failed: {}",
                crate::sanitize::line(&error.to_string())
            );
            Exit::Error
        }
    }
}

/// The shell's session on `file`, with its recovery journal (offering what
/// an earlier run left there), or a notice when there is nowhere to keep one.
pub(super) fn session(file: Workspace, app: &mut App) -> Session {
    let mut session = Session::new(file);
    match crate::store::journal_dir() {
        Some(dir) => {
            session = session.with_journal(dir);
            session.offer_recovery(app);
        }
        None => {
            app.notice = Some(format!(
                "no directory for the recovery journal (set {}); save often",
                crate::store::STATE_DIR_ENV
            ))
        }
    }
    session
}
