//! The screens a reviewer reads: snapshots of each view at a roomy and a
//! small terminal size. The sample has `as_of`, so nothing depends on today.

use crate::browser;

use browser::Browser;

const SIZES: [(u16, u16); 2] = [(100, 30), (60, 20)];

/// Runs `script` on the sample at each size and snapshots the screen.
fn screens(name: &str, script: &str) {
    for (width, height) in SIZES {
        let mut browser = Browser::new("sample-strategy.toml", width, height);
        browser.keys(script);
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            browser.terminal.backend()
        );
    }
}

#[test]
fn main_screen() {
    screens("main", "");
}

#[test]
fn main_screen_on_an_option() {
    screens("option", "/ {one-screen-lane} enter");
}

#[test]
fn rollup_of_an_epic() {
    screens("rollup", "/ {auto-price-repeat} enter r");
}

#[test]
fn search_ranks_as_you_type() {
    screens("search", "/ {carrier pay}");
}

#[test]
fn help_overlay() {
    screens("help", "?");
}

#[test]
fn lint_heavy_node() {
    screens("lint_heavy", "/ {earn-on-carrier} enter ] d");
}

#[test]
fn filter_menu_on_errors_and_warnings() {
    screens("filter", "f s s");
}

#[test]
fn which_key_after_g() {
    screens("which_key", "z");
}

#[test]
fn orphans_are_shown_as_not_linked() {
    let mut browser = Browser::new(
        "tests/fixtures/valid/orphans-and-unknown-keys.toml",
        100,
        30,
    );
    browser.keys("");
    insta::assert_snapshot!("orphans_100x30", browser.terminal.backend());
}

#[test]
fn wide_characters_keep_every_border_in_its_column() {
    for (width, height) in [(100, 30), (61, 20), (80, 24)] {
        for script in ["", "G", "r", "G r", "/ {運送} ", "?"] {
            let mut browser =
                Browser::new("tests/fixtures/tui/wide-characters.toml", width, height);
            browser.keys(script);
            let buffer = browser.terminal.backend().buffer().clone();
            let tree_width = browser.app.look.tree_width(width);
            // Rows between the panes' top and bottom borders, above the status bar.
            for y in 1..height - 2 {
                let at = |x: u16| buffer[(x, y)].symbol().to_owned();
                let screen = browser.text();
                assert!(
                    ["│", "┌", "└", "├"].contains(&at(0).as_str()) || script == "?",
                    "{width}x{height} `{script}` row {y}: left border moved\n{screen}"
                );
                if script != "?" && !script.starts_with('/') {
                    assert_eq!(
                        at(tree_width - 1),
                        "│",
                        "{width}x{height} `{script}` row {y}\n{screen}"
                    );
                    assert!(
                        ["│", "┌", "└"].contains(&at(tree_width).as_str()),
                        "{width}x{height} `{script}` row {y}\n{screen}"
                    );
                }
                assert!(
                    ["│", "█", "║", "┐", "┘", "┤"].contains(&at(width - 1).as_str())
                        || script == "?",
                    "{width}x{height} `{script}` row {y}: right border moved\n{screen}"
                );
            }
        }
    }
}
