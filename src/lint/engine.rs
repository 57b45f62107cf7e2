//! Runs the rules over nodes: allows, severities, ordering.
//!
//! Each node is linted on its own (its text plus its immediate links), so the
//! TUI can relint the node being typed in without touching the rest.

use super::context::NodeCx;
use super::registry::{Findings, RuleInfo};
use super::rules::RULES;
use super::{Diagnostic, LintConfig, Severity};
use crate::model::{Date, NodeId, Status, Strategy};

/// Lints every node, in cascade order (the vision, then each intent followed
/// by its initiatives and their options, then orphans), then by field and range.
pub fn lint_strategy(strategy: &Strategy, config: &LintConfig, as_of: Date) -> Vec<Diagnostic> {
    let severities = severities(config);
    let mut order: Vec<NodeId> = strategy.cascade().into_iter().map(|(id, _)| id).collect();
    // A second vision is in no cascade; lint it anyway, after the rest.
    let mut seen = vec![false; order.iter().map(|id| id.index() + 1).max().unwrap_or(0)];
    for id in &order {
        seen[id.index()] = true;
    }
    for (id, _) in strategy.iter() {
        if !seen.get(id.index()).copied().unwrap_or(false) {
            order.push(id);
        }
    }
    let mut out = Vec::new();
    for id in order {
        let start = out.len();
        lint_into(strategy, id, config, as_of, &severities, &mut out);
        sort(&mut out[start..]);
    }
    out
}

/// Lints one node, sorted by field then range.
pub fn lint_node(strategy: &Strategy, id: NodeId, config: &LintConfig, as_of: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    lint_into(strategy, id, config, as_of, &severities(config), &mut out);
    sort(&mut out);
    out
}

fn severities(config: &LintConfig) -> Vec<Option<Severity>> {
    RULES
        .iter()
        .map(|rule| config.severity(rule.name, rule.default_severity))
        .collect()
}

fn lint_into(
    strategy: &Strategy,
    id: NodeId,
    config: &LintConfig,
    as_of: Date,
    severities: &[Option<Severity>],
    out: &mut Vec<Diagnostic>,
) {
    let Some(cx) = NodeCx::new(strategy, id, config, as_of) else {
        return;
    };
    // A retired two-pager is kept for the record, not for review.
    if cx.node.doc.status == Status::Retired {
        return;
    }
    let mut findings = Findings::default();
    for (rule, severity) in RULES.iter().zip(severities) {
        let Some(severity) = *severity else { continue };
        if allowed(&cx, rule) {
            continue;
        }
        (rule.check)(&cx, &mut findings);
        out.extend(findings.items.drain(..).map(|f| Diagnostic {
            rule: rule.name,
            criterion: rule.criterion,
            severity,
            node: id,
            field: f.field,
            range: f.range,
            message: f.message,
            help: f.help,
        }));
    }
}

/// A node silences a rule only with a known name and a written reason;
/// `invalid-allow` reports the others, so they never silence anything.
fn allowed(cx: &NodeCx<'_>, rule: &RuleInfo) -> bool {
    cx.node
        .allow
        .iter()
        .any(|a| a.rule == rule.name && !a.reason.trim().is_empty())
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.field, a.range.start, a.range.end, a.rule).cmp(&(b.field, b.range.start, b.range.end, b.rule))
    });
}
