//! Drafting by keys, checked on the file that is saved: the edited part
//! changed, everything else byte for byte as it was, comments included.

use crate::browser;

use std::io;
use std::path::{Path, PathBuf};

use browser::{Browser, root};
use strata::app::overlays::Layer;
use strata::app::overlays::confirm::Confirm;
use strata::store::StrategyFile;

const SAMPLE: &str = "sample-strategy.toml";

/// A copy of the sample in a fresh temporary directory.
fn sample_copy() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let text = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    std::fs::write(&path, &text).unwrap();
    (dir, path, text)
}

fn open(path: &Path) -> Browser {
    Browser::on_file(path, 100, 30)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The text before the table `header` and from the table after it on.
fn outside<'a>(text: &'a str, header: &str) -> (&'a str, &'a str) {
    let start = text.find(&format!("\n{header}\n")).unwrap() + 1;
    let end = text[start + 1..]
        .find("\n[")
        .map_or(text.len(), |i| start + 1 + i + 1);
    (&text[..start], &text[end..])
}

/// True when every line of `small` appears in `big`, in order.
fn is_subsequence(small: &str, big: &str) -> bool {
    let mut lines = big.lines();
    small.lines().all(|line| lines.any(|l| l == line))
}

fn node_doc(path: &Path, key: &str) -> strata::model::TwoPager {
    let (_, strategy) = StrategyFile::open(path).unwrap();
    let id = strategy.find_key(key).unwrap();
    strategy.node(id).doc.clone()
}

#[test]
fn editing_the_title_changes_that_line_and_nothing_else() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter ctrl-u {Every brokerage runs on Northwind} enter ctrl-s q");
    assert!(browser.exited, "{}", browser.text());
    let old = node_doc(&root().join(SAMPLE), "vision").title;
    let expected = original.replacen(
        &format!("title = \"{old}\""),
        "title = \"Every brokerage runs on Northwind\"",
        1,
    );
    assert_eq!(read(&path), expected);
}

#[test]
fn editing_a_section_keeps_every_other_table_byte_for_byte() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("/ {quick-pay-at-pod} enter e 2 { Carriers ask for it weekly.} esc ctrl-s");
    let saved = read(&path);
    let header = "[options.quick-pay-at-pod]";
    assert_eq!(outside(&saved, header), outside(&original, header));
    let before = node_doc(&root().join(SAMPLE), "options.quick-pay-at-pod");
    let after = node_doc(&path, "options.quick-pay-at-pod");
    assert_eq!(
        after.today,
        // Typed where the text ends; the stored string's newline stays after it.
        format!("{} Carriers ask for it weekly.\n", before.today.trim_end())
    );
    assert_eq!(
        strata::model::TwoPager {
            today: before.today.clone(),
            ..after
        },
        before,
        "only today changed"
    );
    assert!(!browser.app.is_dirty());
}

#[test]
fn will_not_items_are_edited_one_per_line() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e 4 enter {We will not build a load board.} esc ctrl-s");
    let before = node_doc(&root().join(SAMPLE), "vision");
    let after = node_doc(&path, "vision");
    let mut expected = before.will_not.clone();
    expected.push("We will not build a load board.".into());
    assert_eq!(after.will_not, expected);
}

#[test]
fn adding_a_node_asks_for_a_title_then_an_editable_id() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("a {Own the Canadian market} enter");
    match browser.app.layers.last() {
        Some(Layer::Prompt(prompt)) => assert_eq!(prompt.input.text(), "own-the-canadian-market"),
        other => panic!("no id prompt: {other:?}"),
    }
    browser.keys("ctrl-u {Bad Id} enter");
    match browser.app.layers.last() {
        Some(Layer::Prompt(prompt)) => {
            assert!(
                prompt
                    .error
                    .as_deref()
                    .unwrap_or("")
                    .contains("not a usable id")
            )
        }
        other => panic!("a bad id was accepted: {other:?}"),
    }
    browser.keys("ctrl-u {win-mid-market-brokers} enter");
    match browser.app.layers.last() {
        Some(Layer::Prompt(prompt)) => {
            assert!(
                prompt
                    .error
                    .as_deref()
                    .unwrap_or("")
                    .contains("already used")
            )
        }
        other => panic!("a taken id was accepted: {other:?}"),
    }
    browser.keys("ctrl-u {canada} enter ctrl-s");
    assert_eq!(browser.selected(), "intents.canada");
    let saved = read(&path);
    assert!(is_subsequence(&original, &saved), "only additions");
    assert_eq!(
        node_doc(&path, "intents.canada").title,
        "Own the Canadian market"
    );
}

