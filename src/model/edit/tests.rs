use super::*;

fn sample() -> Strategy {
    let text = include_str!("../../../sample-strategy.toml");
    crate::store::parse(text)
        .map(|l| l.strategy)
        .unwrap_or_default()
}

#[test]
fn ids_from_titles_are_readable_and_unique() {
    let s = sample();
    assert_eq!(
        id_from_title(&s, Level::Intent, "Win Ohio's brokers — fast!"),
        "win-ohio-s-brokers-fast"
    );
    let taken = s.node(s.at_level(Level::Intent).next().unwrap()).id.clone();
    assert_eq!(
        id_from_title(&s, Level::Intent, &taken.replace('-', " ")),
        format!("{taken}-2")
    );
    assert_eq!(
        id_from_title(&s, Level::Option, "日本"),
        "option",
        "no ASCII to keep: the level's name"
    );
}

#[test]
fn generated_ids_are_short_and_whole_words() {
    let s = sample();
    let id = id_from_title(
        &s,
        Level::Initiative,
        "French bakers will not switch from their ovens without a trial",
    );
    assert_eq!(id, "french-bakers-will-not-switch");
    let long = "Every regional distributor wants quarterly pricing commitments";
    let id = id_from_title(&s, Level::Initiative, long);
    assert!(id.len() <= GENERATED_ID_MAX, "{id}");
    assert_eq!(id, "every-regional-distributor-wants");
    let mut taken = s.clone();
    taken.push_unlinked(crate::model::Node::new(Level::Initiative, id.clone()));
    taken.relink();
    let second = id_from_title(&taken, Level::Initiative, long);
    assert!(second.len() <= GENERATED_ID_MAX, "{second}");
    assert_eq!(second, "every-regional-distributor-2");
    let word = "x".repeat(50);
    assert_eq!(
        id_from_title(&s, Level::Option, &word).len(),
        GENERATED_ID_MAX
    );
}

#[test]
fn rename_carries_the_children_along_and_undoes() {
    let mut s = sample();
    let original = s.clone();
    let initiative = s
        .find(Level::Initiative, "quotes-take-forty-minutes")
        .unwrap();
    let children = s.children(initiative).to_vec();
    let inverse = s.apply(rename(&s, initiative, "slow-quotes")).unwrap();
    assert_eq!(s.children(initiative), children.as_slice());
    assert_eq!(
        s.node(children[0]).parent_ref.as_deref(),
        Some("slow-quotes")
    );
    s.apply(inverse).unwrap();
    assert_eq!(s, original);
}

#[test]
fn a_taken_or_malformed_id_is_refused_and_nothing_changes() {
    let mut s = sample();
    let original = s.clone();
    let ids: Vec<NodeId> = s.at_level(Level::Option).take(2).collect();
    let taken = s.node(ids[1]).id.clone();
    assert_eq!(
        s.apply(rename(&s, ids[0], &taken)),
        Err(EditError::IdTaken(taken))
    );
    assert_eq!(
        s.apply(rename(&s, ids[0], "Has Spaces")),
        Err(EditError::BadId("Has Spaces".into()))
    );
    assert_eq!(s, original);
}

#[test]
fn delete_with_children_and_undo_restores_everything() {
    let mut s = sample();
    let original = s.clone();
    let intent = s.at_level(Level::Intent).next().unwrap();
    let before = s.len();
    let inverse = s.apply(delete(&s, intent, true)).unwrap();
    assert!(s.len() < before - 3);
    assert!(s.orphans().is_empty(), "nothing left dangling");
    s.apply(inverse).unwrap();
    assert_eq!(s, original);
}

#[test]
fn add_child_goes_after_the_last_node_of_its_level() {
    let mut s = sample();
    let vision = s.vision().unwrap();
    let (id, edit) = add_child(&s, vision, "Own the Canadian market").unwrap();
    s.apply(edit).unwrap();
    assert_eq!(s.node(id).level, Level::Intent);
    assert_eq!(s.children(vision).last(), Some(&id));
    assert_eq!(s.node(id).id, "own-the-canadian-market");
    let option = s.at_level(Level::Option).next().unwrap();
    assert!(add_child(&s, option, "x").is_none());
}

#[test]
fn moving_among_siblings_swaps_and_stops_at_the_ends() {
    let mut s = sample();
    let vision = s.vision().unwrap();
    let intents = s.children(vision).to_vec();
    assert!(move_among_siblings(&s, intents[0], true).is_none());
    let edit = move_among_siblings(&s, intents[0], false).unwrap();
    s.apply(edit).unwrap();
    assert_eq!(s.children(vision)[..2], [intents[1], intents[0]]);
}
