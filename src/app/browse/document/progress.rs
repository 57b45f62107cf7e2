//! Under each tracked metric of a two-pager: where it stands (the bar with
//! the expected mark, the current value, a sparkline of its check-ins, its
//! health and the latest note), and the check-ins that name no metric, so
//! every finding about a check-in has a line to point at.

use super::{Block, BlockKind, Builder};
use crate::app::browse::prose::{display, single};
use crate::model::progress::text::{bar, percent, sparkline};
use crate::model::progress::{Health, MetricProgress};
use crate::model::{Field, Metric, Node};

impl Builder<'_> {
    /// Under a tracked metric (one with a check-in or a `start`): the bar
    /// against the expected mark, the current value, the sparkline of its
    /// check-ins, the health and the latest note.
    pub(super) fn progress(
        &mut self,
        node: &Node,
        metric: &Metric,
        measured: Option<&MetricProgress>,
    ) {
        let Some(measured) = measured else {
            return;
        };
        let mine: Vec<usize> = (0..node.checkins.len())
            .filter(|&i| node.checkins[i].metric == metric.name)
            .collect();
        if mine.is_empty() && metric.start.is_none() {
            return;
        }
        let mut text = bar(measured.progress, measured.expected, 12);
        let bar_end = text.len();
        let mut parts: Vec<String> = Vec::new();
        if let Some(share) = measured.progress {
            parts.push(percent(share));
        }
        if let Some(expected) = measured.expected {
            parts.push(format!("expected {}", percent(expected)));
        }
        let current = measured.current.map(|i| &node.checkins[i]);
        match current {
            Some(c) => parts.push(format!("now {} on {}", c.value, c.on)),
            None => parts.push("no check-in yet".to_owned()),
        }
        let spark = sparkline(&measured.series, 12);
        if spark.chars().count() > 1 {
            parts.push(spark);
        }
        match measured.why.filter(|_| measured.health == Health::NoData) {
            Some(why) if current.is_some() => parts.push(format!("no data: {why}")),
            _ => parts.push(measured.health.label().to_owned()),
        }
        if let Some(note) = current.map(|c| c.note.as_str()).filter(|n| !n.is_empty()) {
            parts.push(format!("“{note}”"));
        }
        text.push(' ');
        text.push_str(&display(&parts.join(" · "), &[]).0.replace('\n', " "));
        let marks = mine
            .iter()
            .flat_map(|&i| self.whole(Field::Checkin(i), 0..text.len()))
            .collect();
        self.blocks.push(Block {
            kind: BlockKind::Progress {
                health: measured.health,
                bar: bar_end as u16,
            },
            paragraphs: single(text.len()),
            text,
            marks,
        });
    }

    /// Check-ins naming no metric of the node, so their findings have a place.
    pub(super) fn stray_checkins(&mut self, node: &Node) {
        for (i, checkin) in node.checkins.iter().enumerate() {
            if node.doc.metrics.iter().any(|m| m.name == checkin.metric) {
                continue;
            }
            let text = format!(
                "(a check-in of `{}` on {}: {}; no metric has that name)",
                checkin.metric, checkin.on, checkin.value
            );
            let text = display(&text, &[]).0.replace('\n', " ");
            let marks = self.whole(Field::Checkin(i), 0..text.len());
            self.blocks.push(Block {
                kind: BlockKind::Placeholder,
                paragraphs: single(text.len()),
                text,
                marks,
            });
        }
    }
}
