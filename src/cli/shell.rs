//! `strata completions` and `strata man`: shell integration generated from the
//! same clap definition as `--help`, so they never drift from the real CLI.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, Exit};

/// Prints the completion script for `shell` to stdout.
pub fn completions(shell: Shell) -> Exit {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "strata", &mut std::io::stdout());
    Exit::Ok
}

/// Prints the man page (roff) to stdout.
pub fn man() -> Exit {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    if let Err(e) = page.render(&mut out) {
        eprintln!("error: cannot render the man page: {e}");
        return Exit::Error;
    }
    match std::io::stdout().write_all(&out) {
        Ok(()) => Exit::Ok,
        // A closed pipe (`strata man | head`) is not an error worth a message.
        Err(_) => Exit::Ok,
    }
}
