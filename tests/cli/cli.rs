//! The real binary on the sample and on broken files: output, exit codes, and
//! no escape byte from a file ever reaching the terminal.

use std::process::Command;

use crate::support;

fn strata() -> Command {
    let mut cmd = crate::support::strata();
    cmd.current_dir(support::root())
        .env_remove("NO_COLOR")
        .arg("--color=never");
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = strata().args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn tree_shows_every_node_of_the_sample() {
    let out = run(&["tree", "sample-strategy.toml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    let sample = strata::store::parse(&support::read(
        &support::root().join("sample-strategy.toml"),
    ))
    .unwrap();
    for (_, node) in sample.strategy.iter() {
        assert!(
            out.stdout.contains(&node.doc.title),
            "missing {}",
            node.key()
        );
    }
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn rollup_walks_from_an_epic_to_the_vision() {
    let out = run(&["rollup", "sample-strategy.toml", "email-tender-parsing"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn rollup_suggests_a_close_id() {
    let out = run(&["rollup", "sample-strategy.toml", "email-tender-parsin"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `email-tender-parsing`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_default_file_suggests_init_not_a_sample_an_installed_user_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let out = strata()
        .current_dir(dir.path())
        .arg("tree")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no strategy file at strategy.toml"),
        "{stderr}"
    );
    assert!(
        stderr.contains("`strata init strategy.toml`") && !stderr.contains("sample-strategy.toml"),
        "{stderr}"
    );
}

#[test]
fn init_writes_a_starter_that_loads_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let first = strata()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0));
    let written = std::fs::read_to_string(dir.path().join("strategy.toml")).unwrap();
    let today = strata::cli::today();
    assert!(
        written.contains(&format!("\nas_of = {today}")),
        "dated today, {today}:\n{written}"
    );
    let tree = strata()
        .current_dir(dir.path())
        .arg("tree")
        .output()
        .unwrap();
    assert_eq!(
        tree.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&tree.stderr)
    );

    let again = strata()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("strategy.toml")).unwrap(),
        written
    );
}

