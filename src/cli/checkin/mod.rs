//! `strata checkin`: record a metric's value on a day, one from the command
//! line or many from a CSV export (`import.rs`), saved at once through the
//! same patch, atomic write and conflict check as every save.

mod import;

use std::path::{Path, PathBuf};

use clap::Args;

use super::clock;
use super::exit::Exit;
use super::find::describe_find_error;
use super::open;
use super::output;
use super::style::Style;
use crate::lint::LintConfig;
use crate::model::progress::text::percent;
use crate::model::progress::{Measure, metric_progress};
use crate::model::{
    CheckIn, CheckinError, Date, NodeId, Recording, Strategy, find_metric, latest_checkin,
    record_checkin,
};
use crate::sanitize;
use crate::store::{Journal, SaveError, Workspace};

/// `strata checkin [FILE] NODE METRIC VALUE [--on DATE] [--note TEXT]`, or
/// `strata checkin [FILE] --from values.csv`.
#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// `[FILE] NODE METRIC VALUE`: the strategy file or directory (default
    /// ./strategy.toml), the node (as `strata rollup` takes it), the metric's
    /// name and its value (`14%`, `$4.2M`, `1,800`, `38 days`); with
    /// `--from`, only `[FILE]`.
    #[arg(value_name = "ARGS", num_args = 0..=4)]
    pub args: Vec<String>,
    /// The day it was measured (YYYY-MM-DD); default today. With `--fix`,
    /// the day of the check-in to correct (default: the latest).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// What a reader should know about the value.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Where the value came from (a report, a dashboard).
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    /// Correct a check-in already recorded instead of adding one; with
    /// `--from`, rows for a day already recorded correct it, the others are added.
    #[arg(long)]
    pub fix: bool,
    /// Import check-ins from a CSV file (`-` for stdin) with the columns
    /// `node,metric,value,date` and optionally `note` and `source`.
    #[arg(long, value_name = "CSV", conflicts_with_all = ["on", "note", "source"])]
    pub from: Option<PathBuf>,
}

impl CheckinArgs {
    /// FILE, if given, and the rest, however many arguments there are.
    pub fn file_and_rest(&self) -> (Option<PathBuf>, &[String]) {
        let wanted = if self.from.is_some() { 0 } else { 3 };
        match self.args.split_first() {
            Some((file, rest)) if self.args.len() == wanted + 1 => {
                (Some(PathBuf::from(file)), rest)
            }
            _ => (None, &self.args),
        }
    }
}

/// The usage lines of `strata checkin --help`.
pub const USAGE: &str = "strata checkin [FILE] <NODE> <METRIC> <VALUE> [--on DATE] [--note TEXT] [--fix]\n       \
                         strata checkin [FILE] --from <CSV> [--fix]";

/// Examples under `strata checkin --help`.
pub const HELP: &str = "\
NODE is a node's id or full key, as `strata rollup` takes it; METRIC is the metric's name
(quote it). The value is written as the metric's baseline is: `14%`, `$4.2M`, `38 days`.

A CSV needs a header row naming the columns node, metric, value and date (and optionally
note and source), in any order. Every row is checked before anything is written: a bad row
is reported with its line number and the file is left as it was (exit 2). A row identical
to a check-in already in the file is skipped, so importing a cumulative export again is
harmless.

Exit codes: 0 recorded (or nothing new), 2 nothing was written.

Examples:
  strata checkin pilot-lane-first \"Median days from signature to first live load\" 61
  strata checkin sample-strategy.toml quotes-take-forty-minutes \"Spot quote win rate\" 16% \\
      --on 2026-11-20 --note \"after the pricing change\"
  strata checkin pilot-lane-first \"Median days from signature to first live load\" 58 --fix
  strata checkin --from values.csv";

