//! A review meeting driven by keys on a real file: approve, request changes
//! with a comment, skip, approve over lint errors with a reason, quit, and
//! come back to where it stopped. The file afterwards holds exactly the new
//! records and statuses; every other byte is as it was.

use crate::browser;

use std::path::{Path, PathBuf};

use browser::{Browser, root};
use strata::app::Effect;
use strata::app::overlays::Layer;
use strata::app::review::ReviewMode;
use strata::model::Date;
use strata::review::QueueFilter;
use strata::store::ReviewState;

const FIXTURE: &str = "tests/fixtures/review/reviewed.toml";
const REVIEWER: &str = "Dana Okafor";

fn day() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn copy() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let text = std::fs::read_to_string(root().join(FIXTURE)).unwrap();
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

/// The browser on `path`, in a review of every node by [`REVIEWER`],
/// continued from what `state` remembers.
fn review(path: &Path, state: &ReviewState) -> Browser {
    let mut browser = Browser::on_file(path, 120, 35);
    let app = &mut browser.app;
    app.reviewer = Some(REVIEWER.into());
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        REVIEWER,
        day(),
        day(),
    );
    let bookmark = state.read();
    app.resume_review(review, bookmark.as_ref());
    browser.draw();
    browser
}

fn shown(browser: &Browser) -> String {
    let id = browser.app.shown_node().expect("a node under review");
    browser.app.strategy.node(id).key()
}

/// `text` with `line` inserted after the first line that is `after`.
fn insert_after(text: &str, after: &str, line: &str) -> String {
    let at = text.find(&format!("{after}\n")).unwrap() + after.len() + 1;
    format!("{}{line}\n{}", &text[..at], &text[at..])
}

#[test]
fn a_meeting_by_keys_records_decisions_and_resumes_where_it_stopped() {
    let (dir, path, original) = copy();
    let state = ReviewState::in_dir(dir.path(), &path, "every node");
    let mut browser = review(&path, &state);
    assert_eq!(shown(&browser), "vision");

    browser.keys("a");
    assert_eq!(
        shown(&browser),
        "intents.win-mid-market",
        "approving moves on"
    );
    browser.keys("x {Name the three reasons.} enter {Soon.} esc");
    assert_eq!(shown(&browser), "initiatives.onboarding-takes-eleven-weeks");
    browser.keys("s");
    assert_eq!(shown(&browser), "options.self-serve-data-import");
    // This option has a lint error: approving asks why, and an empty reason records nothing.
    browser.keys("a");
    assert!(matches!(browser.app.layers.last(), Some(Layer::Note(_))));
    browser.keys("esc");
    assert_eq!(shown(&browser), "options.self-serve-data-import");
    assert!(
        browser.text().contains("needs a reason"),
        "{}",
        browser.text()
    );
    browser.keys("a {The pilot starts anyway.} esc");
    assert_eq!(shown(&browser), "intents.cut-manual-touches");
    assert!(browser.text().contains("3/5 decided"), "{}", browser.text());

    state
        .write(&browser.app.review_bookmark().unwrap())
        .unwrap();
    browser.keys("q");
    assert!(
        browser.exited,
        "every decision was saved, so q quits at once"
    );
    assert_eq!(
        browser
            .effects
            .iter()
            .filter(|e| **e == Effect::Save)
            .count(),
        3,
        "each decision is saved as it is made"
    );

    let mut expected = insert_after(
        &original,
        "  { by = \"Lee Park\", on = 2026-11-20, decision = \"approve\" },",
        "  { by = \"Dana Okafor\", on = 2026-11-23, decision = \"approve\" },",
    );
    expected = insert_after(
        &expected,
        "  { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", comment = \"The pricing floor is right.\" },",
        "  { by = \"Dana Okafor\", on = 2026-11-23, decision = \"request-changes\", comment = \"Name the three reasons.\\nSoon.\" },",
    );
    expected = expected.replacen(
        "status = \"in-review\"",
        "status = \"changes-requested\"",
        1,
    );
    let option = expected.find("[options.self-serve-data-import]").unwrap();
    let (before, after) = expected.split_at(option);
    let after = after.replacen("status = \"draft\"", "status = \"approved\"", 1)
        + "reviews = [\n  { by = \"Dana Okafor\", on = 2026-11-23, decision = \"approve\", reason = \"The pilot starts anyway.\" },\n]\n";
    expected = format!("{before}{after}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);

    // The same review again: it opens where it stopped, and what was
    // decided in the first run still counts.
    let mut again = review(&path, &state);
    assert_eq!(shown(&again), "intents.cut-manual-touches");
    assert!(again.text().contains("3/5 decided"), "{}", again.text());
    again.keys("d esc");
    assert_eq!(
        shown(&again),
        "initiatives.onboarding-takes-eleven-weeks",
        "the next undecided node wraps around to the skipped one"
    );
    again.keys("u");
    let undone = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        undone, expected,
        "undo takes the decision back out of the file"
    );
}

