//! The three-way merge behind saving onto a colleague's change and carrying
//! review decisions onto their version: disjoint edits both land, the same
//! field changed on both sides is a conflict, deletes against edits, and
//! (property) merging with an unchanged side gives the other side.

use crate::edit_proptest::{op, to_edit};
use crate::support;

use proptest::prelude::*;
use strata::model::{Date, Decision, Edit, Level, Review, Side, Strategy, merge, record_review};
use strata::store::{parse, patch, same_content};

const BASE: &str = r#"version = 1

[vision]
title = "V"
today = "Where we are."

# Intents: the few movers.
[intents.grow]
title = "Grow"
owner = "Ana"
will_not = ["Cut prices"]

[intents.keep]
title = "Keep"

[initiatives.onboard]
intent = "grow"
title = "Onboarding hurts"
"#;

fn load(text: &str) -> Strategy {
    parse(text)
        .unwrap_or_else(|p| panic!("{p:#?}\n{text}"))
        .strategy
}

/// `strategy` with `key`'s two-pager changed by `f`.
fn edit_doc(strategy: &mut Strategy, key: &str, f: impl FnOnce(&mut strata::model::TwoPager)) {
    let node = strategy.find_key(key).unwrap();
    let mut doc = strategy.node(node).doc.clone();
    f(&mut doc);
    strategy
        .apply(Edit::SetDoc {
            node,
            doc: Box::new(doc),
        })
        .unwrap();
}

fn doc<'s>(strategy: &'s Strategy, key: &str) -> &'s strata::model::TwoPager {
    &strategy.node(strategy.find_key(key).unwrap()).doc
}

#[test]
fn edits_to_different_nodes_and_fields_all_land_on_their_text() {
    let base = load(BASE);
    let mut ours = base.clone();
    edit_doc(&mut ours, "intents.grow", |d| d.title = "Grow, mine".into());
    edit_doc(&mut ours, "intents.keep", |d| {
        d.will_not.push("Mine".into())
    });
    // The colleague edited another field of the same node, and another node.
    let their_text = BASE
        .replace("owner = \"Ana\"", "owner = \"Bo\"  # since May")
        .replace("today = \"Where we are.\"", "today = \"Where we are now.\"");
    let theirs = load(&their_text);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
    let result = merged.resolved(Side::Mine);
    assert_eq!(doc(result, "intents.grow").title, "Grow, mine");
    assert_eq!(doc(result, "intents.grow").owner, "Bo");
    assert_eq!(doc(result, "vision").today, "Where we are now.");
    assert_eq!(doc(result, "intents.keep").will_not, ["Mine"]);
    // Saved onto their text: their comment stays, both edits are in the file.
    let written = patch(&their_text, &theirs, result).unwrap();
    assert!(written.contains("owner = \"Bo\"  # since May"), "{written}");
    assert!(written.contains("title = \"Grow, mine\""), "{written}");
    assert!(written.contains("# Intents: the few movers."), "{written}");
    assert!(same_content(&load(&written), result));
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_either_side_can_win() {
    let base = load(BASE);
    let mut ours = base.clone();
    edit_doc(&mut ours, "intents.grow", |d| {
        d.title = "Grow, mine".into();
        d.owner = "Cy".into();
    });
    let theirs = load(
        &BASE
            .replace("title = \"Grow\"", "title = \"Grow, theirs\"")
            .replace("title = \"Keep\"", "title = \"Keep, theirs\""),
    );
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:#?}", merged.conflicts);
    let conflict = &merged.conflicts[0];
    assert_eq!(
        (
            conflict.key.as_str(),
            conflict.field,
            conflict.mine.as_str(),
            conflict.theirs.as_str()
        ),
        ("intents.grow", "title", "Grow, mine", "Grow, theirs")
    );
    for (side, title) in [(Side::Mine, "Grow, mine"), (Side::Theirs, "Grow, theirs")] {
        let result = merged.resolved(side);
        assert_eq!(doc(result, "intents.grow").title, title);
        assert_eq!(doc(result, "intents.grow").owner, "Cy", "not a conflict");
        assert_eq!(doc(result, "intents.keep").title, "Keep, theirs");
    }
    // The same change on both sides is no conflict.
    let mut same = base.clone();
    edit_doc(&mut same, "intents.grow", |d| {
        d.title = "Grow, theirs".into()
    });
    assert!(merge(&base, &same, &theirs).conflicts.is_empty());
}

#[test]
fn deleting_against_editing_asks_and_deleting_an_untouched_node_does_not() {
    let base = load(BASE);
    let keep = base.find_key("intents.keep").unwrap();
    let mut ours = base.clone();
    ours.apply(strata::model::delete(&ours, keep, false))
        .unwrap();
    // They did not touch it: it is gone.
    let theirs = load(&BASE.replace("title = \"V\"", "title = \"V2\""));
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty());
    let result = merged.resolved(Side::Mine);
    assert!(result.find_key("intents.keep").is_err());
    assert_eq!(doc(result, "vision").title, "V2");
    // They edited it: a conflict; mine deletes, theirs keeps their edit.
    let theirs = load(&BASE.replace("title = \"Keep\"", "title = \"Keep it\""));
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "node");
    assert_eq!(merged.conflicts[0].mine, "(deleted)");
    assert!(
        merged
            .resolved(Side::Mine)
            .find_key("intents.keep")
            .is_err()
    );
    assert_eq!(
        doc(merged.resolved(Side::Theirs), "intents.keep").title,
        "Keep it"
    );
    // They deleted a node I edited: a conflict the other way round.
    let mut edited = base.clone();
    edit_doc(&mut edited, "intents.keep", |d| {
        d.title = "Keep, mine".into()
    });
    let without = load(&BASE.replace("[intents.keep]\ntitle = \"Keep\"\n", ""));
    let merged = merge(&base, &edited, &without);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].theirs, "(deleted)");
    assert_eq!(
        doc(merged.resolved(Side::Mine), "intents.keep").title,
        "Keep, mine"
    );
    assert!(
        merged
            .resolved(Side::Theirs)
            .find_key("intents.keep")
            .is_err()
    );
    // And they deleted a node I did not touch: gone, no question.
    let merged = merge(&base, &base.clone(), &without);
    assert!(merged.conflicts.is_empty());
    assert!(
        merged
            .resolved(Side::Mine)
            .find_key("intents.keep")
            .is_err()
    );
}

