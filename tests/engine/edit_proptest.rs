//! Random edit sequences: undoing them all returns the original strategy,
//! redoing them returns the edited one, and saving the edited strategy
//! reloads as the same cascade.

use crate::support;

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use strata::model::{
    Edit, Level, NodeId, Strategy, add_child, delete, move_among_siblings, rename,
};
use strata::store::{parse, patch};

#[derive(Debug, Clone)]
pub(crate) enum Op {
    Title(usize, String),
    Rename(usize, String),
    Delete(usize, bool),
    AddChild(usize, String),
    Move(usize, bool),
    Reparent(usize, usize),
}

pub(crate) fn op() -> impl proptest::strategy::Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), "[A-Za-z \"\\\\]{0,12}").prop_map(|(n, t)| Op::Title(n, t)),
        (any::<usize>(), "[a-z][a-z0-9-]{0,8}").prop_map(|(n, t)| Op::Rename(n, t)),
        (any::<usize>(), any::<bool>()).prop_map(|(n, c)| Op::Delete(n, c)),
        (any::<usize>(), "[A-Za-z ]{1,12}").prop_map(|(n, t)| Op::AddChild(n, t)),
        (any::<usize>(), any::<bool>()).prop_map(|(n, up)| Op::Move(n, up)),
        (any::<usize>(), any::<usize>()).prop_map(|(n, p)| Op::Reparent(n, p)),
    ]
}

fn pick(s: &Strategy, n: usize) -> Option<NodeId> {
    let live: Vec<NodeId> = s.iter().map(|(id, _)| id).collect();
    (!live.is_empty()).then(|| live[n % live.len()])
}

pub(crate) fn to_edit(s: &Strategy, op: &Op) -> Option<Edit> {
    match op {
        Op::Title(n, title) => {
            let id = pick(s, *n)?;
            let mut doc = s.node(id).doc.clone();
            doc.title = title.clone();
            Some(Edit::SetDoc {
                node: id,
                doc: Box::new(doc),
            })
        }
        Op::Rename(n, new_id) => Some(rename(s, pick(s, *n)?, new_id)),
        Op::Delete(n, children) => Some(delete(s, pick(s, *n)?, *children)),
        Op::AddChild(n, title) => add_child(s, pick(s, *n)?, title).map(|(_, e)| e),
        Op::Move(n, up) => move_among_siblings(s, pick(s, *n)?, *up),
        Op::Reparent(n, p) => {
            let id = pick(s, *n)?;
            let level = s.node(id).level.parent().filter(|l| *l != Level::Vision)?;
            let parents: Vec<NodeId> = s.at_level(level).collect();
            let parent = parents.get(p % parents.len().max(1))?;
            Some(Edit::SetParent {
                node: id,
                parent: Some(s.node(*parent).id.clone()),
            })
        }
    }
}

/// The cascade as plain data that survives a save and reload (ids, not arena slots).
fn shape(s: &Strategy) -> Vec<(usize, String, strata::model::TwoPager, Option<String>)> {
    s.cascade()
        .into_iter()
        .map(|(id, depth)| {
            let n = s.node(id);
            (depth, n.key(), n.doc.clone(), n.parent_ref.clone())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn undo_all_redo_all_and_save(ops in proptest::collection::vec(op(), 1..25)) {
        let text = support::read(&support::root().join("sample-strategy.toml"));
        let loaded = parse(&text).unwrap();
        let original = loaded.strategy.clone();
        let mut s = original.clone();
        let mut undo = Vec::new();
        for op in &ops {
            if let Some(edit) = to_edit(&s, op) {
                let before = s.clone();
                match s.apply(edit) {
                    Ok(inverse) => undo.push(inverse),
                    Err(_) => prop_assert_eq!(&s, &before, "a refused edit changes nothing"),
                }
            }
        }
        let edited = s.clone();

        // Saving the edited strategy reloads as the same cascade.
        let saved = patch(&text, &original, &edited).unwrap();
        let reloaded = parse(&saved).unwrap_or_else(|p| panic!("{p:#?}\n{saved}"));
        prop_assert_eq!(shape(&reloaded.strategy), shape(&edited));

        let mut redo = Vec::new();
        while let Some(inverse) = undo.pop() {
            redo.push(s.apply(inverse).unwrap());
        }
        prop_assert_eq!(&s, &original);
        while let Some(forward) = redo.pop() {
            s.apply(forward).unwrap();
        }
        prop_assert_eq!(&s, &edited);
    }
}
