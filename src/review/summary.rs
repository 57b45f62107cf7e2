//! What a review meeting decided, as data: counts by level and decision,
//! the nodes sent back with what was said, approvals over lint errors with
//! their reasons, and what is still undecided. Rendered as Markdown for
//! meeting notes and as JSON for tools (`summary_text.rs`).

use std::collections::HashMap;

use serde::Serialize;

pub use super::said::NodeLine;
use super::said::Said;
use crate::lint::{Diagnostic, Severity};
use crate::model::progress::{Health, Progress};
use crate::model::{Date, Decision, Level, NodeId, Review, Strategy, latest_decision};

/// Which records a summary counts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scope {
    /// Only this reviewer's records (a session's summary); `None` for everyone's.
    pub reviewer: Option<String>,
    /// Only records on or after this day; `None` for all of them.
    #[serde(serialize_with = "date_text")]
    pub from: Option<Date>,
}

fn date_text<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(date) => s.serialize_str(&date.to_string()),
        None => s.serialize_none(),
    }
}

impl Scope {
    /// True when `review` is one this summary counts.
    pub fn counts(&self, review: &Review) -> bool {
        self.reviewer.as_ref().is_none_or(|r| *r == review.by)
            && self.from.is_none_or(|from| review.on >= from)
    }
}

/// A meeting's outcome.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The company whose strategy was reviewed.
    pub company: String,
    /// Which records were counted.
    pub scope: Scope,
    /// Nodes in the review.
    pub total: usize,
    /// Nodes with a decision in scope.
    pub decided: usize,
    /// Counts per level, for the levels in the review, vision first.
    pub levels: Vec<LevelCounts>,
    /// Nodes whose latest decision is "request changes", with what was said.
    pub changes_requested: Vec<RequestedChanges>,
    /// Approvals recorded with a reason: the node had lint errors.
    pub approved_despite_errors: Vec<Approval>,
    /// Nodes whose latest decision is "discuss".
    pub to_discuss: Vec<NodeLine>,
    /// Nodes with no decision in scope.
    pub undecided: Vec<NodeLine>,
    /// Nodes off track, or with a metric off track: what the meeting should ask about.
    pub off_track: Vec<OffTrack>,
    /// Each record said: decisions, comments, questions, action items,
    /// attendees, minutes, and the nodes' statuses in the file.
    #[serde(flatten)]
    pub said: Said,
}

/// A node that is off track, or has a metric that is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OffTrack {
    /// The node.
    #[serde(flatten)]
    pub node: NodeLine,
    /// Its health, rolled up (`off-track`, or better when only a metric is).
    pub health: &'static str,
    /// Its progress, a share of the way; `None` without data.
    pub progress: Option<f64>,
    /// Where it should be by now.
    pub expected: Option<f64>,
    /// Its own metrics that are off track, with their progress and expected mark.
    pub metrics: Vec<MetricLine>,
}

/// A metric named in a list, with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricLine {
    /// The metric's name.
    pub name: String,
    /// Its progress, a share of the way.
    pub progress: Option<f64>,
    /// Where it should be by now.
    pub expected: Option<f64>,
}

/// How the nodes of one level were decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelCounts {
    /// The level's name (`intent`).
    pub level: &'static str,
    /// Approved.
    pub approved: usize,
    /// Changes requested.
    pub changes_requested: usize,
    /// Needs discussion.
    pub discuss: usize,
    /// No decision yet.
    pub undecided: usize,
    /// Nodes of this level in the review.
    pub total: usize,
}

/// One thing a reviewer said about a node.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Remark {
    /// Who said it.
    pub by: String,
    /// When.
    pub on: String,
    /// `request-changes`, `discuss`, `comment`, …
    pub decision: &'static str,
    /// What was said.
    pub text: String,
}

/// A node sent back, with the remarks in scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestedChanges {
    /// The node.
    #[serde(flatten)]
    pub node: NodeLine,
    /// What the reviewers said, oldest first.
    pub remarks: Vec<Remark>,
}

/// An approval given although the node had lint errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    /// The node.
    #[serde(flatten)]
    pub node: NodeLine,
    /// Who approved it.
    pub by: String,
    /// When.
    pub on: String,
    /// The reason recorded with the approval.
    pub reason: String,
    /// Lint errors the node has now.
    pub errors_now: usize,
}

