//! Every view at every size from 1×1 to 200×60: no panic, and nothing drawn
//! outside the screen (ratatui's buffer panics on a cell outside it).

use crate::browser;

use browser::Browser;

/// Scripts that put the browser in each view and overlay.
const VIEWS: [(&str, &str); 11] = [
    ("main", ""),
    ("lint-heavy node", "/ {earn-on-carrier} enter ] d"),
    ("diagnostics focused", "/ {earn-on-carrier} enter tab tab j"),
    ("roll-up", "/ {auto-price} enter r"),
    ("search", "/ {carrier pay}"),
    ("help", "? j"),
    ("filter", "f s"),
    ("which-key", "g"),
    ("document scrolled to the end", "tab G"),
    ("check-in form", "/ {pilot-lane} enter c {61} tab {a note}"),
    ("a tracked two-pager", "/ {quick-pay} enter tab G"),
];

fn sizes() -> Vec<(u16, u16)> {
    let mut sizes = vec![(1, 1), (2, 1), (1, 2), (3, 3), (200, 60)];
    for width in (1..=200).step_by(17) {
        for height in (1..=60).step_by(8) {
            sizes.push((width, height));
        }
    }
    sizes
}

#[test]
fn every_view_survives_every_size() {
    for file in [
        "sample-strategy.toml",
        "tests/fixtures/tui/hostile-every-field.toml",
    ] {
        for (name, script) in VIEWS {
            let mut browser = Browser::new(file, 100, 30);
            browser.keys(script);
            for (i, (width, height)) in sizes().into_iter().enumerate() {
                browser.resize(width, height);
                // Now and then a key, so update runs against the new geometry too.
                if i % 4 == 0 {
                    browser.keys("j k");
                }
            }
            assert!(!browser.app.tree.rows.is_empty(), "{name}");
        }
    }
}

#[test]
fn keys_at_a_tiny_size_do_not_panic() {
    let mut browser = Browser::new("sample-strategy.toml", 1, 1);
    browser.keys("j j l h G g g tab ctrl-d pagedown r j enter / {x} enter f e esc ? j esc ] d [ d ] e z M z R c {5} tab enter esc");
    browser.resize(0, 0);
    browser.keys("j tab");
}
