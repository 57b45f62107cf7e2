//! Key scripts, helix style: (file, keys, what should be true after them).
//! Each case reads like a sentence about the feature.

use crate::browser;

use browser::Browser;
use strata::app::input::Input;
use strata::app::overlays::Layer;
use strata::app::{Effect, Focus, View};

const SAMPLE: &str = "sample-strategy.toml";

/// What a case checks; `None` fields are not checked.
#[derive(Default)]
struct Expect {
    selected: Option<&'static str>,
    view: Option<View>,
    focus: Option<Focus>,
    scroll: Option<usize>,
    diagnostic: Option<Option<usize>>,
    pending: Option<usize>,
    layers: Option<usize>,
    quit: bool,
}

fn check(name: &str, file: &str, keys: &str, expect: Expect) {
    let mut browser = Browser::new(file, 100, 30);
    browser.keys(keys);
    let app = &browser.app;
    let context = || format!("case `{name}`: keys `{keys}`\n{}", browser.text());
    if let Some(selected) = expect.selected {
        assert_eq!(browser.selected(), selected, "{}", context());
    }
    if let Some(view) = expect.view {
        assert_eq!(app.view, view, "{}", context());
    }
    if let Some(focus) = expect.focus {
        assert_eq!(app.focus, focus, "{}", context());
    }
    if let Some(scroll) = expect.scroll {
        assert_eq!(app.reading.scroll, scroll, "{}", context());
    }
    if let Some(diagnostic) = expect.diagnostic {
        assert_eq!(app.reading.diagnostic, diagnostic, "{}", context());
    }
    if let Some(pending) = expect.pending {
        assert_eq!(app.pending.len(), pending, "{}", context());
    }
    if let Some(layers) = expect.layers {
        assert_eq!(app.layers.len(), layers, "{}", context());
    }
    assert_eq!(
        browser.effects.contains(&Effect::Quit),
        expect.quit,
        "{}",
        context()
    );
}

#[test]
fn moving_in_the_tree() {
    let cases: &[(&str, &str, &str)] = &[
        ("starts on the vision", "", "vision"),
        (
            "j moves down",
            "j j",
            "initiatives.onboarding-takes-eleven-weeks",
        ),
        (
            "arrows move too",
            "down down up",
            "intents.win-mid-market-brokers",
        ),
        ("k stops at the top", "k k k", "vision"),
        (
            "G goes to the last node",
            "G",
            "options.dispute-inbox-refresh",
        ),
        ("g g goes back to the top", "G g g", "vision"),
        (
            "h on an open node folds it",
            "j h j",
            "intents.cut-manual-touches-per-load",
        ),
        (
            "h on a folded node goes to the parent",
            "j j j h",
            "initiatives.onboarding-takes-eleven-weeks",
        ),
        (
            "l on an open node goes to its first child",
            "j l",
            "initiatives.onboarding-takes-eleven-weeks",
        ),
        (
            "enter folds, then l unfolds",
            "j enter l j",
            "initiatives.onboarding-takes-eleven-weeks",
        ),
        (
            "z M folds all but the vision",
            "z M j j",
            "intents.cut-manual-touches-per-load",
        ),
        (
            "z R unfolds all again",
            "z M z R j j",
            "initiatives.onboarding-takes-eleven-weeks",
        ),
        (
            "page down moves a screen",
            "pagedown",
            "initiatives.carriers-wait-38-days",
        ),
        (
            "] e goes to the next node with findings",
            "] e",
            "initiatives.shipper-tracking-portal",
        ),
        (
            "[ e wraps around backwards",
            "[ e",
            "options.dispute-inbox-refresh",
        ),
    ];
    for (name, keys, selected) in cases {
        check(
            name,
            SAMPLE,
            keys,
            Expect {
                selected: Some(selected),
                ..Expect::default()
            },
        );
    }
}