#[test]
fn deleting_a_leaf_removes_only_its_table() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("/ {quick-pay-at-pod} enter d");
    assert!(matches!(
        browser.app.layers.last(),
        Some(Layer::Confirm(Confirm::Delete(_)))
    ));
    browser.keys("y ctrl-s");
    let saved = read(&path);
    assert!(!saved.contains("[options.quick-pay-at-pod]"));
    assert!(is_subsequence(&saved, &original), "only removals");
    assert!(saved.contains("# WEAK:"), "comments kept");
}

#[test]
fn deleting_a_node_with_children_asks_twice() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("/ {quotes-take-forty-minutes} enter d y");
    assert!(
        matches!(
            browser.app.layers.last(),
            Some(Layer::Confirm(Confirm::DeleteSubtree(_, 3)))
        ),
        "{:?}",
        browser.app.layers
    );
    browser.keys("esc");
    assert!(browser.app.layers.is_empty());
    assert!(!browser.app.is_dirty(), "esc kept everything");
    browser.keys("d y y ctrl-s");
    let saved = read(&path);
    assert!(!saved.contains("[initiatives.quotes-take-forty-minutes]"));
    assert!(!saved.contains("[options.quick-pay-at-pod]") || saved.contains("quick-pay"));
    let (_, strategy) = StrategyFile::open(&path).unwrap();
    assert!(strategy.orphans().is_empty(), "nothing left dangling");
}

#[test]
fn renaming_an_id_carries_its_children_along() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("/ {quotes-take-forty-minutes} enter i ctrl-u {slow-quotes} enter ctrl-s");
    let (_, strategy) = StrategyFile::open(&path).unwrap();
    let node = strategy.find_key("initiatives.slow-quotes").unwrap();
    assert_eq!(strategy.children(node).len(), 3);
    assert!(strategy.orphans().is_empty());
}

#[test]
fn moving_a_node_down_swaps_it_with_its_sibling() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("j J ctrl-s");
    assert_eq!(browser.selected(), "intents.win-mid-market-brokers");
    let (_, strategy) = StrategyFile::open(&path).unwrap();
    let vision = strategy.vision().unwrap();
    let ids: Vec<_> = strategy
        .children(vision)
        .iter()
        .map(|&c| strategy.node(c).id.clone())
        .collect();
    assert_eq!(
        ids[..2],
        ["cut-manual-touches-per-load", "win-mid-market-brokers"]
    );
    let mut a: Vec<_> = original.lines().collect();
    let saved = read(&path);
    let mut b: Vec<_> = saved.lines().collect();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b, "the same lines, reordered");
}

#[test]
fn undo_and_redo_walk_the_history() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    let original = browser.app.strategy.clone();
    browser.keys("e enter {!} enter");
    let edited = browser.app.strategy.clone();
    assert_ne!(edited, original);
    assert!(browser.app.is_dirty());
    browser.keys("u");
    assert_eq!(browser.app.strategy, original);
    assert!(!browser.app.is_dirty());
    browser.keys("ctrl-r");
    assert_eq!(browser.app.strategy, edited);
    browser.keys("u j J u");
    assert_eq!(browser.app.strategy, original);
    assert!(
        browser.app.history.redo.len() == 1,
        "a new edit cleared the old redo"
    );
}

