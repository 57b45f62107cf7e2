//! The sample strategy is the product's demo: its four `# WEAK:` nodes must be
//! flagged under the criterion their comment names, and every other node must
//! be free of warnings and errors (notes are fine).

use crate::support;

use std::collections::BTreeMap;

use strata::lint::{Criterion, LintConfig, Severity, lint_strategy};

const SAMPLE: &str = include_str!("../../sample-strategy.toml");

/// The node key after each `# WEAK:` comment block.
fn weak_keys() -> Vec<String> {
    let mut keys = Vec::new();
    let mut pending = false;
    for line in SAMPLE.lines() {
        if line.starts_with("# WEAK:") {
            pending = true;
        } else if pending && line.starts_with('[') {
            keys.push(line.trim_matches(['[', ']']).to_owned());
            pending = false;
        }
    }
    keys
}

#[test]
fn weak_nodes_are_flagged_and_the_rest_are_clean() {
    // What each WEAK comment says is wrong, as criteria: the first must be
    // flagged, and no other criterion may warn ("the rest of the node is fine").
    let expected: BTreeMap<&str, &[Criterion]> = [
        (
            "intents.earn-on-carrier-payments",
            &[Criterion::Concrete][..],
        ),
        (
            "initiatives.shipper-tracking-portal",
            &[Criterion::Cascade][..],
        ),
        (
            "initiatives.check-calls-eat-rep-time",
            &[Criterion::WillNot][..],
        ),
        // "It also sits past its parent initiative's 2028-03 horizon."
        (
            "options.auto-price-repeat-lanes",
            &[Criterion::LoftyAchievable, Criterion::Cascade][..],
        ),
        (
            "options.dispute-inbox-refresh",
            &[Criterion::DifferentFromToday, Criterion::LoftyAchievable][..],
        ),
    ]
    .into_iter()
    .collect();
    let mut weak = weak_keys();
    weak.sort();
    assert_eq!(
        weak,
        expected.keys().map(|k| k.to_string()).collect::<Vec<_>>(),
        "the WEAK nodes changed"
    );

    let strategy = support::strategy_from_toml(SAMPLE);
    assert_eq!(strategy.len(), 34);
    let diagnostics = lint_strategy(&strategy, &LintConfig::default(), support::as_of());
    let mut problems = Vec::new();
    for (id, node) in strategy.iter() {
        let key = node.key();
        let serious: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.node == id && d.severity >= Severity::Warning)
            .collect();
        match expected.get(key.as_str()) {
            Some(criteria) => {
                if !serious.iter().any(|d| d.criterion == criteria[0]) {
                    problems.push(format!(
                        "{key}: expected a {} warning, got {serious:#?}",
                        criteria[0]
                    ));
                }
                for d in serious.iter().filter(|d| !criteria.contains(&d.criterion)) {
                    problems.push(format!(
                        "{key}: unexpected {} {:?}: {}",
                        d.rule, d.field, d.message
                    ));
                }
            }
            None => {
                for d in serious {
                    problems.push(format!(
                        "{key}: {} {:?} {:?}: {}",
                        d.rule, d.field, d.range, d.message
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_weak_nodes_show_every_criterion_at_work() {
    let strategy = support::strategy_from_toml(SAMPLE);
    let diagnostics = lint_strategy(&strategy, &LintConfig::default(), support::as_of());
    let weak = weak_keys();
    for criterion in [
        Criterion::Concrete,
        Criterion::LoftyAchievable,
        Criterion::DifferentFromToday,
        Criterion::WillNot,
    ] {
        assert!(
            diagnostics.iter().any(|d| d.criterion == criterion
                && strategy
                    .get(d.node)
                    .is_some_and(|n| weak.contains(&n.key()))),
            "no weak node of the sample fails {criterion}"
        );
    }
}
