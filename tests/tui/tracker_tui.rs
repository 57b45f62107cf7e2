//! Tracker keys in the browser: the document pane shows a node's keys and
//! links, and `/` finds a node by its key.

use crate::browser::{self, Browser};
use crate::support;

#[test]
fn search_finds_a_node_by_its_tracker_key_and_the_document_shows_it() {
    let text = support::read(&support::root().join("sample-strategy.toml")).replacen(
        "[options.auto-price-repeat-lanes]\n",
        "[options.auto-price-repeat-lanes]\ntracker = [\"PRICE-412\"]\n\
         links = [\"https://tracker.example.com/PRICE-412\\u001b[2J\"]\n",
        1,
    );
    let app = browser::app_from_text("strategy.toml", text);
    let mut browser = Browser::with_app(app, 120, 35);
    browser.keys("/ {PRICE-412} enter");
    assert_eq!(browser.selected(), "options.auto-price-repeat-lanes");
    let screen = browser.text();
    assert!(
        screen.contains("tracker PRICE-412 · https://tracker.example.com/PRICE-412␛[2J"),
        "the keys and links, sanitized:\n{screen}"
    );
}