#[test]
fn a_colleagues_change_to_another_field_is_merged_without_a_question() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    let theirs = read(&path).replace(
        "name = \"Northwind Freight\"",
        "name = \"Southwind Freight\"",
    );
    std::fs::write(&path, &theirs).unwrap();
    browser.keys("ctrl-s");
    assert_eq!(browser.app.layers.last(), None, "no question asked");
    let saved = read(&path);
    assert!(saved.contains("without re-typing it!\""), "mine: {saved}");
    assert!(
        saved.contains("name = \"Southwind Freight\""),
        "theirs: {saved}"
    );
    assert!(!browser.app.is_dirty());
    assert_eq!(browser.app.strategy.company, "Southwind Freight");
    assert!(
        browser
            .app
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("merged")),
        "{:?}",
        browser.app.notice
    );
}

#[test]
fn the_same_field_changed_on_both_sides_asks_showing_both_texts() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    let theirs = read(&path)
        .replace("without re-typing it\"", "without typing it twice\"")
        .replace(
            "name = \"Northwind Freight\"",
            "name = \"Southwind Freight\"",
        );
    std::fs::write(&path, &theirs).unwrap();
    browser.keys("ctrl-s");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::MergeConflict))
    );
    let screen = browser.text();
    for shown in [
        "Changed on both sides",
        "title",
        "without re-typing it!",
        "without typing it twice",
        "keep mine",
        "keep theirs",
    ] {
        assert!(screen.contains(shown), "{shown:?} in:\n{screen}");
    }
    assert_eq!(read(&path), theirs, "nothing written while asking");
    // Cancel: nothing saved, nothing changed; the next save asks again.
    browser.keys("esc");
    assert_eq!(read(&path), theirs);
    assert!(browser.app.is_dirty(), "my edit kept");
    assert_eq!(browser.app.strategy.company, "Northwind Freight");
    browser.keys("ctrl-s");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::MergeConflict))
    );
    // Keep mine: my title, their company name, saved onto their text.
    browser.keys("m");
    let saved = read(&path);
    assert!(saved.contains("without re-typing it!\""), "{saved}");
    assert!(saved.contains("name = \"Southwind Freight\""), "{saved}");
    assert!(!browser.app.is_dirty());
    assert_eq!(browser.app.layers.last(), None);
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("merged"), "{notice}");
}

#[test]
fn keeping_theirs_saves_their_text_for_the_field_and_my_other_edits() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    browser.keys("j e enter {?} enter");
    let theirs = read(&path).replace("without re-typing it\"", "without typing it twice\"");
    std::fs::write(&path, &theirs).unwrap();
    browser.keys("ctrl-s t");
    let saved = read(&path);
    assert!(saved.contains("without typing it twice\""), "{saved}");
    assert!(!saved.contains("without re-typing it!"), "{saved}");
    assert!(saved.contains("?\""), "my other edit: {saved}");
    assert!(!browser.app.is_dirty());
}

#[test]
fn a_version_on_disk_that_does_not_load_is_never_overwritten_silently() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    let theirs = read(&path).replace("[company]", "[company");
    std::fs::write(&path, &theirs).unwrap();
    browser.keys("ctrl-s");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::ChangedOnDisk))
    );
    assert!(
        browser.text().contains("changed on disk"),
        "{}",
        browser.text()
    );
    assert_eq!(read(&path), theirs, "their file untouched");
    browser.keys("esc");
    assert_eq!(read(&path), theirs);
    assert!(browser.app.is_dirty(), "my edit kept");
    browser.keys("ctrl-s o");
    assert!(read(&path).contains("without re-typing it!\""));
    assert!(!browser.app.is_dirty());
}

#[test]
fn reloading_after_a_change_on_disk_asks_before_dropping_edits() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    // A version that does not load cannot be merged onto: the old question.
    let broken = read(&path).replace("[company]", "[company");
    std::fs::write(&path, &broken).unwrap();
    browser.keys("ctrl-s r");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::ReloadDiscards))
    );
    browser.keys("y");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("could not reload"), "{notice}");
    assert!(
        browser.app.is_dirty(),
        "edits kept when theirs does not load"
    );
    // Fixed, it loads: reloading drops my edits for theirs.
    let theirs = broken
        .replace("[company", "[company]")
        .replace("Dana Okafor", "Dana Smith");
    std::fs::write(&path, &theirs).unwrap();
    browser.keys("ctrl-s");
    assert_eq!(browser.app.layers.last(), None, "merged");
    assert_eq!(node_doc(&path, "vision").owner, "Dana Smith (CEO)");
    let id = browser.app.strategy.vision().unwrap();
    assert_eq!(browser.app.strategy.node(id).doc.owner, "Dana Smith (CEO)");
}

