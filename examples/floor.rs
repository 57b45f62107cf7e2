//! The floor `strata lint` and `strata tree` are measured against as whole
//! processes (docs/performance.md): read FILE, parse it with `toml`, and make
//! one pass over its words. Nothing strata does can cost less.
//!
//! `cargo build --release --example floor && target/release/examples/floor FILE`

use std::collections::HashSet;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: floor FILE");
        return ExitCode::from(2);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read the file");
        return ExitCode::from(2);
    };
    let tables = toml::from_str::<toml::Table>(&text).map_or(0, |t| t.len());
    let words: HashSet<&str> = text.split_whitespace().collect();
    println!("{tables} top-level keys, {} distinct words", words.len());
    ExitCode::SUCCESS
}
