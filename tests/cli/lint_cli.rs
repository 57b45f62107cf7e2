//! `strata lint` on real files: every output format, exit codes, config errors.

use crate::support;

use serde_json::Value;

fn lint(args: &[&str]) -> (i32, String, String) {
    let out = crate::support::strata()
        .current_dir(support::root())
        .arg("--color=never")
        .arg("lint")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn human_output_quotes_the_flagged_text_with_file_line_col() {
    let (code, stdout, stderr) = lint(&["sample-strategy.toml"]);
    // The sample's initiative without a `will_not` is an error.
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("error[missing-will-not]"), "{stdout}");
    assert!(stdout.contains("warning[sunday-words]"), "{stdout}");
    assert!(stdout.contains("--> sample-strategy.toml:"), "{stdout}");
    assert!(
        stdout.contains("in intents.earn-on-carrier-payments (intent), future"),
        "{stdout}"
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn warnings_alone_exit_0_unless_denied() {
    let file = "tests/fixtures/lint/warnings-only.toml";
    let (code, stdout, stderr) = lint(&[file]);
    assert_eq!(code, 0, "warnings alone do not fail: {stdout}{stderr}");
    assert!(stdout.contains("0 errors, 1 warning"), "{stdout}");
    let (code, _, _) = lint(&[file, "--deny", "warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn errors_exit_1_and_an_unreadable_file_exits_2() {
    let (code, stdout, _) = lint(&["tests/fixtures/lint/errors.toml"]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("error[unknown-parent]") && stdout.contains("error[horizon-in-past]"),
        "{stdout}"
    );
    let (code, _, stderr) = lint(&["tests/fixtures/invalid/syntax.toml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("syntax.toml:3:18"), "{stderr}");
}

#[test]
fn json_follows_the_documented_contract() {
    let (code, stdout, _) = lint(&["sample-strategy.toml", "--format", "json"]);
    assert_eq!(code, 1);
    let doc: Value = serde_json::from_str(&stdout).unwrap();
    let top: Vec<&str> = doc
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, ["file", "diagnostics", "summary"]);
    assert_eq!(doc["file"], "sample-strategy.toml");
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    let text = support::read(&support::root().join("sample-strategy.toml"));
    let lines: Vec<&str> = text.lines().collect();
    for d in diagnostics {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "file",
                "rule",
                "criterion",
                "severity",
                "node",
                "level",
                "field",
                "line",
                "column",
                "end_line",
                "end_column",
                "message",
                "help"
            ]
        );
        assert_eq!(d["file"], "sample-strategy.toml");
        let criterion = d["criterion"].as_str().unwrap();
        assert!(
            [
                "concrete",
                "lofty-achievable",
                "different-from-today",
                "will-not",
                "cascade",
                "writing"
            ]
            .contains(&criterion),
            "{criterion}"
        );
        assert!(["error", "warning", "note"].contains(&d["severity"].as_str().unwrap()));
        let node = d["node"].as_str().unwrap();
        assert!(node == "vision" || node.contains('.'), "{node}");
        let line = d["line"].as_u64().unwrap() as usize;
        assert!(line >= 1 && line <= lines.len());
        assert!(d["end_line"].as_u64().unwrap() as usize >= line);
    }
    // A word-level finding points at the word itself.
    let sunday = diagnostics
        .iter()
        .find(|d| d["rule"] == "sunday-words")
        .unwrap();
    let line = lines[sunday["line"].as_u64().unwrap() as usize - 1];
    let column = sunday["column"].as_u64().unwrap() as usize;
    let flagged: String = line.chars().skip(column - 1).take(5).collect();
    assert!(
        sunday["message"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains(&flagged.to_lowercase()),
        "{flagged:?} vs {sunday}"
    );
    let summary = &doc["summary"];
    let total = summary["error"].as_u64().unwrap()
        + summary["warning"].as_u64().unwrap()
        + summary["note"].as_u64().unwrap();
    assert_eq!(total as usize, diagnostics.len());
}

#[test]
fn sarif_is_2_1_0_with_rule_metadata() {
    let (_, stdout, _) = lint(&["tests/fixtures/lint/errors.toml", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), strata::lint::RULES.len());
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn github_annotations_are_one_line_each() {
    let (_, stdout, _) = lint(&["tests/fixtures/lint/errors.toml", "--format", "github"]);
    assert!(!stdout.is_empty());
    for line in stdout.lines() {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(
            line.contains(",line=") && line.contains(",col=") && line.contains(",title="),
            "{line}"
        );
    }
}

#[test]
fn a_misspelt_rule_in_the_lint_table_points_at_the_key() {
    let (code, stdout, stderr) = lint(&["tests/fixtures/lint/bad-config.toml"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("bad-config.toml:9:1"), "{stderr}");
    assert!(stderr.contains("sunday-words"), "did you mean: {stderr}");
}

#[test]
fn rules_lists_and_explains() {
    let out = crate::support::strata().args(["rules"]).output().unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    for rule in strata::lint::RULES {
        assert!(list.contains(rule.name), "{}", rule.name);
    }
    let out = crate::support::strata()
        .args(["rules", "sunday-words"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("What it does") && text.contains("Use instead"),
        "{text}"
    );
    let out = crate::support::strata()
        .args(["rules", "sunday-wrds"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `sunday-words`"));
}
