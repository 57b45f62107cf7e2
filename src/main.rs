//! The `strata` binary: parse the command line and hand it to [`strata::cli::main`].

use std::process::ExitCode;

use strata::cli;

fn main() -> ExitCode {
    cli::main(std::env::args_os().collect()).into()
}
