//! `strata [FILE]`: the browser. Everything that can fail (the config, the
//! file) is checked before the terminal is taken over, so errors print
//! normally and the exit code says what happened.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::args::{ColorChoice, FileArg};
use super::{Exit, Style, open, tree};
use crate::app::App;
use crate::config;
use crate::ui::Theme;

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
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = match color {
        ColorChoice::Never => Theme::plain(),
        ColorChoice::Auto if no_color => Theme::plain(),
        _ => config.theme,
    };
    let mut app = App::open_workspace(&file, strategy, config.keymap);
    let mut session = crate::tui::Session::new(file);
    match crate::store::journal_dir() {
        Some(dir) => {
            session = session.with_journal(dir);
            session.offer_recovery(&mut app);
        }
        None => {
            app.notice = Some(format!(
                "no directory for the recovery journal (set {}); save often",
                crate::store::STATE_DIR_ENV
            ))
        }
    }
    match crate::tui::run(app, session, &theme) {
        Ok(()) => Exit::Ok,
        Err(error) => {
            eprintln!(
                "error: the terminal failed: {}",
                crate::sanitize::line(&error.to_string())
            );
            Exit::Error
        }
    }
}