#[test]
fn save_as_writes_elsewhere_and_leaves_their_file() {
    let (dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    let theirs = read(&path).replace("[company]", "[company");
    std::fs::write(&path, &theirs).unwrap();
    let other = dir.path().join("mine.toml");
    browser.keys("ctrl-s a ctrl-u");
    browser.keys(&format!("{{{}}} enter", other.display()));
    assert_eq!(read(&path), theirs);
    assert!(read(&other).contains("without re-typing it!\""));
    assert!(!browser.app.is_dirty());
}

#[test]
fn save_as_offers_a_new_name_and_never_replaces_a_file() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter");
    let theirs = read(&path).replace("[company]", "[company");
    std::fs::write(&path, &theirs).unwrap();
    // The suggestion is a new name beside the file, not the file itself.
    browser.keys("ctrl-s a");
    let Some(Layer::Prompt(prompt)) = browser.app.layers.last() else {
        panic!("{:?}", browser.app.layers);
    };
    assert!(
        prompt.input.text().ends_with("strategy.mine.toml"),
        "{}",
        prompt.input.text()
    );
    // Typing their file's own name is refused: their change stays.
    browser.keys(&format!("ctrl-u {{{}}} enter", path.display()));
    assert_eq!(read(&path), theirs);
    assert!(browser.app.is_dirty());
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("already exists"), "{notice}");
    // The suggested name works.
    browser.keys("ctrl-s a enter");
    assert!(!browser.app.is_dirty());
    assert_eq!(read(&path), theirs);
    assert!(read(&path.with_file_name("strategy.mine.toml")).contains("re-typing it!\""));
}

#[test]
fn a_failed_save_says_why_and_keeps_the_edits_and_the_file() {
    let (_dir, path, original) = sample_copy();
    let failing: strata::tui::WriteStep = Box::new(|_, _| Err(io::Error::other("disk full")));
    let mut browser = Browser::on_file_with(&path, 100, 30, Some(failing));
    browser.keys("e enter {!} enter ctrl-s");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("not saved") && notice.contains("disk full"),
        "{notice}"
    );
    assert!(browser.text().contains("not saved"));
    assert!(browser.app.is_dirty());
    assert_eq!(read(&path), original, "file intact");
    browser.keys("q");
    assert!(!browser.exited, "quitting asks first");
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::QuitUnsaved))
    );
}

#[test]
fn ctrl_c_in_the_editor_asks_and_stay_returns_to_the_text() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e 6 {typed} ctrl-c");
    assert!(!browser.exited);
    assert_eq!(
        browser.app.layers.last(),
        Some(&Layer::Confirm(Confirm::QuitUnsaved))
    );
    // Stay: still in the editor, so more typing is text, not commands.
    browser.keys("esc { more} esc");
    let notes = browser
        .app
        .strategy
        .node(browser.app.strategy.vision().unwrap())
        .doc
        .notes
        .clone();
    assert!(notes.ends_with("typed more\n"), "{notes:?}");
    assert_eq!(read(&path), original, "nothing saved yet");
    // And from the editor, "save and quit" saves what was typed.
    browser.keys("e 6 {!} ctrl-c s");
    assert!(browser.exited);
    assert_eq!(
        node_doc(&path, "vision").notes,
        format!("{}!\n", notes.trim_end())
    );
}

#[test]
fn quitting_with_unsaved_edits_asks_save_discard_or_stay() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e enter {!} enter q");
    assert!(!browser.exited);
    browser.keys("esc");
    assert!(browser.app.layers.is_empty() && !browser.exited);
    browser.keys("ctrl-c d");
    assert!(browser.exited);
    assert_eq!(read(&path), original, "discarded");

    let mut browser = open(&path);
    browser.keys("e enter {!} enter q s");
    assert!(browser.exited);
    assert!(read(&path).contains("without re-typing it!\""));
}

