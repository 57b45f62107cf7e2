//! `strata checkin` and `strata progress` as a user runs them, on copies of
//! the sample: one check-in is one line in the file, progress reports it,
//! a CSV with one bad row changes nothing, and no text from the file or the
//! command line reaches the terminal as a control sequence.

use std::path::{Path, PathBuf};

use crate::support::{self, line_diff};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn strata(dir: &Path, args: &[&str]) -> Run {
    let out = crate::support::strata()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("STRATA_STATE_DIR", dir.join("state"))
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

/// A directory holding a copy of the sample as `strategy.toml`.
fn copy_of_sample() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    (dir, path)
}

const PILOT: &str = "pilot-lane-first";
const DAYS: &str = "Median days from signature to first live load";

/// The lines of the node's table (from its header to the next header).
fn table_of<'t>(text: &'t str, header: &str) -> &'t str {
    let start = text.find(header).unwrap();
    let end = text[start + 1..]
        .find("\n[")
        .map_or(text.len(), |i| start + 1 + i);
    &text[start..end]
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
}

#[test]
fn a_checkin_on_an_option_adds_one_line_and_progress_reports_it_at_every_level() {
    let (dir, path) = copy_of_sample();
    let before = support::read(&path);
    let progress_before = json(&strata(dir.path(), &["progress", "--format", "json"]).stdout);
    let out = strata(
        dir.path(),
        &["checkin", PILOT, DAYS, "56", "--on", "2026-10-30"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().next(),
        Some(
            "recorded: options.pilot-lane-first · Median days from signature to first live load = 56 on 2026-10-30"
        )
    );
    let after = support::read(&path);
    let (removed, added) = line_diff(&before, &after);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added,
        [format!(
            "  {{ metric = \"{DAYS}\", on = 2026-10-30, value = \"56\" }},"
        )]
    );
    assert!(table_of(&after, "[options.pilot-lane-first]").contains(&added[0]));

    let report = json(&strata(dir.path(), &["progress", "--format", "json"]).stdout);
    let node = |report: &serde_json::Value, key: &str| {
        report["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["node"] == key)
            .unwrap()
            .clone()
    };
    let pilot = node(&report, "options.pilot-lane-first");
    let metric = &pilot["metrics"][0];
    assert_eq!(metric["current"], "56");
    assert_eq!(metric["current_on"], "2026-10-30");
    // (77 − 56) / (77 − 14) = 1/3
    assert_eq!(metric["progress"], 0.3333);
    assert_eq!(metric["health"], "on-track");
    // Every level above moved with it.
    for key in [
        "options.pilot-lane-first",
        "initiatives.onboarding-takes-eleven-weeks",
        "intents.win-mid-market-brokers",
        "vision",
    ] {
        let now = node(&report, key)["progress"].as_f64().unwrap();
        let then = node(&progress_before, key)["progress"].as_f64().unwrap();
        assert!(now > then, "{key}: {then} → {now}");
    }
}

#[test]
fn the_first_checkin_of_a_node_starts_its_list_inside_its_table() {
    let (dir, path) = copy_of_sample();
    let before = support::read(&path);
    let out = strata(
        dir.path(),
        &[
            "checkin",
            "quote-reply-from-email",
            "Spot quote win rate",
            "15%",
            "--on",
            "2026-10-15",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let after = support::read(&path);
    let (removed, added) = line_diff(&before, &after);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added,
        [
            "checkins = [",
            "  { metric = \"Spot quote win rate\", on = 2026-10-15, value = \"15%\" },",
            "]"
        ]
    );
    assert!(table_of(&after, "[options.quote-reply-from-email]").contains("checkins = ["));
}

#[test]
fn on_defaults_to_today_and_fix_corrects_the_latest_in_one_line() {
    let (dir, path) = copy_of_sample();
    let out = strata(dir.path(), &["checkin", PILOT, DAYS, "60"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let today = strata::cli::today();
    let text = support::read(&path);
    assert!(
        text.contains(&format!(
            "{{ metric = \"{DAYS}\", on = {today}, value = \"60\" }}"
        )),
        "{text}"
    );
    // After the sample's as_of: recorded, and said so.
    assert!(out.stderr.contains("is as of 2026-11-01"), "{}", out.stderr);
    let fixed = strata(dir.path(), &["checkin", PILOT, DAYS, "59", "--fix"]);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    assert!(fixed.stdout.starts_with("corrected: "), "{}", fixed.stdout);
    let (removed, added) = line_diff(&text, &support::read(&path));
    assert_eq!(removed.len(), 1);
    assert_eq!(
        added,
        [format!(
            "  {{ metric = \"{DAYS}\", on = {today}, value = \"59\" }},"
        )]
    );
    // A fix of a day with no check-in is refused.
    let none = strata(
        dir.path(),
        &["checkin", PILOT, DAYS, "1", "--fix", "--on", "2026-01-01"],
    );
    assert_eq!(none.code, 2);
    assert!(
        none.stderr.contains("no check-in on that day"),
        "{}",
        none.stderr
    );
}

#[test]
fn the_same_checkin_twice_changes_nothing_and_another_value_that_day_is_refused() {
    let (dir, path) = copy_of_sample();
    let before = support::read(&path);
    let again = strata(
        dir.path(),
        &["checkin", PILOT, DAYS, "63", "--on", "2026-10-01"],
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.starts_with("already recorded"),
        "{}",
        again.stdout
    );
    let other = strata(
        dir.path(),
        &["checkin", PILOT, DAYS, "62", "--on", "2026-10-01"],
    );
    assert_eq!(other.code, 2);
    assert!(
        other.stderr.contains("already recorded as `63`"),
        "{}",
        other.stderr
    );
    assert!(other.stderr.contains("--fix"), "{}", other.stderr);
    assert_eq!(support::read(&path), before);
}

#[test]
fn unknown_nodes_metrics_and_values_are_refused_with_help() {
    let (dir, path) = copy_of_sample();
    let before = support::read(&path);
    let cases: [(&[&str], &str); 5] = [
        (
            &["pilot-lane-frist", DAYS, "60"],
            "did you mean `pilot-lane-first`?",
        ),
        (
            &[PILOT, "Median days to first live load", "60"],
            "did you mean `Median days from signature to first live load`?",
        ),
        (&[PILOT, DAYS, "soon"], "`soon` does not read as a number"),
        (
            &[PILOT, DAYS, "12%"],
            "cannot be compared with this metric, which counts a plain number",
        ),
        (
            &[PILOT, DAYS, "60", "--on", "next week"],
            "`--on next week` is not a day",
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["checkin"];
        all.extend_from_slice(args);
        let out = strata(dir.path(), &all);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains(expected), "{args:?}:\n{}", out.stderr);
    }
    let metrics = strata(dir.path(), &["checkin", PILOT, "Nope", "1"]);
    assert!(
        metrics
            .stderr
            .contains("the metrics of options.pilot-lane-first: \"Median days"),
        "{}",
        metrics.stderr
    );
    assert_eq!(support::read(&path), before);
}

#[test]
fn file_may_come_before_the_command_or_first_among_its_arguments() {
    let (dir, path) = copy_of_sample();
    let out = strata(
        dir.path(),
        &[
            "strategy.toml",
            "checkin",
            PILOT,
            DAYS,
            "57",
            "--on",
            "2026-10-20",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = strata(
        dir.path(),
        &[
            "checkin",
            "strategy.toml",
            PILOT,
            DAYS,
            "55",
            "--on",
            "2026-10-25",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = support::read(&path);
    assert!(text.contains("on = 2026-10-20, value = \"57\""));
    assert!(text.contains("on = 2026-10-25, value = \"55\""));
    let twice = strata(
        dir.path(),
        &[
            "strategy.toml",
            "checkin",
            "strategy.toml",
            PILOT,
            DAYS,
            "1",
        ],
    );
    assert_eq!(twice.code, 2);
    assert!(
        twice.stderr.contains("FILE given twice"),
        "{}",
        twice.stderr
    );
}

const GOOD_ROWS: &str = "\
node,metric,value,date,note
pilot-lane-first,Median days from signature to first live load,58,2026-10-15,
options.one-screen-lane-pricing,Spot quotes sent per rep per day,14,2026-10-20,after training
quick-pay-at-pod,\"Quick-pay fee revenue (annual run-rate)\",$55k,2026-10-25,
";

#[test]
fn a_csv_is_imported_in_one_save_and_importing_it_again_is_harmless() {
    let (dir, path) = copy_of_sample();
    std::fs::write(dir.path().join("values.csv"), GOOD_ROWS).unwrap();
    let before = support::read(&path);
    let out = strata(dir.path(), &["checkin", "--from", "values.csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "recorded 3 check-ins on 3 nodes from values.csv into strategy.toml\n"
    );
    let after = support::read(&path);
    let (removed, added) = line_diff(&before, &after);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(added.len(), 3, "{added:?}");
    assert!(after.contains("value = \"14\", note = \"after training\""));
    let again = strata(dir.path(), &["checkin", "--from", "values.csv"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.starts_with("nothing new"), "{}", again.stdout);
    assert_eq!(support::read(&path), after);
}

#[test]
fn a_csv_with_one_bad_row_names_its_line_and_leaves_the_file_byte_for_byte() {
    let bad_rows = [
        (
            "optons.pilot-lane-first,Median days from signature to first live load,58,2026-10-16,",
            "no node with id `optons.pilot-lane-first`",
        ),
        (
            "pilot-lane-first,Median days to first live load,58,2026-10-16,",
            "no metric named `Median days to first live load`",
        ),
        (
            "pilot-lane-first,Median days from signature to first live load,about 50,2026-10-16,",
            "`about 50` does not read as a number",
        ),
        (
            "pilot-lane-first,Median days from signature to first live load,58,16/10/2026,",
            "the date `16/10/2026` does not read as a day",
        ),
        (
            "pilot-lane-first,Median days from signature to first live load,57,2026-10-15,",
            "is `57` here, but `58` on line 2",
        ),
        (
            "pilot-lane-first,Median days from signature to first live load,64,2026-10-01,",
            "already recorded as `63` on 2026-10-01",
        ),
    ];
    for (row, expected) in bad_rows {
        let (dir, path) = copy_of_sample();
        let before = std::fs::read(&path).unwrap();
        // The bad row is line 4, between good ones.
        let mut lines: Vec<&str> = GOOD_ROWS.lines().collect();
        lines.insert(3, row);
        std::fs::write(dir.path().join("values.csv"), lines.join("\n") + "\n").unwrap();
        let out = strata(dir.path(), &["checkin", "--from", "values.csv"]);
        assert_eq!(out.code, 2, "{row}:\n{}", out.stderr);
        assert!(
            out.stderr.contains("error: values.csv:4: "),
            "{row}:\n{}",
            out.stderr
        );
        assert!(out.stderr.contains(expected), "{row}:\n{}", out.stderr);
        assert!(
            out.stderr.ends_with("strategy.toml was not changed\n"),
            "{}",
            out.stderr
        );
        assert_eq!(std::fs::read(&path).unwrap(), before, "{row}");
    }
}

#[test]
fn a_csv_needs_its_header_and_says_which_column_is_wrong() {
    let (dir, path) = copy_of_sample();
    let before = std::fs::read(&path).unwrap();
    std::fs::write(
        dir.path().join("values.csv"),
        "node,metrc,value,when\nx,y,1,2026-01-01\n",
    )
    .unwrap();
    let out = strata(dir.path(), &["checkin", "--from", "values.csv"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("values.csv:1: unknown column `metrc`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `metric`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("names no metric, date column"),
        "{}",
        out.stderr
    );
    std::fs::write(dir.path().join("empty.csv"), "").unwrap();
    let empty = strata(dir.path(), &["checkin", "--from", "empty.csv"]);
    assert_eq!(empty.code, 2);
    assert!(
        empty.stderr.contains("needs a header row"),
        "{}",
        empty.stderr
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// 10,000 rows over the sample's metrics, each on its own day, written as
/// an analytics export would (quoted where a name has a comma).
fn ten_thousand_rows() -> String {
    let sample = strata::store::parse(&support::read(
        &support::root().join("sample-strategy.toml"),
    ))
    .unwrap()
    .strategy;
    let metrics: Vec<(String, String, String)> = sample
        .iter()
        .flat_map(|(_, node)| {
            node.doc
                .metrics
                .iter()
                .filter(|m| m.start.is_none())
                .map(move |m| {
                    (
                        node.key(),
                        m.name.clone(),
                        m.baseline.clone().unwrap_or_default(),
                    )
                })
        })
        .collect();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["node", "metric", "value", "date"])
        .unwrap();
    let first = strata::model::Date::new(2000, 1, 1).unwrap();
    for row in 0..10_000 {
        let (node, metric, baseline) = &metrics[row % metrics.len()];
        let day = first.plus_days((row / metrics.len()) as i64);
        let number = 10 + row % 7;
        let value = if baseline.ends_with('%') {
            format!("{number}%")
        } else if baseline.starts_with('$') {
            format!("${number}k")
        } else {
            number.to_string()
        };
        writer
            .write_record([
                node.as_str(),
                metric.as_str(),
                value.as_str(),
                &day.to_string(),
            ])
            .unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

#[test]
fn ten_thousand_rows_import_and_read_back() {
    let (dir, path) = copy_of_sample();
    std::fs::write(dir.path().join("export.csv"), ten_thousand_rows()).unwrap();
    let out = strata(dir.path(), &["checkin", "--from", "export.csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("recorded 10000 check-ins on "),
        "{}",
        out.stdout
    );
    let strategy = strata::store::parse(&support::read(&path))
        .unwrap()
        .strategy;
    let total: usize = strategy.iter().map(|(_, n)| n.checkins.len()).sum();
    assert_eq!(total, 10_000 + 16, "the sample's 16 and the export's");
    let again = strata(dir.path(), &["checkin", "--from", "export.csv"]);
    assert!(again.stdout.starts_with("nothing new"), "{}", again.stdout);
}

#[test]
fn hostile_text_in_a_note_never_reaches_the_terminal() {
    let (dir, path) = copy_of_sample();
    let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}evil";
    let out = strata(
        dir.path(),
        &[
            "checkin",
            PILOT,
            DAYS,
            "61",
            "--on",
            "2026-10-10",
            "--note",
            hostile,
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = support::read(&path);
    assert!(
        text.contains("note = \"\\u001B]0;pwned\\u0007\\u001B[2J\\u202Eevil\""),
        "the file keeps the text, escaped:\n{}",
        table_of(&text, "[options.pilot-lane-first]")
    );
    std::fs::write(
        dir.path().join("hostile.csv"),
        format!("node,metric,value,date,note\n\u{1b}[31mx,{DAYS},1,2026-10-11,\npilot-lane-first,{DAYS},60,2026-10-12,{hostile}\n"),
    )
    .unwrap();
    let runs = [
        strata(dir.path(), &["progress", "--node", PILOT]),
        strata(dir.path(), &["progress", "--format", "json"]),
        strata(dir.path(), &["checkin", "--from", "hostile.csv"]),
        strata(dir.path(), &["lint"]),
        strata(dir.path(), &["export", "--format", "md"]),
    ];
    for run in runs {
        for output in [&run.stdout, &run.stderr] {
            assert!(
                !output.contains('\u{1b}')
                    && !output.contains('\u{7}')
                    && !output.contains('\u{202e}'),
                "{output}"
            );
        }
    }
}

#[test]
fn progress_prints_the_cascade_and_deny_fails_on_what_is_behind() {
    let root = support::root();
    let human = strata(&root, &["progress", "sample-strategy.toml"]);
    assert_eq!(human.code, 0, "{}", human.stderr);
    insta::assert_snapshot!("progress_human", human.stdout);
    let one = strata(
        &root,
        &[
            "progress",
            "sample-strategy.toml",
            "--node",
            "quick-pay-at-pod",
            "--format",
            "json",
        ],
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    insta::assert_snapshot!("progress_json_quick_pay", one.stdout);
    // A metric of quick pay is off track; nothing under onboarding is.
    let denied = strata(
        &root,
        &["progress", "sample-strategy.toml", "--deny", "off-track"],
    );
    assert_eq!(denied.code, 1);
    let fine = strata(
        &root,
        &[
            "progress",
            "sample-strategy.toml",
            "--node",
            "onboarding-takes-eleven-weeks",
            "--deny",
            "off-track",
        ],
    );
    assert_eq!(fine.code, 0);
    let risky = strata(
        &root,
        &[
            "progress",
            "sample-strategy.toml",
            "--node",
            "onboarding-takes-eleven-weeks",
            "--deny",
            "at-risk",
        ],
    );
    assert_eq!(risky.code, 1, "its days-to-live metric is at risk");
    // Measured to an earlier day, later check-ins do not count.
    let then = json(
        &strata(
            &root,
            &[
                "progress",
                "sample-strategy.toml",
                "--node",
                PILOT,
                "--format",
                "json",
                "--as-of",
                "2026-09-15",
            ],
        )
        .stdout,
    );
    assert_eq!(then["as_of"], "2026-09-15");
    assert_eq!(then["nodes"][0]["metrics"][0]["current"], "69");
    let bad = strata(
        &root,
        &["progress", "sample-strategy.toml", "--as-of", "soon"],
    );
    assert_eq!(bad.code, 2);
    let missing = strata(
        &root,
        &["progress", "sample-strategy.toml", "--node", "nope"],
    );
    assert_eq!(missing.code, 2);
}
