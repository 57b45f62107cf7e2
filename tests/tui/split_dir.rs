//! A strategy split across the files of a directory: every command reads
//! it as one cascade, findings name the file each node is in, and the
//! browser saves each edit to its own file and leaves the others alone,
//! byte for byte and unwritten.

use crate::browser;
use crate::support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use browser::Browser;
use strata::app::overlays::Layer;
use strata::app::overlays::confirm::Confirm;
use strata::store::{Journal, Workspace};

const SPLIT: &str = "tests/fixtures/split";
const NAMES: [&str; 3] = ["pricing.toml", "tracking.toml", "vision.toml"];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = crate::support::strata()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .arg("--color=never")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(&support::root(), args)
}

/// Every node of every file of the fixture, by key, with the file it is in.
fn fixture_nodes() -> Vec<(String, &'static str)> {
    NAMES
        .iter()
        .flat_map(|name| {
            let text = support::read(&support::root().join(SPLIT).join(name));
            // Each file read alone; only vision.toml has the vision.
            let keys: Vec<String> = text
                .lines()
                .filter(|l| l.starts_with('['))
                .filter(|l| {
                    ["[vision]", "[intents.", "[initiatives.", "[options."]
                        .iter()
                        .any(|p| l.starts_with(p))
                })
                .map(|l| l.trim_matches(['[', ']']).to_owned())
                .collect();
            keys.into_iter().map(move |k| (k, *name))
        })
        .collect()
}

/// A copy of the fixture; every file's mtime set far in the past, so a
/// rewrite of the same bytes would show.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("split");
    fs::create_dir(&dir).unwrap();
    for name in NAMES {
        let to = dir.join(name);
        fs::copy(support::root().join(SPLIT).join(name), &to).unwrap();
        fs::File::options()
            .write(true)
            .open(&to)
            .unwrap()
            .set_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000))
            .unwrap();
    }
    (tmp, dir)
}

fn state(dir: &Path) -> Vec<(String, SystemTime)> {
    NAMES
        .iter()
        .map(|n| {
            let path = dir.join(n);
            (
                support::read(&path),
                fs::metadata(&path).unwrap().modified().unwrap(),
            )
        })
        .collect()
}

