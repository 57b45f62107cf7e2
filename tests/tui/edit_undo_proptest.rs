//! Random drafting sessions through the keys: whatever was typed, added,
//! deleted, moved, undone and redone, undoing everything gives back the
//! strategy as loaded, its lint as loaded, and a save writes the file
//! byte for byte as it was.

use crate::browser;

use browser::{Browser, root};
use proptest::prelude::*;
use strata::app::overlays::Layer;

#[derive(Debug, Clone)]
enum Op {
    Down(u8),
    Up(u8),
    Title(String),
    Today(String),
    WillNot(String),
    Add(String),
    AddSibling(String),
    Rename(String),
    Delete,
    Reparent(u8),
    MoveUp,
    MoveDown,
    Undo,
    Redo,
}

fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z ,.é日\n-]{0,10}"
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (1u8..6).prop_map(Op::Down),
        (1u8..6).prop_map(Op::Up),
        text().prop_map(Op::Title),
        text().prop_map(Op::Today),
        text().prop_map(Op::WillNot),
        text().prop_map(Op::Add),
        text().prop_map(Op::AddSibling),
        "[a-z0-9-]{1,8}".prop_map(Op::Rename),
        Just(Op::Delete),
        (0u8..8).prop_map(Op::Reparent),
        Just(Op::MoveUp),
        Just(Op::MoveDown),
        Just(Op::Undo),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

/// Types `text` as keys into whatever has focus.
fn type_text(browser: &mut Browser, text: &str) {
    for c in text.chars() {
        browser.input(strata::app::input::Input::Key(
            strata::app::keys::Key::char(c),
        ));
    }
}

fn top_is_prompt(browser: &Browser) -> bool {
    matches!(browser.app.layers.last(), Some(Layer::Prompt(_)))
}

fn run(browser: &mut Browser, op: &Op) {
    match op {
        Op::Down(n) => (0..*n).for_each(|_| {
            browser.keys("j");
        }),
        Op::Up(n) => (0..*n).for_each(|_| {
            browser.keys("k");
        }),
        Op::Title(t) => {
            browser.keys("e 1");
            type_text(browser, &t.replace('\n', " "));
            browser.keys("esc");
        }
        Op::Today(t) => {
            browser.keys("e 2 backspace");
            type_text(browser, t);
            browser.keys("esc");
        }
        Op::WillNot(t) => {
            browser.keys("e 4 up");
            type_text(browser, t);
            browser.keys("esc");
        }
        Op::Add(t) | Op::AddSibling(t) => {
            browser.keys(if matches!(op, Op::Add(_)) { "a" } else { "A" });
            if top_is_prompt(browser) {
                type_text(browser, &t.replace('\n', " "));
                browser.keys("enter enter");
            }
        }
        Op::Rename(id) => {
            browser.keys("i");
            if top_is_prompt(browser) {
                browser.keys("ctrl-u");
                type_text(browser, id);
                browser.keys("enter");
            }
        }
        Op::Delete => {
            browser.keys("d");
            for _ in 0..2 {
                if matches!(browser.app.layers.last(), Some(Layer::Confirm(_))) {
                    browser.keys("y");
                }
            }
        }
        Op::Reparent(steps) => {
            browser.keys("m");
            if matches!(browser.app.layers.last(), Some(Layer::Reparent(_))) {
                (0..*steps).for_each(|_| {
                    browser.keys("j");
                });
                browser.keys("enter");
            }
        }
        Op::MoveUp => {
            browser.keys("K");
        }
        Op::MoveDown => {
            browser.keys("J");
        }
        Op::Undo => {
            browser.keys("u");
        }
        Op::Redo => {
            browser.keys("ctrl-r");
        }
    }
    // Close whatever a refused answer left open.
    while !browser.app.layers.is_empty() {
        browser.keys("esc");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn undoing_everything_restores_the_file_byte_for_byte(ops in prop::collection::vec(op(), 1..14)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("strategy.toml");
        let original = std::fs::read_to_string(root().join("sample-strategy.toml")).unwrap();
        std::fs::write(&path, &original).unwrap();
        let mut browser = Browser::on_file(&path, 100, 30);
        let strategy = browser.app.strategy.clone();
        let total = browser.app.findings.total();
        for op in &ops {
            run(&mut browser, op);
        }
        let mut guard = 0;
        while !browser.app.history.undo.is_empty() {
            browser.keys("u");
            guard += 1;
            prop_assert!(guard < 1000);
        }
        prop_assert_eq!(&browser.app.strategy, &strategy);
        prop_assert_eq!(browser.app.findings.total(), total);
        prop_assert!(!browser.app.is_dirty());
        browser.keys("ctrl-s");
        let saved = std::fs::read_to_string(&path).unwrap();
        prop_assert!(saved == original, "the saved file differs");
    }
}
