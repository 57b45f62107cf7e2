//! What changed in the two-pagers since an earlier version of the file:
//! the nodes a "what changed since the last review" meeting walks, and the
//! sections to mark in each.

use std::collections::BTreeMap;

use crate::model::{Field, NodeId, Strategy, TwoPager};

/// How one node differs from the earlier version.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The sections whose text changed, in reading order; empty for a new node.
    pub sections: Vec<Field>,
    /// The two-pager as it was; `None` when the node is new.
    pub old: Option<TwoPager>,
}

impl Change {
    /// True when the node did not exist in the earlier version.
    pub fn is_new(&self) -> bool {
        self.old.is_none()
    }
}

/// The changed and new nodes of the current strategy, by node.
pub type Changes = BTreeMap<NodeId, Change>;

/// The sections compared, in reading order. `status` is left out on
/// purpose: reviews move it, and a decision is not a change to review.
const SECTIONS: [Field; 8] = [
    Field::Title,
    Field::Owner,
    Field::Horizon,
    Field::Today,
    Field::Future,
    Field::WillNotList,
    Field::Metrics,
    Field::Notes,
];

/// Compares `current` with `old` node by node (matched by their keys,
/// `intents.win`): nodes that are new, or whose two-pager text differs.
pub fn changes(old: &Strategy, current: &Strategy) -> Changes {
    let mut out = Changes::new();
    for (id, node) in current.iter() {
        let before = old
            .find(node.level, &node.id)
            .map(|earlier| &old.node(earlier).doc);
        match before {
            None => {
                out.insert(
                    id,
                    Change {
                        sections: Vec::new(),
                        old: None,
                    },
                );
            }
            Some(before) => {
                let sections: Vec<Field> = SECTIONS
                    .into_iter()
                    .filter(|&field| differs(before, &node.doc, field))
                    .collect();
                if !sections.is_empty() {
                    out.insert(
                        id,
                        Change {
                            sections,
                            old: Some(before.clone()),
                        },
                    );
                }
            }
        }
    }
    out
}

fn differs(a: &TwoPager, b: &TwoPager, field: Field) -> bool {
    match field {
        Field::Horizon => a.horizon != b.horizon,
        Field::WillNotList => a.will_not != b.will_not,
        Field::Metrics => a.metrics != b.metrics,
        text => a.text(text) != b.text(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node, Status};

    #[test]
    fn new_and_edited_nodes_are_changes_status_alone_is_not() {
        let mut old = Strategy::new("Acme");
        old.add(Node::new(Level::Vision, "vision"));
        old.add(Node::new(Level::Intent, "grow"));
        old.add(Node::new(Level::Intent, "save"));
        let mut current = old.clone();
        let grow = current.find(Level::Intent, "grow").unwrap();
        current.doc_mut(grow).future = "Twice the brokers.".into();
        let save = current.find(Level::Intent, "save").unwrap();
        current.doc_mut(save).status = Status::Approved;
        let fresh = current.add(Node::new(Level::Intent, "earn"));
        let found = changes(&old, &current);
        assert_eq!(found.keys().copied().collect::<Vec<_>>(), [grow, fresh]);
        assert_eq!(found[&grow].sections, [Field::Future]);
        assert_eq!(found[&grow].old.as_ref().unwrap().future, "");
        assert!(found[&fresh].is_new());
    }
}
