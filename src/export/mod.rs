//! `strata export`: the strategy as documents other people can read without
//! strata: Markdown, a self-contained HTML page, JSON for tools, and a Mermaid
//! diagram of the cascade.
//!
//! Pure: each renderer turns the model and the linter's findings into a
//! `String`, with no terminal and no IO. Text from the file is untrusted, so
//! every renderer writes it only through the escapers in `escape.rs`.

pub(crate) mod escape;
mod html;
mod json;
mod markdown;
mod mermaid;
mod outline;
mod prose;
mod svg;

use std::fmt;

pub use json::JSON_VERSION;

use crate::lint::Diagnostic;
use crate::model::progress::Progress;
use crate::model::{Date, Strategy};
use outline::Outline;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One Markdown document, for a wiki or a repository.
    Markdown,
    /// One self-contained HTML page, to open, share or print.
    Html,
    /// The model and its findings as JSON, for other tools.
    Json,
    /// A Mermaid flowchart of the cascade, for GitHub and docs sites.
    Mermaid,
}

impl Format {
    /// The name used on the command line (`md`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Mermaid => "mermaid",
        }
    }

    /// The format a file name suggests (`strategy.html`), so `-o` alone can choose it.
    pub fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "json" => Some(Format::Json),
            "mmd" | "mermaid" => Some(Format::Mermaid),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Renders `strategy` in `format`, with `diagnostics` (from
/// [`lint_strategy`](crate::lint::lint_strategy) for `as_of`) shown on their
/// nodes, and each node's `progress` (measured for the same strategy).
pub fn render(
    format: Format,
    strategy: &Strategy,
    diagnostics: &[Diagnostic],
    as_of: Date,
    progress: &Progress,
) -> String {
    let outline = Outline::new(strategy, diagnostics, as_of).measured(progress);
    match format {
        Format::Markdown => markdown::render(&outline),
        Format::Html => html::render(&outline),
        Format::Json => json::render(&outline),
        Format::Mermaid => mermaid::render(&outline),
    }
}
