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
    // Nodes are linted independently, so a large strategy is shared out
    // among the cores in contiguous runs and the runs joined in order: the
    // result is the same as one pass.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || order.len() < PARALLEL_FROM {
        return lint_run(strategy, &order, config, as_of, &severities);
    }
    let run = order.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let runs: Vec<_> = order
            .chunks(run)
            .map(|ids| scope.spawn(|| lint_run(strategy, ids, config, as_of, &severities)))
            .collect();
        let mut out = Vec::new();
        for handle in runs {
            match handle.join() {
                Ok(found) => out.extend(found),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// Below this many nodes one thread is quicker than starting others.
const PARALLEL_FROM: usize = 200;

/// Lints `ids` in order, each node's findings sorted by field then range.
fn lint_run(
    strategy: &Strategy,
    ids: &[NodeId],
    config: &LintConfig,
    as_of: Date,
    severities: &[Option<Severity>],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &id in ids {
        let start = out.len();
        lint_into(strategy, id, config, as_of, severities, &mut out);
        sort(&mut out[start..]);
    }
    out
}

/// Lints one node, sorted by field then range.
pub fn lint_node(
    strategy: &Strategy,
    id: NodeId,
    config: &LintConfig,
    as_of: Date,
) -> Vec<Diagnostic> {
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
            criterion: f.criterion.unwrap_or(rule.criterion),
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
        (a.field, a.range.start, a.range.end, a.rule).cmp(&(
            b.field,
            b.range.start,
            b.range.end,
            b.rule,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::rules::support::tests::{as_of, cascade_with};
    use crate::model::{Allow, Field, Level, Node};

    fn weak_intent() -> (Strategy, NodeId) {
        cascade_with(Level::Intent, |n| {
            n.doc.future = "We leverage synergies.".into();
        })
    }

    fn rules_on(s: &Strategy, id: NodeId, config: &LintConfig) -> Vec<&'static str> {
        lint_node(s, id, config, as_of())
            .iter()
            .map(|d| d.rule)
            .collect()
    }

    #[test]
    fn lint_node_is_the_strategy_result_for_that_node() {
        let (s, id) = weak_intent();
        let all = lint_strategy(&s, &LintConfig::default(), as_of());
        let mine: Vec<Diagnostic> = all.into_iter().filter(|d| d.node == id).collect();
        assert_eq!(mine, lint_node(&s, id, &LintConfig::default(), as_of()));
        assert!(!mine.is_empty());
    }

    #[test]
    fn output_follows_the_cascade_then_field_then_range() {
        let (s, _) = weak_intent();
        let all = lint_strategy(&s, &LintConfig::default(), as_of());
        let position = |id: NodeId| s.cascade().iter().position(|(c, _)| *c == id);
        let keys: Vec<_> = all
            .iter()
            .map(|d| (position(d.node), d.field, d.range.start))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn severities_can_be_changed_or_turned_off() {
        let (s, id) = weak_intent();
        let mut config = LintConfig::default();
        config.rules.insert("sunday-words", Some(Severity::Error));
        let found = lint_node(&s, id, &config, as_of());
        assert!(
            found
                .iter()
                .filter(|d| d.rule == "sunday-words")
                .all(|d| d.severity == Severity::Error)
        );
        config.rules.insert("sunday-words", None);
        assert!(!rules_on(&s, id, &config).contains(&"sunday-words"));
    }

    #[test]
    fn allow_with_a_reason_silences_one_rule_on_one_node() {
        let (mut s, id) = weak_intent();
        let reason = Allow {
            rule: "sunday-words".into(),
            reason: "quoting a customer".into(),
        };
        let mut node = s.node(id).clone();
        node.allow.push(reason);
        node.id = "quoted".into();
        let quoted = s.add(node);
        assert!(rules_on(&s, id, &LintConfig::default()).contains(&"sunday-words"));
        assert!(!rules_on(&s, quoted, &LintConfig::default()).contains(&"sunday-words"));
    }

    #[test]
    fn words_can_be_added_and_allowed() {
        let (s, id) = cascade_with(Level::Intent, |n| {
            n.doc.future = "We disrupt freight and leverage data.".into()
        });
        let mut config = LintConfig::default();
        config.fluff.push("disrupt".into());
        config.allow_words.push("leverage".into());
        let found = lint_node(&s, id, &config, as_of());
        let flagged: Vec<&str> = found
            .iter()
            .filter(|d| d.rule == "sunday-words")
            .map(|d| &s.node(id).doc.future[d.range.clone()])
            .collect();
        assert_eq!(flagged, ["disrupt"]);
    }

    #[test]
    fn retired_nodes_are_not_reviewed() {
        let (s, id) = cascade_with(Level::Intent, |n| {
            n.doc.future = "We leverage synergies.".into();
            n.doc.status = crate::model::Status::Retired;
        });
        assert!(lint_node(&s, id, &LintConfig::default(), as_of()).is_empty());
    }

    #[test]
    fn a_second_vision_is_still_linted() {
        let (mut s, _) = weak_intent();
        let extra = s.add(Node::new(Level::Vision, "another"));
        let all = lint_strategy(&s, &LintConfig::default(), as_of());
        assert!(
            all.iter()
                .any(|d| d.node == extra && d.field == Field::Future)
        );
    }
}
