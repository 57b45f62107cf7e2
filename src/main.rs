//! The `strata` binary: parse the command line and hand it to [`strata::cli::run`].

use std::process::ExitCode;

use clap::Parser;
use strata::cli::{self, Cli};

fn main() -> ExitCode {
    cli::run(Cli::parse()).into()
}
