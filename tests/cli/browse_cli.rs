//! `strata FILE` as the shell sees it when something is wrong: a bad config
//! stops it with exit code 2 before the terminal is touched, and without a
//! terminal it prints the tree instead of drawing.

use std::process::Command;

fn strata(config: &str) -> (Command, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    let mut cmd = crate::support::strata();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("STRATA_CONFIG", &path)
        .env_remove("NO_COLOR")
        .arg("--color=never");
    (cmd, dir)
}

#[test]
fn a_bad_config_names_the_key_and_lists_the_actions() {
    let (mut cmd, dir) =
        strata("[keys]\n\"ctrl-d\" = \"page-donw\"\n\n[colors]\nselektion = \"blue\"\n");
    let out = cmd.arg("sample-strategy.toml").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "nothing may reach the terminal: {:?}",
        out.stdout
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    insta::assert_snapshot!(stderr.replace(&*dir.path().to_string_lossy(), "<dir>"));
}

#[test]
fn a_named_config_that_is_missing_is_an_error() {
    let (mut cmd, dir) = strata("");
    let out = cmd
        .env("STRATA_CONFIG", dir.path().join("nope.toml"))
        .arg("sample-strategy.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("nope.toml") && stderr.contains("STRATA_CONFIG"),
        "{stderr}"
    );
}

#[test]
fn without_a_terminal_it_prints_the_tree() {
    let (mut cmd, _dir) = strata("[keys]\n\"x\" = \"quit\"\n");
    let out = cmd.arg("sample-strategy.toml").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("Northwind Freight strategy"), "{stdout}");
}
