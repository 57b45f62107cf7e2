//! Typing as in any editor, on the starter `strata init` writes: the section
//! editor starts after the text (not on the empty line a `"""` string ends
//! with), ctrl-k kills to the line end in every text box, ctrl-l clears and
//! ctrl-z takes it back, ctrl-d removes a list item, and the `e` menu edits
//! every field, the status and the company name included. Recovered journal
//! edits are undo history.

use crate::browser;

use std::path::{Path, PathBuf};

use browser::Browser;
use strata::app::edit::section::Section;
use strata::app::keys::action::Action;
use strata::app::overlays::Layer;
use strata::app::review::ReviewMode;
use strata::model::{Status, TwoPager};
use strata::review::QueueFilter;
use strata::store::StrategyFile;

const STARTER: &str = include_str!("../../src/cli/starter.toml");

fn starter() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::write(&path, STARTER).unwrap();
    (dir, path)
}

fn open(path: &Path) -> Browser {
    Browser::on_file(path, 100, 30)
}

fn vision(browser: &Browser) -> TwoPager {
    let strategy = &browser.app.strategy;
    strategy.node(strategy.vision().unwrap()).doc.clone()
}

fn typed(browser: &Browser) -> String {
    match browser.app.layers.last() {
        Some(Layer::Editor(editor)) => editor.input.text(),
        Some(Layer::Search(search)) => search.input.text(),
        Some(Layer::Prompt(prompt)) => prompt.input.text(),
        Some(Layer::Note(note)) => note.input.text(),
        other => panic!("no text box open: {other:?}"),
    }
}

#[test]
fn the_editor_starts_after_the_text_not_on_the_empty_line_after_it() {
    let (_dir, path) = starter();
    let mut browser = open(&path);
    let before = vision(&browser);
    assert!(before.today.ends_with(".\n"), "{:?}", before.today);
    browser.keys("e 2 { We have 40 brokers.} esc e 3 { And more.} esc e 6 { Risky.} esc");
    let after = vision(&browser);
    for (old, new, added) in [
        (&before.today, &after.today, " We have 40 brokers."),
        (&before.future, &after.future, " And more."),
        (&before.notes, &after.notes, " Risky."),
    ] {
        // Typed at the end of the real text; the stored newline stays after it.
        assert_eq!(*new, format!("{}{added}\n", old.trim_end()));
    }
}

#[test]
fn ctrl_k_kills_to_the_line_end_and_what_is_typed_replaces_it() {
    let (_dir, path) = starter();
    let mut browser = open(&path);
    let future = vision(&browser).future;
    let first = future.lines().next().unwrap().to_owned();
    // On the second line: back to its start, kill it, type the new words.
    browser.keys("e 3 home ctrl-k {Brokers in Ohio run on us.} esc");
    assert_eq!(
        vision(&browser).future,
        format!("{first}\nBrokers in Ohio run on us.\n")
    );
    // At a line's end, ctrl-k joins the next line, as in a shell.
    browser.keys("e 3 up end ctrl-k esc");
    assert_eq!(
        vision(&browser).future,
        format!("{first}Brokers in Ohio run on us.\n")
    );
}

#[test]
fn ctrl_k_word_moves_home_and_end_work_in_the_search_box_prompt_and_note() {
    let (_dir, path) = starter();
    let mut browser = open(&path);
    browser.keys("/ {grow the base} alt-b alt-b ctrl-k");
    assert_eq!(typed(&browser), "grow ");
    browser.keys("ctrl-a ctrl-k {x} end {y} ctrl-left ctrl-right {z}");
    assert_eq!(typed(&browser), "xyz");
    browser.keys("esc j i ctrl-a ctrl-k {renamed-intent}");
    assert_eq!(typed(&browser), "renamed-intent");
    // The comment box of a review meeting.
    let mut app = browser::app_from_text("strategy.toml", STARTER.to_owned());
    let day = browser::today();
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        "Dana Okafor",
        day,
        day,
    );
    app.start_review(review, None);
    let mut browser = Browser::with_app(app, 100, 30);
    browser.keys("c {one two three} alt-b ctrl-k {four} home alt-f ctrl-k");
    assert_eq!(typed(&browser), "one");
}

