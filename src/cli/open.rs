//! FILE, the argument most subcommands take, and opening it: a strategy
//! file or a directory of them, printing why it failed.

use std::path::{Path, PathBuf};

use clap::Args;

use super::style::Style;
use crate::app::FileInfo;
use crate::lint::LintConfig;
use crate::model::Strategy;
use crate::sanitize;
use crate::store::{self, OpenError, Problem, Workspace};

/// Where strata looks when no FILE is given.
pub const DEFAULT_FILE: &str = "strategy.toml";

/// A subcommand's optional FILE argument (`#[command(flatten)]` it into the
/// subcommand's own `Args`).
#[derive(Debug, Args)]
pub struct FileArg {
    /// The strategy file, or a directory of them (default: ./strategy.toml).
    pub file: Option<PathBuf>,
}

impl FileArg {
    /// The file to use: the one given, or `./strategy.toml`.
    pub fn path(&self) -> PathBuf {
        resolve(&self.file)
    }
}

/// The file to use: the one given, or `./strategy.toml`.
pub fn resolve(file: &Option<PathBuf>) -> PathBuf {
    file.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_FILE))
}

/// Opens the file or directory, printing its warnings to stderr; on failure
/// prints why (with snippets) and returns `None`.
pub fn open(path: &Path, style: Style) -> Option<(Workspace, Strategy)> {
    report_open(Workspace::open(path), path, style)
}

/// [`open`] for a command that never saves: a single file is read without
/// the copies of the model kept for saving ([`Workspace::open_to_read`]).
pub fn open_to_read(path: &Path, style: Style) -> Option<(Workspace, Strategy)> {
    report_open(Workspace::open_to_read(path), path, style)
}

fn report_open(
    opened: Result<(Workspace, Strategy), store::OpenError>,
    path: &Path,
    style: Style,
) -> Option<(Workspace, Strategy)> {
    match opened {
        Ok((workspace, strategy)) => {
            print_skipped(workspace.skipped());
            for file in workspace.files() {
                if !file.warnings().is_empty() {
                    let shown = display(file.path());
                    let text = file.text();
                    eprint!(
                        "{}",
                        store::render(&shown, text, file.warnings(), style.stderr)
                    );
                }
            }
            Some((workspace, strategy))
        }
        Err(error) => {
            print_skipped(&store::skipped_in(path));
            eprint!("{}", describe(&error, style));
            None
        }
    }
}

/// One warning per entry of the directory that was not read.
fn print_skipped(skipped: &[store::Skipped]) {
    for entry in skipped {
        eprintln!(
            "warning: skipped {}: {}\n  = help: the strategy files of a directory are the \
             regular *.toml files directly in it that hold strata's keys; if this one should \
             be read, make it one (or fix the link)",
            display(&entry.path),
            sanitize::line(&entry.why)
        );
    }
}

/// The path as shown in messages, cleaned for the terminal.
pub fn display(path: &Path) -> String {
    sanitize::line(&path.display().to_string()).into_owned()
}

