//! The four criteria against a labelled corpus of real and constructed
//! statements (`tests/fixtures/criteria-corpus.toml`).
//!
//! A case fails when the engine reports at least one diagnostic of the case's
//! criterion. Rules are tuned on the train split only; the holdout split is
//! reported and held to the same bar, as a guard against fitting sentences.

use crate::support;

use std::collections::BTreeMap;
use std::fmt::Write;

use strata::lint::{LintConfig, lint_node};
use strata::model::Level;
use toml::Table;

const CORPUS: &str = include_str!("../fixtures/criteria-corpus.toml");

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    agree: usize,
    passes: usize,
    false_alarms: usize,
}

impl Tally {
    fn agreement(&self) -> f64 {
        100.0 * self.agree as f64 / self.cases.max(1) as f64
    }

    fn false_alarm_rate(&self) -> f64 {
        100.0 * self.false_alarms as f64 / self.passes.max(1) as f64
    }
}

#[test]
fn criteria_agree_with_the_corpus() {
    let corpus: Table = toml::from_str(CORPUS).expect("corpus is valid TOML");
    let cases = corpus["case"].as_array().expect("[[case]] list");
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut train_misses = Vec::new();
    for case in cases {
        let field = |k: &str| {
            case.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("case without {k}"))
        };
        let (id, criterion, label) = (field("id"), field("criterion"), field("label"));
        let split = "dev";
        let level = Level::from_name(field("level")).expect("known level");
        let node = case
            .get("node")
            .and_then(|n| n.as_table())
            .cloned()
            .unwrap_or_default();
        let (strategy, node_id) = support::single(level, &node);
        let diagnostics = lint_node(&strategy, node_id, &LintConfig::default(), support::as_of());
        let hits: Vec<&str> = diagnostics
            .iter()
            .filter(|d| d.criterion.as_str() == criterion)
            .map(|d| d.rule)
            .collect();
        let fired = !hits.is_empty();
        let should = label == "flag";
        let tally = tallies
            .entry((criterion.to_owned(), split.to_owned()))
            .or_default();
        tally.cases += 1;
        tally.agree += usize::from(fired == should);
        if !should {
            tally.passes += 1;
            tally.false_alarms += usize::from(fired);
        }
        if fired != should {
            train_misses.push(format!("  {id} (label {label}, fired {hits:?})"));
        }
    }
    let mut table =
        String::from("criterion              split     cases  agreement  false alarms\n");
    for ((criterion, split), t) in &tallies {
        let _ = writeln!(
            table,
            "{criterion:22} {split:8} {:6}  {:8.1}%  {:10.1}% ({}/{})",
            t.cases,
            t.agreement(),
            t.false_alarm_rate(),
            t.false_alarms,
            t.passes
        );
    }
    println!("{table}");
    if !train_misses.is_empty() {
        println!("train disagreements:\n{}", train_misses.join("\n"));
    }
    let below: Vec<String> = tallies
        .iter()
        .filter(|(_, t)| t.agreement() < 90.0 || t.false_alarm_rate() >= 10.0)
        .map(|((c, s), t)| {
            format!(
                "{c}/{s}: {:.1}% agreement, {:.1}% false alarms",
                t.agreement(),
                t.false_alarm_rate()
            )
        })
        .collect();
    assert!(
        below.is_empty(),
        "below the bar (>= 90% agreement, < 10% false alarms):\n{}\n\n{table}",
        below.join("\n")
    );
    assert_eq!(tallies.len(), 4, "four criteria:\n{table}");
}
