//! The linter's diagnostics indexed by node, with the counts and the
//! criteria scorecard the tree and the document show.

use std::ops::Range;

use crate::lint::{Criterion, Diagnostic, Grade, Severity, scorecard};
use crate::model::{Field, MetricPart, NodeId};

/// How many findings of each severity a node (or the file) has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Findings at `error`.
    pub errors: usize,
    /// Findings at `warning`.
    pub warnings: usize,
    /// Findings at `note`.
    pub notes: usize,
}

impl Counts {
    /// The grade these counts earn.
    pub fn grade(self) -> Grade {
        if self.errors > 0 {
            Grade::Fail
        } else if self.warnings > 0 {
            Grade::Warn
        } else {
            Grade::Pass
        }
    }

    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }
}

/// Every diagnostic, grouped by node and sorted in reading order within it.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    diagnostics: Vec<Diagnostic>,
    /// For each node index, its slice of `diagnostics`.
    by_node: Vec<Range<usize>>,
    counts: Vec<Counts>,
    total: Counts,
}

impl Findings {
    /// Indexes `diagnostics` for a strategy whose node indices are below `nodes`.
    pub fn new(mut diagnostics: Vec<Diagnostic>, nodes: usize) -> Findings {
        diagnostics.retain(|d| d.node.index() < nodes);
        diagnostics.sort_by_key(|d| (d.node, reading_order(d.field), d.range.start, d.range.end));
        let mut by_node = vec![0..0; nodes];
        let mut counts = vec![Counts::default(); nodes];
        let mut total = Counts::default();
        let mut start = 0;
        while start < diagnostics.len() {
            let node = diagnostics[start].node;
            let end = start
                + diagnostics[start..]
                    .iter()
                    .take_while(|d| d.node == node)
                    .count();
            by_node[node.index()] = start..end;
            for d in &diagnostics[start..end] {
                counts[node.index()].add(d.severity);
                total.add(d.severity);
            }
            start = end;
        }
        Findings {
            diagnostics,
            by_node,
            counts,
            total,
        }
    }

    /// Replaces the diagnostics of `node` (after an edit relinted it), keeping
    /// the rest untouched: cost is linear in the number of nodes, with no sort
    /// of the whole file.
    pub fn set_node(&mut self, node: NodeId, mut fresh: Vec<Diagnostic>) {
        fresh.retain(|d| d.node == node);
        fresh.sort_by_key(|d| (reading_order(d.field), d.range.start, d.range.end));
        let index = node.index();
        if index >= self.by_node.len() {
            let end = self.diagnostics.len();
            self.by_node.resize(index + 1, end..end);
            self.counts.resize(index + 1, Counts::default());
        }
        let old = self.by_node[index].clone();
        // Where the node's slice goes: after every lower-indexed node's diagnostics.
        let at = if old.is_empty() {
            self.diagnostics.partition_point(|d| d.node < node)
        } else {
            old.start
        };
        let removed = old.len();
        let added = fresh.len();
        let mut counts = Counts::default();
        for d in &fresh {
            counts.add(d.severity);
        }
        let before = self.counts[index];
        self.total.errors = self.total.errors + counts.errors - before.errors;
        self.total.warnings = self.total.warnings + counts.warnings - before.warnings;
        self.total.notes = self.total.notes + counts.notes - before.notes;
        self.counts[index] = counts;
        self.diagnostics.splice(at..at + removed, fresh);
        for (i, range) in self.by_node.iter_mut().enumerate() {
            if i == index {
                *range = at..at + added;
            } else if range.start < range.end && range.start >= at + removed {
                // An empty range is never read, so only filled ones move.
                *range = range.start - removed + added..range.end - removed + added;
            }
        }
    }

    /// The node's diagnostics in reading order.
    pub fn for_node(&self, node: NodeId) -> &[Diagnostic] {
        self.by_node
            .get(node.index())
            .and_then(|range| self.diagnostics.get(range.clone()))
            .unwrap_or(&[])
    }

    /// The node's counts.
    pub fn counts(&self, node: NodeId) -> Counts {
        self.counts.get(node.index()).copied().unwrap_or_default()
    }

    /// Counts over the whole file.
    pub fn total(&self) -> Counts {
        self.total
    }

    /// How the node does on `criterion`.
    ///
    /// Graded by the linter's one scorecard rule; criteria the scorecard does
    /// not grade (`cascade`, `writing`) read as a pass here.
    pub fn grade(&self, node: NodeId, criterion: Criterion) -> Grade {
        scorecard(self.for_node(node))
            .grade(criterion)
            .unwrap_or(Grade::Pass)
    }
}

/// Where a field sits in the document as shown, top to bottom, so "next
/// diagnostic" walks the page in reading order.
pub fn reading_order(field: Field) -> (u8, usize, u8) {
    match field {
        Field::Node => (0, 0, 0),
        Field::Title => (1, 0, 0),
        Field::Owner => (2, 0, 0),
        Field::Status => (3, 0, 0),
        Field::Horizon => (4, 0, 0),
        Field::Parent => (5, 0, 0),
        Field::Today => (6, 0, 0),
        Field::Future => (7, 0, 0),
        Field::WillNotList => (8, 0, 0),
        Field::WillNot(i) => (9, i, 0),
        Field::Metrics => (10, 0, 0),
        Field::Metric(i, part) => (
            11,
            i,
            match part {
                MetricPart::Entry => 0,
                MetricPart::Name => 1,
                MetricPart::Baseline => 2,
                MetricPart::Target => 3,
                MetricPart::By => 4,
                MetricPart::Start => 5,
            },
        ),
        // Check-ins are shown under their metrics, which come just before.
        Field::Checkins => (12, 0, 0),
        Field::Checkin(i) => (13, i, 0),
        Field::Notes => (14, 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node, Strategy};

    fn diagnostic(
        node: NodeId,
        field: Field,
        severity: Severity,
        criterion: Criterion,
    ) -> Diagnostic {
        Diagnostic {
            rule: "test-rule",
            criterion,
            severity,
            node,
            field,
            range: 0..0,
            message: String::new(),
            help: String::new(),
        }
    }

    #[test]
    fn findings_group_by_node_in_reading_order() {
        let mut s = Strategy::new("Acme");
        let a = s.add(Node::new(Level::Vision, "vision"));
        let b = s.add(Node::new(Level::Intent, "grow"));
        let findings = Findings::new(
            vec![
                diagnostic(a, Field::Notes, Severity::Note, Criterion::Writing),
                diagnostic(b, Field::Future, Severity::Warning, Criterion::Concrete),
                diagnostic(a, Field::Title, Severity::Error, Criterion::Concrete),
            ],
            s.len(),
        );
        let fields: Vec<Field> = findings.for_node(a).iter().map(|d| d.field).collect();
        assert_eq!(fields, [Field::Title, Field::Notes]);
        assert_eq!(findings.counts(a).errors, 1);
        assert_eq!(findings.counts(a).notes, 1);
        assert_eq!(findings.grade(a, Criterion::Concrete), Grade::Fail);
        assert_eq!(findings.grade(b, Criterion::Concrete), Grade::Warn);
        assert_eq!(findings.grade(b, Criterion::WillNot), Grade::Pass);
        assert_eq!(findings.total().warnings, 1);
    }
}
