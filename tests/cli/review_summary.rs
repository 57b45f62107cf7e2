//! `strata review --summary`: what the reviews recorded in a file decided,
//! as Markdown for meeting notes and as JSON, on a fixture with records.

use crate::support;

const FIXTURE: &str = "tests/fixtures/review/reviewed.toml";

fn summary(args: &[&str]) -> (i32, String, String) {
    let out = crate::support::strata()
        .current_dir(support::root())
        .env(
            "STRATA_CONFIG",
            support::root().join("tests/fixtures/review/no-config.toml"),
        )
        .args(["review", "--summary"])
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
fn the_markdown_summary_counts_decisions_and_quotes_what_was_said() {
    let (code, stdout, stderr) = summary(&[FIXTURE]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("summary_md", stdout);
}

#[test]
fn the_json_summary_holds_the_same_record() {
    let (code, stdout, stderr) = summary(&["--format", "json", FIXTURE]);
    assert_eq!(code, 0, "{stderr}");
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["total"], 5);
    assert_eq!(value["decided"], 3);
    insta::assert_snapshot!("summary_json", stdout);
}

#[test]
fn filters_narrow_the_summary() {
    let (code, stdout, stderr) = summary(&["--level", "intent", FIXTURE]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("1 of 2 nodes decided (the review records)"),
        "{stdout}"
    );
    assert!(!stdout.contains("options."), "{stdout}");
    let (code, _, stderr) = summary(&["--under", "win-mid-markt", FIXTURE]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `win-mid-market`?"),
        "{stderr}"
    );
    let (code, _, stderr) = summary(&["--level", "epic", FIXTURE]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a level is one of: vision, intent, initiative, option"),
        "{stderr}"
    );
}

#[test]
fn without_a_terminal_the_review_says_to_use_the_summary() {
    let out = crate::support::strata()
        .current_dir(support::root())
        .env(
            "STRATA_CONFIG",
            support::root().join("tests/fixtures/review/no-config.toml"),
        )
        .args(["review", FIXTURE])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("strata review --summary"), "{stderr}");
}

#[test]
fn the_summary_lists_the_nodes_off_track() {
    let (code, stdout, stderr) = summary(&["sample-strategy.toml"]);
    assert_eq!(code, 0, "{stderr}");
    let off_track = stdout
        .split_once("## Off track\n\n")
        .map(|(_, rest)| rest.split("\n\n").next().unwrap_or(""))
        .unwrap_or_else(|| panic!("no off-track section:\n{stdout}"));
    let lines: Vec<&str> = off_track.lines().collect();
    assert_eq!(
        lines,
        [
            "- `options.quick-pay-at-pod` Pay carriers within 48 hours of a matched proof of delivery for a 2% fee: at risk (5% of the way, expected 22%); off track: Carrier invoices at pilot brokers paid through quick pay (8%, expected 36%)"
        ]
    );
    let (_, json, _) = summary(&["--format", "json", "sample-strategy.toml"]);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["off_track"][0]["key"], "options.quick-pay-at-pod");
    assert_eq!(parsed["off_track"][0]["health"], "at-risk");
    assert_eq!(
        parsed["off_track"][0]["metrics"][0]["name"],
        "Carrier invoices at pilot brokers paid through quick pay"
    );
}
