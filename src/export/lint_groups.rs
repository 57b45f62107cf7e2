//! A node's findings grouped by rule, for the authors' documents: a weak
//! two-pager can hold fifteen findings of one rule, each with the same help
//! sentence, and a reader needs the rule and its count first, the details
//! only on demand.

use crate::lint::{Diagnostic, Severity};

/// The findings of one rule on one node.
#[derive(Debug)]
pub struct RuleGroup<'d> {
    /// The rule's name (`vague-future`).
    pub rule: &'static str,
    /// The most severe of its findings.
    pub severity: Severity,
    /// Its findings, in the linter's order.
    pub findings: Vec<&'d Diagnostic>,
}

impl RuleGroup<'_> {
    /// The help sentence, when every finding gives the same one: then it is
    /// shown once for the group rather than once per finding.
    pub fn shared_help(&self) -> Option<&str> {
        let first = self.findings.first()?;
        self.findings
            .iter()
            .all(|d| d.help == first.help)
            .then_some(first.help.as_str())
            .filter(|help| !help.is_empty())
    }
}

/// `diagnostics` grouped by rule, in the order each rule first appears.
/// Linear in the findings: a node has few distinct rules, so finding a
/// group is a short scan.
pub fn by_rule<'d>(diagnostics: &[&'d Diagnostic]) -> Vec<RuleGroup<'d>> {
    let mut groups: Vec<RuleGroup<'d>> = Vec::new();
    for &d in diagnostics {
        match groups.iter_mut().find(|g| g.rule == d.rule) {
            Some(group) => {
                // `Severity` orders from the mildest up.
                group.severity = group.severity.max(d.severity);
                group.findings.push(d);
            }
            None => groups.push(RuleGroup {
                rule: d.rule,
                severity: d.severity,
                findings: vec![d],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Criterion;
    use crate::model::{Field, Level, Node, Strategy};

    fn finding(rule: &'static str, severity: Severity, help: &str) -> Diagnostic {
        let mut s = Strategy::new("Acme");
        Diagnostic {
            rule,
            criterion: Criterion::Concrete,
            severity,
            node: s.add(Node::new(Level::Vision, "vision")),
            field: Field::Future,
            range: 0..0,
            message: String::new(),
            help: help.into(),
        }
    }

    #[test]
    fn findings_group_by_rule_in_first_appearance_order() {
        let found = [
            finding("b", Severity::Warning, "same"),
            finding("a", Severity::Note, "x"),
            finding("b", Severity::Warning, "same"),
            finding("a", Severity::Error, "y"),
        ];
        let refs: Vec<&Diagnostic> = found.iter().collect();
        let groups = by_rule(&refs);
        assert_eq!(groups.len(), 2);
        assert_eq!((groups[0].rule, groups[0].findings.len()), ("b", 2));
        assert_eq!(groups[0].shared_help(), Some("same"));
        assert_eq!(groups[1].severity, Severity::Error);
        assert_eq!(groups[1].shared_help(), None);
    }
}
