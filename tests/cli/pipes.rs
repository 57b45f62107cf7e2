//! Every command that prints, into a pipe nobody reads and onto a full disk:
//! a closed pipe ends it quietly (exit 0, nothing on stderr, as ripgrep
//! does), a full disk is a message and exit 2. Neither is a panic.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support;

/// Each command that writes to stdout, as a user would type it.
const COMMANDS: &[&[&str]] = &[
    &["tree"],
    &["strategy.toml"],
    &["rollup", "pilot-lane-first"],
    &["lint"],
    &["lint", "--format", "json"],
    &["lint", "--format", "sarif"],
    &["lint", "--format", "github"],
    &["review", "--summary"],
    &["review", "--summary", "--format", "json"],
    &["progress"],
    &["progress", "--format", "json"],
    &["rules"],
    &["rules", "sunday-words"],
    &["completions", "bash"],
    &["man"],
    &["export"],
    &["export", "--format", "html"],
    &["export", "--format", "json"],
    &["export", "--format", "mermaid"],
    &[
        "checkin",
        "pilot-lane-first",
        "Median days from signature to first live load",
        "56",
        "--on",
        "2026-10-20",
    ],
    &["--help"],
    &["--version"],
];

/// A directory holding the sample as `strategy.toml`.
fn sample_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        support::root().join("sample-strategy.toml"),
        dir.path().join("strategy.toml"),
    )
    .unwrap();
    dir
}

fn strata(dir: &Path, args: &[&str], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_strata"))
        .current_dir(dir)
        .args(args)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_STATE_HOME", dir)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// The write end of a pipe whose reader has already gone: every write fails
/// with EPIPE, as `strata … | head -1` does once head has its line.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

#[test]
fn every_command_ends_quietly_when_the_reader_closes_the_pipe() {
    let dir = sample_dir();
    for args in COMMANDS.iter().copied().chain([&["init", "new.toml"][..]]) {
        let out = strata(dir.path(), args, closed_pipe());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(0),
            "`strata {}` into a closed pipe: {stderr}",
            args.join(" ")
        );
        assert!(
            stderr.is_empty(),
            "`strata {}` said something: {stderr}",
            args.join(" ")
        );
    }
}

#[test]
fn a_large_lint_into_a_closed_pipe_stops_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let sample = support::read(&support::root().join("sample-strategy.toml"));
    // The sample's findings many times over: more than any pipe buffer.
    let mut big = sample.clone();
    for n in 0..40 {
        for table in ["intents", "initiatives", "options"] {
            let from = format!("[{table}.");
            big.push_str(&extra_nodes(&sample, &from, n));
        }
    }
    fs::write(dir.path().join("strategy.toml"), big).unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let out = strata(dir.path(), &["lint", "--format", format], closed_pipe());
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert!(out.stderr.is_empty(), "{format}");
    }
}

/// The sample's tables under `from`, with every id given the suffix `-n`.
fn extra_nodes(sample: &str, from: &str, n: usize) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in sample.lines() {
        if line.starts_with('[') {
            inside = line.starts_with(from);
            if inside {
                out.push_str(&line.replacen(']', &format!("-{n}]"), 1));
                out.push('\n');
                continue;
            }
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(target_os = "linux")]
#[test]
fn every_command_says_so_and_fails_on_a_full_disk() {
    let dir = sample_dir();
    for args in COMMANDS.iter().copied().chain([&["init", "new.toml"][..]]) {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = strata(dir.path(), args, Stdio::from(full));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let shown = args.join(" ");
        if matches!(args, ["--help"] | ["--version"]) {
            // clap prints these itself and ignores the error; no panic is
            // what matters here.
            assert!(!stderr.contains("panicked"), "`strata {shown}`: {stderr}");
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "`strata {shown}`: {stderr}");
        assert!(
            stderr.contains("cannot write to stdout") && !stderr.contains("panicked"),
            "`strata {shown}`: {stderr}"
        );
    }
}
