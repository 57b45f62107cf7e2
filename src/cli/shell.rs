//! `strata completions` and `strata man` (the page itself is `man.rs`): shell
//! integration generated from the same clap definition as `--help`, so they
//! never drift from the real CLI.

use std::io::Write;

use clap::{Args, CommandFactory};

use super::Cli;
use super::exit::Exit;
use super::output;

/// `strata completions SHELL`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: clap_complete::Shell,
}

/// Examples under `strata completions --help`.
pub const COMPLETIONS_HELP: &str = "Examples:\n  strata completions bash > ~/.local/share/bash-completion/completions/strata\n  \
                                    strata completions zsh > ~/.zfunc/_strata\n  \
                                    strata completions fish > ~/.config/fish/completions/strata.fish";

/// An example under `strata man --help`.
pub const MAN_HELP: &str = "Example:\n  strata man > ~/.local/share/man/man1/strata.1";

/// Prints the completion script for the shell in `args` to stdout.
pub fn completions(args: &CompletionsArgs) -> Exit {
    let mut command = Cli::command();
    // clap_complete panics on a failed write, so the script is made first.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "strata", &mut script);
    output::then(output::print(|out| out.write_all(&script)), Exit::Ok)
}

/// Prints the man page (roff) to stdout: see [`super::man`].
pub fn man() -> Exit {
    match super::man::page() {
        Ok(page) => output::then(output::print_str(&page), Exit::Ok),
        Err(e) => {
            eprintln!("error: cannot render the man page: {e}");
            Exit::Error
        }
    }
}
