//! The command line. [`Cli`] names every subcommand and [`run`] hands each
//! to its own file; nothing else happens here.
//!
//! A subcommand is one file (or folder) that owns its `Args`, its `--help`
//! examples and its `run`. What several of them share lives in modules that
//! import no subcommand: `exit` (the exit code), `style` (`--color`), `open`
//! (the FILE argument and opening it), `find` (a node named by id) and
//! `terminal` (the browser: config, theme, reviewer, session, summary).
//! The one subcommand another uses is `tree`, which `browse` prints when
//! stdout is not a terminal.

mod browse;
mod checkin;
mod clock;
mod columns;
mod exit;
mod export;
mod find;
mod init;
mod lint;
mod lsp;
mod man;
mod open;
mod output;
mod progress;
mod review;
mod rollup;
mod rules;
mod shell;
mod style;
mod terminal;
mod tree;
mod typo;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::sanitize;

pub use clock::today;
pub use exit::Exit;
pub use progress::{Format as ProgressFormat, report as progress_report};
pub use style::{ColorChoice, Style};

const EXAMPLES: &str = "\
Examples:
  strata sample-strategy.toml       browse the cascade (press ? for keys)
  strata init                       start ./strategy.toml with one node per level
  strata tree sample-strategy.toml  the whole cascade, one line per node
  strata rollup auto-price-repeat-lanes
                                    how one epic ladders up to the vision
  strata lint --deny warnings       check every two-pager; fail CI on findings
  strata rules sunday-words         what a lint rule catches and why
  strata checkin pilot-lane-first \"Onboardings rolled back after cut-over\" 4%
                                    record a metric's value today
  strata progress                   is it working? each node's progress and health
  strata lsp                        lint in your editor (docs/editors.md)
  strata review --level intent      a review meeting, one intent per screen

FILE defaults to ./strategy.toml. FILE may be a directory: then every *.toml
file directly in it (sorted by name; hidden files and subdirectories are not
read) holds part of one strategy, and each edit is saved to its own file.
FILE is never a pipe or a device, nor over 512 MiB (STRATA_MAX_FILE_SIZE=2G
sets another limit).
The format is described in docs/format.md.
Exit codes: 0 ok (warnings alone included); 1 `strata lint` found errors (or
warnings, with --deny warnings), or `strata progress --deny` found a node that
far behind; 2 strata could not do what was asked (unreadable file, bad argument).";

/// Write and review a company's strategy as a cascade of two-pagers:
/// vision → strategic intents → product initiatives → options (epics).
#[derive(Debug, Parser)]
#[command(name = "strata", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// What to do; without a command, strata opens FILE in the browser.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The strategy file, or a directory of them (default: ./strategy.toml).
    #[arg(global = false)]
    pub file: Option<PathBuf>,

    /// When to use colour: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

