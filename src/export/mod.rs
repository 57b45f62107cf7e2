//! `strata export`: the strategy as documents other people can read without
//! strata: Markdown, a self-contained HTML page, JSON for tools, and a Mermaid
//! diagram of the cascade.
//!
//! Pure: each renderer turns the model and the linter's findings into a
//! `String`, with no terminal and no IO. Text from the file is untrusted, so
//! every renderer writes it only through the escapers in `escape.rs`.

pub(crate) mod escape;
mod html;
mod html_parts;
mod json;
mod lint_groups;
mod map;
mod markdown;
mod mermaid;
mod outline;
mod prose;
mod svg;
mod timeline;

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

/// Who a document is for: what HTML and Markdown leave in or out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Audience {
    /// The people who write and review the strategy: everything, with the
    /// linter's findings grouped per node and rule.
    #[default]
    Authors,
    /// Everyone else: the two-pagers, the map, the timeline and progress;
    /// no findings, no review records, no notes, and drafts marked as drafts.
    Company,
}

impl Audience {
    /// Whether the document shows the linter's findings, review records and notes.
    pub fn shows_workings(self) -> bool {
        self == Audience::Authors
    }
}

/// How to export, beyond the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Who reads the document (HTML and Markdown).
    pub audience: Audience,
    /// The deepest cascade level a Mermaid diagram shows: 0 is the vision
    /// alone, 1 adds the intents, and so on; `None` shows every level.
    pub depth: Option<usize>,
    /// Whether a Markdown document starts with a ```` ```mermaid ```` map.
    pub mermaid_map: bool,
}

/// Renders `strategy` in `format` for authors, with `diagnostics` (from
/// [`lint_strategy`](crate::lint::lint_strategy) for `as_of`) shown on their
/// nodes, and each node's `progress` (measured for the same strategy).
pub fn render(
    format: Format,
    strategy: &Strategy,
    diagnostics: &[Diagnostic],
    as_of: Date,
    progress: &Progress,
) -> String {
    render_with(
        format,
        strategy,
        diagnostics,
        as_of,
        progress,
        Options::default(),
    )
}

/// [`render`] with `options`: the audience, a Mermaid depth, a Markdown map.
pub fn render_with(
    format: Format,
    strategy: &Strategy,
    diagnostics: &[Diagnostic],
    as_of: Date,
    progress: &Progress,
    options: Options,
) -> String {
    let outline = Outline::new(strategy, diagnostics, as_of).measured(progress);
    match format {
        Format::Markdown => markdown::render(&outline, options),
        Format::Html => html::render(&outline, options.audience),
        Format::Json => json::render(&outline),
        Format::Mermaid => mermaid::render(&outline, options.depth),
    }
}