/// Records the check-in (or the CSV's) in `args`.
pub fn run(args: &CheckinArgs, style: Style) -> Exit {
    let (file, rest) = args.file_and_rest();
    let path = open::resolve(&file);
    if let Some(csv) = &args.from {
        if !rest.is_empty() {
            eprintln!(
                "error: with --from, strata checkin takes only FILE, not NODE METRIC VALUE\n  = help: `strata checkin [FILE] --from {}`",
                open::display(csv)
            );
            return Exit::Error;
        }
        return import::run(&path, csv, args.fix, style);
    }
    let [node, metric, value] = rest else {
        eprintln!(
            "error: strata checkin needs NODE, METRIC and VALUE (or --from CSV)\n  = help: `strata checkin [FILE] <NODE> <METRIC> <VALUE>`, e.g. \
             `strata checkin pilot-lane-first \"Median days from signature to first live load\" 61`"
        );
        return Exit::Error;
    };
    let on = match args.on.as_deref().map(|t| (t, Date::parse(t.trim()))) {
        Some((_, Some(day))) => Some(day),
        Some((text, None)) => {
            eprintln!(
                "error: `--on {}` is not a day\n  = help: write it as YYYY-MM-DD, e.g. `--on 2026-11-20`",
                sanitize::line(text)
            );
            return Exit::Error;
        }
        None => None,
    };
    let Some((mut workspace, mut strategy)) = open::open(&path, style) else {
        return Exit::Error;
    };
    let id = match strategy.find_key(node) {
        Ok(id) => id,
        Err(error) => {
            eprint!("{}", describe_find_error(node, &error));
            return Exit::Error;
        }
    };
    let name = match find_metric(&strategy.node(id).doc, metric) {
        Ok(found) => found.name.clone(),
        Err(error) => {
            eprint!("{}", describe_checkin_error(&strategy, id, &error));
            return Exit::Error;
        }
    };
    let today = clock::today();
    let on = match (on, args.fix) {
        (Some(day), _) => day,
        (None, false) => today,
        // A correction without a day corrects the latest.
        (None, true) => match latest_checkin(&strategy.node(id).checkins, &name) {
            Some(latest) => latest.on,
            None => {
                let error = CheckinError::NothingToFix { days: Vec::new() };
                eprint!("{}", describe_checkin_error(&strategy, id, &error));
                return Exit::Error;
            }
        },
    };
    let checkin = CheckIn {
        metric: name.clone(),
        on,
        value: value.trim().to_owned(),
        note: args.note.clone().unwrap_or_default(),
        source: args.source.clone().unwrap_or_default(),
    };
    let recording = if args.fix {
        Recording::Fix
    } else {
        Recording::Add
    };
    let edit = match record_checkin(&strategy, id, checkin.clone(), recording) {
        Ok(Some(edit)) => edit,
        Ok(None) => {
            let said = format!(
                "already recorded: {} · {} = {} on {on}; {} was not changed\n",
                sanitize::line(&strategy.node(id).key()),
                sanitize::line(&name),
                sanitize::line(&checkin.value),
                open::display(&path)
            );
            return output::then(output::print_str(&said), Exit::Ok);
        }
        Err(error) => {
            eprint!("{}", describe_checkin_error(&strategy, id, &error));
            return Exit::Error;
        }
    };
    if strategy.apply(edit).is_err() {
        eprintln!("error: that node is no longer in the strategy; nothing was written");
        return Exit::Error;
    }
    if let Err(error) = save(&mut workspace, &strategy, &path) {
        return error;
    }
    let verb = if args.fix { "corrected" } else { "recorded" };
    let mut said = format!(
        "{verb}: {} · {} = {} on {on}\n",
        sanitize::line(&strategy.node(id).key()),
        sanitize::line(&name),
        sanitize::line(&checkin.value)
    );
    let config = LintConfig::from_toml(workspace.lint()).unwrap_or_default();
    if let Some(line) = standing(&strategy, id, &name, today, &config) {
        said.push_str(&line);
        said.push('\n');
    }
    let printed = output::print_str(&said);
    warn_if_after_as_of(&strategy, on, &path);
    output::then(printed, Exit::Ok)
}

