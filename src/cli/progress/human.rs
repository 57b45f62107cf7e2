//! `strata progress` for people: one line per node, aligned, the bar with
//! the expected mark, and with `--node` each node's metrics under it.

use std::fmt::Write;

use crate::cli::style::{Style, Tone};
use crate::model::progress::text::{bar, percent, sparkline};
use crate::model::progress::{Health, Progress};
use crate::model::{NodeId, Strategy};
use crate::sanitize;

const BAR: usize = 12;

/// The report, ending in a newline.
pub fn render(
    strategy: &Strategy,
    progress: &Progress,
    shown: &[(NodeId, usize)],
    with_metrics: bool,
    style: Style,
) -> String {
    let mut out = String::new();
    let company = sanitize::line(strategy.company.trim());
    let heading = if company.is_empty() {
        format!("Progress (as of {})", progress.measure.as_of)
    } else {
        format!("{company} progress (as of {})", progress.measure.as_of)
    };
    let _ = writeln!(out, "{}", style.bold(&heading));
    let name = |id: NodeId, depth: usize| {
        format!(
            "{}{}",
            "  ".repeat(depth),
            sanitize::line(&strategy.node(id).key())
        )
    };
    let width = shown
        .iter()
        .map(|&(id, depth)| name(id, depth).chars().count())
        .max()
        .unwrap_or(0);
    for &(id, depth) in shown {
        let Some(node) = progress.node(id) else {
            continue;
        };
        let key = name(id, depth);
        let pad = " ".repeat(width - key.chars().count());
        let figures = match (node.progress, node.expected) {
            (Some(p), Some(e)) => format!(
                "{}  {:>4}  expected {:>4}",
                bar(Some(p), Some(e), BAR),
                percent(p),
                percent(e)
            ),
            _ => format!("{}  {:>4}  {:>13}", " ".repeat(BAR), "—", ""),
        };
        let level = strategy.node(id).level.child();
        let _ = writeln!(
            out,
            "{key}{pad}  {figures}  {}  {}",
            health(node.health, style),
            style.dim(&node.reporting(level))
        );
        if !with_metrics {
            continue;
        }
        let doc = &strategy.node(id).doc;
        let checkins = &strategy.node(id).checkins;
        for metric in &node.metrics {
            let written = &doc.metrics[metric.index];
            let mut parts = Vec::new();
            if let Some(c) = metric.current.map(|i| &checkins[i]) {
                parts.push(format!("{} on {}", sanitize::line(&c.value), c.on));
            }
            match (metric.progress, metric.expected, metric.why) {
                (Some(p), Some(e), _) => {
                    parts.push(format!("{} (expected {})", percent(p), percent(e)))
                }
                (Some(p), None, _) => parts.push(percent(p)),
                _ => {}
            }
            if let Some(why) = metric.why {
                parts.push(why.to_owned());
            }
            parts.push(paint(
                metric.health,
                metric.health.label().to_owned(),
                style,
            ));
            let spark = sparkline(&metric.series, 12);
            if spark.chars().count() > 1 {
                parts.push(spark);
            }
            let _ = writeln!(
                out,
                "{}  · {}: {}",
                "  ".repeat(depth),
                sanitize::line(&written.name),
                parts.join(" · ")
            );
        }
    }
    out
}

/// The health word, padded so the columns after it align, in its colour.
fn health(health: Health, style: Style) -> String {
    paint(health, format!("{:<9}", health.label()), style)
}

fn paint(health: Health, word: String, style: Style) -> String {
    match health {
        Health::Done | Health::OnTrack => style.tone(Tone::Good, &word),
        Health::AtRisk => style.tone(Tone::Warn, &word),
        Health::OffTrack => style.tone(Tone::Bad, &word),
        Health::NoData => style.dim(&word),
    }
}
