//! The four criteria against the labelled corpus, in two halves:
//!
//! - development (`tests/fixtures/criteria-corpus.toml`): rules are tuned on
//!   it, so its figures say how well the rules fit what they were built on;
//! - held-out (`tests/fixtures/criteria-heldout.toml`): written by someone
//!   who had not read the rules, committed before the rules changed and never
//!   edited after, so its figures are the evidence that the rules generalize;
//! - held-out-2 (`tests/fixtures/criteria-heldout-2.toml`): written the same
//!   way by another author once the rules had stopped changing, and measured
//!   once.
//! - held-out-3 (`tests/fixtures/criteria-heldout-3.toml`): a third author,
//!   the same way, committed before the fifth pass landed; measured once.
//!
//! A case is flagged when the engine reports at least one diagnostic of the
//! case's criterion on its node. The test prints agreement per criterion and
//! level, false alarms on clean cases, misses on flagged ones, and how often
//! rewordings are caught beside their originals; it fails when a half drops
//! below the floors below (the figures reached, see `docs/rules.md`). Only the
//! development half's disagreements are named: naming held-out misses would
//! turn it into a development set.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::support;

use strata::lint::{LintConfig, lint_node};
use strata::model::Level;
use toml::Table;

const DEVELOPMENT: &str = include_str!("../fixtures/criteria-corpus.toml");
const HELD_OUT: &str = include_str!("../fixtures/criteria-heldout.toml");
const HELD_OUT_2: &str = include_str!("../fixtures/criteria-heldout-2.toml");
const HELD_OUT_3: &str = include_str!("../fixtures/criteria-heldout-3.toml");

const CRITERIA: [&str; 4] = [
    "concrete",
    "lofty-achievable",
    "different-from-today",
    "will-not",
];

/// The floors each half is held to: agreement per criterion (percent, in
/// the order of [`CRITERIA`]), false alarms on clean cases pooled over the
/// criteria (percent, at most), and the gap between originals and their
/// rewordings being caught (points, at most).
struct Floors {
    agreement: [f64; 4],
    false_alarms: f64,
    rewording_gap: f64,
}

/// The figures reached on 2026-12-02 (the fifth pass), rounded down; the
/// goal the issue set is 90% for every criterion, false alarms of 5% at most
/// and a gap of 10 points at most, and the held-out half does not reach it
/// yet (`docs/judgement.md`). A change that makes either half worse fails.
const DEVELOPMENT_FLOORS: Floors = Floors {
    agreement: [97.6, 95.6, 97.1, 99.3],
    false_alarms: 0.5,
    rewording_gap: 4.0,
};

const HELD_OUT_FLOORS: Floors = Floors {
    agreement: [92.1, 87.7, 87.2, 87.2],
    false_alarms: 2.2,
    rewording_gap: 15.7,
};

/// The second held-out half, written after the rules had stopped changing
/// and measured once, at commit 462323a (89.4%, 3 false alarms, gap 10.0).
/// The fifth pass (batch 5) left its agreement where it was and traded a
/// miss for a false alarm: 4 of 80 (5.0%), and the gap 12.5 points.
const HELD_OUT_2_FLOORS: Floors = Floors {
    agreement: [90.0, 92.5, 87.5, 87.5],
    false_alarms: 5.0,
    rewording_gap: 12.5,
};

/// The third held-out half, written while the rules of the fifth pass were
/// being made, by an author who read neither; measured once, at the end of
/// that pass.
const HELD_OUT_3_FLOORS: Floors = Floors {
    agreement: [97.5, 87.5, 87.5, 85.0],
    false_alarms: 3.8,
    rewording_gap: 20.0,
};

/// One labelled statement and what the engine made of it.
struct Case {
    id: String,
    criterion: String,
    level: String,
    flag: bool,
    rewords: Option<String>,
    fired: Vec<&'static str>,
}

