//! The tree that reads and the screen that does not cut (issue 15): titles
//! beside ids, a width that follows the terminal and the keys, the look
//! remembered in the state directory, filters that help, load problems in
//! a panel, notices that wrap, a help that hides what is behind it.

use crate::browser::{self, Browser};

use strata::app::Effect;
use strata::app::browse::filter::{FindingKind, HEALTHS};
use strata::app::browse::look::TreeLook;
use strata::app::screen::Target;
use strata::app::{App, Focus};
use strata::model::progress::Health;
use strata::store::LookState;

const SAMPLE: &str = "sample-strategy.toml";
const SIZES: [(u16, u16); 3] = [(80, 24), (120, 35), (200, 50)];

/// The tree pane's columns of every row, as text.
fn tree_text(browser: &Browser) -> String {
    let area = tree_area(browser);
    let buffer = browser.terminal.backend().buffer();
    (area.y..area.y + area.height)
        .map(|y| {
            (area.x..area.x + area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn tree_area(browser: &Browser) -> strata::app::screen::Area {
    browser
        .app
        .screen
        .targets
        .iter()
        .find(|(_, t)| *t == Target::Pane(Focus::Tree))
        .map(|(area, _)| *area)
        .expect("a tree pane")
}

/// The screen's text with its rows joined by spaces, to find wrapped text in.
fn flat(browser: &Browser) -> String {
    browser
        .text()
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn titles_show_beside_ids_at_every_size_and_t_hides_them() {
    for (width, height) in SIZES {
        let mut browser = Browser::new(SAMPLE, width, height);
        let tree = tree_text(&browser);
        // The intent's id and the start of its title, on one row.
        assert!(
            tree.lines()
                .any(|l| l.contains("win-mid") && l.contains("Win")),
            "{width}x{height}\n{tree}"
        );
        browser.keys("t");
        let tree = tree_text(&browser);
        assert!(!tree.contains("Win brok"), "{width}x{height}\n{tree}");
        assert!(tree.contains("win-mid-market"), "{width}x{height}\n{tree}");
        assert!(!browser.app.look.titles);
    }
    // At 200 columns the titles read far.
    let browser = Browser::new(SAMPLE, 200, 50);
    assert!(
        tree_text(&browser).contains("Win brokerages with 25-150"),
        "{}",
        tree_text(&browser)
    );
}

#[test]
fn ids_are_cut_at_word_boundaries() {
    let mut browser = Browser::new(SAMPLE, 80, 24);
    browser.keys("t");
    let tree = tree_text(&browser);
    // `onboarding-takes-eleven-weeks` does not fit at 80 columns: it loses whole words.
    let row = tree
        .lines()
        .find(|l| l.contains("onboarding"))
        .expect("the initiative's row");
    assert!(row.contains("onboarding-takes…"), "{row}");
}

#[test]
fn statuses_are_whole_words_or_absent() {
    for (width, height) in SIZES {
        let browser = Browser::new(SAMPLE, width, height);
        let tree = tree_text(&browser);
        for cut in [" appr ", " rev ", " chg "] {
            assert!(!tree.contains(cut), "{width}x{height}: {cut:?}\n{tree}");
        }
    }
}

#[test]
fn the_tree_width_follows_the_terminal_and_the_keys() {
    let widths: Vec<u16> = SIZES
        .iter()
        .map(|&(w, h)| tree_area(&Browser::new(SAMPLE, w, h)).width)
        .collect();
    assert!(widths[0] < widths[1] && widths[1] < widths[2], "{widths:?}");
    assert_eq!(widths[2], 80, "two fifths of 200 columns");

    let mut browser = Browser::new(SAMPLE, 120, 35);
    let before = tree_area(&browser).width;
    browser.keys("> >");
    let wider = tree_area(&browser).width;
    assert!(wider > before, "{before} → {wider}");
    browser.keys("< < <");
    assert!(tree_area(&browser).width < before);
    let remembered: Vec<&Effect> = browser
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::RememberLook(_)))
        .collect();
    assert_eq!(remembered.len(), 5, "{:?}", browser.effects);
}

#[test]
fn the_look_is_remembered_in_the_state_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(browser::root().join(SAMPLE), &path).unwrap();
    let state = LookState::in_dir(&dir.path().join("state"));
    let mut browser = Browser::on_file(&path, 120, 35);
    browser.session = browser
        .session
        .take()
        .map(|s| s.with_look_state(state.clone()));
    browser.keys("t >");
    let text = state.read().expect("the look was written");
    assert_eq!(
        TreeLook::from_text(&text),
        TreeLook {
            titles: false,
            share: 45
        }
    );
    // The next start reads it back (as cli/terminal does) and draws with it.
    let mut next = Browser::on_file(&path, 120, 35);
    next.app.look = TreeLook::from_text(&text);
    next.draw();
    assert_eq!(tree_area(&next).width, 54);
    assert!(!tree_text(&next).contains("Win brok"));
}

fn matching(app: &App) -> Vec<String> {
    app.strategy
        .iter()
        .filter(|&(id, _)| app.filter.matches(app.facts(), id))
        .map(|(_, n)| n.id.clone())
        .collect()
}

#[test]
fn filters_select_the_right_nodes_on_the_sample() {
    let mut browser = Browser::new(SAMPLE, 120, 35);
    browser.keys("f e");
    assert_eq!(browser.app.filter.findings, Some(FindingKind::Errors));
    let errors: Vec<String> = browser
        .app
        .strategy
        .iter()
        .filter(|&(id, _)| browser.app.findings.counts(id).errors > 0)
        .map(|(_, n)| n.id.clone())
        .collect();
    assert_eq!(matching(&browser.app), errors);
    let title = format!("errors · {} of 34", errors.len());
    assert!(
        tree_text(&browser).contains(&title),
        "{}",
        tree_text(&browser)
    );

    browser.keys("e");
    let warned = matching(&browser.app);
    let expected: Vec<String> = browser
        .app
        .strategy
        .iter()
        .filter(|&(id, _)| browser.app.findings.counts(id).warnings > 0)
        .map(|(_, n)| n.id.clone())
        .collect();
    assert_eq!(warned, expected);
    assert!(
        warned.contains(&"shipper-tracking-portal".to_owned()),
        "{warned:?}"
    );
    let title = format!("warnings · {} of 34", warned.len());
    assert!(
        tree_text(&browser).contains(&title),
        "{}",
        tree_text(&browser)
    );

    browser.keys("e");
    assert_eq!(browser.app.filter.findings, Some(FindingKind::Any));
    assert!(matching(&browser.app).len() >= warned.len());

    // A criterion: the nodes with a warning or error under it.
    browser.keys("c r");
    let concrete = matching(&browser.app);
    for id in &concrete {
        let node = browser
            .app
            .strategy
            .iter()
            .find(|(_, n)| &n.id == id)
            .unwrap()
            .0;
        assert!(
            browser
                .app
                .findings
                .for_node(node)
                .iter()
                .any(|d| d.criterion.as_str() == "concrete"),
            "{id}"
        );
    }

    // Owners come from the file's list, not the selected node.
    browser.keys("c o");
    let first = strata::app::browse::filter::owners(&browser.app.strategy)[0].clone();
    assert_eq!(browser.app.filter.owner.as_deref(), Some(first.as_str()));
    assert!(!matching(&browser.app).is_empty());
    browser.keys("o");
    assert_ne!(browser.app.filter.owner.as_deref(), Some(first.as_str()));

    // Health, where progress has landed.
    browser.keys("c p");
    assert_eq!(browser.app.filter.health, Some(HEALTHS[0]));
    for health in HEALTHS {
        browser.app.filter.health = Some(health);
        for id in matching(&browser.app) {
            let node = browser
                .app
                .strategy
                .iter()
                .find(|(_, n)| n.id == id)
                .unwrap()
                .0;
            assert_eq!(browser.app.progress.health(node), health, "{id}");
        }
    }
    browser.app.filter.health = Some(Health::OnTrack);
    assert!(
        !matching(&browser.app).is_empty(),
        "the sample has nodes on track"
    );
}

#[test]
fn load_problems_are_listed_in_a_panel_the_status_line_points_to() {
    let text = std::fs::read_to_string(browser::root().join(SAMPLE))
        .unwrap()
        .replacen("[vision]\n", "[vision]\ncolour = \"blue\"\n", 1);
    let app = browser::app_from_text("strategy.toml", text);
    let mut browser = Browser::with_app(app, 120, 35);
    let screen = flat(&browser);
    assert!(
        screen.contains("1 warning while loading; L lists them"),
        "{screen}"
    );
    browser.keys("j");
    assert!(
        browser.text().contains("L load problems"),
        "{}",
        browser.text()
    );
    browser.keys("L");
    let screen = flat(&browser);
    assert!(
        screen.contains("unknown key `colour` in [vision]"),
        "{screen}"
    );
    assert!(screen.contains("strategy.toml:"), "{screen}");
    browser.keys("esc");
    assert!(browser.app.layers.is_empty());
    // Without problems, L says so.
    let mut clean = Browser::new(SAMPLE, 120, 35);
    clean.keys("L");
    assert!(clean.app.layers.is_empty());
    assert!(flat(&clean).contains("found no problems"));
}

#[test]
fn no_notice_is_cut_at_any_size() {
    let notice = "another strata window has this file open: its crash-recovery journal is left \
                  to it, and this window keeps none, so save often (ctrl-s)";
    for (width, height) in SIZES {
        let mut app = browser::open_app(SAMPLE);
        app.notice = Some(notice.into());
        let browser = Browser::with_app(app, width, height);
        let screen = flat(&browser);
        assert!(
            screen.contains(notice),
            "{width}x{height}\n{}",
            browser.text()
        );
    }
}

#[test]
fn the_breadcrumb_keeps_the_file_name() {
    let mut browser = Browser::new(SAMPLE, 80, 24);
    browser.keys("/ {pilot-lane-first} enter");
    let status = browser.text().lines().last().unwrap().to_owned();
    assert!(status.contains("sample-strategy.toml"), "{status}");
    assert!(status.contains("pilot-lane-first"), "{status}");
}

#[test]
fn the_editor_keeps_its_counts_and_keys_in_view() {
    let mut browser = Browser::new(SAMPLE, 80, 24);
    browser.keys("/ {late-load-alerts} enter e 2");
    let screen = browser.text();
    assert!(screen.contains("esc done · ctrl-s save"), "{screen}");
    assert!(screen.contains(" W"), "{screen}");
}

#[test]
fn the_help_hides_the_screen_behind_it() {
    let mut browser = Browser::new(SAMPLE, 120, 35);
    browser.keys("?");
    let buffer = browser.terminal.backend().buffer();
    // The body's edges, beside the centred help, are blank: no strip of the tree.
    for y in 0..34 {
        for x in [0, 1, 118, 119] {
            assert_eq!(buffer[(x, y)].symbol(), " ", "{x},{y}\n{}", browser.text());
        }
    }
}
