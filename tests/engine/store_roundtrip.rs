//! Saving patches the original text: no edits means no change, one edit
//! changes only that field's bytes, and comments and order survive.

use crate::support;

use strata::model::{Field, Level, MetricPart, Node, NodeId, Status, Strategy};
use strata::store::{Loaded, parse, patch};

fn load(text: &str) -> Loaded {
    parse(text).unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn every_valid_file_saves_byte_identical_without_edits() {
    for path in support::valid_files() {
        let text = support::read(&path);
        let loaded = load(&text);
        let saved = patch(&text, &loaded.strategy, &loaded.strategy).unwrap();
        assert_eq!(saved, text, "{}", path.display());
    }
}

/// Asserts that `after` equals `before` outside `span`, the bytes of one field.
fn only_span_changed(before: &str, after: &str, span: std::ops::Range<usize>) {
    assert_eq!(
        &after[..span.start],
        &before[..span.start],
        "bytes before the field changed"
    );
    let tail = before.len() - span.end;
    assert_eq!(
        &after[after.len() - tail..],
        &before[span.end..],
        "bytes after the field changed"
    );
}

fn sample() -> (String, Loaded) {
    let text = support::read(&support::root().join("sample-strategy.toml"));
    let loaded = load(&text);
    (text, loaded)
}

fn edit_and_check(edit: impl FnOnce(&mut Strategy) -> (NodeId, Field)) {
    let (text, loaded) = sample();
    let mut current = loaded.strategy.clone();
    let (node, field) = edit(&mut current);
    let saved = patch(&text, &loaded.strategy, &current).unwrap();
    assert_ne!(saved, text, "the edit must show in the file");
    let span = loaded
        .source
        .field(node, field)
        .expect("the field is in the file");
    only_span_changed(&text, &saved, span);
    // And it reads back as the edited model.
    let reloaded = load(&saved);
    assert_eq!(reloaded.strategy.node(node), current.node(node));
}

fn option(s: &Strategy, id: &str) -> NodeId {
    s.find(Level::Option, id).unwrap()
}

#[test]
fn changing_a_title_changes_only_the_title() {
    edit_and_check(|s| {
        let id = option(s, "email-tender-parsing");
        s.doc_mut(id).title = "Parse emailed tenders".into();
        (id, Field::Title)
    });
}

#[test]
fn changing_a_multiline_future_changes_only_the_future() {
    edit_and_check(|s| {
        let id = s.find(Level::Intent, "win-mid-market-brokers").unwrap();
        s.doc_mut(id).future = "By 2028, 420 brokerages.\nSecond \"line\" with \\ and '''.".into();
        (id, Field::Future)
    });
}

#[test]
fn changing_one_will_not_item_changes_only_that_item() {
    edit_and_check(|s| {
        let id = s.vision().unwrap();
        s.doc_mut(id).will_not[1] = "We will not sell in Europe before 2030".into();
        (id, Field::WillNot(1))
    });
}

#[test]
fn changing_one_metric_target_changes_only_that_value() {
    edit_and_check(|s| {
        let id = s.vision().unwrap();
        s.doc_mut(id).metrics[0].target = Some("15M".into());
        (id, Field::Metric(0, MetricPart::Target))
    });
}

#[test]
fn changing_a_status_changes_only_the_status() {
    edit_and_check(|s| {
        let id = option(s, "pilot-lane-first");
        s.doc_mut(id).status = Status::Approved;
        (id, Field::Status)
    });
}

#[test]
fn comments_and_key_order_survive_edits() {
    let path = support::root().join("tests/fixtures/valid/comments-everywhere.toml");
    let text = support::read(&path);
    let loaded = load(&text);
    let mut current = loaded.strategy.clone();
    let vision = current.vision().unwrap();
    current.doc_mut(vision).title = "Edited".into();
    current.doc_mut(vision).will_not[0] = "Edited item".into();
    let saved = patch(&text, &loaded.strategy, &current).unwrap();
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.contains('#'))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(comments(&saved).len(), comments(&text).len());
    assert!(
        saved.contains("title   =   \"Edited\"   # odd spacing"),
        "{saved}"
    );
    assert!(saved.contains("  \"Edited item\",\n"), "{saved}");
    let keys = |t: &str| {
        t.lines()
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&saved), keys(&text));
}