fn run(source: &str, half: &str) -> Vec<Case> {
    let corpus: Table = toml::from_str(source).unwrap_or_else(|e| panic!("{half}: {e}"));
    let cases = corpus["case"].as_array().expect("[[case]] list");
    let mut out = Vec::with_capacity(cases.len());
    for case in cases {
        let field = |k: &str| {
            case.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_else(|| panic!("{half}: a case without `{k}`: {case:?}"))
                .to_owned()
        };
        let (id, criterion, label, level) = (
            field("id"),
            field("criterion"),
            field("label"),
            field("level"),
        );
        assert!(CRITERIA.contains(&criterion.as_str()), "{id}: {criterion}");
        assert!(label == "flag" || label == "clean", "{id}: label {label}");
        let node = case
            .get("node")
            .and_then(|n| n.as_table())
            .cloned()
            .unwrap_or_default();
        let (strategy, node_id) = support::single(
            Level::from_name(&level).unwrap_or_else(|| panic!("{id}: level {level}")),
            &node,
        );
        let fired = lint_node(&strategy, node_id, &LintConfig::default(), support::as_of())
            .iter()
            .filter(|d| d.criterion.as_str() == criterion)
            .map(|d| d.rule)
            .collect();
        out.push(Case {
            id,
            criterion,
            level,
            flag: label == "flag",
            rewords: case
                .get("rewords")
                .and_then(|v| v.as_str())
                .map(str::to_owned),
            fired,
        });
    }
    out
}

#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    agree: usize,
    clean: usize,
    false_alarms: usize,
    flagged: usize,
    misses: usize,
}

impl Tally {
    fn add(&mut self, case: &Case) {
        let fired = !case.fired.is_empty();
        self.cases += 1;
        self.agree += usize::from(fired == case.flag);
        if case.flag {
            self.flagged += 1;
            self.misses += usize::from(!fired);
        } else {
            self.clean += 1;
            self.false_alarms += usize::from(fired);
        }
    }

    fn agreement(&self) -> f64 {
        percent(self.agree, self.cases)
    }

