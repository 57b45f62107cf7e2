//! Which nodes the tree shows: by findings (errors, warnings, any), by a
//! criterion they fail, by status, by owner, by health where progress has
//! landed. Every condition that is set must hold.

use crate::app::findings::Findings;
use crate::lint::{Criterion, Severity};
use crate::model::progress::{Health, Progress};
use crate::model::{NodeId, Status, Strategy};

/// What a filter looks at: the strategy and what is known about each node.
#[derive(Clone, Copy)]
pub struct Facts<'a> {
    /// The cascade.
    pub strategy: &'a Strategy,
    /// Its lint findings.
    pub findings: &'a Findings,
    /// Its progress and health.
    pub progress: &'a Progress,
}

/// Which findings a node must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// At least one error.
    Errors,
    /// At least one warning.
    Warnings,
    /// At least one finding of any severity.
    Any,
}

impl FindingKind {
    /// In the order the filter menu cycles through them.
    pub const ALL: [FindingKind; 3] =
        [FindingKind::Errors, FindingKind::Warnings, FindingKind::Any];

    /// In words, for the menu and the tree's title.
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Errors => "errors",
            FindingKind::Warnings => "warnings",
            FindingKind::Any => "any finding",
        }
    }
}

/// The healths a node can be filtered by: the judgements, not "no data".
pub const HEALTHS: [Health; 4] = [
    Health::OffTrack,
    Health::AtRisk,
    Health::OnTrack,
    Health::Done,
];

/// The tree's filter; every condition that is set must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only nodes with findings of this kind.
    pub findings: Option<FindingKind>,
    /// Only nodes with a finding under this criterion.
    pub criterion: Option<Criterion>,
    /// Only nodes with this status.
    pub status: Option<Status>,
    /// Only nodes with this owner (as written in the file).
    pub owner: Option<String>,
    /// Only nodes whose progress reads this health.
    pub health: Option<Health>,
}

impl Filter {
    /// True when some condition is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// True when the node meets every condition.
    pub fn matches(&self, facts: Facts<'_>, id: NodeId) -> bool {
        let Some(node) = facts.strategy.get(id) else {
            return false;
        };
        let counts = facts.findings.counts(id);
        let findings = match self.findings {
            None => true,
            Some(FindingKind::Errors) => counts.errors > 0,
            Some(FindingKind::Warnings) => counts.warnings > 0,
            Some(FindingKind::Any) => counts.errors + counts.warnings + counts.notes > 0,
        };
        findings
            && self.criterion.is_none_or(|c| {
                facts
                    .findings
                    .for_node(id)
                    .iter()
                    .any(|d| d.criterion == c && d.severity != Severity::Note)
            })
            && self.status.is_none_or(|s| node.doc.status == s)
            && self.owner.as_ref().is_none_or(|o| &node.doc.owner == o)
            && self.health.is_none_or(|h| facts.progress.health(id) == h)
    }

    /// How many nodes match.
    pub fn count(&self, facts: Facts<'_>) -> usize {
        facts
            .strategy
            .iter()
            .filter(|&(id, _)| self.matches(facts, id))
            .count()
    }

    /// The conditions in words, for the tree's title: `errors · draft · Dana`.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(kind) = self.findings {
            parts.push(kind.label().to_owned());
        }
        if let Some(criterion) = self.criterion {
            parts.push(format!("fails {}", criterion.as_str()));
        }
        if let Some(status) = self.status {
            parts.push(status.as_str().to_owned());
        }
        if let Some(owner) = &self.owner {
            parts.push(owner.clone());
        }
        if let Some(health) = self.health {
            parts.push(health.label().to_owned());
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