#[test]
fn new_nodes_renames_and_order_from_both_sides() {
    let base = load(BASE);
    let mut ours = base.clone();
    let grow = ours.find_key("intents.grow").unwrap();
    let (_, add) = strata::model::add_child(&ours, ours.vision().unwrap(), "Mine new").unwrap();
    ours.apply(add).unwrap();
    ours.apply(strata::model::rename(&ours, grow, "grow-fast"))
        .unwrap();
    let theirs_text = format!("{BASE}\n[intents.theirs-new]\ntitle = \"Theirs new\"\n");
    let theirs = load(&theirs_text);
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
    let result = merged.resolved(Side::Mine);
    let intents: Vec<String> = result
        .at_level(Level::Intent)
        .map(|id| result.node(id).id.clone())
        .collect();
    // Both added at the end of the intents: theirs first, the file being theirs.
    assert_eq!(intents, ["grow-fast", "keep", "theirs-new", "mine-new"]);
    // The rename carried the child along, as it did in mine.
    let onboard = result.node(result.find_key("initiatives.onboard").unwrap());
    assert_eq!(onboard.parent_ref.as_deref(), Some("grow-fast"));
    let written = patch(&theirs_text, &theirs, result).unwrap();
    assert!(same_content(&load(&written), result), "{written}");

    // I moved keep above grow; they did not reorder: my order, their new node kept.
    let mut moved = base.clone();
    let keep = moved.find_key("intents.keep").unwrap();
    let step = strata::model::move_among_siblings(&moved, keep, true).unwrap();
    moved.apply(step).unwrap();
    let result = merge(&base, &moved, &theirs).into_resolved(Side::Mine);
    let intents: Vec<String> = result
        .at_level(Level::Intent)
        .map(|id| result.node(id).id.clone())
        .collect();
    assert_eq!(intents, ["keep", "grow", "theirs-new"]);
}

#[test]
fn review_records_added_on_both_sides_are_all_kept() {
    let base = load(BASE);
    let on = Date::new(2026, 11, 22).unwrap();
    let grow = base.find_key("intents.grow").unwrap();
    let mut ours = base.clone();
    let edit = record_review(&ours, grow, Review::new("Dana", on, Decision::Approve)).unwrap();
    ours.apply(edit).unwrap();
    let mut theirs = load(BASE);
    let their_grow = theirs.find_key("intents.grow").unwrap();
    let edit = record_review(
        &theirs,
        their_grow,
        Review::new("Eli", on, Decision::Comment),
    )
    .unwrap();
    theirs.apply(edit).unwrap();
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
    let node = merged.resolved(Side::Mine).node(their_grow);
    let by: Vec<&str> = node.reviews.iter().map(|r| r.by.as_str()).collect();
    assert_eq!(by, ["Eli", "Dana"]);
    assert_eq!(node.doc.status, strata::model::Status::Approved);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(
        ops in proptest::collection::vec(op(), 1..20),
    ) {
        let text = support::read(&support::root().join("sample-strategy.toml"));
        let base = load(&text);
        let mut edited = base.clone();
        for op in &ops {
            if let Some(edit) = to_edit(&edited, op) {
                let _ = edited.apply(edit);
            }
        }
        // Mine edited, theirs as read: the merge is mine, and saves as mine.
        let theirs = load(&text);
        let merged = merge(&base, &edited, &theirs);
        prop_assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
        let result = merged.resolved(Side::Mine);
        prop_assert!(same_content(result, &edited));
        let written = patch(&text, &theirs, result).unwrap();
        prop_assert!(same_content(&load(&written), &edited), "{}", written);

        // Theirs edited (read back from their file, so matched by key only),
        // mine untouched: the merge is theirs exactly.
        let their_text = patch(&text, &base, &edited).unwrap();
        let theirs = load(&their_text);
        let merged = merge(&base, &base.clone(), &theirs);
        prop_assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
        prop_assert_eq!(merged.resolved(Side::Mine), &theirs);
    }
}
