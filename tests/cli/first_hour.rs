//! The CLI's small cuts (issue 15, item 7) and tracker keys on the command
//! line: a mistyped command, a mistyped file, `strata tree` at the
//! terminal's width, GitHub annotations and SARIF as the tools read them,
//! the man page, `strata init`'s date, `strata rollup` by tracker key.

use std::path::Path;

use serde_json::Value;

use crate::support;

/// Runs strata in `dir` with `args`: (exit code, stdout, stderr).
fn strata_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::support::strata()
        .current_dir(dir)
        .env_remove("COLUMNS")
        .arg("--color=never")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn strata(args: &[&str]) -> (i32, String, String) {
    strata_in(&support::root(), args)
}

fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(name).tempdir().unwrap()
}

#[test]
fn github_annotations_keep_the_message_and_the_help_apart() {
    let (_, stdout, _) = strata(&[
        "lint",
        "tests/fixtures/lint/errors.toml",
        "--format",
        "github",
    ]);
    let line = stdout.lines().next().expect("an annotation");
    let message = line.rsplit("::").next().unwrap();
    assert!(message.contains("%0Ahelp: "), "{line}");
}

#[test]
fn sarif_says_its_column_unit_and_writes_relative_percent_encoded_uris() {
    let dir = scratch("strata-sarif");
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let sub = dir.path().join("team docs");
    std::fs::create_dir(&sub).unwrap();
    std::fs::copy(
        support::root().join("tests/fixtures/lint/errors.toml"),
        sub.join("errors #1.toml"),
    )
    .unwrap();
    // Run from the subdirectory: the URI is still relative to the git root.
    let (_, stdout, stderr) = strata_in(&sub, &["lint", "errors #1.toml", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(artifact["uri"], "team%20docs/errors%20%231.toml");
        assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
        assert!(
            result["message"]["text"]
                .as_str()
                .unwrap()
                .contains("\nHelp: ")
        );
    }
}

#[test]
fn json_and_sarif_escape_characters_above_u_ffff_as_json_reads_them() {
    let dir = scratch("strata-astral");
    let text = support::read(&support::root().join("tests/fixtures/lint/errors.toml"));
    // A tag character (invisible, so escaped) in a title a finding quotes.
    let text = text.replacen("title = \"", "title = \"\u{E0041}😀 ", 1);
    std::fs::write(dir.path().join("s.toml"), &text).unwrap();
    for format in ["json", "sarif"] {
        let (_, stdout, stderr) = strata_in(dir.path(), &["lint", "s.toml", "--format", format]);
        assert!(
            !stdout.contains("\\ue0041"),
            "{format}: a five-digit escape"
        );
        serde_json::from_str::<Value>(&stdout)
            .unwrap_or_else(|e| panic!("{format} is not JSON: {e}\n{stderr}"));
    }
    let (_, stdout, _) = strata_in(dir.path(), &["export", "s.toml", "--format", "json"]);
    let export: Value = serde_json::from_str(&stdout).expect("the export is JSON");
    assert!(
        export.to_string().contains('\u{E0041}'),
        "the character reads back"
    );
}

#[test]
fn a_mistyped_command_is_named_as_one() {
    let dir = scratch("strata-typo");
    let (code, stdout, stderr) = strata_in(dir.path(), &["tre"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("unknown command `tre`: did you mean `tree`?"),
        "{stderr}"
    );
    assert!(!stderr.contains("strata init tre"), "{stderr}");
    // With more arguments after it, as clap cannot read them either.
    let (code, _, stderr) = strata_in(dir.path(), &["lnit", "strategy.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `lint`?"), "{stderr}");
}

#[test]
fn a_file_named_like_a_command_still_opens() {
    let dir = scratch("strata-tre-file");
    std::fs::copy(
        support::root().join("sample-strategy.toml"),
        dir.path().join("tre"),
    )
    .unwrap();
    // Not a terminal: the browser prints the tree instead.
    let (code, stdout, stderr) = strata_in(dir.path(), &["tre"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Northwind Freight strategy"), "{stdout}");
}

#[test]
fn a_missing_file_lists_the_files_it_was_probably_meant_to_be() {
    let dir = scratch("strata-nearby");
    std::fs::copy(
        support::root().join("sample-strategy.toml"),
        dir.path().join("strategy.toml"),
    )
    .unwrap();
    let (code, _, stderr) = strata_in(dir.path(), &["lint", "strategy.tml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean strategy.toml?"), "{stderr}");
    assert!(stderr.contains("`strata init strategy.tml`"), "{stderr}");
    assert!(!stderr.contains("sample-strategy.toml"), "{stderr}");
}

/// The exit codes the README states, each as the binary gives it.
#[test]
fn the_readme_states_the_exit_codes_as_they_are() {
    let readme = support::read(&support::root().join("README.md"));
    let stated = readme
        .split("Exit codes: ")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("the README states the exit codes")
        .replace('\n', " ");
    assert!(
        stated.starts_with("0 ok (warnings alone included)"),
        "{stated}"
    );
    assert!(
        stated.contains("1 `strata lint` found errors (or warnings, with `--deny warnings`)"),
        "{stated}"
    );
    assert!(
        stated.contains("2 strata could not do what was asked"),
        "{stated}"
    );
    let warnings = "tests/fixtures/lint/warnings-only.toml";
    assert_eq!(strata(&["lint", warnings]).0, 0, "warnings alone");
    assert_eq!(strata(&["lint", "--deny", "warnings", warnings]).0, 1);
    assert_eq!(strata(&["lint", "tests/fixtures/lint/errors.toml"]).0, 1);
    assert_eq!(strata(&["lint", "no-such-file.toml"]).0, 2);
    assert_eq!(strata(&["lint", "--format", "nonsense"]).0, 2);
    assert_eq!(strata(&["tre"]).0, 2, "an unknown command");
    // Every other command reports findings without failing.
    assert_eq!(strata(&["tree", "tests/fixtures/lint/errors.toml"]).0, 0);
}

#[test]
fn the_man_page_names_no_page_that_does_not_exist_and_sets_examples_as_written() {
    let (code, page, _) = strata(&["man"]);
    assert_eq!(code, 0);
    assert!(!page.contains("(1)"), "a reference to another page");
    for command in [
        "tree", "rollup", "lint", "checkin", "progress", "init", "export", "review",
    ] {
        assert!(
            page.contains(&format!(".SS \"strata {command}\"")),
            "{command}"
        );
    }
    // The examples are between .nf and .fi, each on its own line.
    let examples = page
        .split(".SH EXAMPLES\n")
        .nth(1)
        .expect("an EXAMPLES section");
    assert!(examples.starts_with(".nf\n"), "{examples}");
    let set = examples.split(".fi\n").next().unwrap();
    assert!(set.contains("\n  strata init "), "{set}");
    assert!(set.lines().count() > 10, "{set}");
}

/// Width in terminal columns, as the tree's characters are all one wide.
fn columns(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn the_tree_wraps_at_words_to_the_width_and_keeps_its_drawing() {
    let (_, whole, _) = strata(&["tree", "sample-strategy.toml"]);
    let (code, wrapped, stderr) = strata(&["tree", "sample-strategy.toml", "--width", "60"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = wrapped.lines().skip(1).collect();
    assert!(lines.len() > whole.lines().count(), "some lines wrap");
    for line in &lines {
        assert!(columns(line) <= 60, "{} columns: {line}", columns(line));
    }
    // No word is cut: the words are the same, in the same order.
    let drawing = |c: char| "│├└─".contains(c);
    let words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .filter(|w| !w.chars().all(drawing))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(words(&wrapped), words(&whole));
    // Every tree line has something above it: the drawing never breaks.
    let grid: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    for (row, line) in grid.iter().enumerate().skip(1) {
        for (col, c) in line.iter().enumerate() {
            if "│├└".contains(*c) {
                let above = grid[row - 1].get(col).copied().unwrap_or(' ');
                assert!(
                    above != ' ',
                    "a gap above line {row}, column {col}:\n{wrapped}"
                );
            }
            if !drawing(*c) && *c != ' ' {
                break;
            }
        }
    }
}

/// The sample with tracker keys added under the named tables.
fn sample_with_trackers(dir: &Path, keys: &[(&str, &str)]) {
    let mut text = support::read(&support::root().join("sample-strategy.toml"));
    for (table, tracker) in keys {
        let header = format!("[{table}]\n");
        assert!(text.contains(&header), "{table}");
        text = text.replacen(&header, &format!("{header}tracker = [\"{tracker}\"]\n"), 1);
    }
    std::fs::write(dir.join("strategy.toml"), text).unwrap();
}

#[test]
fn rollup_finds_a_node_by_its_tracker_key_and_an_id_wins_over_a_key() {
    let dir = scratch("strata-tracker");
    sample_with_trackers(
        dir.path(),
        &[
            ("options.auto-price-repeat-lanes", "PRICE-412"),
            // A tracker key that is another node's id: the id wins.
            ("options.quote-reply-from-email", "pilot-lane-first"),
        ],
    );
    let (code, stdout, stderr) = strata_in(dir.path(), &["rollup", "price-412"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("How options.auto-price-repeat-lanes ladders up"),
        "{stdout}"
    );
    assert!(stdout.contains("tracker: PRICE-412"), "{stdout}");
    let (code, stdout, _) = strata_in(dir.path(), &["rollup", "pilot-lane-first"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("How options.pilot-lane-first"),
        "{stdout}"
    );
}

#[test]
fn a_tracker_key_on_several_nodes_lists_them_and_exits_2() {
    let dir = scratch("strata-tracker-twice");
    sample_with_trackers(
        dir.path(),
        &[
            ("options.auto-price-repeat-lanes", "PRICE-412"),
            ("initiatives.quotes-take-forty-minutes", "PRICE-412"),
        ],
    );
    let (code, stdout, stderr) = strata_in(dir.path(), &["rollup", "PRICE-412"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("tracker key `PRICE-412` is on 2 nodes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("options.auto-price-repeat-lanes"),
        "{stderr}"
    );
    assert!(
        stderr.contains("initiatives.quotes-take-forty-minutes"),
        "{stderr}"
    );
}

#[test]
fn rollup_shows_each_levels_findings_and_lint_state_wrapped_to_the_width() {
    let args = ["rollup", "sample-strategy.toml", "auto-price-repeat-lanes"];
    let (_, whole, _) = strata(&args);
    let (code, wrapped, stderr) = strata(&[&args[..], &["--width", "60"]].concat());
    assert_eq!(code, 0, "{stderr}");
    for line in wrapped.lines() {
        assert!(columns(line) <= 60, "{} columns: {line}", columns(line));
    }
    let words = |text: &str| {
        text.split_whitespace()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(words(&wrapped), words(&whole), "nothing is cut");
    // The option's own findings, and the lint state of every level.
    assert!(whole.contains("lint: ! 2 warnings"), "{whole}");
    assert!(
        whole.contains("warning[horizon-out-of-range] horizon: "),
        "{whole}"
    );
    assert_eq!(
        whole.matches("\n    lint: ").count(),
        4,
        "one per level: {whole}"
    );
    // A parent's future is its whole first sentence, not one cut line.
    assert!(whole.contains("a market benchmark."), "{whole}");
}

#[test]
fn rollup_as_json_holds_each_level_with_its_findings() {
    let (code, stdout, stderr) = strata(&[
        "rollup",
        "sample-strategy.toml",
        "auto-price-repeat-lanes",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["node"], "options.auto-price-repeat-lanes");
    assert_eq!(doc["reaches_vision"], true);
    let chain = doc["chain"].as_array().unwrap();
    let levels: Vec<&str> = chain.iter().map(|s| s["level"].as_str().unwrap()).collect();
    assert_eq!(levels, ["option", "initiative", "intent", "vision"]);
    let option = &chain[0];
    assert_eq!(option["lint"]["state"], "warn");
    assert_eq!(option["lint"]["warnings"], 2);
    assert_eq!(option["lint"]["scorecard"]["lofty-achievable"], "warn");
    let rules: Vec<&str> = option["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"horizon-out-of-range"), "{rules:?}");
}