    fn false_alarm_rate(&self) -> f64 {
        percent(self.false_alarms, self.clean)
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

/// The half's report, and the ways it falls below `floors`.
fn judge(half: &str, cases: &[Case], floors: &Floors) -> (String, Vec<String>) {
    let by_id: HashMap<&str, &Case> = cases.iter().map(|c| (c.id.as_str(), c)).collect();
    assert_eq!(by_id.len(), cases.len(), "{half}: ids must be unique");
    let mut per_criterion: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut per_level: BTreeMap<(&str, &str), Tally> = BTreeMap::new();
    let mut pooled = Tally::default();
    let (mut originals, mut originals_caught, mut rewordings, mut rewordings_caught) = (0, 0, 0, 0);
    for case in cases {
        per_criterion.entry(&case.criterion).or_default().add(case);
        per_level
            .entry((&case.criterion, &case.level))
            .or_default()
            .add(case);
        pooled.add(case);
        if let Some(original) = &case.rewords {
            let original = by_id
                .get(original.as_str())
                .unwrap_or_else(|| panic!("{half}: {} rewords unknown {original}", case.id));
            assert!(
                original.flag && case.flag && original.criterion == case.criterion,
                "{half}: {} must reword a flagged case of the same criterion",
                case.id
            );
            rewordings += 1;
            rewordings_caught += usize::from(!case.fired.is_empty());
        } else if case.flag && cases.iter().any(|c| c.rewords.as_deref() == Some(&case.id)) {
            originals += 1;
            originals_caught += usize::from(!case.fired.is_empty());
        }
    }
    let mut report = format!(
        "{half}: {} cases\n  criterion              cases  agreement  false alarms      misses\n",
        cases.len()
    );
    let mut below = Vec::new();
    for (i, criterion) in CRITERIA.iter().enumerate() {
        let t = per_criterion.get(criterion).copied().unwrap_or_default();
        let _ = writeln!(
            report,
            "  {criterion:22} {:5}  {:8.1}%  {:3}/{:<3} {:5.1}%  {:3}/{:<3}",
            t.cases,
            t.agreement(),
            t.false_alarms,
            t.clean,
            t.false_alarm_rate(),
            t.misses,
            t.flagged
        );
        if t.cases == 0 || t.agreement() < floors.agreement[i] {
            below.push(format!(
                "{half}/{criterion}: {:.1}% agreement, floor {:.1}%",
                t.agreement(),
                floors.agreement[i]
            ));
        }
    }
    let _ = writeln!(
        report,
        "  {:22} {:5}  {:8.1}%  {:3}/{:<3} {:5.1}%  {:3}/{:<3}",
        "pooled",
        pooled.cases,
        pooled.agreement(),
        pooled.false_alarms,
        pooled.clean,
        pooled.false_alarm_rate(),
        pooled.misses,
        pooled.flagged
    );
    if pooled.false_alarm_rate() > floors.false_alarms {
        below.push(format!(
            "{half}: {:.1}% false alarms on clean cases, ceiling {:.1}%",
            pooled.false_alarm_rate(),
            floors.false_alarms
        ));
    }
    let (caught, recaught) = (
        percent(originals_caught, originals),
        percent(rewordings_caught, rewordings),
    );
    let _ = writeln!(
        report,
        "  rewordings: originals caught {originals_caught}/{originals} ({caught:.1}%), \
         rewordings caught {rewordings_caught}/{rewordings} ({recaught:.1}%)"
    );
    if rewordings == 0 || (caught - recaught).abs() > floors.rewording_gap {
        below.push(format!(
            "{half}: rewordings caught {recaught:.1}% against originals {caught:.1}%, \
             gap allowed {:.0} points",
            floors.rewording_gap
        ));
    }
    report.push_str("  agreement per level:\n");
    for ((criterion, level), t) in &per_level {
        let _ = writeln!(
            report,
            "    {criterion:22} {level:11} {:3} cases {:6.1}%",
            t.cases,
            t.agreement()
        );
    }
    (report, below)
}

#[test]
fn criteria_agree_with_the_corpus() {
    let development = run(DEVELOPMENT, "development");
    let (dev_report, mut below) = judge("development", &development, &DEVELOPMENT_FLOORS);
    // While tuning rules, `STRATA_CORPUS=development` leaves the held-out half
    // unread, so its figures are only seen at the end of a piece of work.
    let held_report = if std::env::var("STRATA_CORPUS").is_ok_and(|v| v == "development") {
        String::from("held-out: not run (STRATA_CORPUS=development)\n")
    } else {
        let mut report = String::new();
        for (source, half, floors) in [
            (HELD_OUT, "held-out", &HELD_OUT_FLOORS),
            (HELD_OUT_2, "held-out-2", &HELD_OUT_2_FLOORS),
            (HELD_OUT_3, "held-out-3", &HELD_OUT_3_FLOORS),
        ] {
            let cases = run(source, half);
            let (text, held_below) = judge(half, &cases, floors);
            below.extend(held_below);
            report.push_str(&text);
            report.push('\n');
        }
        report
    };
    println!("{dev_report}\n{held_report}");
    let misses: Vec<String> = development
        .iter()
        .filter(|c| c.fired.is_empty() == c.flag)
        .map(|c| {
            format!(
                "  {} ({} {}, label {}, fired {:?})",
                c.id,
                c.criterion,
                c.level,
                if c.flag { "flag" } else { "clean" },
                c.fired
            )
        })
        .collect();
    if !misses.is_empty() {
        println!("development disagreements:\n{}", misses.join("\n"));
    }
    assert!(
        below.is_empty(),
        "below the floors:\n{}\n\n{dev_report}\n{held_report}",
        below.join("\n")
    );
}

#[test]
fn the_halves_share_no_statement() {
    let texts = |source: &str| -> Vec<String> {
        let corpus: Table = toml::from_str(source).expect("valid corpus");
        corpus["case"]
            .as_array()
            .expect("[[case]] list")
            .iter()
            .filter_map(|c| c.get("node")?.as_table().cloned())
            .flat_map(|node| {
                ["future", "today"]
                    .into_iter()
                    .filter_map(|k| node.get(k)?.as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
            })
            .filter(|t| t.len() > 40)
            .collect()
    };
    let development = texts(DEVELOPMENT);
    let shared: Vec<String> = texts(HELD_OUT)
        .into_iter()
        .chain(texts(HELD_OUT_2))
        .chain(texts(HELD_OUT_3))
        .filter(|t| development.contains(t))
        .collect();
    assert!(
        shared.is_empty(),
        "held-out statements also in the development half: {shared:#?}"
    );
}
