//! `strata rollup`: how one piece of work ladders up to the vision.

use std::fmt::Write;

use super::args::RollupArgs;
use super::{Exit, Style, open};
use crate::model::{FindError, NodeId, Strategy, first_sentence};
use crate::sanitize;

/// Prints the chain from the node named in `args` up to the vision.
pub fn run(args: &RollupArgs, style: Style) -> Exit {
    let (file, id) = args.file_and_id();
    let path_like = |id: &str| {
        let path = std::path::Path::new(id);
        id.ends_with(".toml") || path.is_file() || path.is_dir()
    };
    if file.is_none() && path_like(id) {
        let shown = sanitize::line(id);
        eprintln!(
            "error: `{shown}` looks like a strategy file or directory, and rollup also needs \
             the node to start from"
        );
        eprintln!("  = help: `strata rollup {shown} <ID>`; `strata tree {shown}` lists the ids");
        return Exit::Error;
    }
    // `strata rollup ID FILE`: the other way round.
    if let Some(given) = &file
        && !given.exists()
        && path_like(id)
    {
        let (id, given) = (
            sanitize::line(id),
            sanitize::line(&given.display().to_string()).into_owned(),
        );
        eprintln!("error: no strategy file at {given}, but `{id}` is one");
        eprintln!("  = help: FILE comes first: `strata rollup {id} {given}`");
        return Exit::Error;
    }
    let path = open::resolve(&file);
    let Some((_, strategy)) = open::open(&path, style) else {
        return Exit::Error;
    };
    match strategy.find_key(id) {
        Ok(node) => {
            print!("{}", render(&strategy, node, style));
            Exit::Ok
        }
        Err(error) => {
            eprint!("{}", describe_find_error(id, &error));
            Exit::Error
        }
    }
}

/// "no node with id …" with a suggestion, or the list of ambiguous matches.
pub fn describe_find_error(id: &str, error: &FindError) -> String {
    let id = sanitize::line(id);
    match error {
        FindError::NotFound {
            suggestion: Some(close),
        } => format!(
            "error: no node with id `{id}`\n  = help: did you mean `{}`? `strata tree` lists every id\n",
            sanitize::line(close)
        ),
        FindError::NotFound { suggestion: None } => {
            format!("error: no node with id `{id}`\n  = help: `strata tree` lists every id\n")
        }
        FindError::Ambiguous(keys) => format!(
            "error: `{id}` names more than one node: {}\n  = help: use the full key, e.g. `{}`\n",
            keys.iter()
                .map(|k| sanitize::line(k).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            sanitize::line(&keys[0])
        ),
    }
}

/// The chain as text, from the node up to the vision.
pub fn render(strategy: &Strategy, node: NodeId, style: Style) -> String {
    let mut out = String::new();
    let path = strategy.path_to_vision(node);
    let start = strategy.node(node);
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "How {} ladders up to the vision",
            sanitize::line(&start.key())
        ))
    );
    for (step, &id) in path.iter().enumerate() {
        let n = strategy.node(id);
        let doc = &n.doc;
        if step > 0 {
            let _ = writeln!(out, "  ↑");
        }
        let title = if doc.title.is_empty() {
            "(untitled)".into()
        } else {
            sanitize::line(&doc.title)
        };
        let _ = writeln!(
            out,
            "{} {}  {}",
            style.dim(n.level.title()),
            style.bold(&sanitize::line(&n.id)),
            title
        );
        let owner = if doc.owner.is_empty() {
            "no owner".into()
        } else {
            sanitize::line(&doc.owner)
        };
        let horizon = doc
            .horizon
            .map_or_else(|| "no horizon".to_owned(), |h| h.to_string());
        let _ = writeln!(out, "    {owner} · {horizon} · {}", doc.status);
        let future = first_sentence(&doc.future);
        if !future.is_empty() {
            let _ = writeln!(out, "    future: {}", sanitize::line(&future));
        }
        for metric in &doc.metrics {
            let _ = writeln!(out, "    metric: {}", sanitize::line(&metric.summary()));
        }
    }
    if strategy.node(*path.last().unwrap_or(&node)).level != crate::model::Level::Vision {
        let _ = writeln!(
            out,
            "  ↑\n  (the chain breaks here: the parent this node names does not exist)"
        );
    }
    out
}
