//! `strata init`: a commented starter file with one node per level.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::PathBuf;

use clap::Args;

use super::exit::Exit;
use super::open;
use super::output;
use crate::model::Date;

/// `strata init [FILE]`: the one file it creates.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The file to create (default: ./strategy.toml).
    pub file: Option<PathBuf>,
}

/// An example under `strata init --help`.
pub const HELP: &str = "Example:\n  strata init strategy.toml && strata tree";

/// The starter strategy: one node per level, every key shown once.
pub const STARTER: &str = include_str!("starter.toml");

/// The starter's `as_of` line as written in [`STARTER`].
const STARTER_AS_OF: &str = "as_of = 2026-11-01";

/// The starter dated `today`: horizons are measured from the day it is
/// started, not the day this strata was built.
pub fn starter_on(today: Date) -> String {
    STARTER.replacen(STARTER_AS_OF, &format!("as_of = {today}"), 1)
}

/// Writes the starter file named in `args`, refusing to touch an existing one.
pub fn run(args: &InitArgs) -> Exit {
    let path = open::resolve(&args.file);
    let shown = open::display(&path);
    let starter = starter_on(super::clock::today());
    let created = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(starter.as_bytes()).and_then(|()| f.sync_all()));
    match created {
        Ok(()) => {
            let said = format!(
                "Created {shown} with one node per level.\n\
                 Next: edit it, then `strata tree {shown}` and `strata lint {shown}`.\n"
            );
            output::then(output::print_str(&said), Exit::Ok)
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            eprintln!("error: {shown} already exists; strata init never overwrites a file");
            eprintln!("  = help: choose another name, e.g. `strata init new-strategy.toml`");
            Exit::Error
        }
        Err(e) => {
            eprintln!(
                "error: cannot create {shown}: {}",
                crate::sanitize::line(&e.to_string())
            );
            Exit::Error
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    #[test]
    fn the_starter_is_a_valid_strategy_with_one_node_per_level() {
        let loaded = crate::store::parse(STARTER).unwrap();
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        for level in Level::ALL {
            assert_eq!(loaded.strategy.at_level(level).count(), 1, "{level}");
        }
        assert!(loaded.strategy.orphans().is_empty());
    }

    #[test]
    fn the_starter_is_dated_the_day_it_is_written() {
        assert!(
            STARTER.contains(STARTER_AS_OF),
            "the line to replace is there"
        );
        let day = Date::new(2031, 2, 3).unwrap();
        let loaded = crate::store::parse(&starter_on(day)).unwrap();
        assert_eq!(loaded.strategy.as_of, Some(day));
    }
}