#[test]
fn key_sequences_wait_for_their_second_key() {
    check(
        "g waits",
        SAMPLE,
        "G g",
        Expect {
            pending: Some(1),
            selected: Some("options.dispute-inbox-refresh"),
            ..Expect::default()
        },
    );
    check(
        "esc abandons it",
        SAMPLE,
        "G g esc g",
        Expect {
            pending: Some(1),
            ..Expect::default()
        },
    );
    check(
        "an unbound second key abandons it",
        SAMPLE,
        "G g x",
        Expect {
            pending: Some(0),
            selected: Some("options.dispute-inbox-refresh"),
            ..Expect::default()
        },
    );
}

#[test]
fn search_jumps_and_n_walks_the_results() {
    check(
        "search and jump",
        SAMPLE,
        "/ {quick pay} enter",
        Expect {
            selected: Some("options.quick-pay-at-pod"),
            layers: Some(0),
            ..Expect::default()
        },
    );
    check(
        "esc leaves the selection alone",
        SAMPLE,
        "/ {quick pay} esc",
        Expect {
            selected: Some("vision"),
            layers: Some(0),
            ..Expect::default()
        },
    );
    check(
        "down picks the next result",
        SAMPLE,
        "/ {carrier pay} down enter",
        Expect {
            selected: Some("options.quick-pay-at-pod"),
            ..Expect::default()
        },
    );
    check(
        "n goes to the next result",
        SAMPLE,
        "/ {carrier pay} enter n",
        Expect {
            selected: Some("options.quick-pay-at-pod"),
            ..Expect::default()
        },
    );
    check(
        "N wraps to the last result",
        SAMPLE,
        "/ {carrier pay} enter N",
        Expect {
            selected: Some("options.rate-confirmation-from-load"),
            ..Expect::default()
        },
    );
    check(
        "typing q in search types, it does not quit",
        SAMPLE,
        "/ {q} backspace {quote-reply} enter",
        Expect {
            selected: Some("options.quote-reply-from-email"),
            ..Expect::default()
        },
    );
    check(
        "a search into a folded branch unfolds it",
        SAMPLE,
        "z M / {pod-photo} enter",
        Expect {
            selected: Some("options.pod-photo-from-dock"),
            ..Expect::default()
        },
    );
}

#[test]
fn rollup_shows_the_chain_and_enter_jumps() {
    check(
        "r opens the roll-up",
        SAMPLE,
        "/ {quick-pay} enter r",
        Expect {
            view: Some(View::Rollup { cursor: 0 }),
            focus: Some(Focus::Rollup),
            ..Expect::default()
        },
    );
    check(
        "j walks up the chain",
        SAMPLE,
        "/ {quick-pay} enter r j j j j",
        Expect {
            view: Some(View::Rollup { cursor: 3 }),
            ..Expect::default()
        },
    );
    check(
        "enter jumps to the level",
        SAMPLE,
        "/ {quick-pay} enter r j j enter",
        Expect {
            view: Some(View::Document),
            selected: Some("intents.earn-on-carrier-payments"),
            focus: Some(Focus::Tree),
            ..Expect::default()
        },
    );
    check(
        "r again goes back",
        SAMPLE,
        "r r",
        Expect {
            view: Some(View::Document),
            focus: Some(Focus::Tree),
            ..Expect::default()
        },
    );
    check(
        "esc goes back too",
        SAMPLE,
        "r esc",
        Expect {
            view: Some(View::Document),
            ..Expect::default()
        },
    );
}

#[test]
fn reading_a_long_two_pager() {
    check(
        "tab focuses the text",
        SAMPLE,
        "tab",
        Expect {
            focus: Some(Focus::Document),
            ..Expect::default()
        },
    );
    check(
        "j scrolls the text",
        SAMPLE,
        "tab j j j",
        Expect {
            scroll: Some(3),
            ..Expect::default()
        },
    );
    check(
        "ctrl-d scrolls half a screen",
        SAMPLE,
        "tab ctrl-d",
        Expect {
            scroll: Some(12),
            ..Expect::default()
        },
    );
    check(
        "g g goes back to the top",
        SAMPLE,
        "tab ctrl-d g g",
        Expect {
            scroll: Some(0),
            ..Expect::default()
        },
    );
    check(
        "another node starts at the top",
        SAMPLE,
        "tab ctrl-d backtab j",
        Expect {
            scroll: Some(0),
            ..Expect::default()
        },
    );
    check(
        "G stops where the end reaches the bottom",
        SAMPLE,
        "tab G k",
        Expect {
            scroll: Some(50),
            ..Expect::default()
        },
    );
}

