//! The `strata` binary as a user runs it: commands, output and exit codes, and
//! the real terminal (tmux) and browser (Chromium) tests.
//!
//! One test binary per suite, so `cargo test` links three binaries, not forty.

#[path = "../support/mod.rs"]
mod support;

mod browse_cli;
mod checkin_cli;
mod cli;
mod devtools;
mod e2e_journal_kill;
mod e2e_kill;
mod e2e_merge;
mod e2e_tmux;
mod export_browser_layout;
mod export_html_browser;
mod first_hour;
#[cfg(unix)]
mod hangup;
mod hostile_files;
mod lint_cli;
mod lsp;
mod lsp_client;
mod lsp_neovim;
#[cfg(unix)]
mod permissions;
#[cfg(unix)]
mod pipes;
mod review_actions_cli;
mod review_e2e;
mod review_meeting_e2e;
mod review_summary;