#[test]
fn the_review_screen_shows_the_node_its_parent_and_the_records() {
    let mut app = browser::open_app(FIXTURE);
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        REVIEWER,
        day(),
        day(),
    );
    app.start_review(review, Some("intents.win-mid-market"));
    let mut browser = Browser::with_app(app, 120, 35);
    insta::assert_snapshot!("review_screen_120x35", browser.text());
    browser.keys("x {Which three reasons?}");
    insta::assert_snapshot!("review_comment_box_120x35", browser.text());
    // Esc records the comment and moves on; the narrow screen drops the context column.
    browser.keys("esc");
    browser.resize(70, 24);
    insta::assert_snapshot!("review_screen_narrow_70x24", browser.text());
}

#[test]
fn review_keys_are_their_own_and_r_starts_a_review_from_the_browser() {
    let (_dir, path, _) = copy();
    let mut browser = Browser::on_file(&path, 100, 30);
    browser.keys("R");
    assert!(browser.app.review.is_none());
    assert!(
        browser.text().contains("who is reviewing?"),
        "{}",
        browser.text()
    );
    browser.app.reviewer = Some(REVIEWER.into());
    browser.app.today = day();
    browser.keys("j R");
    let review = browser.app.review.as_ref().expect("in review mode");
    assert_eq!(
        review.queue.len(),
        3,
        "the intent, its initiative and its option"
    );
    assert_eq!(shown(&browser), "intents.win-mid-market");
    // `a` approves here (it adds a child in the browser); esc goes back.
    browser.keys("esc");
    assert!(browser.app.review.is_none());
    assert_eq!(browser.selected(), "intents.win-mid-market");
}

#[test]
fn with_since_the_changed_sections_are_marked_and_the_old_text_shows_beside() {
    let before = std::fs::read_to_string(root().join(FIXTURE)).unwrap();
    let after = before.replacen(
        "we win one mid-market deal in three.",
        "we win two mid-market deals in five.",
        1,
    );
    let old = strata::store::parse(&before).unwrap().strategy;
    let mut app = browser::app_from_text(FIXTURE, after);
    let since = strata::app::review::Since {
        revision: "HEAD~1".into(),
        changes: strata::review::changes(&old, &app.strategy),
    };
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        Some(since),
        REVIEWER,
        day(),
        day(),
    );
    assert_eq!(review.queue.len(), 1, "only the changed intent");
    app.start_review(review, None);
    let mut browser = Browser::with_app(app, 120, 30);
    let screen = browser.text();
    assert!(screen.contains("Future  ● changed"), "{screen}");
    insta::assert_snapshot!("review_since_120x30", screen);
    browser.keys("o");
    let screen = browser.text();
    assert!(screen.contains("Before HEAD~1"), "{screen}");
    assert!(screen.contains("mid-market deal in three."), "{screen}");
    insta::assert_snapshot!("review_old_text_120x30", screen);
}

#[test]
fn a_decision_that_cannot_be_saved_is_kept_and_the_file_left_intact() {
    let (_dir, path, original) = copy();
    let failing: strata::tui::WriteStep = Box::new(|_, _| Err(std::io::Error::other("disk full")));
    let mut browser = Browser::on_file_with(&path, 120, 35, Some(failing));
    let app = &mut browser.app;
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        REVIEWER,
        day(),
        day(),
    );
    app.start_review(review, None);
    browser.keys("d esc");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("not saved") && notice.contains("disk full"),
        "{notice}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    assert!(browser.app.is_dirty(), "the decision is kept in memory");
    browser.keys("q");
    assert!(!browser.exited, "quitting asks first");
}