#[test]
fn the_vision_cannot_be_deleted_or_renamed() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("d");
    assert!(browser.app.layers.is_empty());
    assert!(
        browser
            .app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("cannot be deleted")
    );
    browser.keys("i");
    assert!(browser.app.layers.is_empty());
}

#[test]
fn lint_follows_the_text_as_you_type() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("/ {quick-pay-at-pod} enter");
    let node = browser.app.tree.selected().unwrap();
    let before = browser.app.findings.counts(node);
    let future = browser.app.strategy.node(node).doc.future.chars().count();
    browser.keys("e 3");
    // The cursor starts after the text, before the string's last newline.
    for _ in 0..future {
        browser.keys("backspace");
    }
    browser.keys("delete");
    assert_eq!(browser.app.strategy.node(node).doc.future, "");
    // An empty future is an error the linter reports at once, before esc.
    let during = browser.app.findings.counts(node);
    assert!(during.errors + during.warnings > before.errors + before.warnings);
    browser.keys("esc u");
    assert_eq!(browser.app.findings.counts(node), before);
}

#[test]
fn an_option_moves_to_another_initiative_and_back_with_undo() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    let before = browser.app.strategy.clone();
    browser.keys("/ {quick-pay-at-pod} enter m");
    assert!(matches!(
        browser.app.layers.last(),
        Some(Layer::Reparent(_))
    ));
    browser.keys("k enter");
    assert_eq!(browser.selected(), "options.quick-pay-at-pod");
    browser.keys("ctrl-s");
    let (_, saved) = StrategyFile::open(&path).unwrap();
    let node = saved.find_key("options.quick-pay-at-pod").unwrap();
    let parent = saved.parent(node).unwrap();
    assert_eq!(
        saved.node(parent).key(),
        "initiatives.quotes-take-forty-minutes"
    );
    browser.keys("u");
    assert_eq!(browser.app.strategy, before);
}

#[test]
fn an_intent_has_no_other_parent_to_move_to() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("j m");
    assert!(browser.app.layers.is_empty());
    assert!(
        browser
            .app
            .notice
            .as_deref()
            .unwrap_or("")
            .contains("under the vision")
    );
}

#[test]
fn a_paste_is_text_never_keys() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    let before = browser.app.strategy.clone();
    strata::app::input::paste(&mut browser.app, "d y y\nq");
    assert_eq!(
        browser.app.strategy, before,
        "a paste outside an editor runs nothing"
    );
    assert!(browser.app.layers.is_empty());
    browser.keys("e 1");
    strata::app::input::paste(&mut browser.app, " — draft\r\nd y");
    browser.keys("esc");
    let vision = browser.app.strategy.vision().unwrap();
    let title = &browser.app.strategy.node(vision).doc.title;
    assert!(title.ends_with("re-typing it — draft d y"), "{title}");
    assert_eq!(browser.app.strategy.len(), before.len());
}

#[test]
fn list_items_are_reordered_and_removed_by_line() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    let before = node_doc(&root().join(SAMPLE), "vision").will_not;
    assert_eq!(before.len(), 4);
    // The editor opens at the end: on the last item. Move it up one, then
    // go to the first item (up moves by screen row and these items wrap,
    // so press it until the top) and delete it.
    browser.keys("e 4 alt-up up up up up up up up up up up ctrl-d esc ctrl-s");
    let after = node_doc(&path, "vision").will_not;
    assert_eq!(
        after,
        [before[1].clone(), before[3].clone(), before[2].clone()]
    );
}

#[test]
fn the_editor_sits_under_the_two_pager_it_edits() {
    let mut browser = Browser::new(SAMPLE, 100, 30);
    browser.keys("/ {quick-pay-at-pod} enter e 3 { More.}");
    insta::assert_snapshot!(browser.terminal.backend());
}

