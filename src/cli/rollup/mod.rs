//! `strata rollup`: how one piece of work ladders up to the vision, with
//! each level's findings and lint state (as `r` shows them in the browser),
//! for people (wrapped to the terminal, `human.rs`) and tools (`json.rs`).
//! The node is named by its id or key, or by a tracker key it carries.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

mod human;
mod json;

use super::clock;
use super::columns;
use super::exit::Exit;
use super::find::describe_find_error;
use super::open;
use super::output;
use super::style::Style;
use crate::lint::{self, Diagnostic};
use crate::model::{Level, NodeId, Strategy};
use crate::sanitize;

/// `strata rollup [FILE] ID`: FILE is optional, so it comes first only when both are given.
#[derive(Debug, Args)]
pub struct RollupArgs {
    /// `[FILE] ID`: the strategy file or directory (default ./strategy.toml) and the node to roll up.
    /// Taken as the operating system gives them, so a FILE whose name is
    /// not UTF-8 works here as it does for every other command.
    #[arg(value_name = "FILE_OR_ID", num_args = 1..=2, required = true)]
    pub args: Vec<OsString>,
    /// How to print the chain.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Wrap text at words to N columns (default: the terminal's width; not
    /// wrapped when stdout is not a terminal).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
}

/// Output formats of `strata rollup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Each level as a block of text, for people.
    Human,
    /// One JSON document (shape documented in docs/format.md).
    Json,
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
pub const HELP: &str = "ID is a node's id (`auto-price-repeat-lanes`), its full key\n\
                        (`options.auto-price-repeat-lanes`, `vision`), or a tracker key the node\n\
                        carries (`tracker = [\"PRICE-412\"]`); an id wins over a tracker key.\n\
                        Each level shows its findings and its lint state.\n\n\
                        Examples:\n  strata rollup auto-price-repeat-lanes\n  \
                        strata rollup PRICE-412\n  \
                        strata rollup sample-strategy.toml initiatives.quotes-take-forty-minutes\n  \
                        strata rollup auto-price-repeat-lanes --format json";

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
    let Some((workspace, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    let Some(node) = find(&strategy, id) else {
        return Exit::Error;
    };
    let Some(config) = open::lint_config(&workspace, style) else {
        return Exit::Error;
    };
    let as_of = strategy.as_of.unwrap_or_else(clock::today);
    let diagnostics = lint::lint_strategy(&strategy, &config, as_of);
    let chain = Chain::new(&strategy, node, &diagnostics);
    let printed = match args.format {
        Format::Human => {
            output::print_str(&human::render(&chain, style, columns::width(args.width)))
        }
        Format::Json => output::print(|out| json::write(out, &chain)),
    };
    output::then(printed, Exit::Ok)
}

/// The node `name` names: an id or key first, else a tracker key; on
/// failure, prints why (several nodes carrying the key are listed).
fn find(strategy: &Strategy, name: &str) -> Option<NodeId> {
    let error = match strategy.find_key(name) {
        Ok(node) => return Some(node),
        Err(error) => error,
    };
    let carriers = strategy.find_tracker_key(name);
    match carriers.as_slice() {
        [one] => return Some(*one),
        [] => eprint!("{}", describe_find_error(name, &error)),
        many => {
            let shown = sanitize::line(name);
            eprintln!("error: tracker key `{shown}` is on {} nodes:", many.len());
            for &node in many {
                let n = strategy.node(node);
                let title = sanitize::line(&n.doc.title);
                eprintln!("  {}  {title}", sanitize::line(&n.key()));
            }
            eprintln!(
                "  = help: roll up one of them by its key, e.g. `strata rollup {}`",
                sanitize::line(&strategy.node(many[0]).key())
            );
        }
    }
    None
}

/// The chain from a node up to the vision, each step with its findings.
pub struct Chain<'a> {
    /// The strategy it is in.
    pub strategy: &'a Strategy,
    /// The node asked about.
    pub start: NodeId,
    /// From the node up to the last ancestor found, each with its findings.
    pub steps: Vec<(NodeId, Vec<&'a Diagnostic>)>,
    /// The chain reaches the vision (else a parent named does not exist).
    pub reaches_vision: bool,
}

impl<'a> Chain<'a> {
    fn new(strategy: &'a Strategy, start: NodeId, diagnostics: &'a [Diagnostic]) -> Chain<'a> {
        let path = strategy.path_to_vision(start);
        let reaches_vision = path
            .last()
            .is_some_and(|&top| strategy.node(top).level == Level::Vision);
        let steps = path
            .into_iter()
            .map(|id| (id, diagnostics.iter().filter(|d| d.node == id).collect()))
            .collect();
        Chain {
            strategy,
            start,
            steps,
            reaches_vision,
        }
    }
}
