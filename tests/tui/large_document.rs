//! A two-pager of a megabyte scrolls without laying the document out again
//! on every frame: it is wrapped once per width and drawn a screen at a time.

use crate::browser;

use std::rc::Rc;

use browser::Browser;

/// A strategy whose vision has about 1 MB of notes and a 100 KB word
/// without a space in its future (the worst case for wrapping).
fn huge() -> String {
    let mut notes = String::with_capacity(1_100_000);
    let mut line = 0;
    while notes.len() < 1_000_000 {
        line += 1;
        notes.push_str(&format!(
            "Line {line}: brokers in Ohio re-type 40 tenders a day 日本語 🚚 and want them handled.\n"
        ));
        if line % 12 == 0 {
            notes.push('\n');
        }
    }
    notes.push_str("THE END");
    let word = "x".repeat(100_000);
    format!(
        "version = 1\nas_of = 2026-11-01\n[company]\nname = \"Big\"\n\n[vision]\ntitle = \"Huge\"\n\
         future = \"{word}\"\nnotes = \"\"\"\n{notes}\n\"\"\"\n"
    )
}

#[test]
fn a_megabyte_two_pager_is_wrapped_once_per_width() {
    let mut browser = Browser::with_app(browser::app_from_text("huge.toml", huge()), 100, 30);
    let node = browser.app.shown_node().unwrap();
    browser.keys("tab ctrl-d ctrl-d");
    let width = browser.app.screen.document_width;
    let (_, first) = browser.app.wrapped(node, width);
    assert!(first.lines.len() > 15_000, "{} lines", first.lines.len());
    browser.keys("G k k pageup pageup ctrl-u");
    let (_, later) = browser.app.wrapped(node, width);
    assert!(
        Rc::ptr_eq(&first, &later),
        "scrolling re-wrapped the document"
    );
    browser.keys("G");
    assert!(browser.text().contains("THE END"), "{}", browser.text());

    // A new width wraps again, once.
    browser.resize(80, 30);
    let width = browser.app.screen.document_width;
    let (_, narrow) = browser.app.wrapped(node, width);
    browser.keys("k k");
    let (_, still) = browser.app.wrapped(node, width);
    assert!(Rc::ptr_eq(&narrow, &still));
    assert!(browser.text().contains("Line "), "{}", browser.text());
}
