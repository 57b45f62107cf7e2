//! The strategy and its findings as JSON, for tools: dashboards, CI checks,
//! other exporters.
//!
//! The shape is a contract documented in `docs/format.md` ("JSON output") and
//! checked by `tests/engine/export_json.rs`. Strings are exactly as in the file:
//! JSON's own escaping keeps control characters out of the output, and a
//! consumer that shows them on a terminal must sanitize them itself.

use serde::{Serialize, Serializer};

use super::outline::{Entry, Outline};
use crate::lint::Diagnostic;
use crate::lint::Scorecard;
use crate::model::progress::{Health, MetricProgress};
use crate::model::{CheckIn, Metric, Node};

/// The version of the JSON shape; it changes only if a field is removed or
/// changes meaning, never when one is added.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    company: &'a str,
    as_of: String,
    nodes: Vec<JsonNode<'a>>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    key: String,
    level: &'static str,
    id: &'a str,
    parent: Option<String>,
    title: &'a str,
    owner: &'a str,
    status: &'static str,
    horizon: Option<String>,
    today: &'a str,
    future: &'a str,
    will_not: &'a [String],
    metrics: Vec<JsonMetric<'a>>,
    notes: &'a str,
    tracker: &'a [String],
    links: &'a [String],
    diagnostics: Vec<JsonDiagnostic<'a>>,
    #[serde(serialize_with = "grades")]
    scorecard: Scorecard,
    reviews: Vec<JsonReview<'a>>,
    progress: Option<f64>,
    expected: Option<f64>,
    health: &'static str,
    weight: Option<f64>,
    checkins: Vec<JsonCheckin<'a>>,
}

#[derive(Serialize)]
struct JsonCheckin<'a> {
    metric: &'a str,
    on: String,
    value: &'a str,
    note: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct JsonReview<'a> {
    by: &'a str,
    on: String,
    decision: &'static str,
    comment: &'a str,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonMetric<'a> {
    name: &'a str,
    baseline: Option<&'a str>,
    target: Option<&'a str>,
    by: Option<&'a str>,
    start: Option<String>,
    current: Option<&'a str>,
    current_on: Option<String>,
    progress: Option<f64>,
    expected: Option<f64>,
    health: &'static str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    criterion: &'static str,
    severity: &'static str,
    field: String,
    message: &'a str,
    help: &'a str,
}

/// Renders `outline` as pretty-printed JSON, ending in a newline.
pub fn render(outline: &Outline<'_>) -> String {
    let document = Document {
        version: JSON_VERSION,
        company: &outline.strategy.company,
        as_of: outline.as_of.to_string(),
        nodes: outline
            .entries()
            .iter()
            .map(|entry| node(outline, entry))
            .collect(),
    };
    // Structs of strings and options, serialized into memory: nothing here
    // can fail (no non-string map keys, no IO, no custom errors).
    let mut out =
        crate::sanitize::json(serde_json::to_string_pretty(&document).expect("JSON of plain data"));
    out.push('\n');
    out
}

fn node<'a>(outline: &Outline<'a>, entry: &Entry<'a>) -> JsonNode<'a> {
    let node = entry.node;
    let doc = &node.doc;
    let measured = outline.progress_of(entry);
    JsonNode {
        key: node.key(),
        level: node.level.name(),
        id: &node.id,
        parent: outline.parent_of(entry).map(|p| p.node.key()),
        title: &doc.title,
        owner: &doc.owner,
        status: doc.status.as_str(),
        horizon: doc.horizon.map(|h| h.to_string()),
        today: &doc.today,
        future: &doc.future,
        will_not: &doc.will_not,
        metrics: doc
            .metrics
            .iter()
            .enumerate()
            .map(|(i, m)| metric(node, m, measured.and_then(|p| p.metrics.get(i))))
            .collect(),
        notes: &doc.notes,
        tracker: &node.tracker,
        links: &node.links,
        diagnostics: entry.diagnostics.iter().map(|d| diagnostic(d)).collect(),
        scorecard: entry.scorecard,
        reviews: node
            .reviews
            .iter()
            .map(|r| JsonReview {
                by: &r.by,
                on: r.on.to_string(),
                decision: r.decision.as_str(),
                comment: &r.comment,
                reason: r.reason.as_deref(),
            })
            .collect(),
        progress: measured.and_then(|p| p.progress).map(round),
        expected: measured.and_then(|p| p.expected).map(round),
        health: measured.map_or(Health::NoData, |p| p.health).as_str(),
        weight: node.weight,
        checkins: node.checkins.iter().map(checkin).collect(),
    }
}

fn metric<'a>(
    node: &'a Node,
    metric: &'a Metric,
    measured: Option<&MetricProgress>,
) -> JsonMetric<'a> {
    let current = measured
        .and_then(|m| m.current)
        .and_then(|i| node.checkins.get(i));
    JsonMetric {
        name: &metric.name,
        baseline: metric.baseline.as_deref(),
        target: metric.target.as_deref(),
        by: metric.by.as_deref(),
        start: metric.start.map(|d| d.to_string()),
        current: current.map(|c| c.value.as_str()),
        current_on: current.map(|c| c.on.to_string()),
        progress: measured.and_then(|m| m.progress).map(round),
        expected: measured.and_then(|m| m.expected).map(round),
        health: measured.map_or(Health::NoData, |m| m.health).as_str(),
    }
}

fn checkin(c: &CheckIn) -> JsonCheckin<'_> {
    JsonCheckin {
        metric: &c.metric,
        on: c.on.to_string(),
        value: &c.value,
        note: &c.note,
        source: &c.source,
    }
}

/// Shares of the way to four places, as `strata progress --format json` writes them.
fn round(share: f64) -> f64 {
    (share * 10_000.0).round() / 10_000.0
}

fn diagnostic(d: &Diagnostic) -> JsonDiagnostic<'_> {
    JsonDiagnostic {
        rule: d.rule,
        criterion: d.criterion.as_str(),
        severity: d.severity.as_str(),
        field: d.field.label(),
        message: &d.message,
        help: &d.help,
    }
}

/// The scorecard as an object keyed by criterion, in review order.
fn grades<S: Serializer>(card: &Scorecard, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(card.iter().map(|(c, g)| (c.as_str(), g.as_str())))
}
