//! Checking in a metric from the browser: `c`, the value, enter. The check-in
//! is one undoable edit, the two-pager, the tree and the roll-up follow it at
//! every level, and ctrl-s writes it as one line of the file.

use crate::browser;
use crate::support::line_diff;

use std::path::PathBuf;

use browser::{Browser, app_from_text, root};
use strata::app::overlays::Layer;
use strata::model::NodeId;
use strata::model::progress::text::percent;

/// A copy of the sample in a fresh temporary directory.
fn sample_copy() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let text = std::fs::read_to_string(root().join("sample-strategy.toml")).unwrap();
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

const DAYS: &str = "Median days from signature to first live load";

fn progress_of(browser: &Browser, id: NodeId) -> f64 {
    browser.app.progress.node(id).unwrap().progress.unwrap()
}

#[test]
fn c_records_a_checkin_the_rollup_shows_at_every_level_and_ctrl_s_saves_as_one_line() {
    let (_dir, path, original) = sample_copy();
    let mut browser = Browser::on_file(&path, 120, 40);
    // The status bar shows the file's name whole: not the temporary directory's.
    browser.app.file = "strategy.toml".into();
    browser.keys("/ {pilot-lane-first} enter");
    assert_eq!(browser.selected(), "options.pilot-lane-first");
    let pilot = browser.app.tree.selected().unwrap();
    let chain = browser.app.strategy.path_to_vision(pilot);
    let before: Vec<f64> = chain.iter().map(|&id| progress_of(&browser, id)).collect();

    browser.keys("c");
    assert!(matches!(browser.app.layers.last(), Some(Layer::Checkin(_))));
    insta::assert_snapshot!("checkin_form", browser.text());
    browser.keys("{56} tab {three pilots live} tab ctrl-u {2026-10-30} enter");
    assert!(browser.app.layers.is_empty(), "{}", browser.text());
    let node = browser.app.strategy.node(pilot);
    let last = node.checkins.last().unwrap();
    assert_eq!(
        (
            last.metric.as_str(),
            last.value.as_str(),
            last.note.as_str()
        ),
        (DAYS, "56", "three pilots live")
    );
    assert_eq!(last.on.to_string(), "2026-10-30");
    assert!(browser.app.is_dirty());

    // Every level above the option moved, and the roll-up says so.
    browser.keys("r");
    let screen = browser.text();
    for (&id, then) in chain.iter().zip(&before) {
        let now = progress_of(&browser, id);
        assert!(
            now > *then,
            "{}: {then} → {now}",
            browser.app.strategy.node(id).key()
        );
        let expected = browser.app.progress.node(id).unwrap().expected.unwrap();
        let line = format!("{} · expected {}", percent(now), percent(expected));
        assert!(screen.contains(&line), "{line} not in:\n{screen}");
    }
    browser.keys("r");

    // Undo takes it back, redo brings it again, and save writes one line.
    browser.keys("u");
    assert_eq!(browser.app.strategy.node(pilot).checkins.len(), 5);
    assert_eq!(progress_of(&browser, chain[3]), before[3]);
    browser.keys("ctrl-r ctrl-s");
    let saved = std::fs::read_to_string(&path).unwrap();
    let (removed, added) = line_diff(&original, &saved);
    assert!(removed.is_empty(), "{removed:?}");
    assert_eq!(
        added,
        [format!(
            "  {{ metric = \"{DAYS}\", on = 2026-10-30, value = \"56\", note = \"three pilots live\" }},"
        )]
    );
}

#[test]
fn the_document_shows_the_current_value_the_bar_and_the_sparkline() {
    let mut browser = Browser::new("sample-strategy.toml", 120, 40);
    browser.keys("/ {pilot-lane-first} enter tab G");
    let screen = browser.text();
    assert!(
        screen.contains("██▋░│░░░░░░░ 22% · expected 34% · now 63 on 2026-10-01 · ▁▄█ · at"),
        "{screen}"
    );
    assert!(
        screen.contains("25% · expected 20% · now 4% on 2026-10-01 · ▁█ · on"),
        "{screen}"
    );
}

#[test]
fn another_value_on_a_recorded_day_is_corrected_by_a_second_enter() {
    let mut browser = Browser::new("sample-strategy.toml", 100, 30);
    browser.keys("/ {pilot-lane-first} enter");
    let pilot = browser.app.tree.selected().unwrap();
    browser.keys("c {64} tab tab ctrl-u {2026-10-01} enter");
    let Some(Layer::Checkin(form)) = browser.app.layers.last() else {
        panic!("the form stays open:\n{}", browser.text());
    };
    assert!(form.fix);
    assert!(
        browser
            .text()
            .contains("2026-10-01 already has 63; enter again to correct it")
    );
    browser.keys("enter");
    let checkins = &browser.app.strategy.node(pilot).checkins;
    assert_eq!(checkins.len(), 5, "corrected, not added");
    assert_eq!(checkins[3].value, "64");
    assert_eq!(
        checkins[3].note, "Two pilot lanes live; the third customer waited 3 weeks for EDI setup",
        "a correction keeps the note"
    );
    browser.keys("u");
    assert_eq!(browser.app.strategy.node(pilot).checkins[3].value, "63");
}

