//! Which nodes the tree shows: all, only those with errors, by status, by owner.

use crate::app::findings::Findings;
use crate::model::{NodeId, Status, Strategy};

/// The tree's filter; every condition that is set must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only nodes with at least one error.
    pub errors_only: bool,
    /// Only nodes with this status.
    pub status: Option<Status>,
    /// Only nodes with this owner (as written in the file).
    pub owner: Option<String>,
}

impl Filter {
    /// True when some condition is set.
    pub fn is_active(&self) -> bool {
        self.errors_only || self.status.is_some() || self.owner.is_some()
    }

    /// True when the node meets every condition.
    pub fn matches(&self, strategy: &Strategy, findings: &Findings, id: NodeId) -> bool {
        let Some(node) = strategy.get(id) else {
            return false;
        };
        (!self.errors_only || findings.counts(id).errors > 0)
            && self.status.is_none_or(|s| node.doc.status == s)
            && self.owner.as_ref().is_none_or(|o| &node.doc.owner == o)
    }

    /// The conditions in words, for the tree's title: `errors · draft · Dana`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.errors_only {
            parts.push("errors".to_owned());
        }
        if let Some(status) = self.status {
            parts.push(status.as_str().to_owned());
        }
        if let Some(owner) = &self.owner {
            parts.push(owner.clone());
        }
        parts.join(" · ")
    }
}

/// The next value in a cycle of `None` followed by `values`, forwards or back.
pub fn cycle<T: Clone + PartialEq>(current: &Option<T>, values: &[T], forward: bool) -> Option<T> {
    let position = current
        .as_ref()
        .and_then(|c| values.iter().position(|v| v == c));
    // Index 0 stands for `None`, 1.. for values.
    let slots = values.len() + 1;
    let at = position.map_or(0, |p| p + 1);
    let next = if forward {
        (at + 1) % slots
    } else {
        (at + slots - 1) % slots
    };
    next.checked_sub(1).and_then(|i| values.get(i).cloned())
}

/// Every distinct owner in the file, sorted, for cycling through in the filter menu.
pub fn owners(strategy: &Strategy) -> Vec<String> {
    let mut owners: Vec<String> = strategy
        .iter()
        .map(|(_, node)| node.doc.owner.clone())
        .filter(|o| !o.is_empty())
        .collect();
    owners.sort();
    owners.dedup();
    owners
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycle_passes_through_none() {
        let values = ["a", "b"];
        assert_eq!(cycle(&None, &values, true), Some("a"));
        assert_eq!(cycle(&Some("a"), &values, true), Some("b"));
        assert_eq!(cycle(&Some("b"), &values, true), None);
        assert_eq!(cycle(&None, &values, false), Some("b"));
        assert_eq!(cycle::<&str>(&None, &[], true), None);
    }
}