#[test]
fn hostile_text_in_records_never_reaches_the_terminal() {
    let mut app = browser::open_app("tests/fixtures/tui/hostile-every-field.toml");
    let hostile = "\u{1b}]0;PWN-review\u{7} \u{1b}[2J \u{202e}rtl";
    let vision = app.strategy.vision().unwrap();
    let mut record =
        strata::model::Review::new(hostile, day(), strata::model::Decision::RequestChanges);
    record.comment = format!("{hostile}\nsecond line {hostile}");
    record.reason = Some(hostile.into());
    let edit = strata::model::record_review(&app.strategy, vision, record).unwrap();
    app.strategy.apply(edit).unwrap();
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        hostile,
        day(),
        day(),
    );
    app.start_review(review, None);
    let mut browser = Browser::with_app(app, 120, 35);
    for _ in 0..4 {
        let screen = browser.text();
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{202e}'),
            "{screen}"
        );
        browser.keys("n");
    }
    let summary = strata::review::summarize(
        &browser.app.strategy,
        &browser.app.review.as_ref().unwrap().queue,
        &[],
        &browser.app.progress,
        strata::review::Scope::default(),
        day(),
    )
    .to_markdown();
    assert!(summary.contains("PWN-review"), "{summary}");
    assert!(
        !summary.contains('\u{1b}') && !summary.contains('\u{202e}'),
        "{summary}"
    );
}

#[test]
fn a_colleagues_change_during_the_meeting_gets_the_decisions_added_not_a_question() {
    let (dir, path, original) = copy();
    let state = ReviewState::in_dir(dir.path(), &path, "every node");
    let mut browser = review(&path, &state);
    browser.keys("a");
    // A colleague pushes a new intent and an edit to the next node's title
    // while the meeting goes on.
    let theirs = std::fs::read_to_string(&path).unwrap().replacen(
        "[intents.cut-manual-touches]\ntitle = \"",
        "[intents.cut-manual-touches]\ntitle = \"Edited: ",
        1,
    ) + "\n[intents.theirs]\ntitle = \"Added by a colleague\"\n";
    assert_ne!(theirs, original);
    std::fs::write(&path, &theirs).unwrap();
    assert_eq!(shown(&browser), "intents.win-mid-market");
    browser.keys("x {Name the three reasons.} esc");
    assert!(
        browser.app.layers.is_empty(),
        "no overwrite/reload question: {:?}",
        browser.app.layers
    );
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("changed on disk"), "{notice}");
    assert!(!browser.app.is_dirty());
    // Their edits and both decisions are in the file; the meeting goes on
    // at the next node.
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("title = \"Edited: "), "{saved}");
    assert!(saved.contains("[intents.theirs]"), "{saved}");
    assert!(saved.contains("Name the three reasons."), "{saved}");
    assert_eq!(
        saved
            .matches("by = \"Dana Okafor\", on = 2026-11-23")
            .count(),
        2,
        "{saved}"
    );
    assert_eq!(shown(&browser), "initiatives.onboarding-takes-eleven-weeks");
}

#[test]
fn r_with_unsaved_drafting_asks_to_save_first() {
    let (_dir, path, original) = copy();
    let mut browser = Browser::on_file(&path, 100, 30);
    browser.app.reviewer = Some(REVIEWER.into());
    browser.keys("e 1 {!} esc R");
    assert!(browser.app.review.is_none(), "no review over unsaved edits");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("save (ctrl-s) or undo"), "{notice}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    browser.keys("ctrl-s R");
    assert!(browser.app.review.is_some());
}

#[test]
fn ctrl_c_in_a_comment_keeps_what_is_typed() {
    let (dir, path, _) = copy();
    let state = ReviewState::in_dir(dir.path(), &path, "every node");
    let mut browser = review(&path, &state);
    browser.keys("c {Bring the fee model.} ctrl-c");
    assert!(!browser.exited);
    assert!(matches!(browser.app.layers.last(), Some(Layer::Note(_))));
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("esc records what you typed"), "{notice}");
    browser.keys("esc");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Bring the fee model."), "{saved}");
}
