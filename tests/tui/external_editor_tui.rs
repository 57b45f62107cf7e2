//! `E`: the whole two-pager in the user's editor, as Markdown. What comes
//! back is one undoable change; text that does not read back is kept and
//! can be reopened, never silently dropped.

use crate::browser;

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use browser::{Browser, root};
use strata::app::overlays::Layer;
use strata::app::overlays::confirm::Confirm;
use strata::store::StrategyFile;

fn sample() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let text = std::fs::read_to_string(root().join("sample-strategy.toml")).unwrap();
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

#[test]
fn an_edit_in_the_editor_is_one_undoable_change_and_saves() {
    let (_dir, path, original) = sample();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let log = Rc::clone(&seen);
    let editor = Box::new(move |text: &str| {
        log.borrow_mut().push(text.to_owned());
        Ok(text.replacen("-->\n# ", "-->\n# Renamed: ", 1))
    });
    let mut browser = Browser::on_file_with_editor(&path, editor);
    let before = browser.app.strategy.clone();
    browser.keys("E");
    assert!(
        seen.borrow()[0].contains("## Future"),
        "{}",
        seen.borrow()[0]
    );
    let vision = browser.app.strategy.vision().unwrap();
    let title = browser.app.strategy.node(vision).doc.title.clone();
    assert!(title.starts_with("Renamed: A 60-person"), "{title}");
    browser.keys("u");
    assert_eq!(browser.app.strategy, before);
    browser.keys("ctrl-r ctrl-s");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        original.replacen("title = \"A 60", "title = \"Renamed: A 60", 1)
    );
}

#[test]
fn text_that_does_not_read_back_is_kept_and_can_be_reopened() {
    let (_dir, path, original) = sample();
    let seen = Rc::new(RefCell::new(Vec::<String>::new()));
    let log = Rc::clone(&seen);
    let editor = Box::new(move |text: &str| {
        let mut calls = log.borrow_mut();
        calls.push(text.to_owned());
        Ok(match calls.len() {
            1 => format!("{text}\n## Bogus section\nmy precious words\n"),
            _ => text.replace("## Bogus section\n", ""),
        })
    });
    let mut browser = Browser::on_file_with_editor(&path, editor);
    browser.keys("E");
    assert!(
        matches!(
            browser.app.layers.last(),
            Some(&Layer::Confirm(Confirm::MarkdownProblem(_)))
        ),
        "{:?}",
        browser.app.layers
    );
    assert!(browser.text().contains("line"), "{}", browser.text());
    assert!(!browser.app.is_dirty(), "nothing applied");
    // Kept for later, then reopened with exactly what was typed.
    browser.keys("esc E");
    assert!(seen.borrow()[1].contains("my precious words"));
    assert!(browser.app.layers.is_empty(), "{:?}", browser.app.layers);
    let vision = browser.app.strategy.vision().unwrap();
    assert!(
        browser
            .app
            .strategy
            .node(vision)
            .doc
            .notes
            .contains("my precious words")
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        original,
        "not saved yet"
    );
}

#[test]
fn an_emptied_document_or_a_failed_editor_changes_nothing() {
    let (_dir, path, _) = sample();
    let calls = Rc::new(RefCell::new(0));
    let count = Rc::clone(&calls);
    let editor = Box::new(move |_: &str| {
        *count.borrow_mut() += 1;
        if *count.borrow() == 1 {
            Ok(String::new())
        } else {
            Err("vim exited with status 1".to_owned())
        }
    });
    let mut browser = Browser::on_file_with_editor(&path, editor);
    browser.keys("E");
    assert!(!browser.app.is_dirty());
    assert!(
        browser
            .app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("cancelled")
    );
    browser.keys("E");
    assert!(!browser.app.is_dirty());
    assert!(
        browser
            .app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("status 1")
    );
    let (_, strategy) = StrategyFile::open(&path).unwrap();
    assert_eq!(strategy, browser.app.strategy);
}

/// An editor that spoils the vision's document (call 1) and appends a line
/// to any other node's; every document it was given is recorded.
fn spoiling_editor(seen: Rc<RefCell<Vec<String>>>) -> strata::tui::ExternalEditor {
    Box::new(move |text: &str| {
        seen.borrow_mut().push(text.to_owned());
        Ok(if seen.borrow().len() == 1 {
            format!("{text}\n## Bogus section\nmy precious words\n")
        } else {
            text.replacen("## Notes\n", "## Notes\nOne more line.\n", 1)
        })
    })
}

#[test]
fn a_kept_draft_survives_editing_another_node_in_the_editor() {
    let (_dir, path, _) = sample();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let mut browser = Browser::on_file_with_editor(&path, spoiling_editor(Rc::clone(&seen)));
    // Spoil the vision, keep it for later, edit the next node fine, come back.
    browser.keys("E esc j E k E");
    let seen = seen.borrow();
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(
        seen[2].contains("my precious words"),
        "the vision's kept text is what the editor got back: {}",
        seen[2]
    );
}

#[test]
fn quitting_with_a_kept_draft_asks_first() {
    let (_dir, path, _) = sample();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let mut browser = Browser::on_file_with_editor(&path, spoiling_editor(Rc::clone(&seen)));
    browser.keys("E esc q");
    assert!(!browser.exited, "quit must not drop the kept text silently");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::QuitDropsDrafts))
    );
    assert!(
        browser.text().contains("Quitting drops it"),
        "{}",
        browser.text()
    );
    browser.keys("esc");
    assert!(
        browser
            .app
            .draft_for(browser.app.strategy.vision().unwrap())
            .is_some()
    );
    browser.keys("q y");
    assert!(browser.exited, "{}", browser.text());
}
