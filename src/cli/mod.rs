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
pub fn run(cli: Cli) -> Exit {
    let style = Style::detect(cli.color);
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
