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
//! answered in milliseconds. Synchronous, with `lsp-server`'s message
//! framing, one reader thread and a channel: no async runtime.
//!
//! Lowest first: `text` (UTF-16 positions), `tables`, `uri` → `part` (one
//! file) → `relint` → `project/` (one strategy: `load`, `install`,
//! `view`) → `workspace` (the open
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
#[cfg(test)]
mod tests;
mod text;
mod uri;
mod workspace;

use std::time::Duration;

use crate::model::Date;

pub use server::{Outgoing, Server, serve};

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

/// `docs/rules.md` of the source this strata was built from, as a `file://`
/// address, when it is still there (a `cargo install --path` keeps it):
/// where each diagnostic's rule link points unless the editor says otherwise.
pub fn rules_in_source() -> Option<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if !path.is_file() {
        return None;
    }
    uri::from_path(&path).map(|uri| uri.as_str().to_owned())
}

/// Serves the editor on stdin and stdout until it shuts the server down.
/// A thread reads stdin (so the loop can wait for a message or the end of
/// the debounce, whichever comes first); the loop writes stdout.
pub fn run(options: Options) -> Result<(), String> {
    let (send, incoming) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || -> Result<(), String> {
        let mut stdin = std::io::stdin().lock();
        loop {
            match lsp_server::Message::read(&mut stdin) {
                Ok(Some(message)) => {
                    let exit = matches!(&message, lsp_server::Message::Notification(n) if n.method == "exit");
                    if send.send(message).is_err() || exit {
                        return Ok(());
                    }
                }
                Ok(None) => return Ok(()),
                Err(e) => return Err(format!("cannot read from the client: {e}")),
            }
        }
    });
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let served = serve(&incoming, &mut stdout, options);
    drop(incoming);
    served?;
    // Once the client said `exit`, the reader has stopped too.
    match reader.join() {
        Ok(read) => read,
        Err(_) => Err("the reader thread panicked".to_owned()),
    }
}
