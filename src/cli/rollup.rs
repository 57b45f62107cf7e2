//! `strata rollup`: how one piece of work ladders up to the vision.

use std::ffi::OsString;
use std::fmt::Write;
use std::path::PathBuf;

use clap::Args;

use super::exit::Exit;
use super::find::describe_find_error;
use super::open;
use super::output;
use super::style::Style;
use crate::model::{NodeId, Strategy, first_sentence};
use crate::sanitize;

/// `strata rollup [FILE] ID`: FILE is optional, so it comes first only when both are given.
#[derive(Debug, Args)]
pub struct RollupArgs {
    /// `[FILE] ID`: the strategy file or directory (default ./strategy.toml) and the node to roll up.
    /// Taken as the operating system gives them, so a FILE whose name is
    /// not UTF-8 works here as it does for every other command.
    #[arg(value_name = "FILE_OR_ID", num_args = 1..=2, required = true)]
    pub args: Vec<OsString>,
}

impl RollupArgs {
    /// The file and the id, however many arguments were given. The id is
    /// text (node ids are); the file is any path.
    pub fn file_and_id(&self) -> (Option<PathBuf>, std::borrow::Cow<'_, str>) {
        match self.args.as_slice() {
            [file, id] => (Some(PathBuf::from(file)), id.to_string_lossy()),
            [id] => (None, id.to_string_lossy()),
            // clap enforces one or two values.
            _ => (None, "".into()),
        }
    }
}

/// The usage line of `strata rollup --help`: FILE before ID.
pub const USAGE: &str = "strata rollup [FILE] <ID>";

/// What ID is, and examples, under `strata rollup --help`.
pub const HELP: &str = "ID is a node's id (`auto-price-repeat-lanes`) or its full key\n\
                        (`options.auto-price-repeat-lanes`, `vision`).\n\n\
                        Examples:\n  strata rollup auto-price-repeat-lanes\n  \
                        strata rollup sample-strategy.toml initiatives.quotes-take-forty-minutes";

/// Prints the chain from the node named in `args` up to the vision.
pub fn run(args: &RollupArgs, style: Style) -> Exit {
    let (file, id) = args.file_and_id();
    let id = id.as_ref();
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
    let Some((_, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    match strategy.find_key(id) {
        Ok(node) => output::then(output::print_str(&render(&strategy, node, style)), Exit::Ok),
        Err(error) => {
            eprint!("{}", describe_find_error(id, &error));
            Exit::Error
        }
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
        for item in crate::model::open_actions(&n.reviews) {
            let owner = if item.item.owner.is_empty() {
                String::new()
            } else {
                format!(" ({})", sanitize::line(&item.item.owner))
            };
            let due = item
                .item
                .due
                .map(|d| format!(", due {d}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "    open action item: {}{owner}{due}",
                sanitize::line(&item.item.what)
            );
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