#[test]
fn emptying_a_field_removes_its_key() {
    let (text, loaded) = sample();
    let mut current = loaded.strategy.clone();
    let id = option(&current, "pilot-lane-first");
    current.doc_mut(id).notes.clear();
    let saved = patch(&text, &loaded.strategy, &current).unwrap();
    let reloaded = load(&saved);
    assert_eq!(reloaded.strategy.node(id).doc.notes, "");
    assert_eq!(reloaded.strategy.len(), loaded.strategy.len());
}

#[test]
fn a_new_node_goes_at_the_end_of_its_section() {
    let (text, loaded) = sample();
    let mut current = loaded.strategy.clone();
    let mut node = Node::new(Level::Intent, "new-intent");
    node.doc.title = "A fourth intent".into();
    current.add(node);
    let saved = patch(&text, &loaded.strategy, &current).unwrap();
    let new_at = saved
        .find("[intents.new-intent]")
        .expect("new table written");
    let last_intent = saved.find("[intents.earn-on-carrier-payments]").unwrap();
    let first_initiative = saved.find("[initiatives.").unwrap();
    assert!(
        last_intent < new_at && new_at < first_initiative,
        "{}",
        &saved[last_intent..first_initiative + 40]
    );
    let reloaded = load(&saved);
    let intents: Vec<String> = reloaded
        .strategy
        .at_level(Level::Intent)
        .map(|id| reloaded.strategy.node(id).id.clone())
        .collect();
    assert_eq!(intents.last().map(String::as_str), Some("new-intent"));
    // Everything before the new table is untouched.
    assert_eq!(&saved[..last_intent], &text[..last_intent]);
}

#[test]
fn a_crlf_file_keeps_crlf_line_endings_after_an_edit() {
    let path = support::root().join("tests/fixtures/valid/crlf.toml");
    let text = support::read(&path);
    let loaded = load(&text);
    let mut current = loaded.strategy.clone();
    let intent = current.find(Level::Intent, "one").unwrap();
    current.doc_mut(intent).title = "Edited".into();
    let saved = patch(&text, &loaded.strategy, &current).unwrap();
    assert_eq!(saved, text.replace("title = \"One\"", "title = \"Edited\""));
    assert_eq!(
        load(&saved).strategy.node(current.vision().unwrap()),
        loaded.strategy.node(current.vision().unwrap())
    );
}

#[test]
fn list_edits_keep_what_the_loader_did_not_understand() {
    let text = "version = 1\n[vision]\ntitle = \"V\"\nwill_not = [\n  \"first\", # why first\n  \"second\",\n  \"third\",\n]\nmetrics = [\n  { name = \"a\", target = \"1\", source = \"finance\" },\n  { name = \"b\", target = \"2\" },\n  { name = \"c\", target = \"3\", owner_team = \"ops\" },\n]\n";
    let loaded = load(text);
    let mut current = loaded.strategy.clone();
    let vision = current.vision().unwrap();
    let doc = current.doc_mut(vision);
    doc.metrics.remove(1);
    doc.metrics[1].target = Some("30".into());
    doc.will_not.remove(1);
    doc.will_not.push("fourth".into());
    let saved = patch(text, &loaded.strategy, &current).unwrap();
    assert!(
        saved.contains("{ name = \"a\", target = \"1\", source = \"finance\" }"),
        "{saved}"
    );
    assert!(saved.contains("owner_team = \"ops\""), "{saved}");
    assert!(saved.contains("\"first\", # why first"), "{saved}");
    let reloaded = load(&saved);
    assert_eq!(reloaded.strategy.node(vision).doc, current.node(vision).doc);
}