#[test]
fn deleting_asks_what_happens_to_the_nodes_below() {
    let mut browser = Browser::new(SAMPLE, 100, 30);
    browser.keys("/ {quotes-take-forty-minutes} enter d");
    insta::assert_snapshot!(browser.terminal.backend());
}

#[test]
fn up_in_a_wrapped_paragraph_moves_one_screen_row_not_one_line() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    // Forty words on one line: wrapped into several rows by the editor.
    let paragraph = vec!["word"; 40].join(" ");
    browser.keys(&format!("e 6 enter {{{paragraph}}} up {{X}} esc ctrl-s"));
    let notes = node_doc(&path, "vision").notes;
    let typed = notes.lines().last().unwrap();
    assert_eq!(
        typed.len(),
        paragraph.len() + 1,
        "X went into the paragraph: {notes:?}"
    );
    let at = typed.find('X').unwrap();
    assert!(
        at > 0 && at < paragraph.len() - 20,
        "X is one row up from the end, not at the end: {typed}"
    );
}

#[test]
fn down_in_a_wrapped_paragraph_moves_one_screen_row_not_one_line() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    // A paragraph of three or more rows, then a short line after it. From
    // the paragraph's start, down lands inside the paragraph, not on the
    // line after it.
    let paragraph = vec!["word"; 40].join(" ");
    browser.keys(&format!(
        "e 6 enter {{{paragraph}}} enter {{after}} up up home down {{X}} esc ctrl-s"
    ));
    let notes = node_doc(&path, "vision").notes;
    let lines: Vec<&str> = notes.lines().collect();
    assert_eq!(lines[lines.len() - 1], "after", "{notes:?}");
    let typed = lines[lines.len() - 2];
    let at = typed.find('X').expect("X went into the paragraph");
    assert!(at > 20, "X is a row into the paragraph: {typed}");
}

#[test]
fn moving_or_reordering_the_vision_explains_why_not() {
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("m");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("top of the cascade"), "{notice}");
    browser.keys("K");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("nothing to reorder"), "{notice}");
    assert!(browser.app.layers.is_empty() && !browser.app.is_dirty());
}

#[test]
fn owner_and_horizon_are_edited_in_place_and_a_bad_horizon_is_refused() {
    let (_dir, path, original) = sample_copy();
    let mut browser = open(&path);
    browser.keys("/ {quick-pay-at-pod} enter e 7 ctrl-u {Ana Lima (PM, Payments)} enter");
    browser.keys("e 8 ctrl-u {2027-13} enter");
    assert!(
        matches!(browser.app.layers.last(), Some(Layer::Editor(_))),
        "a horizon that does not read keeps the editor open"
    );
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(notice.contains("is not a horizon"), "{notice}");
    browser.keys("backspace backspace {12} enter ctrl-s");
    let doc = node_doc(&path, "options.quick-pay-at-pod");
    assert_eq!(doc.owner, "Ana Lima (PM, Payments)");
    assert_eq!(
        doc.horizon.map(|h| h.to_string()).as_deref(),
        Some("2027-12")
    );
    // Only those two lines changed.
    let saved = read(&path);
    let changed: Vec<_> = saved
        .lines()
        .zip(original.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(saved.lines().count(), original.lines().count());
}

#[test]
fn a_letter_and_its_combining_accent_are_one_step_in_every_text_box() {
    // `café` with the accent written as `e` + U+0301: left, then a letter,
    // puts the letter before the whole `é`, in the editor and in search.
    let (_dir, path, _) = sample_copy();
    let mut browser = open(&path);
    browser.keys("e 1 ctrl-u {cafe\u{301}} left {x} esc");
    let vision = browser.app.strategy.vision().unwrap();
    assert_eq!(browser.app.strategy.node(vision).doc.title, "cafxe\u{301}");
    browser.keys("/ {cafe\u{301}} left {x} backspace backspace");
    let Some(Layer::Search(search)) = browser.app.layers.last() else {
        panic!("search closed");
    };
    assert_eq!(search.query(), "cae\u{301}");
}