#[test]
fn ctrl_d_removes_a_list_item_and_the_hints_say_so() {
    let (_dir, path) = starter();
    let mut browser = Browser::on_file(&path, 120, 35);
    browser.keys("e 4 enter {No EU until 2028} up ctrl-d");
    let screen = browser.text();
    assert!(screen.contains("ctrl-d remove item"), "{screen}");
    assert!(screen.contains("ctrl-k kill line"), "{screen}");
    browser.keys("esc e 6");
    let screen = browser.text();
    let hints = screen.lines().last().unwrap();
    for hint in [
        "ctrl-k kill line",
        "ctrl-l clear",
        "ctrl-z undo",
        "esc done",
    ] {
        assert!(hints.contains(hint), "{hints}");
    }
    browser.keys("esc");
    assert_eq!(vision(&browser).will_not, ["No EU until 2028"]);
}

#[test]
fn ctrl_l_clears_the_section_and_ctrl_z_brings_it_back() {
    let (_dir, path) = starter();
    let mut browser = open(&path);
    let notes = vision(&browser).notes;
    browser.keys("e 6 ctrl-l");
    assert_eq!(typed(&browser), "");
    assert_eq!(
        vision(&browser).notes,
        "",
        "the document follows the typing"
    );
    browser.keys("ctrl-z");
    assert_eq!(typed(&browser), notes);
    browser.keys("ctrl-y");
    assert_eq!(typed(&browser), "");
    browser.keys("{Brokers churn after a bad month.} esc");
    assert_eq!(vision(&browser).notes, "Brokers churn after a bad month.");
    // After leaving, the app's u takes the whole session back.
    browser.keys("u");
    assert_eq!(vision(&browser).notes, notes);
    // A run of typing is one step of ctrl-z; a clear is one more.
    browser.keys("e 6 ctrl-l {one two} ctrl-z");
    assert_eq!(typed(&browser), "");
    browser.keys("ctrl-z");
    assert_eq!(typed(&browser), notes);
}

#[test]
fn status_is_edited_from_the_allowed_statuses() {
    let (_dir, path) = starter();
    let mut browser = open(&path);
    assert_eq!(vision(&browser).status, Status::Draft);
    browser.keys("e 9");
    assert_eq!(typed(&browser), "draft");
    browser.keys("down");
    assert_eq!(typed(&browser), "in-review");
    browser.keys("enter");
    assert_eq!(vision(&browser).status, Status::InReview);
    browser.keys("e 9 ctrl-l {aproved} enter");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("did you mean `approved`"), "{notice}");
    assert!(matches!(browser.app.layers.last(), Some(Layer::Editor(_))));
    browser.keys("ctrl-l {approved} enter ctrl-s");
    let (_, saved) = StrategyFile::open(&path).unwrap();
    assert_eq!(
        saved.node(saved.vision().unwrap()).doc.status,
        Status::Approved
    );
    browser.keys("u u");
    assert_eq!(vision(&browser).status, Status::Draft);
}

#[test]
fn the_company_name_is_edited_saved_with_the_comments_and_undone() {
    let (_dir, path) = starter();
    let mut browser = open(&path);
    browser.keys("e 0");
    assert_eq!(typed(&browser), "Your company");
    browser.keys("ctrl-l {Northwind Freight} enter");
    assert_eq!(browser.app.strategy.company, "Northwind Freight");
    assert!(browser.text().contains("Northwind Freight"));
    browser.keys("ctrl-s");
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        STARTER.replace("name = \"Your company\"", "name = \"Northwind Freight\"")
    );
    browser.keys("u");
    assert_eq!(browser.app.strategy.company, "Your company");
    browser.keys("ctrl-r");
    assert_eq!(browser.app.strategy.company, "Northwind Freight");
}

#[test]
fn the_e_menu_help_and_keymap_name_the_same_sections() {
    let description = Action::Edit.description();
    for section in Section::ALL {
        assert!(
            description.contains(section.short_name()),
            "`e` help does not name {section:?}: {description}"
        );
    }
    let mut browser = Browser::new("sample-strategy.toml", 100, 30);
    browser.keys("e");
    let screen = browser.text();
    for section in Section::ALL {
        let name = section.name().split(" (").next().unwrap();
        assert!(screen.contains(name), "the menu lacks {name}: {screen}");
    }
    let keymap = std::fs::read_to_string(browser::root().join("docs/keymap.md")).unwrap();
    assert!(keymap.contains(description), "docs/keymap.md is stale");
}
