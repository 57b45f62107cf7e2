//! Which nodes to lint again after some tables were re-read: the nodes that
//! changed and their immediate links, before and after the change.
//!
//! The engine lints a node from its own text and its immediate links
//! (parent, children, and through the parent its siblings: see
//! `lint::lint_node`), so those are the only findings an edit can change.
//! When a node key appears, disappears or is renamed, nodes whose parent
//! does not resolve are linted too: their "did you mean" may now name it.

use std::collections::BTreeSet;

use crate::model::{NodeId, Strategy};

/// What an update changed, collected as it goes.
#[derive(Debug, Default)]
pub struct Touched {
    /// Nodes whose content changed, came or went.
    changed: BTreeSet<NodeId>,
    /// The links the changed nodes had before they changed.
    was_linked: BTreeSet<NodeId>,
    /// A node key came, went or was renamed.
    keys: bool,
}

impl Touched {
    /// Records `id`'s links as they are before it changes.
    pub fn before(&mut self, strategy: &Strategy, id: NodeId) {
        if let Some(parent) = strategy.parent(id) {
            self.was_linked.insert(parent);
            self.was_linked.extend(strategy.children(parent));
        }
        self.was_linked.extend(strategy.children(id));
    }

    /// Records that `id` changed; `key` when its key did (or it came or went).
    pub fn changed(&mut self, id: NodeId, key: bool) {
        self.changed.insert(id);
        self.keys |= key;
    }

    /// The nodes to lint again, in id order (removed ones included: their
    /// findings go).
    pub fn to_relint(&self, strategy: &Strategy) -> Vec<NodeId> {
        let mut out = self.changed.clone();
        out.extend(&self.was_linked);
        for &id in &self.changed {
            if let Some(parent) = strategy.parent(id) {
                out.insert(parent);
                out.extend(strategy.children(parent));
            }
            out.extend(strategy.children(id));
        }
        if self.keys {
            out.extend(strategy.orphans());
        }
        out.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node};

    fn strategy() -> (Strategy, [NodeId; 5]) {
        let mut s = Strategy::new("Acme");
        let v = s.add(Node::new(Level::Vision, "vision"));
        let i = s.add(Node::new(Level::Intent, "grow"));
        let a = s.add(Node::child_of(Level::Initiative, "a", "grow"));
        let b = s.add(Node::child_of(Level::Initiative, "b", "grow"));
        let o = s.add(Node::child_of(Level::Option, "o", "a"));
        (s, [v, i, a, b, o])
    }

    #[test]
    fn a_text_change_relints_the_node_its_parent_siblings_and_children() {
        let (s, [v, i, a, b, o]) = strategy();
        let mut touched = Touched::default();
        touched.before(&s, a);
        touched.changed(a, false);
        assert_eq!(touched.to_relint(&s), [i, a, b, o]);
        assert!(!touched.to_relint(&s).contains(&v));
    }

    #[test]
    fn a_rename_also_relints_the_orphans() {
        let (mut s, [_, i, a, b, o]) = strategy();
        let mut touched = Touched::default();
        touched.before(&s, a);
        let mut renamed = s.node(a).clone();
        renamed.id = "a2".into();
        assert!(s.replace(a, renamed));
        touched.changed(a, true);
        // `o` lost its parent; it was a child before, and is an orphan now.
        assert_eq!(touched.to_relint(&s), [i, a, b, o]);
        assert_eq!(s.orphans(), [o]);
    }
}
