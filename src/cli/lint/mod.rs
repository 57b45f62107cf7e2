//! `strata lint`: check every two-pager against the vision criteria, for people
//! (rustc-style snippets) and for CI (JSON, SARIF, GitHub annotations).
//!
//! The engine returns diagnostics as data pointing into fields; this is the
//! only place they become `file:line:col`, through the loader's source map.

mod github;
mod human;
mod json;
mod located;
mod sarif;
mod uri;

use clap::{Args, ValueEnum};

use super::clock;
use super::exit::Exit;
use super::open::{self, FileArg};
use super::output;
use super::style::Style;
use crate::lint::{self, Diagnostic, Severity};

pub use located::{Located, Places};

/// `strata lint [FILE] [--format F] [--deny warnings]`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The strategy file or directory.
    #[command(flatten)]
    pub file: FileArg,
    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also fail (exit 1) on findings of this level.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,
}

/// Output formats of `strata lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style snippets with file:line:col, for people.
    Human,
    /// One JSON document (shape documented in docs/format.md).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow annotations.
    Github,
}

/// Levels `--deny` can turn into failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Fail on warnings as well as errors.
    Warnings,
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Error-level findings.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub note: usize,
}

impl Summary {
    fn of(diagnostics: &[Diagnostic]) -> Summary {
        let mut summary = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Note => summary.note += 1,
            }
        }
        summary
    }
}

/// Exit codes and examples under `strata lint --help`.
pub const HELP: &str = "Exit codes: 0 no errors, 1 errors (or warnings with --deny warnings), 2 the file can't be read.\n\n\
                        Examples:\n  strata lint sample-strategy.toml\n  \
                        strata lint --format github --deny warnings   # in CI\n  \
                        strata lint --format sarif > strata.sarif\n\n\
                        `strata rules` lists the rules; configure them in the file's [lint] table.";

/// Lints the file in `args` and prints the findings.
pub fn run(args: &LintArgs, style: Style) -> Exit {
    let path = args.file.path();
    let Some((file, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    let Some(config) = open::lint_config(&file, style) else {
        return Exit::Error;
    };
    let as_of = strategy.as_of.unwrap_or_else(clock::today);
    let diagnostics = lint::lint_strategy(&strategy, &config, as_of);
    let summary = Summary::of(&diagnostics);
    let places = Places::new(&file, &strategy);
    let shown = open::display(&path);
    let printed = output::print(|out| match args.format {
        Format::Human => human::write(out, &shown, &places, &diagnostics, summary, style.stdout),
        Format::Json => json::write(out, &shown, &places, &diagnostics, summary),
        Format::Sarif => sarif::write(out, &places, &diagnostics),
        Format::Github => github::write(out, &places, &diagnostics),
    });
    let denied = args.deny == Some(Deny::Warnings) && summary.warning > 0;
    let exit = if summary.error > 0 || denied {
        Exit::Findings
    } else {
        Exit::Ok
    };
    output::then(printed, exit)
}
