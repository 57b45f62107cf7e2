//! The sample strategy's two-pagers, written for the user's editor: how they
//! look, and that every one reads back unchanged.

use crate::support;

use strata::model::{Level, from_markdown, to_markdown};
use strata::store::parse;

#[test]
fn every_sample_two_pager_round_trips() {
    for path in support::valid_files() {
        let loaded = parse(&support::read(&path)).unwrap();
        for (_, node) in loaded.strategy.iter() {
            let text = to_markdown(node);
            assert_eq!(
                from_markdown(&text, node).as_ref(),
                Ok(&node.doc),
                "{} in {}:\n{text}",
                node.key(),
                path.display()
            );
        }
    }
}

#[test]
fn an_intent_as_markdown() {
    let loaded = parse(&support::read(
        &support::root().join("sample-strategy.toml"),
    ))
    .unwrap();
    let strategy = &loaded.strategy;
    let intent = strategy.at_level(Level::Intent).next().unwrap();
    insta::assert_snapshot!(to_markdown(strategy.node(intent)));
}
