//! A node's roll-up: its own metrics and its children, each reporting part
//! weighed (a metric 1, a child its `weight`), averaged and judged like a
//! metric.

use super::metric::judge;
use super::{Health, MetricProgress, NodeProgress, Thresholds};
use crate::model::Node;

/// One reporting part of a node's roll-up: an own metric or a child.
struct Part {
    weight: f64,
    progress: f64,
    expected: f64,
    done: bool,
}

/// A node's own metrics and its children's roll-ups, combined.
pub(super) fn roll_up(
    node: &Node,
    metrics: Vec<MetricProgress>,
    children: &[&NodeProgress],
    thresholds: Thresholds,
) -> NodeProgress {
    let mut parts: Vec<Part> = Vec::new();
    for m in metrics.iter().filter(|m| m.health.reports()) {
        if let Some(progress) = m.progress {
            parts.push(Part {
                weight: 1.0,
                progress,
                // A metric that is done needs no date to be judged.
                expected: m.expected.unwrap_or(1.0),
                done: m.health == Health::Done,
            });
        }
    }
    let metrics_reporting = parts.len();
    let mut children_reporting = 0;
    for child in children {
        if let (true, Some(progress), Some(expected)) =
            (child.health.reports(), child.progress, child.expected)
        {
            children_reporting += 1;
            parts.push(Part {
                weight: child.weight,
                progress,
                expected,
                done: child.health == Health::Done,
            });
        }
    }
    let total: f64 = parts.iter().map(|p| p.weight).sum();
    let mut out = NodeProgress {
        metrics,
        progress: None,
        expected: None,
        health: Health::NoData,
        metrics_reporting,
        children: children.len(),
        children_reporting,
        weight: node.weight.unwrap_or(1.0),
    };
    if parts.is_empty() || total <= 0.0 {
        return out;
    }
    let mean = |of: fn(&Part) -> f64| {
        parts
            .iter()
            .map(|p| p.weight * of(p).clamp(0.0, 1.0))
            .sum::<f64>()
            / total
    };
    let progress = mean(|p| p.progress);
    let expected = mean(|p| p.expected);
    out.progress = Some(progress);
    out.expected = Some(expected);
    out.health = if parts.iter().filter(|p| p.weight > 0.0).all(|p| p.done) {
        Health::Done
    } else {
        judge(progress, expected, thresholds)
    };
    out
}
