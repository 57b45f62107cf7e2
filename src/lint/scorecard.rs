//! The criteria scorecard: how one two-pager fares against the four tests of
//! a good strategy document, as pass, warn or fail.
//!
//! The TUI, the exports and reviews all show it, so the rule lives here, in
//! one pure function: [`scorecard`].

use std::fmt;

use crate::lint::{Criterion, Diagnostic, Severity};

/// How a node fares on one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Grade {
    /// No warning or error of this criterion.
    #[default]
    Pass,
    /// At least one warning, no error.
    Warn,
    /// At least one error.
    Fail,
}

impl Grade {
    /// The spelling used in every export (`"warn"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Pass => "pass",
            Grade::Warn => "warn",
            Grade::Fail => "fail",
        }
    }

    /// The grade a single finding of `severity` earns.
    fn of(severity: Severity) -> Grade {
        match severity {
            // A note is advice, not a weakness: it never costs a pass.
            Severity::Note => Grade::Pass,
            Severity::Warning => Grade::Warn,
            Severity::Error => Grade::Fail,
        }
    }
}

impl fmt::Display for Grade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One node's grade on each of the four criteria, in [`Scorecard::CRITERIA`] order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Scorecard {
    grades: [Grade; 4],
}

impl Scorecard {
    /// The criteria a scorecard grades, in the order reviews discuss them.
    ///
    /// `cascade` and `writing` are left out on purpose: they judge the file's
    /// structure and the prose's mechanics rather than the strategy's
    /// thinking, and their findings still count in a node's totals.
    pub const CRITERIA: [Criterion; 4] = [
        Criterion::Concrete,
        Criterion::LoftyAchievable,
        Criterion::DifferentFromToday,
        Criterion::WillNot,
    ];

    /// The grade for `criterion`; `None` for a criterion the scorecard does not grade.
    pub fn grade(&self, criterion: Criterion) -> Option<Grade> {
        Self::CRITERIA
            .iter()
            .position(|&c| c == criterion)
            .map(|i| self.grades[i])
    }

    /// Each graded criterion with its grade, in [`Scorecard::CRITERIA`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Criterion, Grade)> + '_ {
        Self::CRITERIA.into_iter().zip(self.grades)
    }

    /// The worst grade on the card: a one-word summary of the node.
    pub fn overall(&self) -> Grade {
        self.grades.into_iter().max().unwrap_or_default()
    }
}

/// Grades one node from its diagnostics.
///
/// For each of the four criteria: `fail` if any error-level diagnostic of that
/// criterion is present, else `warn` if any warning is, else `pass`. Notes
/// never lower a grade. Pass only the node's own diagnostics: the function
/// does not look at [`Diagnostic::node`], so it works as well on a node being
/// relinted alone in the editor.
pub fn scorecard<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Scorecard {
    let mut card = Scorecard::default();
    for diagnostic in diagnostics {
        if let Some(i) = Scorecard::CRITERIA
            .iter()
            .position(|&c| c == diagnostic.criterion)
        {
            card.grades[i] = card.grades[i].max(Grade::of(diagnostic.severity));
        }
    }
    card
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Field, Level, Node, Strategy};

    fn finding(criterion: Criterion, severity: Severity) -> Diagnostic {
        let mut strategy = Strategy::new("Acme");
        let node = strategy.add(Node::new(Level::Vision, "vision"));
        Diagnostic {
            rule: "test-rule",
            criterion,
            severity,
            node,
            field: Field::Future,
            range: 0..0,
            message: String::new(),
            help: String::new(),
        }
    }

    fn grades(card: &Scorecard) -> Vec<&'static str> {
        card.iter().map(|(_, g)| g.as_str()).collect()
    }

    #[test]
    fn no_findings_pass_everything() {
        let card = scorecard(&[]);
        assert_eq!(grades(&card), ["pass"; 4]);
        assert_eq!(card.overall(), Grade::Pass);
    }

    #[test]
    fn the_worst_finding_of_each_criterion_sets_its_grade() {
        let found = [
            finding(Criterion::Concrete, Severity::Warning),
            finding(Criterion::Concrete, Severity::Error),
            finding(Criterion::Concrete, Severity::Warning),
            finding(Criterion::LoftyAchievable, Severity::Warning),
            finding(Criterion::WillNot, Severity::Note),
        ];
        let card = scorecard(&found);
        assert_eq!(grades(&card), ["fail", "warn", "pass", "pass"]);
        assert_eq!(card.grade(Criterion::Concrete), Some(Grade::Fail));
        assert_eq!(card.overall(), Grade::Fail);
    }

    #[test]
    fn cascade_and_writing_findings_are_not_graded() {
        let found = [
            finding(Criterion::Cascade, Severity::Error),
            finding(Criterion::Writing, Severity::Warning),
        ];
        let card = scorecard(&found);
        assert_eq!(grades(&card), ["pass"; 4]);
        assert_eq!(card.grade(Criterion::Cascade), None);
    }
}