/// The subcommands; each lives in its own file under `cli/`, with its
/// arguments and its examples.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the cascade as an indented tree: level, id, title, owner, status, horizon.
    #[command(after_help = tree::HELP)]
    Tree(tree::TreeArgs),
    /// Show how one node (by id, key or tracker key) ladders up to the vision:
    /// each level's title, owner, horizon, future, metrics, lint state and findings.
    #[command(override_usage = rollup::USAGE, after_help = rollup::HELP)]
    Rollup(rollup::RollupArgs),
    /// Check every two-pager against the vision criteria (concrete,
    /// lofty-achievable, different-from-today, will-not) and the cascade.
    #[command(after_help = lint::HELP)]
    Lint(lint::LintArgs),
    /// Record a metric's value on a day (a check-in), or import many from a CSV export.
    #[command(override_usage = checkin::USAGE, after_help = checkin::HELP)]
    Checkin(checkin::CheckinArgs),
    /// Is the strategy working? The cascade with each node's progress and
    /// health, rolled up from its metrics' check-ins.
    #[command(after_help = progress::HELP)]
    Progress(progress::ProgressArgs),
    /// List the lint rules, or explain one: what it catches, why, and what to write instead.
    #[command(after_help = rules::HELP)]
    Rules(rules::RulesArgs),
    /// Create a commented starter strategy with one node per level; never overwrites.
    #[command(after_help = init::HELP)]
    Init(init::InitArgs),
    /// Export the strategy for readers without strata: a Markdown document, a
    /// self-contained HTML page, JSON for tools, or a Mermaid diagram.
    #[command(after_help = export::HELP)]
    Export(export::ExportArgs),
    /// Run a review meeting from the keyboard: one node per screen in cascade
    /// order; approve, request changes, discuss or comment with one key. Each
    /// decision is recorded in the file beside the node.
    #[command(after_help = review::HELP)]
    Review(review::ReviewArgs),
    /// Run the language server for editors (Neovim, Helix, VS Code, ...):
    /// lint as you type, explanations on hover, fixes as code actions.
    #[command(after_help = lsp::HELP)]
    Lsp(lsp::LspArgs),
    /// Print a shell completion script.
    #[command(after_help = shell::COMPLETIONS_HELP)]
    Completions(shell::CompletionsArgs),
    /// Print the man page (roff) to stdout.
    #[command(after_help = shell::MAN_HELP)]
    Man,
}

/// Parses the command line and runs it. A first argument that is no file
/// but is close to a command's name (`strata tre`) is taken for a typo of
/// that command rather than opened as a file that does not exist.
pub fn main(args: Vec<std::ffi::OsString>) -> Exit {
    let typo = first_word(&args).and_then(typo::unknown_command);
    match Cli::try_parse_from(&args) {
        Ok(cli) if cli.command.is_some() => run(cli),
        Ok(cli) => match typo {
            Some(said) if cli.file.is_some() => {
                eprint!("{said}");
                Exit::Error
            }
            _ => run(cli),
        },
        Err(error) => match typo {
            Some(said) if error.use_stderr() => {
                eprint!("{said}");
                Exit::Error
            }
            _ => {
                let _ = error.print();
                if error.use_stderr() {
                    Exit::Error
                } else {
                    Exit::Ok
                }
            }
        },
    }
}

/// The first argument that is not an option (nor `--color`'s value): the
/// command, or the FILE.
fn first_word(args: &[std::ffi::OsString]) -> Option<&std::ffi::OsStr> {
    let mut words = args.iter().skip(1);
    while let Some(word) = words.next() {
        match word.to_str() {
            Some("--color") => {
                words.next();
            }
            Some(option) if option.starts_with('-') => {}
            _ => return Some(word),
        }
    }
    None
}

/// Runs a parsed command line and returns how it ended.
pub fn run(mut cli: Cli) -> Exit {
    let style = Style::detect(cli.color);
    if let Err(message) = hand_file_down(&mut cli) {
        eprintln!("error: {message}");
        return Exit::Error;
    }
    match cli.command {
        Some(Command::Tree(args)) => tree::run(&args, style),
        Some(Command::Rollup(args)) => rollup::run(&args, style),
        Some(Command::Init(args)) => init::run(&args),
        Some(Command::Lint(args)) => lint::run(&args, style),
        Some(Command::Rules(args)) => rules::run(&args),
        Some(Command::Checkin(args)) => checkin::run(&args, style),
        Some(Command::Progress(args)) => progress::run(&args, style),
        Some(Command::Lsp(args)) => lsp::run(&args),
        Some(Command::Export(args)) => export::run(&args, style),
        Some(Command::Review(args)) => review::run(&args, cli.color, style),
        Some(Command::Completions(args)) => shell::completions(&args),
        Some(Command::Man) => shell::man(),
        None => browse::run(cli.file, cli.color, style),
    }
}

