//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

mod build;
#[allow(unused_imports)] // Only the lint tests use the builders.
pub use build::*;

/// The repository root, where `sample-strategy.toml` lives.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sample and every valid fixture: files that must load and round-trip.
pub fn valid_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("sample-strategy.toml")];
    files.extend(toml_files_in(&root().join("tests/fixtures/valid")));
    files
}

/// Every `*.toml` in `dir`, sorted.
pub fn toml_files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// Reads a file as text.
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