#[test]
fn diagnostics_point_into_the_text() {
    let node = "/ {earn-on-carrier} enter";
    check(
        "] d selects the first diagnostic; its text is already in view",
        SAMPLE,
        &format!("{node} ] d"),
        Expect {
            diagnostic: Some(Some(0)),
            scroll: Some(0),
            ..Expect::default()
        },
    );
    check(
        "the last diagnostic scrolls the text to it",
        SAMPLE,
        &format!("{node} [ d"),
        Expect {
            diagnostic: Some(Some(15)),
            scroll: Some(14),
            ..Expect::default()
        },
    );
    check(
        "[ d from nothing starts at the last",
        SAMPLE,
        &format!("{node} [ d"),
        Expect {
            diagnostic: Some(Some(15)),
            ..Expect::default()
        },
    );
    check(
        "tab tab focuses the list",
        SAMPLE,
        &format!("{node} tab tab j"),
        Expect {
            focus: Some(Focus::Diagnostics),
            diagnostic: Some(Some(1)),
            ..Expect::default()
        },
    );
    check(
        "esc lets go of the diagnostic",
        SAMPLE,
        &format!("{node} ] d esc"),
        Expect {
            diagnostic: Some(None),
            ..Expect::default()
        },
    );
    check(
        "a clean node has no diagnostics pane to tab to",
        SAMPLE,
        "tab tab",
        Expect {
            focus: Some(Focus::Tree),
            ..Expect::default()
        },
    );
}

#[test]
fn filters_keep_the_shape() {
    let mut browser = Browser::new(SAMPLE, 100, 30);
    browser.keys("f s s esc");
    assert!(browser.app.filter.is_active());
    assert!(
        browser.text().contains("in-review · 10 of 34"),
        "{}",
        browser.text()
    );
    // Every row is an in-review node or an ancestor of one (drawn dimmed).
    assert_eq!(browser.app.tree.rows.len(), 19, "{}", browser.text());
    browser.keys("F");
    assert!(!browser.app.filter.is_active());
    assert_eq!(browser.app.tree.rows.len(), 34);

    let mut browser = Browser::new(
        "tests/fixtures/valid/orphans-and-unknown-keys.toml",
        100,
        30,
    );
    browser.keys("f e esc");
    let rows: Vec<String> = browser
        .app
        .tree
        .rows
        .iter()
        .map(|r| {
            r.node().map_or("--".to_owned(), |id| {
                browser.app.strategy.node(id).id.clone()
            })
        })
        .collect();
    // The orphans, and the nodes with no `today` or `future` (errors).
    assert_eq!(rows, ["vision", "real", "--", "lost", "adrift", "floating"]);

    let mut browser = Browser::new(SAMPLE, 100, 30);
    browser.keys("j o");
    browser.keys("f . esc");
    assert_eq!(
        browser.app.filter.owner.as_deref(),
        Some("Priya Raman (CPO)")
    );
}

#[test]
fn overlays_take_keys_first() {
    check(
        "? opens help",
        SAMPLE,
        "?",
        Expect {
            layers: Some(1),
            ..Expect::default()
        },
    );
    check(
        "j in help scrolls it, not the tree",
        SAMPLE,
        "? j j",
        Expect {
            selected: Some("vision"),
            layers: Some(1),
            ..Expect::default()
        },
    );
    check(
        "esc closes help",
        SAMPLE,
        "? esc",
        Expect {
            layers: Some(0),
            ..Expect::default()
        },
    );
    check(
        "q closes help, not strata",
        SAMPLE,
        "? q",
        Expect {
            layers: Some(0),
            quit: false,
            ..Expect::default()
        },
    );
    check(
        "q quits",
        SAMPLE,
        "q",
        Expect {
            quit: true,
            ..Expect::default()
        },
    );
    check(
        "ctrl-c quits from search",
        SAMPLE,
        "/ ctrl-c",
        Expect {
            quit: true,
            ..Expect::default()
        },
    );
}

