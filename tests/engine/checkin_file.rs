//! Check-ins in the file: read with every mistake named at its place, and
//! written so that recording one adds one line and correcting one changes
//! one line, everything else byte for byte, whatever the list's layout.

use crate::support::{self, line_diff};

use strata::model::{CheckIn, Date, Recording, Strategy, record_checkin};
use strata::store::{parse, patch, same_content};

const FIXTURE: &str = "tests/fixtures/progress/tracked.toml";

fn fixture() -> String {
    support::read(&support::root().join(FIXTURE))
}

fn checkin(metric: &str, on: (u8, u8), value: &str) -> CheckIn {
    CheckIn {
        metric: metric.into(),
        on: Date::new(2026, on.0, on.1).unwrap(),
        value: value.into(),
        note: String::new(),
        source: String::new(),
    }
}

/// The text after recording `checkin` on `key`, checked to read back as the
/// strategy that was saved.
fn recorded(text: &str, key: &str, checkin: CheckIn, how: Recording) -> String {
    let before = parse(text).unwrap().strategy;
    let mut after = before.clone();
    let id = after.find_key(key).unwrap();
    let edit = record_checkin(&after, id, checkin, how).unwrap().unwrap();
    after.apply(edit).unwrap();
    let saved = patch(text, &before, &after).unwrap();
    let back = parse(&saved).unwrap().strategy;
    assert!(same_content(&back, &after), "reads back as saved:\n{saved}");
    saved
}

#[test]
fn checkins_weights_and_starts_load_in_every_layout() {
    let strategy: Strategy = parse(&fixture()).unwrap().strategy;
    let vision = strategy.node(strategy.vision().unwrap());
    assert_eq!(vision.checkins.len(), 3);
    assert_eq!(vision.checkins[1].source, "ops review");
    assert_eq!(vision.checkins[2].note, "two pilots live");
    assert_eq!(vision.doc.metrics[0].start, Date::new(2026, 7, 1));
    let grow = strategy.node(strategy.find_key("intents.grow").unwrap());
    assert_eq!(grow.weight, Some(2.0));
    assert_eq!(grow.checkins[1].value, "18%");
    let keep = strategy.node(strategy.find_key("intents.keep").unwrap());
    assert_eq!(keep.checkins.len(), 2);
    assert_eq!(keep.checkins[0].value, "8.5");
    assert_eq!(keep.checkins[1].value, "8");
}

#[test]
fn recording_adds_one_line_and_a_fix_changes_one_line() {
    let text = fixture();
    let added = recorded(
        &text,
        "vision",
        checkin("Quote minutes", (10, 30), "31 min"),
        Recording::Add,
    );
    let (removed, new) = line_diff(&text, &added);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        new,
        ["  { metric = \"Quote minutes\", on = 2026-10-30, value = \"31 min\" },"]
    );
    // The comment and the unknown key of the kept lines are untouched.
    assert!(
        added.contains("# on target\n  { metric = \"Quote minutes\", on = 2026-10-30"),
        "{added}"
    );
    assert!(added.contains("reviewer = \"kept\""));

    let fixed = recorded(
        &added,
        "vision",
        checkin("Quote minutes", (9, 1), "36 min"),
        Recording::Fix,
    );
    let (removed, new) = line_diff(&added, &fixed);
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(
        new,
        [
            "  { metric = \"Quote minutes\", on = 2026-09-01, value = \"36 min\", source = \"ops review\", reviewer = \"kept\" },"
        ]
    );
}

#[test]
fn a_one_line_list_is_spread_and_tables_stay_tables() {
    let text = fixture();
    let spread = recorded(
        &text,
        "intents.grow",
        checkin("Win rate", (10, 31), "19%"),
        Recording::Add,
    );
    assert!(
        spread.contains(
            "checkins = [\n  { metric = \"Win rate\", on = 2026-09-01, value = \"17%\" },\n  { metric = \"Win rate\", on = 2026-10-01, value = \"18%\" },\n  { metric = \"Win rate\", on = 2026-10-31, value = \"19%\" },\n]\n"
        ),
        "{spread}"
    );
    let tables = recorded(
        &text,
        "intents.keep",
        checkin("Logo churn", (10, 30), "7.5"),
        Recording::Add,
    );
    let (removed, added) = line_diff(&text, &tables);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added,
        [
            "",
            "[[intents.keep.checkins]]",
            "metric = \"Logo churn\"",
            "on = 2026-10-30",
            "value = \"7.5\""
        ]
    );
}

#[test]
fn the_first_checkin_of_a_node_starts_its_list() {
    let text = "version = 1\n[vision]\ntitle = \"V\"\nmetrics = [{ name = \"M\", baseline = 1, target = 5, by = \"2027\" }]\nnotes = \"n\"\n";
    let saved = recorded(text, "vision", checkin("M", (10, 1), "2"), Recording::Add);
    assert_eq!(
        saved,
        format!("{text}checkins = [\n  {{ metric = \"M\", on = 2026-10-01, value = \"2\" }},\n]\n")
    );
}

#[test]
fn mistakes_in_checkins_weights_and_starts_are_named() {
    let text = fixture()
        .replacen("on = 2026-08-01, value", "on = \"last month\", value", 1)
        .replacen(
            "{ metric = \"Win rate\", on = 2026-09-01, value = \"17%\" }",
            "{ metric = \"Win rate\", value = \"17%\", valeu = 3 }",
            1,
        )
        .replacen("weight = 2", "weight = -1", 1)
        .replacen("start = 2026-07-01", "start = \"soon\"", 1);
    let problems = parse(&text).unwrap_err();
    let all: String = problems
        .iter()
        .map(|p| format!("{} | {}\n", p.message, p.help))
        .collect();
    for expected in [
        "`vision.checkins[0].on` must be a date",
        "the check-in `intents.grow.checkins[0]` has no `on`",
        "`intents.grow.weight` must be a number of at least 0",
        "`vision.metrics[0].start` must be a date",
    ] {
        assert!(all.contains(expected), "{expected}:\n{all}");
    }
    let typo = fixture().replacen("value = \"17%\" }", "value = \"17%\", nots = \"x\" }", 1);
    let loaded = parse(&typo).unwrap();
    let warning = loaded
        .warnings
        .iter()
        .find(|w| w.message.contains("`nots`"))
        .unwrap();
    assert_eq!(
        warning.message,
        "unknown key `nots` in intents.grow.checkins[0]"
    );
    assert!(
        warning.help.contains("did you mean `note`?"),
        "{}",
        warning.help
    );
}

#[test]
fn a_start_and_a_weight_set_in_the_model_are_written_in_place() {
    let text = fixture();
    let before = parse(&text).unwrap().strategy;
    let mut after = before.clone();
    let grow = after.find_key("intents.grow").unwrap();
    let mut doc = after.node(grow).doc.clone();
    doc.metrics[0].start = Date::new(2026, 8, 15);
    after
        .apply(strata::model::Edit::SetDoc {
            node: grow,
            doc: Box::new(doc),
        })
        .unwrap();
    let saved = patch(&text, &before, &after).unwrap();
    let (removed, added) = line_diff(&text, &saved);
    assert_eq!(removed.len(), 1);
    assert_eq!(
        added,
        [
            "metrics = [{ name = \"Win rate\", baseline = \"16%\", target = \"33%\", by = \"2028-12\", start = 2026-08-15 }]"
        ]
    );
    assert!(same_content(&parse(&saved).unwrap().strategy, &after));
}
