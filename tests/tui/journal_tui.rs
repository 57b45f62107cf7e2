//! Crash recovery through the browser: edits journaled before a crash are
//! offered on the next start, recovered exactly, or discarded; a damaged
//! journal is reported and never trusted.

use crate::browser;

use std::path::{Path, PathBuf};

use browser::{Browser, root};
use strata::app::overlays::Layer;
use strata::app::overlays::confirm::Confirm;
use strata::store::{Journal, StrategyFile};

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let text = std::fs::read_to_string(root().join("sample-strategy.toml")).unwrap();
    std::fs::write(&path, &text).unwrap();
    let state = dir.path().join("state");
    (dir, path, state, text)
}

fn open(path: &Path, state: &Path) -> Browser {
    Browser::on_file_journaled(path, state, 100, 30)
}

fn title(path: &Path) -> String {
    let (_, s) = StrategyFile::open(path).unwrap();
    s.node(s.vision().unwrap()).doc.title.clone()
}

#[test]
fn edits_journaled_before_a_crash_are_offered_and_recovered() {
    let (_dir, path, state, original) = setup();
    let mut browser = open(&path, &state);
    browser.keys("e 1 {!} esc / {quick-pay-at-pod} enter e 2 {Weekly.} esc");
    browser.flush_journal();
    let typed = browser.app.strategy.clone();
    drop(browser); // killed: nothing saved
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    let mut browser = open(&path, &state);
    assert!(matches!(
        browser.app.layers.last(),
        Some(Layer::Confirm(Confirm::Recover(_)))
    ));
    let screen = browser.text();
    assert!(screen.contains("vision"), "{screen}");
    assert!(screen.contains("options.quick-pay-at-pod"), "{screen}");
    browser.keys("esc j");
    assert!(
        matches!(
            browser.app.layers.last(),
            Some(Layer::Confirm(Confirm::Recover(_)))
        ),
        "only an answer closes the question"
    );
    browser.keys("r");
    assert_eq!(browser.app.strategy, typed);
    assert!(browser.app.is_dirty());
    browser.keys("ctrl-s");
    assert!(title(&path).ends_with('!'));
    assert!(
        Journal::in_dir(&state, &path).read().unwrap().is_none(),
        "saved: journal gone"
    );
}

#[test]
fn discarding_the_journal_keeps_the_file_and_forgets_the_edits() {
    let (_dir, path, state, original) = setup();
    let mut browser = open(&path, &state);
    browser.keys("e 1 {!} esc");
    browser.flush_journal();
    drop(browser);
    let mut browser = open(&path, &state);
    // Discarding asks once more; esc goes back to the question.
    browser.keys("d");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::DiscardRecovered))
    );
    browser.keys("esc");
    assert!(matches!(
        browser.app.layers.last(),
        Some(Layer::Confirm(Confirm::Recover(_)))
    ));
    assert!(Journal::in_dir(&state, &path).read().unwrap().is_some());
    browser.keys("d y");
    assert!(browser.app.layers.is_empty());
    assert!(!browser.app.is_dirty());
    drop(browser);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    let browser = open(&path, &state);
    assert!(browser.app.layers.is_empty(), "nothing offered twice");
}

#[test]
fn undoing_back_to_the_saved_text_removes_the_journal() {
    let (_dir, path, state, _) = setup();
    let mut browser = open(&path, &state);
    browser.keys("e 1 {!} esc");
    browser.flush_journal();
    assert!(Journal::in_dir(&state, &path).read().unwrap().is_some());
    browser.keys("u");
    assert!(Journal::in_dir(&state, &path).read().unwrap().is_none());
}

#[test]
fn a_damaged_journal_is_reported_not_trusted() {
    let (_dir, path, state, _) = setup();
    let journal = Journal::in_dir(&state, &path);
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(journal.path(), b"\x00\xffnot a journal at all").unwrap();
    let browser = open(&path, &state);
    assert!(browser.app.layers.is_empty());
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("recovery journal"), "{notice}");
}

#[test]
fn recovering_after_a_colleagues_push_merges_onto_their_version() {
    let (_dir, path, state, original) = setup();
    let mut browser = open(&path, &state);
    browser.keys("e 1 {!} esc");
    browser.flush_journal();
    drop(browser);
    let theirs = original.replace("Dana Okafor", "Dana Smith");
    std::fs::write(&path, &theirs).unwrap();
    let mut browser = open(&path, &state);
    assert!(
        browser.text().contains("changed on disk"),
        "{}",
        browser.text()
    );
    browser.keys("r ctrl-s");
    assert_eq!(
        browser.app.layers.last(),
        None,
        "another field: no question"
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Dana Smith"), "theirs kept: {saved}");
    assert_ne!(saved, theirs, "mine saved too");
    assert!(!browser.app.is_dirty());
}

#[test]
fn a_second_window_on_the_same_file_leaves_the_first_windows_journal_alone() {
    let (_dir, path, state, _) = setup();
    let mut first = open(&path, &state);
    first.keys("e 1 {!} esc");
    first.flush_journal();
    let journal = Journal::in_dir(&state, &path);
    assert!(journal.read().unwrap().is_some());

    // The second window offers nothing to recover (the first is alive), says
    // why, and neither discards nor overwrites the first one's journal.
    let mut second = open(&path, &state);
    assert!(second.app.layers.is_empty(), "{:?}", second.app.layers);
    let notice = second.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("another strata window"), "{notice}");
    second.keys("e 2 {second window} esc");
    second.flush_journal();
    drop(second);
    let kept = journal.read().unwrap().expect("the first window's journal");
    assert!(
        kept.text.contains("re-typing it!"),
        "still the first window's edits"
    );

    // The first window is killed: the next start offers its edits.
    drop(first);
    let third = open(&path, &state);
    assert!(matches!(
        third.app.layers.last(),
        Some(Layer::Confirm(Confirm::Recover(_)))
    ));
}

#[test]
fn quitting_at_the_recovery_question_keeps_the_journal_for_later() {
    let (_dir, path, state, _) = setup();
    let mut browser = open(&path, &state);
    browser.keys("e 1 {!} esc");
    browser.flush_journal();
    drop(browser);
    let mut browser = open(&path, &state);
    browser.keys("q");
    assert!(browser.exited);
    drop(browser);
    assert!(Journal::in_dir(&state, &path).read().unwrap().is_some());
}
