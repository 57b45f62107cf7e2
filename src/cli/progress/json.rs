//! `strata progress --format json`: the contract in docs/format.md ("JSON
//! output", `strata progress`). Text is exactly as in the file; numbers are
//! shares of the way (0 at the baseline, 1 at the target), rounded to four
//! places, `null` where they cannot be computed.

use serde::Serialize;

use crate::model::progress::{NodeProgress, Progress};
use crate::model::{NodeId, Strategy};

#[derive(Serialize)]
struct Report<'a> {
    as_of: String,
    nodes: Vec<JsonNode<'a>>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    node: String,
    level: &'static str,
    progress: Option<f64>,
    expected: Option<f64>,
    health: &'static str,
    weight: f64,
    reporting: Reporting,
    metrics: Vec<JsonMetric<'a>>,
}

#[derive(Serialize)]
struct Reporting {
    metrics: usize,
    metrics_total: usize,
    children: usize,
    children_total: usize,
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
    reason: Option<&'static str>,
    checkins: usize,
}

/// The report as pretty JSON, ending in a newline.
pub fn render(strategy: &Strategy, progress: &Progress, shown: &[(NodeId, usize)]) -> String {
    let nodes = shown
        .iter()
        .filter_map(|&(id, _)| Some(node(strategy, id, progress.node(id)?)))
        .collect();
    let report = Report {
        as_of: progress.measure.as_of.to_string(),
        nodes,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".to_owned());
    out.push('\n');
    out
}

fn node<'a>(strategy: &'a Strategy, id: NodeId, p: &NodeProgress) -> JsonNode<'a> {
    let node = strategy.node(id);
    let metrics = p
        .metrics
        .iter()
        .map(|m| {
            let metric = &node.doc.metrics[m.index];
            let current = m.current.map(|i| &node.checkins[i]);
            JsonMetric {
                name: &metric.name,
                baseline: metric.baseline.as_deref(),
                target: metric.target.as_deref(),
                by: metric.by.as_deref(),
                start: m.start.map(|d| d.to_string()),
                current: current.map(|c| c.value.as_str()),
                current_on: current.map(|c| c.on.to_string()),
                progress: m.progress.map(round),
                expected: m.expected.map(round),
                health: m.health.as_str(),
                reason: m.why,
                checkins: node
                    .checkins
                    .iter()
                    .filter(|c| c.metric == metric.name)
                    .count(),
            }
        })
        .collect();
    JsonNode {
        node: node.key(),
        level: node.level.name(),
        progress: p.progress.map(round),
        expected: p.expected.map(round),
        health: p.health.as_str(),
        weight: p.weight,
        reporting: Reporting {
            metrics: p.metrics_reporting,
            metrics_total: p.metrics.len(),
            children: p.children_reporting,
            children_total: p.children,
        },
        metrics,
    }
}

/// Four places are more than any reader needs and keep the output stable.
fn round(share: f64) -> f64 {
    (share * 10_000.0).round() / 10_000.0
}
