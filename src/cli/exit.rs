//! How a run ends, as the shell sees it: the one exit code every subcommand returns.

use std::process::ExitCode;

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