#[test]
fn a_value_that_does_not_read_is_refused_and_down_chooses_the_next_metric() {
    let mut browser = Browser::new("sample-strategy.toml", 100, 30);
    browser.keys("/ {pilot-lane-first} enter c {soon} enter");
    assert!(
        browser.text().contains("`soon` does not read as a number"),
        "{}",
        browser.text()
    );
    browser.keys("ctrl-u {4%} down enter");
    let pilot = browser.app.tree.selected().unwrap();
    let last = browser
        .app
        .strategy
        .node(pilot)
        .checkins
        .last()
        .unwrap()
        .clone();
    assert_eq!(last.metric, "Onboardings rolled back after cut-over");
    assert_eq!(last.value, "4%");
    assert_eq!(last.on, browser::today());
    // Esc closes the form and records nothing.
    browser.keys("c {3%} esc");
    assert!(browser.app.layers.is_empty());
    assert_eq!(browser.app.strategy.node(pilot).checkins.len(), 6);
}

#[test]
fn a_two_pager_without_metrics_says_how_to_add_one() {
    let app = app_from_text(
        "bare.toml",
        "version = 1\n[vision]\ntitle = \"V\"\n".to_owned(),
    );
    let mut browser = Browser::with_app(app, 100, 30);
    browser.keys("c");
    assert!(browser.app.layers.is_empty());
    assert!(
        browser.text().contains("no metrics to check in"),
        "{}",
        browser.text()
    );
}

#[test]
fn hostile_text_in_checkins_never_reaches_the_screen() {
    let text = "version = 1\nas_of = 2026-11-01\n[vision]\ntitle = \"V\"\n\
        metrics = [{ name = \"Win \\u001B[2Jrate\", baseline = \"1\", target = \"5\", by = \"2027\" }]\n\
        checkins = [\n  { metric = \"Win \\u001B[2Jrate\", on = 2026-10-01, value = \"2\\u001B]0;x\\u0007\", note = \"\\u202Eevil \\u001B[31m\" },\n  \
        { metric = \"\\u001B[1mgone\", on = 2026-10-02, value = \"3\" },\n]\n";
    let app = app_from_text("hostile.toml", text.to_owned());
    let mut browser = Browser::with_app(app, 100, 30);
    for keys in ["tab G", "r", "r c"] {
        browser.keys(keys);
        let screen = browser.text();
        for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
            assert!(!screen.contains(bad), "{keys}: {bad:?} in\n{screen}");
        }
    }
    assert!(
        browser.text().contains("Win ␛[2Jrate"),
        "{}",
        browser.text()
    );
}

#[test]
fn a_metric_renamed_in_the_editor_keeps_its_checkins_and_its_start() {
    let mut browser = Browser::new("sample-strategy.toml", 120, 40);
    browser.keys("/ {pilot-lane-first} enter");
    let pilot = browser.app.tree.selected().unwrap();
    let before = browser.app.strategy.node(pilot).clone();
    browser.keys("e 5 up up up up up home {Calendar } esc");
    let node = browser.app.strategy.node(pilot);
    let renamed = format!("Calendar {DAYS}");
    assert_eq!(node.doc.metrics[0].name, renamed, "{}", browser.text());
    assert_eq!(node.doc.metrics[0].start, before.doc.metrics[0].start);
    let named: Vec<&str> = node.checkins.iter().map(|c| c.metric.as_str()).collect();
    assert_eq!(
        named,
        [
            renamed.as_str(),
            renamed.as_str(),
            "Onboardings rolled back after cut-over",
            renamed.as_str(),
            "Onboardings rolled back after cut-over"
        ]
    );
    assert!(
        browser.app.progress.node(pilot).unwrap().metrics[0]
            .progress
            .is_some()
    );
    // One undo takes back the rename and the check-ins together.
    browser.keys("u");
    assert_eq!(*browser.app.strategy.node(pilot), before);
}

#[test]
fn the_review_screen_shows_each_metrics_progress_and_health() {
    let mut browser = Browser::new("sample-strategy.toml", 140, 45);
    browser.app.reviewer = Some("Dana Okafor".into());
    browser.keys("/ {quick-pay-at-pod} enter R");
    assert!(browser.app.review.is_some(), "{}", browser.text());
    browser.keys("G");
    let screen = browser.text();
    assert!(screen.contains("now 1.5% on 2026-10-01"), "{screen}");
    assert!(screen.contains("off track"), "{screen}");
    assert!(screen.contains("now $40k on 2026-10-01"), "{screen}");
}
