//! The screens a reviewer reads: snapshots of each view at a roomy and a
//! small terminal size. The sample has `as_of`, so nothing depends on today.

mod browser;

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