#[test]
fn renames_that_reuse_an_id_never_write_one_table_over_another() {
    let text = "version = 1\n[vision]\ntitle = \"V\"\n\n[intents.a]\ntitle = \"A\" # about A\n\n[intents.b]\ntitle = \"B\"\n";
    let loaded = load(text);
    let a = loaded.strategy.find(Level::Intent, "a").unwrap();
    let b = loaded.strategy.find(Level::Intent, "b").unwrap();

    // b → c, then a → b.
    let mut current = loaded.strategy.clone();
    current
        .apply(strata::model::rename(&current, b, "c"))
        .unwrap();
    current
        .apply(strata::model::rename(&current, a, "b"))
        .unwrap();
    let saved = patch(text, &loaded.strategy, &current).unwrap();
    assert!(
        strata::store::same_content(&load(&saved).strategy, &current),
        "{saved}"
    );
    assert!(
        saved.contains("[intents.b]\ntitle = \"A\" # about A"),
        "{saved}"
    );

    // A swap through a temporary id.
    let mut current = loaded.strategy.clone();
    for (node, id) in [(a, "tmp"), (b, "a"), (a, "b")] {
        current
            .apply(strata::model::rename(&current, node, id))
            .unwrap();
    }
    let saved = patch(text, &loaded.strategy, &current).unwrap();
    assert!(
        strata::store::same_content(&load(&saved).strategy, &current),
        "{saved}"
    );
}

#[test]
fn multiline_text_in_a_crlf_file_reads_without_carriage_returns_and_saves_exactly() {
    let path = support::root().join("tests/fixtures/valid/crlf.toml");
    let text = support::read(&path);
    let loaded = load(&text);
    let vision = loaded.strategy.vision().unwrap();
    assert_eq!(
        loaded.strategy.node(vision).doc.future,
        "Two lines\nof future.\n"
    );

    let mut current = loaded.strategy.clone();
    current.doc_mut(vision).today = "New\nmulti-line\ntoday".into();
    let intent = current.find(Level::Intent, "one").unwrap();
    current.doc_mut(intent).title = "Edited".into();
    let saved = patch(&text, &loaded.strategy, &current).unwrap();
    assert!(
        !saved.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF: {saved:?}"
    );
    assert!(
        strata::store::same_content(&load(&saved).strategy, &current),
        "{saved:?}"
    );
}

#[test]
fn removing_a_list_item_takes_its_own_comment_and_leaves_the_others() {
    let text = "version = 1\n[vision]\ntitle = \"V\"\nwill_not = [\n  # about first\n  \"first\", # after first\n  # about second\n  \"second\", # after second\n  \"third\",\n]\n";
    let loaded = load(text);
    let vision = loaded.strategy.vision().unwrap();
    for (remove, expected) in [
        (
            0,
            "will_not = [\n  # about second\n  \"second\", # after second\n  \"third\",\n]\n",
        ),
        (
            1,
            "will_not = [\n  # about first\n  \"first\", # after first\n  \"third\",\n]\n",
        ),
    ] {
        let mut current = loaded.strategy.clone();
        current.doc_mut(vision).will_not.remove(remove);
        let saved = patch(text, &loaded.strategy, &current).unwrap();
        assert!(saved.ends_with(expected), "removing {remove}:\n{saved}");
    }
}

#[test]
fn untouched_numeric_metric_values_keep_their_spelling() {
    let text = "version = 1\n[vision]\ntitle = \"V\"\nmetrics = [{ name = \"m\", baseline = 1_000, target = 2.5e3 }]\n";
    let loaded = load(text);
    let vision = loaded.strategy.vision().unwrap();
    assert_eq!(
        loaded.strategy.node(vision).doc.metrics[0]
            .baseline
            .as_deref(),
        Some("1000")
    );
    let mut current = loaded.strategy.clone();
    current.doc_mut(vision).metrics[0].by = Some("2030-12".into());
    let saved = patch(text, &loaded.strategy, &current).unwrap();
    assert!(
        saved.contains("baseline = 1_000, target = 2.5e3"),
        "{saved}"
    );
    assert!(
        strata::store::same_content(&load(&saved).strategy, &current),
        "{saved}"
    );
}

#[test]
fn moving_siblings_is_saved_in_dotted_and_inline_sections_too() {
    for text in [
        "version = 1\nvision.title = \"V\"\nintents.a.title = \"A\"\nintents.b.title = \"B\"\n",
        "version = 1\nvision.title = \"V\"\nintents = { a = { title = \"A\" }, b = { title = \"B\" } }\n",
    ] {
        let loaded = load(text);
        let mut current = loaded.strategy.clone();
        let b = current.find(Level::Intent, "b").unwrap();
        let edit = strata::model::move_among_siblings(&current, b, true).unwrap();
        current.apply(edit).unwrap();
        let saved = patch(text, &loaded.strategy, &current).unwrap();
        assert!(
            strata::store::same_content(&load(&saved).strategy, &current),
            "{saved}"
        );
        assert!(
            saved.find("B").unwrap() < saved.find("A").unwrap(),
            "{saved}"
        );
    }
}

