//! `strata lsp`: the language server, for any editor (docs/editors.md).

use clap::Args;

use super::clock;
use super::exit::Exit;
use crate::lsp::{self, Options};

/// `strata lsp [--stdio]`.
#[derive(Debug, Args)]
pub struct LspArgs {
    /// Talk over stdin and stdout (the only way it talks; accepted because
    /// some editors pass it to every server).
    #[arg(long)]
    pub stdio: bool,
}

/// Examples under `strata lsp --help`.
pub const HELP: &str = "The editor starts it; it talks JSON-RPC on stdin and stdout.\n\n\
                        Examples:\n  \
                        nvim: vim.lsp.start({ name = 'strata', cmd = { 'strata', 'lsp' } })\n  \
                        helix: [language-server.strata] command = \"strata\", args = [\"lsp\"]\n\n\
                        docs/editors.md has the set-ups for Neovim, Helix and VS Code.";

/// Serves the editor until it shuts the server down.
pub fn run(_args: &LspArgs) -> Exit {
    let options = Options {
        today: clock::today,
        debounce: lsp::DEBOUNCE,
        rules_url: lsp::rules_in_source(),
    };
    match lsp::run(options) {
        Ok(()) => Exit::Ok,
        Err(message) => {
            eprintln!("error: strata lsp: {}", crate::sanitize::line(&message));
            Exit::Error
        }
    }
}