/// Saves, or prints why not and returns the exit code.
fn save(workspace: &mut Workspace, strategy: &Strategy, path: &Path) -> Result<(), Exit> {
    warn_about_unsaved_window(path);
    match workspace.save(strategy) {
        Ok(()) => Ok(()),
        Err(SaveError::ChangedOnDisk) => {
            eprintln!(
                "error: {} changed on disk while strata was reading it; nothing was written\n  = help: run the command again",
                open::display(path)
            );
            Err(Exit::Error)
        }
        Err(error) => {
            eprintln!(
                "error: {}; {} was not changed",
                sanitize::line(&error.to_string()),
                open::display(path)
            );
            Err(Exit::Error)
        }
    }
}

/// A browser with unsaved edits to the same file keeps them in its journal;
/// its next save will find the file changed and ask before overwriting.
fn warn_about_unsaved_window(path: &Path) {
    let Ok(journal) = Journal::for_file(path) else {
        return;
    };
    if let Ok(Some(recovered)) = journal.read()
        && !recovered.already_saved
    {
        eprintln!(
            "note: a strata window has unsaved edits to {}; when it saves, it will see this \
             change and ask before overwriting it",
            open::display(path)
        );
    }
}

/// `  now 25% of the way from 77 to 14 (expected 18% by 2026-11-01): on track`.
fn standing(
    strategy: &Strategy,
    id: NodeId,
    name: &str,
    today: Date,
    config: &LintConfig,
) -> Option<String> {
    let node = strategy.node(id);
    let index = node.doc.metrics.iter().position(|m| m.name == name)?;
    let measure = Measure::file(strategy.as_of.unwrap_or(today), today);
    let p = metric_progress(node, index, measure, config.progress);
    let metric = &node.doc.metrics[index];
    let shown = |v: &Option<String>| sanitize::line(v.as_deref().unwrap_or("?")).into_owned();
    let line = match (p.progress, p.expected) {
        (Some(share), Some(expected)) => format!(
            "  now {} of the way from {} to {} (expected {} by {}): {}",
            percent(share),
            shown(&metric.baseline),
            shown(&metric.target),
            percent(expected),
            measure.as_of,
            p.health.label()
        ),
        (Some(share), None) => format!(
            "  now {} of the way from {} to {}",
            percent(share),
            shown(&metric.baseline),
            shown(&metric.target)
        ),
        _ => format!("  no progress yet: {}", p.why.unwrap_or("no data")),
    };
    Some(line)
}

fn warn_if_after_as_of(strategy: &Strategy, on: Date, path: &Path) {
    if let Some(as_of) = strategy.as_of.filter(|a| on > *a) {
        eprintln!(
            "note: {} is as of {as_of}; `strata lint` reports this check-in as misdated until \
             `as_of` moves to {on} or later",
            open::display(path)
        );
    }
}

/// A check-in that was refused, as `error: …` with help, ending in a newline.
pub fn describe_checkin_error(strategy: &Strategy, node: NodeId, error: &CheckinError) -> String {
    let key = sanitize::line(&strategy.node(node).key()).into_owned();
    let message = sanitize::line(&error.to_string()).into_owned();
    let help = match error {
        CheckinError::NoSuchMetric { known, .. } if known.is_empty() => {
            format!("{key} has no metrics; add one to its two-pager first")
        }
        CheckinError::NoSuchMetric { known, .. } => format!(
            "the metrics of {key}: {}",
            known
                .iter()
                .map(|k| format!("\"{}\"", sanitize::line(k)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        CheckinError::Conflict(_) => {
            "a check-in is kept once per metric and day; `--fix` replaces its value".to_owned()
        }
        CheckinError::NothingToFix { .. } => {
            "without --fix the value is added as a new check-in".to_owned()
        }
        CheckinError::NotANumber(_) | CheckinError::OtherUnit { .. } => {
            "progress is where the value stands between the metric's baseline and target, so \
             it must count the same thing"
                .to_owned()
        }
        CheckinError::NoSuchNode => "`strata tree` lists every node".to_owned(),
    };
    format!("error: {message} ({key})\n  = help: {help}\n")
}