#[test]
fn the_mouse_selects_scrolls_and_opens() {
    let mut browser = Browser::new(SAMPLE, 100, 30);
    // Row 3 of the screen is the third row of the tree (inside the border).
    browser.input(Input::Click(10, 3));
    assert_eq!(
        browser.selected(),
        "initiatives.onboarding-takes-eleven-weeks"
    );
    browser.input(Input::Click(10, 3));
    assert_eq!(browser.app.tree.rows.len(), 31, "a second click folds");
    browser.input(Input::ScrollDown(70, 10));
    assert_eq!(
        browser.app.reading.scroll, 3,
        "the wheel scrolls the pane under it"
    );
    assert_eq!(browser.app.focus, Focus::Tree, "without taking focus");
    browser.input(Input::Click(70, 10));
    assert_eq!(browser.app.focus, Focus::Document);

    let mut browser = Browser::new(SAMPLE, 100, 30);
    browser.keys("/ {carrier}");
    browser.input(Input::Click(10, 4));
    match browser.app.layers.last() {
        Some(Layer::Search(search)) => assert_eq!(search.cursor, 1),
        other => panic!("search closed: {other:?}"),
    }
    browser.input(Input::Click(10, 4));
    assert!(browser.app.layers.is_empty(), "a second click jumps");
}

/// Everything a key can visibly change, to tell whether it did anything.
fn fingerprint(browser: &Browser) -> String {
    let app = &browser.app;
    format!(
        "{} {:?} {:?} {:?} {:?} {:?} {:?} {} {:?} {}",
        browser.selected(),
        app.view,
        app.focus,
        app.reading,
        app.layers,
        app.filter,
        app.search.last.as_ref().map(|s| s.at),
        app.tree.rows.len(),
        browser.effects,
        app.pending.len(),
    )
}

#[test]
fn every_hint_in_the_status_bar_does_something() {
    let states = [
        "",
        "j",
        "j enter",
        "/ {earn-on} enter",
        "/ {earn-on} enter ] d",
        "/ {earn-on} enter tab tab",
        "/ {quick-pay} enter r",
        "tab",
        "f",
        "f e",
        "?",
        "/ {car}",
        "/ {carrier} enter",
        "f e esc",
    ];
    for state in states {
        let mut browser = Browser::new(SAMPLE, 100, 30);
        browser.keys(state);
        let before = strata::app::hints::hints(&browser.app);
        for hint in before {
            // `j/k move`: at least one of the pair must do something here.
            let alternatives: Vec<String> = if hint.keys == "/" {
                vec![hint.keys.clone()]
            } else {
                hint.keys
                    .split('/')
                    .map(|k| k.replace('↑', "up").replace('↓', "down"))
                    .collect()
            };
            let mut any = false;
            for keys in &alternatives {
                let mut base = Browser::new(SAMPLE, 100, 30);
                base.keys(state);
                let was = fingerprint(&base);
                base.keys(keys);
                any |= fingerprint(&base) != was;
            }
            assert!(
                any,
                "after `{state}`, the hint `{} {}` does nothing",
                hint.keys, hint.label
            );
        }
    }
}

#[test]
fn typing_narrows_to_the_same_results_as_searching_afresh() {
    for query in ["carrier pay", "quote", "Dana", "wmmb", "40 min", "!x pay"] {
        let mut browser = Browser::new(SAMPLE, 100, 30);
        browser.keys("/");
        for c in query.chars() {
            browser.keys(&format!("{{{c}}}"));
            let Some(Layer::Search(search)) = browser.app.layers.last() else {
                panic!("search closed");
            };
            let mut fresh =
                strata::app::overlays::search::index::SearchIndex::new(&browser.app.strategy);
            let expected: Vec<_> = fresh
                .search(&search.query())
                .into_iter()
                .map(|h| h.node)
                .collect();
            let got: Vec<_> = search.hits.iter().map(|h| h.node).collect();
            assert_eq!(
                got,
                expected,
                "after typing {:?} of {query:?}",
                search.query()
            );
        }
    }
}
