//! `strata progress`: is the strategy working? The cascade with each
//! node's progress and health, rolled up from its metrics' check-ins, for
//! people (one aligned line per node) and for tools and CI (JSON, `--deny`).
//!
//! The numbers are `model::progress`'s; this only picks the nodes, measures
//! to the right day and prints.

mod human;
mod json;

use clap::{Args, ValueEnum};

use super::clock;
use super::exit::Exit;
use super::find::describe_find_error;
use super::open::{self, FileArg};
use super::output;
use super::style::Style;
use crate::model::progress::{Health, Measure, Progress};
use crate::model::{Date, NodeId, Strategy};
use crate::sanitize;

/// `strata progress [FILE] [--node ID] [--format human|json] [--deny off-track]`.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// The strategy file or directory.
    #[command(flatten)]
    pub file: FileArg,
    /// Only this node and the nodes below it, with each one's metrics.
    #[arg(long, value_name = "ID")]
    pub node: Option<String>,
    /// How to print it.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Fail (exit 1) when a node or metric shown is this far behind.
    #[arg(long, value_enum, value_name = "HEALTH")]
    pub deny: Option<Deny>,
    /// Measure to this day (YYYY-MM-DD), counting only check-ins up to it;
    /// default: the file's `as_of`, else today.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// Output formats of `strata progress`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One aligned line per node, for people; coloured only on a terminal.
    Human,
    /// One JSON document (shape documented in docs/format.md).
    Json,
}

/// How far behind `--deny` fails on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Fail when anything shown is off track.
    OffTrack,
    /// Fail when anything shown is at risk or off track.
    AtRisk,
}

impl Deny {
    fn denies(self, health: Health) -> bool {
        match self {
            Deny::OffTrack => health == Health::OffTrack,
            Deny::AtRisk => matches!(health, Health::AtRisk | Health::OffTrack),
        }
    }
}

/// Exit codes and examples under `strata progress --help`.
pub const HELP: &str = "\
Progress is (current − baseline) / (target − baseline) of each metric's latest check-in;
expected is the share of the time from the metric's start to its `by` that has passed;
health compares the two with [lint.progress] at_risk / off_track. Each node rolls up its
own metrics and its children (docs/format.md, \"Progress and health\").

Exit codes: 0 ok, 1 something shown is behind as --deny says, 2 the file can't be read.

Examples:
  strata progress sample-strategy.toml
  strata progress --node quotes-take-forty-minutes
  strata progress --format json > progress.json
  strata progress --deny off-track            # in CI
  strata progress --as-of 2026-10-01          # as it stood then";

/// Prints the progress of the file in `args`.
pub fn run(args: &ProgressArgs, style: Style) -> Exit {
    let path = args.file.path();
    let Some((file, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    let Some(config) = open::lint_config(&file, style) else {
        return Exit::Error;
    };
    let measure = match &args.as_of {
        Some(text) => match Date::parse(text.trim()) {
            Some(day) => Measure::on(day),
            None => {
                eprintln!(
                    "error: `--as-of {}` is not a day\n  = help: write it as YYYY-MM-DD, e.g. `--as-of 2026-11-01`",
                    sanitize::line(text)
                );
                return Exit::Error;
            }
        },
        None => {
            let today = clock::today();
            Measure::file(strategy.as_of.unwrap_or(today), today)
        }
    };
    let shown = match &args.node {
        Some(id) => match strategy.find_key(id) {
            Ok(node) => subtree(&strategy, node),
            Err(error) => {
                eprint!("{}", describe_find_error(id, &error));
                return Exit::Error;
            }
        },
        None => strategy.cascade(),
    };
    let progress = Progress::compute(&strategy, measure, config.progress);
    let text = report(
        &strategy,
        &progress,
        &shown,
        args.format,
        args.node.is_some(),
        style,
    );
    if let Err(exit) = output::print_str(&text) {
        return exit;
    }
    let denied = args.deny.is_some_and(|deny| {
        shown.iter().any(|&(id, _)| {
            progress.node(id).is_some_and(|p| {
                deny.denies(p.health) || p.metrics.iter().any(|m| deny.denies(m.health))
            })
        })
    });
    if denied { Exit::Findings } else { Exit::Ok }
}

/// What `strata progress` prints for the nodes `shown` (with their depths,
/// as [`Strategy::cascade`] gives them), each node's metrics under it in the
/// human format when `with_metrics`.
pub fn report(
    strategy: &Strategy,
    progress: &Progress,
    shown: &[(NodeId, usize)],
    format: Format,
    with_metrics: bool,
    style: Style,
) -> String {
    match format {
        Format::Human => human::render(strategy, progress, shown, with_metrics, style),
        Format::Json => json::render(strategy, progress, shown),
    }
}

/// `node` and everything below it, in cascade order, depths from 0.
fn subtree(strategy: &Strategy, node: NodeId) -> Vec<(NodeId, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![(node, 0usize)];
    while let Some((id, depth)) = stack.pop() {
        out.push((id, depth));
        for &child in strategy.children(id).iter().rev() {
            stack.push((child, depth + 1));
        }
    }
    out
}
