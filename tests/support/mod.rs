//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

mod build;
pub mod hostile;
pub mod tmux;
#[cfg(unix)]
pub mod user;
#[allow(unused_imports)] // Only the lint tests use the builders.
pub use build::*;

/// The `strata` binary cargo built for these tests, with stdin empty (not
/// the test runner's), as `assert_cmd` gave it; std's `Command` otherwise.
pub fn strata() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_strata"));
    command.stdin(std::process::Stdio::null());
    command
}

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

/// Whether an outside program a test drives (tmux, chromium) is installed.
///
/// CI installs them (`.ci/run`), so there a missing program fails the test.
/// On a developer's fresh machine with only the Rust toolchain the test is
/// skipped with a message saying what to install, so `cargo test` works.
pub fn tool_available(program: &str, version_flag: &str, install: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg(version_flag)
        .output()
        .is_ok_and(|out| out.status.success());
    if found {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{program} is not installed, and CI must run this test: {install}");
    }
    // Straight to the stderr handle: libtest captures `eprintln!` of passing
    // tests, and a skip nobody sees is a test that silently stopped running.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED: {program} is not installed; to run this test: {install} (CI installs it)"
    );
    false
}

/// Lines only in `old` and lines only in `new`, by a longest common subsequence.
pub fn line_diff(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j].to_owned());
            j += 1;
        } else {
            removed.push(a[i].to_owned());
            i += 1;
        }
    }
    (removed, added)
}