/// Summarizes the decisions on `queue` (the nodes of the review, in its
/// order) that `scope` counts; `diagnostics` are the strategy's lint
/// findings and `progress` its nodes' progress; `today` tells which
/// action items are overdue.
pub fn summarize(
    strategy: &Strategy,
    queue: &[NodeId],
    diagnostics: &[Diagnostic],
    progress: &Progress,
    scope: Scope,
    today: Date,
) -> Summary {
    let mut summary = Summary {
        company: strategy.company.clone(),
        scope,
        total: queue.len(),
        decided: 0,
        levels: Vec::new(),
        changes_requested: Vec::new(),
        approved_despite_errors: Vec::new(),
        to_discuss: Vec::new(),
        undecided: Vec::new(),
        off_track: Vec::new(),
        said: Said::default(),
    };
    let mut counts: Vec<(Level, LevelCounts)> = Vec::new();
    // Counted once, not per node: a scan of every finding for each node
    // made the summary quadratic in a weak strategy's size.
    let mut errors: HashMap<NodeId, usize> = HashMap::new();
    for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        *errors.entry(d.node).or_default() += 1;
    }
    for &id in queue {
        let Some(node) = strategy.get(id) else {
            continue;
        };
        let line = NodeLine {
            key: node.key(),
            title: node.doc.title.clone(),
        };
        if let Some(p) = progress.node(id) {
            let metrics: Vec<MetricLine> = p
                .metrics
                .iter()
                .filter(|m| m.health == Health::OffTrack)
                .map(|m| MetricLine {
                    name: node.doc.metrics[m.index].name.clone(),
                    progress: m.progress,
                    expected: m.expected,
                })
                .collect();
            if p.health == Health::OffTrack || !metrics.is_empty() {
                summary.off_track.push(OffTrack {
                    node: line.clone(),
                    health: p.health.as_str(),
                    progress: p.progress,
                    expected: p.expected,
                    metrics,
                });
            }
        }
        summary
            .said
            .add(node, &line, |r| summary.scope.counts(r), today);
        let in_scope: Vec<&Review> = node
            .reviews
            .iter()
            .filter(|r| summary.scope.counts(r))
            .collect();
        let latest = latest_decision(&node.reviews, |r| summary.scope.counts(r));
        let level = match counts.iter().position(|(l, _)| *l == node.level) {
            Some(at) => &mut counts[at].1,
            None => {
                counts.push((node.level, LevelCounts::new(node.level)));
                &mut counts.last_mut().expect("just pushed").1
            }
        };
        level.total += 1;
        match latest.map(|r| r.decision) {
            Some(Decision::Approve) => level.approved += 1,
            Some(Decision::RequestChanges) => level.changes_requested += 1,
            Some(Decision::Discuss) => level.discuss += 1,
            Some(Decision::Comment) | None => level.undecided += 1,
        }
        if latest.is_some() {
            summary.decided += 1;
        }
        let errors_now = errors.get(&id).copied().unwrap_or(0);
        for review in &in_scope {
            if let (Decision::Approve, Some(reason)) = (review.decision, &review.reason) {
                summary.approved_despite_errors.push(Approval {
                    node: line.clone(),
                    by: review.by.clone(),
                    on: review.on.to_string(),
                    reason: reason.clone(),
                    errors_now,
                });
            }
        }
        match latest.map(|r| r.decision) {
            Some(Decision::RequestChanges) => {
                let remarks = in_scope
                    .iter()
                    .filter(|r| !r.comment.trim().is_empty())
                    .map(|r| Remark {
                        by: r.by.clone(),
                        on: r.on.to_string(),
                        decision: r.decision.as_str(),
                        text: r.comment.clone(),
                    })
                    .collect();
                summary.changes_requested.push(RequestedChanges {
                    node: line,
                    remarks,
                });
            }
            Some(Decision::Discuss) => summary.to_discuss.push(line),
            Some(_) => {}
            None => summary.undecided.push(line),
        }
    }
    summary.said.finish();
    counts.sort_by_key(|(level, _)| level.depth());
    summary.levels = counts.into_iter().map(|(_, c)| c).collect();
    summary
}

impl LevelCounts {
    fn new(level: Level) -> LevelCounts {
        LevelCounts {
            level: level.name(),
            approved: 0,
            changes_requested: 0,
            discuss: 0,
            undecided: 0,
            total: 0,
        }
    }
}
