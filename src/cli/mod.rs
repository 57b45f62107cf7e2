//! The command line: one file per subcommand, all sharing how files are opened
//! and how errors are printed.

mod args;
mod browse;
mod export;
mod init;
mod lint;
mod open;
mod review;
mod rollup;
mod rules;
mod shell;
mod style;
mod tree;

use std::process::ExitCode;

use clap::Parser;

use crate::sanitize;

pub use args::{Cli, Command};
pub use style::Style;

/// How a run ended, as the shell sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything worked and nothing needs attention.
    Ok = 0,
    /// It worked, and found problems in the strategy (lint findings).
    Findings = 1,
    /// It could not do what was asked (bad file, bad arguments, IO).
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// Runs the command line: the whole of `main`.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli).into()
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
        Some(Command::Init(args)) => init::run(&args.file),
        Some(Command::Lint(args)) => lint::run(&args, style),
        Some(Command::Rules { name }) => rules::run(name.as_deref()),
        Some(Command::Export(args)) => export::run(&args, style),
        Some(Command::Review(args)) => review::run(&args, cli.color, style),
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Man) => shell::man(),
        None => browse::run(&args::FileArg { file: cli.file }, cli.color, style),
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
        Command::Tree(args) => &mut args.file,
        Command::Init(args) => &mut args.file,
        Command::Lint(args) => &mut args.file,
        Command::Export(args) => &mut args.file,
        Command::Review(args) => &mut args.file,
        Command::Rollup(args) if args.args.len() == 1 => {
            args.args.insert(0, top.display().to_string());
            return Ok(());
        }
        Command::Rollup(_) => {
            return Err(format!(
                "FILE given twice: `{shown}` before `rollup` and another after it; give it once"
            ));
        }
        Command::Rules { .. } | Command::Completions { .. } | Command::Man => {
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
        Command::Rules { .. } => "rules",
        Command::Init(_) => "init",
        Command::Export(_) => "export",
        Command::Review(_) => "review",
        Command::Completions { .. } => "completions",
        Command::Man => "man",
    }
}