#[test]
fn tree_shows_every_node_of_every_file_in_one_cascade() {
    let out = run(&["tree", SPLIT]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    let nodes = fixture_nodes();
    assert_eq!(nodes.len(), 9, "vision, 1 intent, 2 initiatives, 5 options");
    for (key, _) in &nodes {
        let id = key.rsplit('.').next().unwrap();
        if key != "vision" {
            assert!(out.stdout.contains(id), "{id} missing:\n{}", out.stdout);
        }
    }
    assert!(
        out.stdout
            .starts_with("Northwind Freight strategy (as of 2026-11-01)")
    );
    // quote-reply-from-email (tracking.toml) hangs under pricing.toml's initiative.
    let lines: Vec<&str> = out.stdout.lines().collect();
    let parent = lines
        .iter()
        .position(|l| l.contains("initiative quotes-take-forty-minutes"))
        .unwrap();
    let child = lines
        .iter()
        .position(|l| l.contains("option quote-reply-from-email"))
        .unwrap();
    let next_initiative = lines
        .iter()
        .position(|l| l.contains("initiative check-calls-eat-rep-time"))
        .unwrap();
    assert!(parent < child && child < next_initiative, "{}", out.stdout);
    assert!(!out.stdout.contains("Not linked"), "{}", out.stdout);
}

#[test]
fn lint_names_the_file_each_finding_is_in_in_every_format() {
    let human = run(&["lint", SPLIT]);
    // A missing `will_not` is an error, so the lint exits 1.
    assert_eq!(human.code, 1, "one error: {}", human.stderr);
    assert!(
        human
            .stdout
            .contains("--> tests/fixtures/split/pricing.toml:81:11"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .contains("--> tests/fixtures/split/tracking.toml:5:14"),
        "{}",
        human.stdout
    );
    assert!(
        human
            .stdout
            .ends_with("tests/fixtures/split: 1 error, 2 warnings, 0 notes\n"),
        "{}",
        human.stdout
    );

    let json = run(&["lint", "--format", "json", SPLIT]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["file"], SPLIT);
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 3);
    let owner: std::collections::HashMap<String, &str> = fixture_nodes().into_iter().collect();
    for d in diagnostics {
        let node = d["node"].as_str().unwrap();
        let file = format!("{SPLIT}/{}", owner[node]);
        assert_eq!(d["file"], file.as_str(), "{d}");
        // The line points at that file's text, not another's.
        let text = support::read(&support::root().join(&file));
        let line = text
            .lines()
            .nth(d["line"].as_u64().unwrap() as usize - 1)
            .unwrap();
        assert!(
            line.contains(node.rsplit('.').next().unwrap()) || line.starts_with("horizon"),
            "{file}:{}: {line}",
            d["line"]
        );
    }

    let sarif = run(&["lint", "--format", "sarif", SPLIT]);
    assert!(
        sarif
            .stdout
            .contains("\"uri\": \"tests/fixtures/split/tracking.toml\"")
    );
    let github = run(&["lint", "--format", "github", SPLIT]);
    assert!(
        github
            .stdout
            .contains("::warning file=tests/fixtures/split/pricing.toml,line=81,col=11,")
    );
}

#[test]
fn export_and_rollup_read_the_directory_as_one_strategy() {
    for format in ["md", "html", "json", "mermaid"] {
        let out = run(&["export", "--format", format, SPLIT]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        for title in [
            "Cut manual touches per load from 14 to 5",
            "Open emailed quote requests as pre-filled quotes",
            "Ask carriers to connect their ELD in the carrier setup packet",
        ] {
            assert!(out.stdout.contains(title), "{format} lacks {title}");
        }
    }
    let json = run(&["export", "--format", "json", SPLIT]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let nodes = doc["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), fixture_nodes().len());
    assert!(
        nodes
            .iter()
            .all(|n| !n["parent"].is_null() || n["key"] == "vision")
    );

    let rollup = run(&["rollup", SPLIT, "quote-reply-from-email"]);
    assert_eq!(rollup.code, 0, "{}", rollup.stderr);
    assert!(
        rollup
            .stdout
            .contains("Product initiative quotes-take-forty-minutes")
    );
    let alone = run(&["rollup", SPLIT]);
    assert_eq!(alone.code, 2);
    assert!(
        alone
            .stderr
            .contains("looks like a strategy file or directory")
    );
}

#[test]
fn export_refuses_to_write_over_one_of_the_files() {
    let (_tmp, dir) = copy();
    let before = state(&dir);
    let target = dir.join("pricing.toml");
    let out = run(&[
        "export",
        dir.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("is the strategy file itself"),
        "{}",
        out.stderr
    );
    assert_eq!(state(&dir), before);
}

#[test]
fn the_same_id_in_two_files_is_an_error_naming_both() {
    let (tmp, dir) = copy();
    let pricing = support::read(&dir.join("pricing.toml"));
    let line = pricing.lines().count() + 2;
    fs::write(
        dir.join("pricing.toml"),
        format!("{pricing}\n[options.eld-consent-in-carrier-packet]\ninitiative = \"quotes-take-forty-minutes\"\n"),
    )
    .unwrap();
    let tracking = support::read(&dir.join("tracking.toml"));
    let tracking_line = tracking
        .lines()
        .position(|l| l == "[options.eld-consent-in-carrier-packet]")
        .unwrap()
        + 1;
    for args in [
        &["tree", "split"][..],
        &["lint", "split"],
        &["export", "split"],
    ] {
        let out = run_in(tmp.path(), args);
        assert_eq!(out.code, 2, "{args:?}");
        assert_eq!(out.stdout, "");
        assert!(
            out.stderr.contains(&format!(
                "error: `options.eld-consent-in-carrier-packet` is defined in two files: split/pricing.toml:{line}:10 and here\n"
            )),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr
                .contains(&format!("--> split/tracking.toml:{tracking_line}:10")),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr
                .ends_with("error: could not load split: 1 file has problems\n")
        );
    }
}

#[test]
fn an_empty_directory_and_one_without_a_vision_say_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = run_in(tmp.path(), &["tree", "empty"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: empty is a directory with no *.toml file in it\n")
    );
    assert!(out.stderr.contains("strata init empty/vision.toml"));

    fs::create_dir(tmp.path().join("teams")).unwrap();
    fs::write(
        tmp.path().join("teams/a.toml"),
        "version = 1\n[intents.a]\ntitle = \"A\"\n",
    )
    .unwrap();
    let out = run_in(tmp.path(), &["lint", "teams"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: no file in teams has a [vision]: read teams/a.toml\n"),
        "{}",
        out.stderr
    );

    fs::write(tmp.path().join("teams/b.toml"), b"title = \"\xff\"\n").unwrap();
    let out = run_in(tmp.path(), &["lint", "teams"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("error: teams/b.toml is not UTF-8 text"),
        "{}",
        out.stderr
    );
}

#[test]
fn warnings_name_their_own_file() {
    let (tmp, dir) = copy();
    let tracking = support::read(&dir.join("tracking.toml"));
    fs::write(
        dir.join("tracking.toml"),
        tracking.replacen("version = 1\n", "", 1),
    )
    .unwrap();
    let out = run_in(tmp.path(), &["tree", "split"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains("--> split/tracking.toml:1:1"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.matches("warning:").count(), 1, "{}", out.stderr);
}

#[test]
fn editing_one_node_by_keys_saves_only_its_file() {
    let (_tmp, dir) = copy();
    let before = state(&dir);
    let mut browser = Browser::on_workspace(&dir, 100, 30);
    browser
        .keys("/ {eld-consent-in-carrier-packet} enter e 2 { Most carriers say yes.} esc ctrl-s q");
    assert!(browser.exited, "{}", browser.text());
    let after = state(&dir);
    assert_eq!(
        after[0], before[0],
        "pricing.toml untouched, not even rewritten"
    );
    assert_eq!(
        after[2], before[2],
        "vision.toml untouched, not even rewritten"
    );
    assert_ne!(after[1].0, before[1].0);
    // In tracking.toml, only that node's `today` changed.
    let (_, strategy) = Workspace::open(&dir).unwrap();
    let node = strategy
        .find_key("options.eld-consent-in-carrier-packet")
        .unwrap();
    assert!(
        strategy
            .node(node)
            .doc
            .today
            .ends_with(" Most carriers say yes.\n")
    );
    let changed: Vec<(&str, &str)> = before[1]
        .0
        .lines()
        .zip(after[1].0.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
}

#[test]
fn a_node_added_by_keys_goes_to_its_parents_file() {
    let (_tmp, dir) = copy();
    let before = state(&dir);
    let mut browser = Browser::on_workspace(&dir, 100, 30);
    browser.keys(
        "/ {quotes-take-forty-minutes} enter a {Quote from the load board} enter enter ctrl-s",
    );
    let after = state(&dir);
    assert_eq!(after[1], before[1], "tracking.toml untouched");
    assert_eq!(after[2], before[2], "vision.toml untouched");
    assert!(
        after[0]
            .0
            .contains("[options.quote-from-the-load-board]\ntitle = \"Quote from the load board\""),
        "{}",
        after[0].0
    );
}

#[test]
fn edits_to_a_directory_are_journaled_and_recovered() {
    let (tmp, dir) = copy();
    let state_dir = tmp.path().join("state");
    let before = state(&dir);
    let mut browser = Browser::on_file_journaled(&dir, &state_dir, 100, 30);
    browser.keys("/ {driver-text-check-in} enter e 2 {Typed before the crash.} esc");
    browser.flush_journal();
    let typed = browser.app.strategy.clone();
    drop(browser); // killed: nothing saved
    assert_eq!(state(&dir), before);
    assert!(Journal::in_dir(&state_dir, &dir).read().unwrap().is_some());

    let mut browser = Browser::on_file_journaled(&dir, &state_dir, 100, 30);
    assert!(matches!(
        browser.app.layers.last(),
        Some(Layer::Confirm(Confirm::Recover(_)))
    ));
    assert!(
        browser.text().contains("options.driver-text-check-in"),
        "{}",
        browser.text()
    );
    browser.keys("r");
    assert_eq!(browser.app.strategy, typed);
    browser.keys("ctrl-s");
    let after = state(&dir);
    assert_eq!((&after[0], &after[2]), (&before[0], &before[2]));
    assert!(after[1].0.contains("Typed before the crash."));
    assert!(Journal::in_dir(&state_dir, &dir).read().unwrap().is_none());
}
