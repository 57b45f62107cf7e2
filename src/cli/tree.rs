//! `strata tree`: the cascade as an indented tree, one line per node.

use std::fmt::Write;

use clap::Args;

use super::exit::Exit;
use super::open::{self, FileArg};
use super::output;
use super::style::{Style, Tone};
use crate::model::{Level, Node, Status, Strategy};
use crate::sanitize;

/// `strata tree [FILE]`.
#[derive(Debug, Args)]
pub struct TreeArgs {
    /// The strategy file or directory.
    #[command(flatten)]
    pub file: FileArg,
}

/// Examples under `strata tree --help`.
pub const HELP: &str = "Example:\n  strata tree sample-strategy.toml";

/// Prints the cascade of the file in `args`.
pub fn run(args: &TreeArgs, style: Style) -> Exit {
    let path = args.file.path();
    let Some((_, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    output::then(output::print_str(&render(&strategy, style)), Exit::Ok)
}

/// The tree as text: a heading, then one line per node in cascade order, then
/// any nodes whose parent is missing.
pub fn render(strategy: &Strategy, style: Style) -> String {
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
        let mut line = String::new();
        for &more in prefix.iter().skip(1) {
            line.push_str(if more { "│  " } else { "   " });
        }
        if depth > 0 {
            line.push_str(if last { "└─ " } else { "├─ " });
        }
        prefix.push(!last);
        line.push_str(&node_line(strategy.node(id), style));
        let _ = writeln!(out, "{line}");
    }
    out
}

fn node_line(node: &Node, style: Style) -> String {
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
    let mut facts = Vec::new();
    if !node.doc.owner.is_empty() {
        facts.push(sanitize::line(&node.doc.owner).into_owned());
    }
    facts.push(style.tone(status_tone(node.doc.status), node.doc.status.as_str()));
    facts.push(
        node.doc
            .horizon
            .map_or_else(|| "no horizon".to_owned(), |h| h.to_string()),
    );
    let id = match node.level {
        Level::Vision => String::new(),
        _ => format!(" {}", style.bold(&sanitize::line(&node.id))),
    };
    format!(
        "{}{id}  {title}  {}",
        style.dim(level),
        style.dim(&format!("· {}", facts.join(" · ")))
    )
}

fn status_tone(status: Status) -> Tone {
    match status {
        Status::Approved => Tone::Good,
        Status::InReview | Status::Draft => Tone::Info,
        Status::ChangesRequested => Tone::Bad,
        Status::Retired => Tone::Warn,
    }
}
