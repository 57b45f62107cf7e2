//! A long section is put into the strategy after a pause, not on every key
//! (`App::settle_draft`, which the shell calls once no key has come for a
//! moment): the pause is an explicit call here, no sleeps. What the pause
//! leaves must be what a full relint of the file finds.

use crate::browser;

use browser::Browser;
use strata::app::findings::Findings;
use strata::app::input::{self, Input};
use strata::app::overlays::section_editor::LIVE_LIMIT;
use strata::lint::lint_strategy;
use strata::model::NodeId;

/// The sample, its vision's future open in the editor.
fn editing_the_vision() -> (Browser, NodeId) {
    let mut browser = Browser::new("sample-strategy.toml", 120, 35);
    let node = browser.app.shown_node().unwrap();
    browser.keys("e 3");
    (browser, node)
}

/// Long prose with findings in it (a deadline, a weasel word, a buzzword).
fn long_prose() -> String {
    let sentence =
        "Within six weeks brokers in Ohio will arguably leverage synergies on 40 loads. ";
    sentence.repeat(LIVE_LIMIT / sentence.len() + 2)
}

/// Pastes `text` into the box, as the terminal's bracketed paste does.
fn paste(browser: &mut Browser, text: &str) {
    let effects = input::paste(&mut browser.app, text);
    assert!(effects.is_empty());
    browser.draw();
}

/// The node's findings as a fresh lint of the whole strategy has them.
fn full_relint(browser: &Browser, node: NodeId) -> Vec<strata::lint::Diagnostic> {
    let app = &browser.app;
    let all = lint_strategy(&app.strategy, &app.lint_config, app.as_of);
    let nodes = app
        .strategy
        .iter()
        .map(|(id, _)| id.index())
        .max()
        .unwrap_or(0)
        + 1;
    Findings::new(all, nodes).for_node(node).to_vec()
}

#[test]
fn a_long_draft_waits_for_a_pause_and_then_equals_a_full_relint() {
    let (mut browser, node) = editing_the_vision();
    let before = browser.app.strategy.node(node).doc.clone();
    let findings_before = browser.app.findings.for_node(node).to_vec();
    paste(&mut browser, &long_prose());
    browser.keys("{ and more} backspace backspace");
    assert!(browser.app.draft_unsettled());
    // Until the pause the strategy, its findings and the two-pager are the
    // text as it was: consistent with each other, never half updated.
    assert_eq!(browser.app.strategy.node(node).doc, before);
    assert_eq!(browser.app.findings.for_node(node), findings_before);

    assert!(browser.app.settle_draft(), "the pause puts the draft in");
    assert!(!browser.app.draft_unsettled());
    assert!(!browser.app.settle_draft(), "nothing left to put in");
    let future = &browser.app.strategy.node(node).doc.future;
    assert!(
        future.trim_end().ends_with("40 loads.  and mo"),
        "{:?}",
        &future[future.len() - 30..]
    );
    assert!(future.len() > LIVE_LIMIT);
    assert_eq!(
        browser.app.findings.for_node(node),
        full_relint(&browser, node)
    );
    assert_ne!(browser.app.findings.for_node(node), findings_before);
    browser.draw();
    assert!(browser.text().contains("and mo"), "{}", browser.text());
}

#[test]
fn leaving_the_editor_puts_a_waiting_draft_in_as_one_step() {
    let (mut browser, node) = editing_the_vision();
    let before = browser.app.strategy.node(node).doc.clone();
    paste(&mut browser, &long_prose());
    browser.keys("{ tail}");
    assert!(browser.app.draft_unsettled());
    browser.keys("esc");
    assert!(browser.app.layers.is_empty());
    let future = &browser.app.strategy.node(node).doc.future;
    assert!(
        future.contains("40 loads.  tail"),
        "the draft was put in at esc"
    );
    assert_eq!(
        browser.app.findings.for_node(node),
        full_relint(&browser, node)
    );
    assert!(browser.app.is_dirty());
    browser.keys("u");
    assert_eq!(browser.app.strategy.node(node).doc, before);
    assert_eq!(
        browser.app.findings.for_node(node),
        full_relint(&browser, node)
    );
}

#[test]
fn a_save_from_the_editor_saves_the_waiting_draft() {
    let (mut browser, node) = editing_the_vision();
    paste(&mut browser, &long_prose());
    browser.keys("{ saved}");
    let effects = input::handle(
        &mut browser.app,
        Input::Key(browser::parse_script("ctrl-s")[0]),
    );
    assert!(!effects.is_empty(), "ctrl-s asks the shell to save");
    assert!(!browser.app.draft_unsettled());
    assert!(
        browser
            .app
            .strategy
            .node(node)
            .doc
            .future
            .contains(" saved")
    );
}

#[test]
fn a_short_draft_is_relinted_on_every_key() {
    let (mut browser, node) = editing_the_vision();
    browser.keys("{ leverage}");
    assert!(!browser.app.draft_unsettled(), "short text never waits");
    assert!(
        browser
            .app
            .strategy
            .node(node)
            .doc
            .future
            .contains(" leverage")
    );
    assert_eq!(
        browser.app.findings.for_node(node),
        full_relint(&browser, node)
    );
    // Cut back below the limit, a long draft is live again.
    paste(&mut browser, &long_prose());
    assert!(browser.app.draft_unsettled());
    browser.keys("ctrl-l {short}");
    assert!(!browser.app.draft_unsettled());
    assert_eq!(browser.app.strategy.node(node).doc.future, "short");
    assert_eq!(
        browser.app.findings.for_node(node),
        full_relint(&browser, node)
    );
}
