//! Turning a recovered file text back into something to show and to keep
//! editing. Two loads of a file number their nodes independently, so nodes
//! are matched by key (`intents.win`), never by [`NodeId`](crate::model::NodeId).

use std::collections::{HashMap, HashSet};

use crate::model::{Node, Strategy};

/// The keys of the nodes that differ between `base` and `recovered`: changed
/// (any field, the parent, the `allow` list), added, or removed. Changed and
/// added nodes come in `recovered`'s order, then removed ones in `base`'s.
/// A node only moved among its siblings is not listed, and a renamed one is
/// listed under both keys. Company facts (`company`, `as_of`) are not nodes;
/// compare them directly.
pub fn changed_node_keys(base: &Strategy, recovered: &Strategy) -> Vec<String> {
    let before: HashMap<String, &Node> = base.iter().map(|(_, n)| (n.key(), n)).collect();
    let after: HashSet<String> = recovered.iter().map(|(_, n)| n.key()).collect();
    let mut keys: Vec<String> = recovered
        .iter()
        .filter(|(_, node)| before.get(&node.key()) != Some(node))
        .map(|(_, node)| node.key())
        .collect();
    keys.extend(
        base.iter()
            .map(|(_, node)| node.key())
            .filter(|key| !after.contains(key)),
    );
    keys
}

/// `recovered`'s content and order, on `baseline`'s [`NodeId`](crate::model::NodeId)s.
///
/// Saving matches nodes by id, and a fresh parse of the recovered text numbers
/// them its own way (a node added in the middle shifts every id after it), so
/// the working copy after a recovery must be built on the baseline the file
/// was loaded into: nodes with the same key keep their baseline id, new ones
/// get new ids. Then [`StrategyFile::save`](super::super::StrategyFile::save)
/// patches exactly the recovered edits into the file.
pub fn rebase_by_key(baseline: &Strategy, recovered: &Strategy) -> Strategy {
    let mut out = baseline.clone();
    out.company.clone_from(&recovered.company);
    out.as_of = recovered.as_of;
    let keep: HashSet<String> = recovered.iter().map(|(_, n)| n.key()).collect();
    for (id, node) in baseline.iter() {
        if !keep.contains(&node.key()) {
            out.remove(id);
        }
    }
    // Placing each recovered node at its index, in order, leaves the ones
    // already placed in front untouched, so the final order is `recovered`'s.
    for (index, (_, node)) in recovered.iter().enumerate() {
        match baseline.find(node.level, &node.id) {
            Some(id) if out.get(id) == Some(node) => out.move_to(id, index),
            Some(id) => {
                out.remove(id);
                place(&mut out, id, node, index);
            }
            None => {
                let id = out.next_id();
                place(&mut out, id, node, index);
            }
        }
    }
    out
}

fn place(out: &mut Strategy, id: crate::model::NodeId, node: &Node, index: usize) {
    let placed = out.insert_at(id, node.clone(), index);
    // The slot was just freed or is past the end, and a parsed file has each
    // key once, so the insert cannot be refused.
    debug_assert!(placed, "could not place {}", node.key());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Level;

    fn strategy(nodes: &[(Level, &str, &str)]) -> Strategy {
        let mut s = Strategy::new("Acme");
        for &(level, id, title) in nodes {
            let mut node = Node::new(level, id);
            node.doc.title = title.into();
            s.push_unlinked(node);
        }
        s.relink();
        s
    }

    #[test]
    fn lists_changed_added_and_removed_nodes_by_key() {
        let base = strategy(&[
            (Level::Vision, "vision", "V"),
            (Level::Intent, "a", "A"),
            (Level::Intent, "b", "B"),
            (Level::Intent, "gone", "G"),
        ]);
        let recovered = strategy(&[
            (Level::Vision, "vision", "V"),
            (Level::Intent, "new", "N"),
            (Level::Intent, "b", "B changed"),
            (Level::Intent, "a", "A"),
        ]);
        assert_eq!(
            changed_node_keys(&base, &recovered),
            ["intents.new", "intents.b", "intents.gone"]
        );
        assert!(changed_node_keys(&base, &base).is_empty());
    }

    #[test]
    fn rebasing_keeps_baseline_ids_and_takes_recovered_content_and_order() {
        let base = strategy(&[
            (Level::Vision, "vision", "V"),
            (Level::Intent, "a", "A"),
            (Level::Intent, "b", "B"),
            (Level::Intent, "gone", "G"),
        ]);
        let recovered = strategy(&[
            (Level::Vision, "vision", "V"),
            (Level::Intent, "new", "N"),
            (Level::Intent, "b", "B changed"),
            (Level::Intent, "a", "A"),
        ]);
        let rebased = rebase_by_key(&base, &recovered);
        let nodes: Vec<&Node> = rebased.iter().map(|(_, n)| n).collect();
        let expected: Vec<&Node> = recovered.iter().map(|(_, n)| n).collect();
        assert_eq!(nodes, expected);
        for key in ["vision", "intents.a", "intents.b"] {
            assert_eq!(rebased.find_key(key), base.find_key(key), "{key}");
        }
        assert!(rebased.find_key("intents.gone").is_err());
        assert_eq!(rebased.find_key("intents.new"), Ok(base.next_id()));
        assert_eq!(rebase_by_key(&base, &base), base);
    }
}