/// A complete, printable explanation of an open failure, ending in a newline.
pub fn describe(error: &OpenError, style: Style) -> String {
    match error {
        OpenError::NotFound(path) => {
            let shown = display(path);
            let mut out = format!("error: no strategy file at {shown}\n");
            let nearby = super::typo::nearby_files(path);
            if let Some((first, others)) = nearby.split_first() {
                let others = if others.is_empty() {
                    String::new()
                } else {
                    format!(" (or {})", others.join(", "))
                };
                out.push_str(&format!("  = help: did you mean {first}?{others}\n"));
            }
            if path == Path::new(DEFAULT_FILE) {
                out.push_str("  = help: strata reads ./strategy.toml when no FILE is given\n");
            }
            out.push_str(&format!(
                "  = help: start one with `strata init {shown}`: a commented starter with one node per level\n"
            ));
            out
        }
        OpenError::Io(path, e) => format!(
            "error: cannot read {}: {}\n",
            display(path),
            sanitize::line(&e.to_string())
        ),
        OpenError::NotUtf8 { path, at, line } => format!(
            "error: {} is not UTF-8 text\n --> {}:{}:{}\n  | {}\n  = help: TOML files must be UTF-8; re-save the file as UTF-8 in your editor (the bad byte shows as �)\n",
            display(path),
            display(path),
            at.line,
            at.column,
            sanitize::line(line)
        ),
        OpenError::Invalid {
            path,
            text,
            problems,
        } => {
            let shown = display(path);
            let mut out = store::render(&shown, text, problems, style.stderr);
            let count = problems.len();
            let plural = if count == 1 { "" } else { "s" };
            out.push_str(&format!(
                "error: could not load {shown}: {count} problem{plural}\n"
            ));
            out
        }
        OpenError::NotAFile { path, kind } => format!(
            "error: {} is {kind}, not a file\n  \
             = help: FILE is a strategy file or a directory of them; strata never reads from a \
             pipe or a device (so it never waits on one): save the text to a file first\n",
            display(path)
        ),
        OpenError::TooLarge { path, size, limit } => format!(
            "error: {} is {}, more than strata reads ({})\n  \
             = help: a strategy is text, a few hundred KiB even for a big company: check that \
             FILE is the strategy; to read it anyway, raise the limit: {}={}M\n",
            display(path),
            store::human_size(*size),
            store::human_size(*limit),
            store::MAX_FILE_SIZE_ENV,
            size.div_ceil(1 << 20)
        ),
        OpenError::EmptyDirectory(path) => format!(
            "error: {} is a directory with no *.toml file in it\n  \
             = help: a strategy split across files keeps them directly in the directory \
             (subdirectories are not read); start one with `strata init {}/vision.toml`\n",
            display(path),
            display(path)
        ),
        OpenError::NoVision { path, files } => {
            let names: Vec<String> = files.iter().map(|f| display(f)).collect();
            format!(
                "error: no file in {} has a [vision]: read {}\n  \
                 = help: exactly one file of the directory holds `[vision]` (with `as_of`, \
                 `[company]` and `[lint]`); the others hold nodes that ladder up to it\n",
                display(path),
                names.join(", ")
            )
        }
        OpenError::Files { path, errors } => {
            let mut out: String = errors.iter().map(|e| describe(e, style)).collect();
            let count = errors.len();
            let plural = if count == 1 { " has" } else { "s have" };
            out.push_str(&format!(
                "error: could not load {}: {count} file{plural} problems\n",
                display(path)
            ));
            out
        }
    }
}

/// What the browser needs to know about `workspace`: its name as given,
/// its `[lint]` table and how many warnings loading it printed.
pub fn file_info(workspace: &Workspace) -> FileInfo {
    FileInfo {
        name: workspace.path().display().to_string(),
        lint: workspace.lint().clone(),
        warnings: workspace.warning_count(),
        problems: workspace.load_report(),
        saved: Some(workspace.shared_baseline()),
    }
}

/// The strategy's `[lint]` configuration (in the vision's file); on mistakes
/// prints each one at its key and returns `None`, since every command's
/// findings depend on that table.
pub fn lint_config(workspace: &Workspace, style: Style) -> Option<LintConfig> {
    let file = workspace.root();
    let errors = match LintConfig::from_toml(workspace.lint()) {
        Ok(config) => return Some(config),
        Err(errors) => errors,
    };
    let problems: Vec<Problem> = errors
        .iter()
        .map(|e| {
            let span = store::lint_key_span(file.text(), &e.path).unwrap_or(0..0);
            Problem::error(span, format!("[lint]: {}", e.message)).help(e.help.clone())
        })
        .collect();
    let shown = display(file.path());
    eprint!(
        "{}",
        store::render(&shown, file.text(), &problems, style.stderr)
    );
    let plural = if problems.len() == 1 { "" } else { "s" };
    eprintln!(
        "error: the [lint] table in {shown} has {} problem{plural}",
        problems.len()
    );
    None
}
