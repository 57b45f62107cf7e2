//! Tracker keys and links on a node (`tracker = ["PROJ-123"]`,
//! `links = ["https://…"]`): read, checked, and saved by patching so the
//! comments around them stay.

use strata::model::{Level, Strategy};
use strata::store::{Loaded, parse, patch};

const FILE: &str = r#"version = 1
as_of = 2026-11-01

[company]
name = "Acme"

[vision]
title = "Every warehouse restocks overnight"

[intents.ohio-first]
title = "Win Ohio"
# the epics in the tracker
tracker = [
  "OHIO-7", # the launch epic
  "OHIO-9",
]
links = ["https://tracker.example.com/browse/OHIO-7"] # where it lives
"#;

fn load(text: &str) -> Loaded {
    parse(text).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn intent(strategy: &Strategy) -> strata::model::NodeId {
    strategy.at_level(Level::Intent).next().unwrap()
}

#[test]
fn tracker_keys_and_links_are_read() {
    let loaded = load(FILE);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let node = loaded.strategy.node(intent(&loaded.strategy));
    assert_eq!(node.tracker, ["OHIO-7", "OHIO-9"]);
    assert_eq!(node.links, ["https://tracker.example.com/browse/OHIO-7"]);
}

#[test]
fn an_added_key_keeps_every_comment_and_reads_back() {
    let loaded = load(FILE);
    let mut current = loaded.strategy.clone();
    let id = intent(&current);
    let mut node = current.node(id).clone();
    node.tracker.push("OHIO-12".into());
    node.links.clear();
    assert!(current.replace(id, node));
    let saved = patch(FILE, &loaded.strategy, &current).unwrap();
    for comment in ["# the epics in the tracker", "# the launch epic"] {
        assert!(saved.contains(comment), "{comment} lost:\n{saved}");
    }
    assert!(!saved.contains("links"), "an emptied list is removed:\n{saved}");
    let reloaded = load(&saved);
    assert_eq!(
        reloaded.strategy.node(intent(&reloaded.strategy)).tracker,
        ["OHIO-7", "OHIO-9", "OHIO-12"]
    );
}

#[test]
fn a_new_node_writes_its_tracker_keys() {
    let loaded = load(FILE);
    let mut current = loaded.strategy.clone();
    let mut node = strata::model::Node::new(Level::Intent, "texas-next");
    node.doc.title = "Win Texas".into();
    node.tracker = vec!["TX-1".into()];
    node.links = vec!["https://example.com/tx".into()];
    current.add(node);
    let saved = patch(FILE, &loaded.strategy, &current).unwrap();
    let reloaded = load(&saved);
    let texas = reloaded
        .strategy
        .iter()
        .find(|(_, n)| n.id == "texas-next")
        .map(|(_, n)| n.clone())
        .expect("the new node is saved");
    assert_eq!(texas.tracker, ["TX-1"]);
    assert_eq!(texas.links, ["https://example.com/tx"]);
}

#[test]
fn a_key_with_spaces_is_an_error_and_a_link_that_is_not_web_is_a_warning() {
    let text = FILE
        .replace("\"OHIO-9\"", "\"OHIO 9\"")
        .replace("https://tracker", "javascript:alert(1)//tracker");
    let problems = parse(&text).err().expect("a spaced key is an error");
    assert!(
        problems.iter().any(|p| p.message.contains("tracker")),
        "{problems:#?}"
    );
    let text = FILE.replace("https://tracker", "javascript:alert(1)//tracker");
    let loaded = load(&text);
    assert!(
        loaded.warnings.iter().any(|p| p.message.contains("not http(s)")),
        "{:?}",
        loaded.warnings
    );
}
