//! `strata review --actions` and `--close` on a file with action items:
//! overdue first, filtered by owner, as JSON, hostile text shown harmless,
//! the roll-up naming an open item, and closing by text (refused when the
//! text names none, or two).

use crate::support;

use std::path::Path;

/// The review fixture with three action items on the intent: one overdue
/// (with an escape sequence in it), one due 2026-12-20, one closed; the
/// vision has one without owner or due day.
fn file(dir: &Path) -> std::path::PathBuf {
    let text = support::read(&support::root().join("tests/fixtures/review/reviewed.toml"));
    let text = text.replacen(
        "  { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", comment = \"The pricing floor is right.\" },\n",
        "  { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", comment = \"The pricing floor is right.\" },\n  \
         { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", action = \"Name the loss reasons\", owner = \"Priya Raman\", due = 2026-12-20 },\n  \
         { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", action = \"Send the \\u001b[31mmemo\", owner = \"Lee Park\", due = 2026-11-30 },\n  \
         { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", action = \"Call the carrier\", owner = \"Lee Park\", due = 2026-11-25 },\n  \
         { by = \"Lee Park\", on = 2026-11-26, decision = \"comment\", closes = \"Call the carrier\", outcome = \"done\" },\n",
        1,
    );
    let text = text.replacen(
        "  { by = \"Lee Park\", on = 2026-11-20, decision = \"approve\" },\n",
        "  { by = \"Lee Park\", on = 2026-11-20, decision = \"approve\" },\n  { by = \"Lee Park\", on = 2026-11-20, decision = \"comment\", action = \"Name the loss owner\" },\n",
        1,
    );
    let path = dir.join("s.toml");
    std::fs::write(&path, text).unwrap();
    std::fs::write(
        dir.join("config.toml"),
        "[review]\nreviewer = \"Robin Vega\"\n",
    )
    .unwrap();
    path
}

fn strata(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::support::strata()
        .current_dir(dir)
        .env("STRATA_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn open_action_items_are_listed_overdue_first_and_filtered_by_owner() {
    let dir = tempfile::tempdir().unwrap();
    file(dir.path());
    let (code, out, err) = strata(dir.path(), &["review", "--actions", "s.toml"]);
    assert_eq!(code, 0, "{err}");
    let items: Vec<&str> = out.lines().filter(|l| l.starts_with("- [ ]")).collect();
    assert_eq!(items.len(), 3, "the closed one is not listed:\n{out}");
    // The memo is overdue whenever this runs (it was due 2026-11-30), so it
    // comes first; then by due day; the undated one last.
    assert!(
        items[0].contains("memo (Lee Park, due 2026-11-30)"),
        "{out}"
    );
    assert!(
        items[1].contains("Name the loss reasons (Priya Raman, due 2026-12-20)"),
        "{out}"
    );
    assert!(items[2].contains("Name the loss owner (no owner)"), "{out}");
    assert!(
        items[0].contains("**overdue**") && !items[2].contains("overdue"),
        "{out}"
    );
    assert!(
        !out.contains('\u{1b}'),
        "the escape never reaches the terminal: {out:?}"
    );
    assert!(
        out.contains("`intents.win-mid-market` Win brokerages with 25-150 employees"),
        "{out}"
    );

    let (_, lee, _) = strata(
        dir.path(),
        &["review", "--actions", "--owner", "LEE", "s.toml"],
    );
    assert_eq!(
        lee.lines().filter(|l| l.starts_with("- [ ]")).count(),
        1,
        "{lee}"
    );
    let (_, json, _) = strata(
        dir.path(),
        &["review", "--actions", "--format", "json", "s.toml"],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["actions"].as_array().unwrap().len(), 3);
    assert_eq!(
        json["actions"][0]["what"], "Send the \u{1b}[31mmemo",
        "JSON keeps the text, escaped"
    );
    assert_eq!(json["actions"][0]["overdue"], true);
    assert_eq!(json["actions"][2]["due"], serde_json::Value::Null);

    let (_, rollup, _) = strata(
        dir.path(),
        &["rollup", "s.toml", "onboarding-takes-eleven-weeks"],
    );
    assert!(
        rollup.contains("open action item: Name the loss reasons (Priya Raman), due 2026-12-20"),
        "{rollup}"
    );
}

#[test]
fn closing_names_one_open_item_or_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path());
    let before = std::fs::read_to_string(&path).unwrap();
    let (code, _, err) = strata(
        dir.path(),
        &["review", "--actions", "--close", "name the loss", "s.toml"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("2 open action items contain `name the loss`"),
        "{err}"
    );
    assert!(
        err.contains("Name the loss reasons (intents.win-mid-market)"),
        "{err}"
    );
    let (code, _, err) = strata(
        dir.path(),
        &[
            "review",
            "--actions",
            "--close",
            "Call the carrier",
            "s.toml",
        ],
    );
    assert_eq!(code, 2, "already closed");
    assert!(err.contains("no open action item reads"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "nothing written"
    );

    let (code, out, err) = strata(
        dir.path(),
        &[
            "review",
            "--actions",
            "--close",
            "name the loss owner",
            "--outcome",
            "dropped",
            "s.toml",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("closed (dropped): Name the loss owner · vision"),
        "{out}"
    );
    let after = std::fs::read_to_string(&path).unwrap();
    let (removed, added) = support::line_diff(&before, &after);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(added.len(), 1, "one appended line: {added:?}");
    assert!(
        added[0].contains(
            r#"decision = "comment", closes = "Name the loss owner", outcome = "dropped" }"#
        ),
        "{added:?}"
    );
}

#[test]
fn a_timebox_must_be_a_time() {
    let dir = tempfile::tempdir().unwrap();
    file(dir.path());
    for bad in ["soon", "0m", "5 parsecs"] {
        let (code, _, err) = strata(dir.path(), &["review", "--timebox", bad, "s.toml"]);
        assert_eq!(code, 2, "{bad}: {err}");
        assert!(err.contains("--timebox"), "{err}");
    }
}