#[test]
fn metrics_written_as_tables_stay_tables_with_their_comments_and_unknown_keys() {
    let text = "version = 1\n[vision]\ntitle = \"V\"\n\n# metric one\n[[vision.metrics]]\nname = \"one\"\ntarget = \"1\"\nsource = \"finance dashboard\" # keep\n\n[[vision.metrics]]\nname = \"two\"\ntarget = \"2\"\n";
    let loaded = load(text);
    let vision = loaded.strategy.vision().unwrap();
    for edit in [
        |m: &mut Vec<strata::model::Metric>| m[1].target = Some("20".into()),
        |m: &mut Vec<strata::model::Metric>| {
            m.remove(1);
        },
        |m: &mut Vec<strata::model::Metric>| {
            m.push(strata::model::Metric {
                name: "three".into(),
                ..Default::default()
            })
        },
    ] {
        let mut current = loaded.strategy.clone();
        edit(&mut current.doc_mut(vision).metrics);
        let saved = patch(text, &loaded.strategy, &current).unwrap();
        assert!(
            saved.contains("# metric one\n[[vision.metrics]]\nname = \"one\""),
            "{saved}"
        );
        assert!(
            saved.contains("source = \"finance dashboard\" # keep"),
            "{saved}"
        );
        assert!(
            strata::store::same_content(&load(&saved).strategy, &current),
            "{saved}"
        );
    }
}

#[test]
fn deleting_the_first_table_of_a_section_keeps_the_comment_that_introduces_it() {
    let starter = include_str!("../../src/cli/starter.toml");
    let guide = "# Options (epics): the bets a product team makes. Each names its initiative.";
    let loaded = load(starter);
    let mut s = loaded.strategy.clone();
    // The starter's only option: the comment stays, at the end of the file.
    let bet = s.find_key("options.first-bet").unwrap();
    s.apply(strata::model::delete(&s, bet, false)).unwrap();
    let saved = patch(starter, &loaded.strategy, &s).unwrap();
    assert!(!saved.contains("[options.first-bet]"), "{saved}");
    assert!(saved.contains(guide), "{saved}");
    assert!(load(&saved).strategy.find_key("options.first-bet").is_err());
    // A new option then comes after it, so the comment still introduces it.
    let mut again = load(&saved).strategy;
    let before = again.clone();
    let problem = again.find_key("initiatives.first-problem").unwrap();
    let (_, add) = strata::model::add_child(&again, problem, "Second bet").unwrap();
    again.apply(add).unwrap();
    let resaved = patch(&saved, &before, &again).unwrap();
    let (at_guide, at_table) = (resaved.find(guide), resaved.find("[options."));
    assert!(at_guide.is_some() && at_guide < at_table, "{resaved}");

    // The first intent of two: the comment moves onto the next intent.
    let two = format!("{starter}\n[intents.second]\ntitle = \"Second\"\n");
    let loaded = load(&two);
    let mut s = loaded.strategy.clone();
    let first = s.find_key("intents.first-intent").unwrap();
    s.apply(strata::model::delete(&s, first, false)).unwrap();
    let saved = patch(&two, &loaded.strategy, &s).unwrap();
    let intro = "# Strategic intents: the few business movers for the next 2-3 years.\n";
    assert!(saved.contains(intro), "{saved}");
    assert!(!saved.contains("first-intent]"), "{saved}");
    // The second intent was written after the initiatives; the comment sits
    // above whatever table now follows where the first one was.
    assert_eq!(load(&saved).strategy.len(), s.len());
    // A later table's own comment goes with it.
    let commented = two.replace("[intents.second]", "# about the second\n[intents.second]");
    let loaded = load(&commented);
    let mut s = loaded.strategy.clone();
    let second = s.find_key("intents.second").unwrap();
    s.apply(strata::model::delete(&s, second, false)).unwrap();
    let saved = patch(&commented, &loaded.strategy, &s).unwrap();
    assert!(!saved.contains("# about the second"), "{saved}");
}
