//! The `strata` binary: parse the command line and hand over to [`strata::cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    strata::cli::main()
}
