//! `strata lsp`: the linter where people write. A language server over
//! stdio for strategy files and directories, for any editor: diagnostics
//! as the text changes, hover with the rule's explanation, code actions
//! (allow a rule with a reason, fix a horizon), go to a parent, complete a
//! parent id, and the cascade as the file's outline.
//!
//! It is one more reporter over the same engine as `strata lint`: files are
//! read by `store` (with spans) and judged by `lint::lint_node` and
//! `lint::lint_strategy`. What it adds is reading only what an edit
//! touched: the table it is in (`part.rs`, cut by `tables.rs`) and the
//! nodes linked to it (`relint.rs`), so a keystroke in a 5,000-node file is
//! answered in milliseconds. Synchronous, on `lsp-server`'s channels: no
//! async runtime.
//!
//! Lowest first: `text` (UTF-16 positions), `tables`, `uri` → `part` (one
//! file) → `relint` → `project` (one strategy) → `workspace` (the open
//! files) → `diagnostics`, `hover`, `navigate`, `actions` → `server` (the
//! protocol loop).

mod actions;
mod diagnostics;
mod hover;
mod navigate;
mod part;
mod project;
mod relint;
mod server;
mod tables;
#[cfg(test)]
mod tests;
mod text;
mod uri;
mod workspace;

use std::time::Duration;

use crate::model::Date;

pub use server::{Server, serve};

/// How long the editor must be quiet after a change before it is linted.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// What the shell hands the server.
#[derive(Debug, Clone)]
pub struct Options {
    /// Today, for strategies without `as_of` (the shell reads the clock).
    pub today: fn() -> Date,
    /// How long the editor must be quiet after a change before it is linted;
    /// the client's `initializationOptions.debounceMs` overrides it.
    pub debounce: Duration,
    /// Where `docs/rules.md` is, for each diagnostic's link to its rule
    /// (`…/rules.md#sunday-words`); `initializationOptions.rulesUrl`
    /// overrides it.
    pub rules_url: Option<String>,
}

/// Serves the editor on stdin and stdout until it shuts the server down.
pub fn run(options: Options) -> Result<(), String> {
    let (connection, threads) = lsp_server::Connection::stdio();
    serve(&connection, options)?;
    drop(connection);
    threads.join().map_err(|e| e.to_string())
}
