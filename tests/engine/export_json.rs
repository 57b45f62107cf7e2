//! `strata export --format json` has exactly the shape docs/format.md
//! ("JSON output") documents: these structs mirror its tables field for
//! field, and refuse any field the docs do not name.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use strata::export::{self, Format};
use strata::lint::{LintConfig, lint_strategy};
use strata::model::progress::{Measure, Progress};
use strata::store::StrategyFile;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    version: u32,
    company: String,
    as_of: String,
    nodes: Vec<Node>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Node {
    key: String,
    level: Level,
    id: String,
    parent: Option<String>,
    title: String,
    owner: String,
    status: Status,
    horizon: Option<String>,
    today: String,
    future: String,
    will_not: Vec<String>,
    metrics: Vec<Metric>,
    notes: String,
    tracker: Vec<String>,
    links: Vec<String>,
    diagnostics: Vec<Diagnostic>,
    scorecard: Scorecard,
    reviews: Vec<Review>,
    progress: Option<f64>,
    expected: Option<f64>,
    health: Health,
    weight: Option<f64>,
    checkins: Vec<Checkin>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read to check the shape.
struct Checkin {
    metric: String,
    on: String,
    value: String,
    note: String,
    source: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Health {
    Done,
    OnTrack,
    AtRisk,
    OffTrack,
    NoData,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read to check the shape.
struct Review {
    by: String,
    on: String,
    decision: Decision,
    comment: String,
    reason: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Decision {
    Approve,
    RequestChanges,
    Discuss,
    Comment,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Level {
    Vision,
    Intent,
    Initiative,
    Option,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Status {
    Draft,
    InReview,
    Approved,
    ChangesRequested,
    Retired,
}

impl Status {
    fn in_model(&self) -> strata::model::Status {
        use strata::model::Status as M;
        match self {
            Status::Draft => M::Draft,
            Status::InReview => M::InReview,
            Status::Approved => M::Approved,
            Status::ChangesRequested => M::ChangesRequested,
            Status::Retired => M::Retired,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Metric {
    name: String,
    baseline: Option<String>,
    target: Option<String>,
    by: Option<String>,
    start: Option<String>,
    current: Option<String>,
    current_on: Option<String>,
    progress: Option<f64>,
    expected: Option<f64>,
    health: Health,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Diagnostic {
    rule: String,
    criterion: Criterion,
    severity: Severity,
    field: String,
    message: String,
    help: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "kebab-case")]
enum Criterion {
    Concrete,
    LoftyAchievable,
    DifferentFromToday,
    WillNot,
    Cascade,
    Writing,
    Tracking,
}

#[derive(Debug, Deserialize, PartialEq, PartialOrd)]
#[serde(rename_all = "lowercase")]
enum Severity {
    Note,
    Warning,
    Error,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Scorecard {
    concrete: Grade,
    lofty_achievable: Grade,
    different_from_today: Grade,
    will_not: Grade,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Grade {
    Pass,
    Warn,
    Fail,
}

fn sample() -> (strata::model::Strategy, String) {
    export_of("sample-strategy.toml")
}

fn export_of(relative: &str) -> (strata::model::Strategy, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let (file, strategy) = StrategyFile::open(&path).unwrap();
    let config = LintConfig::from_toml(&file.lint).unwrap();
    let as_of = strategy.as_of.unwrap_or_else(strata::cli::today);
    let diagnostics = lint_strategy(&strategy, &config, as_of);
    let progress = Progress::compute(&strategy, Measure::on(as_of), config.progress);
    let json = export::render(Format::Json, &strategy, &diagnostics, as_of, &progress);
    (strategy, json)
}

#[test]
fn the_export_parses_as_the_documented_shape() {
    let (strategy, json) = sample();
    let document: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(document.version, 1);
    assert_eq!(document.company, "Northwind Freight");
    assert_eq!(document.as_of, "2026-11-01");

    let exported: Vec<&str> = document.nodes.iter().map(|n| n.key.as_str()).collect();
    let unique: BTreeSet<&str> = exported.iter().copied().collect();
    assert_eq!(unique.len(), exported.len(), "a node is exported twice");
    for (_, node) in strategy.iter() {
        assert!(
            unique.contains(node.key().as_str()),
            "missing {}",
            node.key()
        );
    }
    assert_eq!(exported.len(), strategy.len());
}

#[test]
fn review_records_are_exported_in_file_order() {
    let (_, json) = export_of("tests/fixtures/review/reviewed.toml");
    let document: Document = serde_json::from_str(&json).unwrap();
    let win = document
        .nodes
        .iter()
        .find(|n| n.key == "intents.win-mid-market")
        .unwrap();
    let by: Vec<&str> = win.reviews.iter().map(|r| r.by.as_str()).collect();
    assert_eq!(by, ["Lee Park", "Dana Okafor", "Dana Okafor"]);
    assert!(matches!(win.reviews[1].decision, Decision::RequestChanges));
    let total: usize = document.nodes.iter().map(|n| n.reviews.len()).sum();
    assert_eq!(total, 5);
}

#[test]
fn nodes_come_in_cascade_order_with_their_parents_first() {
    let (strategy, json) = sample();
    let document: Document = serde_json::from_str(&json).unwrap();
    let expected: Vec<String> = strategy
        .cascade()
        .into_iter()
        .map(|(id, _)| strategy.node(id).key())
        .collect();
    let keys: Vec<&String> = document.nodes.iter().map(|n| &n.key).collect();
    assert_eq!(keys, expected.iter().collect::<Vec<_>>());
    assert_eq!(document.nodes[0].level, Level::Vision);
    for (i, node) in document.nodes.iter().enumerate() {
        let expected_key = match node.level {
            Level::Vision => "vision".to_owned(),
            Level::Intent => format!("intents.{}", node.id),
            Level::Initiative => format!("initiatives.{}", node.id),
            Level::Option => format!("options.{}", node.id),
        };
        assert_eq!(node.key, expected_key);
        if let Some(parent) = &node.parent {
            let at = keys.iter().position(|k| *k == parent).unwrap();
            assert!(at < i, "{} comes before its parent {parent}", node.key);
        }
    }
}

#[test]
fn scorecards_follow_the_documented_rule() {
    let (_, json) = sample();
    let document: Document = serde_json::from_str(&json).unwrap();
    for node in &document.nodes {
        let grade = |criterion: Criterion| {
            let worst = node
                .diagnostics
                .iter()
                .filter(|d| d.criterion == criterion)
                .map(|d| &d.severity)
                .fold(None, |worst: Option<&Severity>, s| match worst {
                    Some(w) if w >= s => Some(w),
                    _ => Some(s),
                });
            match worst {
                Some(Severity::Error) => Grade::Fail,
                Some(Severity::Warning) => Grade::Warn,
                Some(Severity::Note) | None => Grade::Pass,
            }
        };
        let card = &node.scorecard;
        assert_eq!(card.concrete, grade(Criterion::Concrete), "{}", node.key);
        assert_eq!(
            card.lofty_achievable,
            grade(Criterion::LoftyAchievable),
            "{}",
            node.key
        );
        assert_eq!(
            card.different_from_today,
            grade(Criterion::DifferentFromToday),
            "{}",
            node.key
        );
        assert_eq!(card.will_not, grade(Criterion::WillNot), "{}", node.key);
    }
}

#[test]
fn the_scorecard_keys_come_in_review_order() {
    let (_, json) = sample();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &value["nodes"][0]["scorecard"];
    // serde_json's map is sorted unless preserve_order is on, so read the text.
    let text = json.split("\"scorecard\": {").nth(1).unwrap();
    let order: Vec<usize> = [
        "concrete",
        "lofty-achievable",
        "different-from-today",
        "will-not",
    ]
    .iter()
    .map(|key| {
        assert!(first.get(key).is_some());
        text.find(&format!("\"{key}\"")).unwrap()
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}

#[test]
fn text_is_exactly_as_in_the_file() {
    let (strategy, json) = sample();
    let document: Document = serde_json::from_str(&json).unwrap();
    for node in &document.nodes {
        let id = strategy.find_key(&node.key).unwrap();
        let doc = &strategy.node(id).doc;
        assert_eq!(node.title, doc.title);
        assert_eq!(node.owner, doc.owner);
        assert_eq!(node.status.in_model(), doc.status);
        assert_eq!(node.horizon, doc.horizon.map(|h| h.to_string()));
        assert_eq!(node.today, doc.today);
        assert_eq!(node.future, doc.future);
        assert_eq!(node.will_not, doc.will_not);
        assert_eq!(node.notes, doc.notes);
        assert_eq!(node.tracker, strategy.node(id).tracker);
        assert_eq!(node.links, strategy.node(id).links);
        assert_eq!(node.metrics.len(), doc.metrics.len());
        for (got, want) in node.metrics.iter().zip(&doc.metrics) {
            assert_eq!(got.name, want.name);
            assert_eq!(got.baseline, want.baseline);
            assert_eq!(got.target, want.target);
            assert_eq!(got.by, want.by);
        }
        for d in &node.diagnostics {
            assert!(
                !d.rule.is_empty() && !d.message.is_empty() && !d.help.is_empty(),
                "{d:?}"
            );
            let base = d.field.split(['[', '.']).next().unwrap();
            let documented = [
                "title", "owner", "status", "horizon", "today", "future", "will_not", "metrics",
                "notes", "parent", "node",
            ];
            assert!(documented.contains(&base), "undocumented field {}", d.field);
        }
    }
}

#[test]
fn progress_and_checkins_are_exported_with_each_node_and_metric() {
    let (_, json) = sample();
    let document: Document = serde_json::from_str(&json).unwrap();
    let node = |key: &str| document.nodes.iter().find(|n| n.key == key).unwrap();
    let pilot = node("options.pilot-lane-first");
    assert_eq!(pilot.checkins.len(), 5);
    assert_eq!(
        pilot.checkins[3].note,
        "Two pilot lanes live; the third customer waited 3 weeks for EDI setup"
    );
    let days = &pilot.metrics[0];
    assert_eq!(days.start.as_deref(), Some("2026-07-01"));
    assert_eq!(days.current.as_deref(), Some("63"));
    assert_eq!(days.current_on.as_deref(), Some("2026-10-01"));
    assert_eq!(days.progress, Some(0.2222), "(77 − 63) / (77 − 14)");
    assert_eq!(days.health, Health::AtRisk);
    assert!(days.expected.unwrap() > days.progress.unwrap());
    assert_eq!(pilot.health, Health::OnTrack);
    assert!(pilot.progress.is_some() && pilot.expected.is_some());
    assert_eq!(pilot.weight, None);
    // A node with nothing measured below it says so.
    let quiet = node("options.self-serve-data-import");
    assert_eq!(
        (quiet.progress, quiet.expected, &quiet.health),
        (None, None, &Health::NoData)
    );
    // The vision rolls up the three intents that report.
    let vision = node("vision");
    assert!(vision.progress.is_some());
}
