//! `strata tree`: the cascade as an indented tree, one line per node.

use std::fmt::Write;

use clap::Args;

use super::columns::{self, MIN_WIDTH, Paint};
use super::exit::Exit;
use super::open::{self, FileArg};
use super::output;
use super::style::{Style, Tone};
use crate::app::text::wrap::text_width;
use crate::model::{Level, Node, Status, Strategy};
use crate::sanitize;

/// `strata tree [FILE] [--width N]`.
#[derive(Debug, Args)]
pub struct TreeArgs {
    /// The strategy file or directory.
    #[command(flatten)]
    pub file: FileArg,
    /// Wrap lines at words to N columns (default: the terminal's width; not
    /// wrapped when stdout is not a terminal).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
}

/// Examples under `strata tree --help`.
pub const HELP: &str =
    "Examples:\n  strata tree sample-strategy.toml\n  strata tree --width 80 > tree.txt";

/// Prints the cascade of the file in `args`.
pub fn run(args: &TreeArgs, style: Style) -> Exit {
    let path = args.file.path();
    let Some((_, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    let width = columns::width(args.width);
    output::then(
        output::print_str(&render(&strategy, style, width)),
        Exit::Ok,
    )
}

/// The tree as text: a heading, then one line per node in cascade order, then
/// any nodes whose parent is missing. With a `width`, a node's line wraps at
/// words, its continuation lines under its text with the tree's lines drawn
/// on beside them.
pub fn render(strategy: &Strategy, style: Style, width: Option<usize>) -> String {
    let mut out = String::new();
    let company = sanitize::line(&strategy.company);
    let as_of = strategy
        .as_of
        .map(|d| format!(" (as of {d})"))
        .unwrap_or_default();
    let _ = writeln!(out, "{}{as_of}", style.bold(&format!("{company} strategy")));
    let orphans = strategy.orphans();
    let mut prefix: Vec<bool> = Vec::new(); // for each depth: are more siblings coming?
    for (id, depth) in strategy.cascade() {
        if depth == 0 && orphans.contains(&id) && orphans.first() == Some(&id) {
            let _ = writeln!(
                out,
                "\n{}",
                style.tone(
                    Tone::Bad,
                    "Not linked (the parent they name does not exist):"
                )
            );
        }
        prefix.truncate(depth);
        let last = match strategy.parent(id) {
            Some(parent) => strategy.children(parent).last() == Some(&id),
            None => true,
        };
        let mut ancestors = String::new();
        for &more in prefix.iter().skip(1) {
            ancestors.push_str(if more { "│  " } else { "   " });
        }
        let (connector, under) = match depth {
            0 => ("", ""),
            _ if last => ("└─ ", "   "),
            _ => ("├─ ", "│  "),
        };
        prefix.push(!last);
        let first = format!("{ancestors}{connector}");
        // Continuation lines: the bar down to this node's children, if any.
        let bar = if strategy.children(id).is_empty() {
            "  "
        } else {
            "│ "
        };
        let rest = format!("{ancestors}{under}{bar}  ");
        let room =
            |lead: &str| width.map(|w| w.saturating_sub(text_width(lead)).max(MIN_WIDTH / 2));
        let pieces = node_pieces(strategy.node(id));
        for (i, line) in columns::lines(&pieces, room(&first), room(&rest), style)
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { &first } else { &rest };
            let _ = writeln!(out, "{lead}{line}");
        }
    }
    out
}

/// One node's line as painted pieces: level, id, title, then its facts.
fn node_pieces(node: &Node) -> Vec<(String, Paint)> {
    let level = match node.level {
        Level::Vision => "vision",
        Level::Intent => "intent",
        Level::Initiative => "initiative",
        Level::Option => "option",
    };
    let title = if node.doc.title.is_empty() {
        "(untitled)".into()
    } else {
        sanitize::line(&node.doc.title).into_owned()
    };
    let mut pieces = vec![(level.to_owned(), Paint::Dim)];
    if node.level != Level::Vision {
        pieces.push((" ".into(), Paint::Plain));
        pieces.push((sanitize::line(&node.id).into_owned(), Paint::Bold));
    }
    pieces.push((format!("  {title}  "), Paint::Plain));
    let mut facts = Vec::new();
    if !node.doc.owner.is_empty() {
        facts.push(sanitize::line(&node.doc.owner).into_owned());
    }
    pieces.push((
        format!(
            "· {}",
            facts.iter().map(|f| format!("{f} · ")).collect::<String>()
        ),
        Paint::Dim,
    ));
    pieces.push((
        node.doc.status.as_str().to_owned(),
        Paint::Tone(status_tone(node.doc.status)),
    ));
    let horizon = node
        .doc
        .horizon
        .map_or_else(|| "no horizon".to_owned(), |h| h.to_string());
    pieces.push((format!(" · {horizon}"), Paint::Dim));
    pieces
}

fn status_tone(status: Status) -> Tone {
    match status {
        Status::Approved => Tone::Good,
        Status::InReview | Status::Draft => Tone::Info,
        Status::ChangesRequested => Tone::Bad,
        Status::Retired => Tone::Warn,
    }
}
