//! `strata [FILE]`: the browser. Everything that can fail (the config, the
//! file) is checked before the terminal is taken over, so errors print
//! normally and the exit code says what happened.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::clock;
use super::exit::Exit;
use super::open::{self, FileArg};
use super::style::{ColorChoice, Style};
use super::terminal::{self, Browser};
use super::tree::{self, TreeArgs};

/// Opens the browser on `file`; prints the tree instead when stdout is
/// not a terminal (`strata FILE | less` still shows something useful).
pub fn run(file: Option<PathBuf>, color: ColorChoice, style: Style) -> Exit {
    let Some(config) = terminal::load_config() else {
        return Exit::Error;
    };
    let file = FileArg { file };
    if !std::io::stdout().is_terminal() {
        return tree::run(&TreeArgs { file, width: None }, style);
    }
    let path = file.path();
    let Some((file, strategy)) = open::open(&path, style) else {
        return Exit::Error;
    };
    let reviewer = terminal::reviewer(&config, &path);
    let browser = Browser::new(&file, strategy, config, color, reviewer, clock::today());
    let Some(app) = browser.run(file) else {
        return Exit::Error;
    };
    // A review started with R prints its summary like `strata review` does.
    if let Some(review) = &app.review {
        terminal::print_review_summary(&app, &review.queue, &review.reviewer, review.started);
    }
    Exit::Ok
}