/// `strata FILE tree` means `strata tree FILE`: a FILE given before the
/// command is handed to it. Given on both sides, or to a command that takes
/// no file, it is an error rather than silently ignored.
fn hand_file_down(cli: &mut Cli) -> Result<(), String> {
    let Some(command) = &mut cli.command else {
        return Ok(());
    };
    let Some(top) = cli.file.take() else {
        return Ok(());
    };
    let shown = sanitize::line(&top.display().to_string()).into_owned();
    let name = command_name(command);
    let slot = match command {
        Command::Tree(args) => &mut args.file.file,
        Command::Init(args) => &mut args.file,
        Command::Lint(args) => &mut args.file.file,
        Command::Export(args) => &mut args.file.file,
        Command::Review(args) => &mut args.file.file,
        Command::Progress(args) => &mut args.file.file,
        Command::Checkin(args) if args.file_and_rest().0.is_none() => {
            args.args.insert(0, top.display().to_string());
            return Ok(());
        }
        Command::Checkin(_) => {
            return Err(format!(
                "FILE given twice: `{shown}` before `checkin` and another after it; give it once"
            ));
        }
        Command::Rollup(args) if args.args.len() == 1 => {
            args.args.insert(0, top.into_os_string());
            return Ok(());
        }
        Command::Rollup(_) => {
            return Err(format!(
                "FILE given twice: `{shown}` before `rollup` and another after it; give it once"
            ));
        }
        Command::Rules(_) | Command::Lsp(_) | Command::Completions(_) | Command::Man => {
            return Err(format!(
                "`strata {name}` takes no FILE, but `{shown}` came before it"
            ));
        }
    };
    match slot {
        Some(_) => Err(format!(
            "FILE given twice: `{shown}` before `{name}` and another after it; give it once"
        )),
        None => {
            *slot = Some(top);
            Ok(())
        }
    }
}

/// The subcommand's name as typed.
fn command_name(command: &Command) -> &'static str {
    match command {
        Command::Tree(_) => "tree",
        Command::Rollup(_) => "rollup",
        Command::Lint(_) => "lint",
        Command::Rules(_) => "rules",
        Command::Checkin(_) => "checkin",
        Command::Progress(_) => "progress",
        Command::Lsp(_) => "lsp",
        Command::Init(_) => "init",
        Command::Export(_) => "export",
        Command::Review(_) => "review",
        Command::Completions(_) => "completions",
        Command::Man => "man",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use std::path::PathBuf;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_review_keys_in_the_help_are_the_default_ones() {
        use crate::app::Action;
        use crate::app::keys::keymap::Keymap;
        let help = Cli::command()
            .find_subcommand("review")
            .and_then(|c| c.get_after_help().map(|h| h.to_string()))
            .unwrap();
        let keys = Keymap::review_bindings();
        for (key, action, said) in [
            ("a", Action::Approve, "a approve"),
            ("x", Action::RequestChanges, "x request changes"),
            ("d", Action::Discuss, "d discuss"),
            ("c", Action::Comment, "c comment"),
            ("s", Action::Skip, "s skip"),
            ("n", Action::NextNode, "n / p next"),
            ("p", Action::PreviousNode, "n / p next"),
            ("tab", Action::NextUndecided, "tab next undecided"),
            ("o", Action::ToggleOldText, "o old text"),
            ("u", Action::Undo, "u undo"),
        ] {
            assert!(help.contains(said), "{said} is not in the help");
            assert!(
                keys.keys_for(action).iter().any(|k| k == key),
                "{key} is not {action:?} by default"
            );
        }
    }

    #[test]
    fn rollup_takes_an_optional_file_before_the_id() {
        let cli = Cli::parse_from(["strata", "rollup", "f.toml", "x"]);
        let Some(Command::Rollup(args)) = cli.command else {
            panic!()
        };
        assert_eq!(
            args.file_and_id(),
            (Some(PathBuf::from("f.toml")), "x".into())
        );
        let cli = Cli::parse_from(["strata", "rollup", "x"]);
        let Some(Command::Rollup(args)) = cli.command else {
            panic!()
        };
        assert_eq!(args.file_and_id(), (None, "x".into()));
    }
}
