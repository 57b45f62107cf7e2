use super::*;

#[test]
fn a_subset_keeps_ids_order_and_links_among_what_it_keeps() {
    let s = sample();
    let keep = |id: NodeId| id.index() != 1 && id.index() != 4;
    let part = s.subset(keep);
    assert_eq!(part.len(), 4);
    let ids: Vec<usize> = part.iter().map(|(id, _)| id.index()).collect();
    assert_eq!(ids, [0, 2, 3, 5]);
    assert_eq!(part.node(NodeId(3)), s.node(NodeId(3)));
    // `slow-quotes` names `grow`, which is not kept.
    assert_eq!(part.parent(NodeId(2)), None);
    assert_eq!(part.parent(NodeId(3)), Some(NodeId(2)));
    assert_eq!(part.find(Level::Intent, "grow"), None);
    assert_eq!(part.vision(), Some(NodeId(0)));
    // Built one node at a time, the same subset is equal.
    let mut slow = Strategy::new("Acme");
    for (id, node) in s.iter().filter(|(id, _)| keep(*id)) {
        assert!(slow.insert_at(id, node.clone(), usize::MAX));
    }
    assert_eq!(part, slow);
    assert_eq!(s.subset(|_| false).len(), 0);
}

#[test]
fn replacing_a_node_keeps_its_slot_and_place_and_relinks() {
    let mut s = sample();
    let grow = s.find(Level::Intent, "grow").unwrap();
    let slow = s.find(Level::Initiative, "slow-quotes").unwrap();
    let place = s.position(grow);
    let mut renamed = s.node(grow).clone();
    renamed.id = "expand".into();
    assert!(s.replace(grow, renamed));
    assert_eq!(s.position(grow), place);
    assert_eq!(s.find(Level::Intent, "expand"), Some(grow));
    assert_eq!(s.find(Level::Intent, "grow"), None);
    // The initiative still names `grow`, which is gone.
    assert_eq!(s.parent(slow), None);
    // An id another node of the level has is refused.
    let mut clash = s.node(grow).clone();
    clash.id = "save".into();
    assert!(!s.replace(grow, clash));
    assert_eq!(s.node(grow).id, "expand");
}

fn sample() -> Strategy {
    let mut s = Strategy::new("Acme");
    s.push_unlinked(Node::new(Level::Vision, "vision"));
    s.push_unlinked(Node::new(Level::Intent, "grow"));
    s.push_unlinked(Node::child_of(Level::Initiative, "slow-quotes", "grow"));
    s.push_unlinked(Node::child_of(Level::Option, "auto-quote", "slow-quotes"));
    s.push_unlinked(Node::child_of(Level::Option, "lost", "no-such-initiative"));
    s.push_unlinked(Node::new(Level::Intent, "save"));
    s.relink();
    s
}

#[test]
fn links_follow_the_ids_the_file_names() {
    let s = sample();
    let vision = s.vision().unwrap();
    let grow = s.find(Level::Intent, "grow").unwrap();
    let save = s.find(Level::Intent, "save").unwrap();
    assert_eq!(s.children(vision), &[grow, save]);
    let quotes = s.find(Level::Initiative, "slow-quotes").unwrap();
    assert_eq!(s.parent(quotes), Some(grow));
}

#[test]
fn path_to_vision_walks_up_from_the_node() {
    let s = sample();
    let option = s.find(Level::Option, "auto-quote").unwrap();
    let keys: Vec<String> = s
        .path_to_vision(option)
        .into_iter()
        .map(|id| s.node(id).key())
        .collect();
    assert_eq!(
        keys,
        [
            "options.auto-quote",
            "initiatives.slow-quotes",
            "intents.grow",
            "vision"
        ]
    );
}

#[test]
fn dangling_parents_are_orphans_not_errors() {
    let s = sample();
    let lost = s.find(Level::Option, "lost").unwrap();
    assert_eq!(s.orphans(), vec![lost]);
    assert_eq!(s.path_to_vision(lost), vec![lost]);
}

#[test]
fn cascade_is_depth_first_then_orphans() {
    let s = sample();
    let order: Vec<(String, usize)> = s
        .cascade()
        .into_iter()
        .map(|(id, depth)| (s.node(id).id.clone(), depth))
        .collect();
    let expected = [
        ("vision", 0),
        ("grow", 1),
        ("slow-quotes", 2),
        ("auto-quote", 3),
        ("save", 1),
        ("lost", 0),
    ];
    let expected: Vec<(String, usize)> = expected
        .iter()
        .map(|(id, d)| (id.to_string(), *d))
        .collect();
    assert_eq!(order, expected);
}