/// The untouched starter is not a strategy: every criterion fails, each
/// finding says to replace the starter text, and a one-word edit (a
/// different year, another noun) does not make it pass.
#[test]
fn the_starter_fails_every_criterion_until_it_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let init = strata()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(init.status.code(), Some(0));
    let path = dir.path().join("strategy.toml");
    let starter = std::fs::read_to_string(&path).unwrap();
    let edited = starter
        .replacen("see in 2032", "see in 2033", 1)
        .replacen(
            "Where we are now, with numbers",
            "Where we stand now, with numbers",
            1,
        )
        .replacen(
            "Something a reasonable competitor",
            "Something a sensible competitor",
            1,
        );
    assert_ne!(edited, starter, "the edits must apply to the starter");
    for text in [starter, edited] {
        std::fs::write(&path, &text).unwrap();
        let lint = strata()
            .current_dir(dir.path())
            .args(["lint", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            lint.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&lint.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&lint.stdout).unwrap();
        let findings = json["diagnostics"]
            .as_array()
            .or(json.as_array())
            .cloned()
            .unwrap_or_default();
        for criterion in [
            "concrete",
            "lofty-achievable",
            "different-from-today",
            "will-not",
        ] {
            assert!(
                findings.iter().any(|d| d["criterion"] == criterion
                    && d["node"] == "vision"
                    && d["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("replace the starter text"))),
                "the starter vision passes {criterion}: {findings:#?}"
            );
        }
    }
}

/// Each broken fixture: exit code 2, a snapshot of the message, and the
/// `file:line:col` of the problem.
#[test]
fn broken_files_get_clear_messages() {
    for path in support::toml_files_in(&support::root().join("tests/fixtures/invalid")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let relative = format!("tests/fixtures/invalid/{name}");
        let out = run(&["tree", &relative]);
        assert_eq!(out.code, 2, "{name}");
        assert_eq!(out.stdout, "", "{name}");
        assert!(
            out.stderr.contains(&format!("{relative}:")),
            "{name}: no file:line:col\n{}",
            out.stderr
        );
        assert!(!out.stderr.contains("panicked"), "{name}");
        insta::assert_snapshot!(name, out.stderr);
    }
}

#[test]
fn no_escape_byte_from_a_file_reaches_stdout_or_stderr() {
    for file in [
        "tests/fixtures/valid/hostile-text.toml",
        "tests/fixtures/invalid/hostile-syntax.toml",
        "tests/fixtures/invalid/hostile-comment.toml",
    ] {
        for args in [
            vec!["tree", file],
            vec!["rollup", file, "vision"],
            vec!["rollup", file, "nope\u{1b}[2J"],
        ] {
            let out = strata().args(&args).output().unwrap();
            for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                let text = String::from_utf8(bytes.clone()).expect("output is UTF-8");
                let bad = text.chars().find(|&c| c.is_control() && c != '\n');
                assert!(bad.is_none(), "{args:?}: {bad:?} in {stream}: {text}");
            }
        }
    }
    let out = run(&["tree", "tests/fixtures/valid/hostile-text.toml"]);
    assert!(
        out.stdout.contains("␛[2J"),
        "escapes are shown, not dropped: {}",
        out.stdout
    );
    assert!(
        out.stdout.contains("⟨U+202E⟩") && out.stdout.contains("⟨U+200B⟩"),
        "{}",
        out.stdout
    );
}

#[test]
fn unknown_keys_warn_with_did_you_mean_and_still_load() {
    let out = run(&["tree", "tests/fixtures/valid/orphans-and-unknown-keys.toml"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stderr.contains("unknown key `wil_not`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `will_not`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("orphans-and-unknown-keys.toml:8:1"),
        "{}",
        out.stderr
    );
    assert!(out.stdout.contains("Not linked"), "{}", out.stdout);
}

#[test]
fn help_teaches_with_examples_and_version_prints() {
    let help = run(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.contains("Examples:") && help.stdout.contains("strata rollup"),
        "{}",
        help.stdout
    );
    let version = run(&["--version"]);
    assert_eq!(
        version.stdout.trim(),
        format!("strata {}", env!("CARGO_PKG_VERSION"))
    );
    let bad = run(&["frobnicate", "x", "y"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn completions_and_man_page_come_from_the_real_cli() {
    for shell in ["bash", "zsh", "fish"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.code, 0, "{shell}: {}", out.stderr);
        for sub in ["tree", "rollup", "init"] {
            assert!(out.stdout.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH strata"),
        "{}",
        &man.stdout[..200.min(man.stdout.len())]
    );
    assert!(man.stdout.contains("rollup"));
}

#[test]
fn export_refuses_to_write_over_the_strategy_it_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let out = strata()
        .current_dir(dir.path())
        .args([
            "export",
            "strategy.toml",
            "--format",
            "md",
            "-o",
            "./strategy.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is the strategy file itself"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn rollup_with_only_a_file_asks_for_the_id() {
    let out = run(&["rollup", "sample-strategy.toml"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("rollup also needs the node"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("strata rollup sample-strategy.toml <ID>"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_file_before_the_command_is_the_commands_file() {
    let after = strata()
        .args(["tree", "sample-strategy.toml"])
        .output()
        .unwrap();
    let before = strata()
        .args(["sample-strategy.toml", "tree"])
        .output()
        .unwrap();
    assert_eq!(before.status.code(), Some(0));
    assert_eq!(before.stdout, after.stdout);
    let rollup = strata()
        .args(["sample-strategy.toml", "rollup", "auto-price-repeat-lanes"])
        .output()
        .unwrap();
    assert_eq!(rollup.status.code(), Some(0));
}

#[test]
fn a_file_given_twice_or_to_a_command_without_one_is_an_error() {
    for (args, expected) in [
        (
            &["a.toml", "tree", "b.toml"][..],
            "error: FILE given twice: `a.toml` before `tree`",
        ),
        (
            &["sample-strategy.toml", "rules"][..],
            "error: `strata rules` takes no FILE",
        ),
    ] {
        let out = strata().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn rollup_with_the_id_and_file_swapped_says_which_comes_first() {
    let out = strata()
        .args(["rollup", "auto-price-repeat-lanes", "sample-strategy.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "FILE comes first: `strata rollup sample-strategy.toml auto-price-repeat-lanes`"
        ),
        "{stderr}"
    );
}

/// Today is the local day (`TZ`), not UTC's: at every moment Kiritimati
/// (UTC+14) and Baker Island (UTC-12) are on different dates, and a file
/// without `as_of` is judged on each one's own.
#[test]
fn a_file_without_as_of_is_judged_on_the_local_day() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strategy.toml");
    std::fs::write(
        &file,
        "version = 1\n[company]\nname = \"A\"\n[vision]\ntitle = \"V\"\n",
    )
    .unwrap();
    let day_in = |tz: &str| jiff::Timestamp::now().in_tz(tz).unwrap().date().to_string();
    let mut seen = Vec::new();
    for tz in ["Pacific/Kiritimati", "Etc/GMT+12"] {
        let before = day_in(tz);
        let out = strata()
            .env("TZ", tz)
            .args(["export", "--format", "json"])
            .arg(&file)
            .output()
            .unwrap();
        let after = day_in(tz);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let as_of = json["as_of"].as_str().unwrap().to_owned();
        assert!(
            as_of == before || as_of == after,
            "{tz}: {as_of}, not {before}"
        );
        seen.push(as_of);
    }
    assert_ne!(seen[0], seen[1]);
}
