//! Is the strategy working? How far each metric has moved from its baseline
//! toward its target, how far it should have moved by now, its health, and
//! the same rolled up the cascade, each node over its own metrics and its
//! children.
//!
//! Pure: the day to measure to comes in as data ([`Measure`]), and so do the
//! thresholds (the file's `[lint.progress]`), so every view computes the same
//! numbers. `docs/format.md` ("Progress and health") states the rules this
//! file implements; keep the two in step.

mod metric;
mod rollup;
pub mod text;

pub use metric::{due_date, metric_progress, metrics_of};

use super::{Date, Level, NodeId, Status, Strategy};
use rollup::roll_up;

/// How far behind the expected mark a metric may be before it is at risk
/// or off track, as fractions of the way from baseline to target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Behind by more than this: at risk (default 0.10, ten points of the way).
    pub at_risk: f64,
    /// Behind by more than this: off track (default 0.25).
    pub off_track: f64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            at_risk: 0.10,
            off_track: 0.25,
        }
    }
}

/// A metric's or a node's state, worst last but one: no data says nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Health {
    /// The target is reached.
    Done,
    /// At or ahead of the expected mark, or behind it by no more than `at_risk`.
    OnTrack,
    /// Behind the expected mark by more than `at_risk`.
    AtRisk,
    /// Behind the expected mark by more than `off_track`.
    OffTrack,
    /// Nothing to judge: no check-in, values that do not read, no date.
    NoData,
}

impl Health {
    /// Every health, in the order above.
    pub const ALL: [Health; 5] = [
        Health::Done,
        Health::OnTrack,
        Health::AtRisk,
        Health::OffTrack,
        Health::NoData,
    ];

    /// The spelling in JSON and on the command line (`off-track`).
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Done => "done",
            Health::OnTrack => "on-track",
            Health::AtRisk => "at-risk",
            Health::OffTrack => "off-track",
            Health::NoData => "no-data",
        }
    }

    /// The words a reader sees (`off track`).
    pub fn label(self) -> &'static str {
        match self {
            Health::Done => "done",
            Health::OnTrack => "on track",
            Health::AtRisk => "at risk",
            Health::OffTrack => "off track",
            Health::NoData => "no data",
        }
    }

    /// One mark for a narrow column; `' '` for no data.
    pub fn mark(self) -> char {
        match self {
            Health::Done => '✓',
            Health::OnTrack => '↗',
            Health::AtRisk => '→',
            Health::OffTrack => '↘',
            Health::NoData => ' ',
        }
    }

    /// True for a judgement (anything but no data).
    pub fn reports(self) -> bool {
        self != Health::NoData
    }
}

/// The day progress is measured to, and the last day whose check-ins count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Measure {
    /// The day the expected marks are for: what `strata lint` measures to
    /// (the file's `as_of`, else today), or a day asked for.
    pub as_of: Date,
    /// Check-ins dated after this day are not counted.
    pub counted_until: Date,
}

impl Measure {
    /// Measured on `day`, counting what was known by then.
    pub fn on(day: Date) -> Measure {
        Measure {
            as_of: day,
            counted_until: day,
        }
    }

    /// Measured to `as_of` (the file's, else today), counting every
    /// check-in up to `today` too: one recorded since the file's `as_of`
    /// shows at once, while the linter asks for `as_of` to move.
    pub fn file(as_of: Date, today: Date) -> Measure {
        Measure {
            as_of,
            counted_until: as_of.max(today),
        }
    }
}

/// One metric's progress.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricProgress {
    /// The metric's index in the node's `metrics`.
    pub index: usize,
    /// The current value: index in the node's `checkins` of the latest one counted.
    pub current: Option<usize>,
    /// `(current − baseline) / (target − baseline)`: 0 at the baseline, 1 at
    /// the target, below 0 when it moved the wrong way; `None` when it
    /// cannot be computed.
    pub progress: Option<f64>,
    /// How far along it should be by `as_of`, 0 to 1: the share of the time
    /// from its start to its `by` that has passed.
    pub expected: Option<f64>,
    /// What the two say together.
    pub health: Health,
    /// Why there is no judgement, when there is none.
    pub why: Option<&'static str>,
    /// The progress of each counted check-in that reads, oldest first: the
    /// metric's history, for sparklines.
    pub series: Vec<f64>,
    /// The day the pace is measured from: the metric's `start`, else its first check-in.
    pub start: Option<Date>,
    /// The last day of its `by`.
    pub due: Option<Date>,
}

/// One node's progress: its metrics and the roll-up over them and its children.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeProgress {
    /// Each of its own metrics, in file order.
    pub metrics: Vec<MetricProgress>,
    /// The weighted mean of the reporting parts' progress, each held to 0..1.
    pub progress: Option<f64>,
    /// The weighted mean of the reporting parts' expected marks.
    pub expected: Option<f64>,
    /// What the two say together.
    pub health: Health,
    /// Own metrics with a judgement.
    pub metrics_reporting: usize,
    /// Children that count (every child but retired ones).
    pub children: usize,
    /// Children with a judgement.
    pub children_reporting: usize,
    /// How much it counts in its parent (`weight`, default 1).
    pub weight: f64,
}

impl NodeProgress {
    /// "2 of 3 metrics, 1 of 4 options reporting"; `child` is the children's level.
    pub fn reporting(&self, child: Option<Level>) -> String {
        let mut parts = Vec::new();
        let total = self.metrics.len();
        if total > 0 {
            parts.push(format!(
                "{} of {total} metric{}",
                self.metrics_reporting,
                plural(total)
            ));
        }
        if let Some(level) = child.filter(|_| self.children > 0) {
            let name = if self.children == 1 {
                level.name()
            } else {
                level.table()
            };
            parts.push(format!(
                "{} of {} {name}",
                self.children_reporting, self.children
            ));
        }
        if parts.is_empty() {
            "nothing to report".to_owned()
        } else {
            format!("{} reporting", parts.join(", "))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Every node's progress, by node.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The day it was measured to.
    pub measure: Measure,
    /// The thresholds it was judged with.
    pub thresholds: Thresholds,
    nodes: Vec<Option<NodeProgress>>,
}

impl Progress {
    /// Measures every node of `strategy`.
    pub fn compute(strategy: &Strategy, measure: Measure, thresholds: Thresholds) -> Progress {
        let slots = strategy
            .iter()
            .map(|(id, _)| id.index() + 1)
            .max()
            .unwrap_or(0);
        let mut own: Vec<Option<Vec<MetricProgress>>> = vec![None; slots];
        for (id, node) in strategy.iter() {
            own[id.index()] = Some(metrics_of(node, measure, thresholds));
        }
        let mut nodes: Vec<Option<NodeProgress>> = vec![None; slots];
        // Children before parents: the cascade read backwards, then any
        // node in no cascade (a second vision).
        let mut order: Vec<NodeId> = strategy.cascade().into_iter().map(|(id, _)| id).collect();
        order.reverse();
        order.extend(strategy.iter().map(|(id, _)| id));
        for id in order {
            if nodes[id.index()].is_some() {
                continue;
            }
            let node = strategy.node(id);
            let metrics = own[id.index()].take().unwrap_or_default();
            let children: Vec<&NodeProgress> = strategy
                .children(id)
                .iter()
                .filter(|&&c| strategy.node(c).doc.status != Status::Retired)
                .filter_map(|c| nodes[c.index()].as_ref())
                .collect();
            let rolled = roll_up(node, metrics, &children, thresholds);
            nodes[id.index()] = Some(rolled);
        }
        Progress {
            measure,
            thresholds,
            nodes,
        }
    }

    /// Measures again after `touched` changed (their text, metrics or
    /// check-ins, not the shape of the cascade): their own metrics, then the
    /// roll-up of each of them and of everything above them. A change of
    /// shape (a node added, removed or moved) needs [`Progress::compute`].
    pub fn refresh(&mut self, strategy: &Strategy, touched: &[NodeId]) {
        let mut chain: Vec<(usize, NodeId)> = Vec::new();
        for &id in touched {
            if strategy.get(id).is_none() {
                if let Some(slot) = self.nodes.get_mut(id.index()) {
                    *slot = None;
                }
                continue;
            }
            let path = strategy.path_to_vision(id);
            let depth = path.len();
            for (step, above) in path.into_iter().enumerate() {
                if !chain.iter().any(|(_, c)| *c == above) {
                    chain.push((depth - step, above));
                }
            }
        }
        // Deepest first, so every parent rolls up children already measured.
        chain.sort_by_key(|(depth, id)| (std::cmp::Reverse(*depth), *id));
        for (_, id) in chain {
            if self.nodes.len() <= id.index() {
                self.nodes.resize(id.index() + 1, None);
            }
            let node = strategy.node(id);
            let kept = self.nodes[id.index()].take().map(|p| p.metrics);
            let metrics = match kept {
                Some(metrics) if !touched.contains(&id) => metrics,
                _ => metrics_of(node, self.measure, self.thresholds),
            };
            let rolled = {
                let children: Vec<&NodeProgress> = strategy
                    .children(id)
                    .iter()
                    .filter(|&&c| strategy.node(c).doc.status != Status::Retired)
                    .filter_map(|c| self.nodes.get(c.index()).and_then(Option::as_ref))
                    .collect();
                roll_up(node, metrics, &children, self.thresholds)
            };
            self.nodes[id.index()] = Some(rolled);
        }
    }

    /// The progress of `id`; `None` for a node not in the strategy measured.
    pub fn node(&self, id: NodeId) -> Option<&NodeProgress> {
        self.nodes.get(id.index()).and_then(Option::as_ref)
    }

    /// The health of `id`, no data when unknown.
    pub fn health(&self, id: NodeId) -> Health {
        self.node(id).map_or(Health::NoData, |p| p.health)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckIn, Level, Metric, Node, TwoPager};

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    fn metric(name: &str, baseline: &str, target: &str, by: &str) -> Metric {
        Metric {
            name: name.into(),
            baseline: Some(baseline.into()),
            target: Some(target.into()),
            by: Some(by.into()),
            start: None,
        }
    }

    fn checkin(metric: &str, on: Date, value: &str) -> CheckIn {
        CheckIn {
            metric: metric.into(),
            on,
            value: value.into(),
            note: String::new(),
            source: String::new(),
        }
    }

    fn node(level: Level, id: &str, parent: Option<&str>, metrics: Vec<Metric>) -> Node {
        let mut node = match parent {
            Some(p) => Node::child_of(level, id, p),
            None => Node::new(level, id),
        };
        node.doc = TwoPager {
            metrics,
            ..TwoPager::default()
        };
        node
    }

    #[test]
    fn nodes_roll_up_their_metrics_and_their_reporting_children_by_weight() {
        let mut s = Strategy::new("Acme");
        s.push_unlinked(node(Level::Vision, "vision", None, vec![]));
        s.push_unlinked(node(Level::Intent, "grow", None, vec![]));
        s.push_unlinked(node(Level::Initiative, "quotes", Some("grow"), vec![]));
        let mut a = node(
            Level::Option,
            "a",
            Some("quotes"),
            vec![metric("M", "0", "10", "2027")],
        );
        a.doc.metrics[0].start = Some(day(2026, 1, 1));
        a.checkins = vec![checkin("M", day(2026, 10, 1), "8")];
        let mut b = a.clone();
        b.id = "b".into();
        b.checkins = vec![checkin("M", day(2026, 10, 1), "2")];
        b.weight = Some(3.0);
        let silent = node(
            Level::Option,
            "c",
            Some("quotes"),
            vec![metric("M", "0", "1", "2027")],
        );
        let mut retired = a.clone();
        retired.id = "old".into();
        retired.doc.status = Status::Retired;
        for n in [a, b, silent, retired] {
            s.push_unlinked(n);
        }
        s.relink();
        let p = Progress::compute(&s, Measure::on(day(2026, 11, 1)), Thresholds::default());
        let quotes = p
            .node(s.find(Level::Initiative, "quotes").unwrap())
            .unwrap();
        assert_eq!(quotes.children, 3, "the retired option is left out");
        assert_eq!(quotes.children_reporting, 2);
        assert_eq!(
            quotes.reporting(Some(Level::Option)),
            "2 of 3 options reporting"
        );
        // (1 × 0.8 + 3 × 0.2) / 4
        assert!((quotes.progress.unwrap() - 0.35).abs() < 1e-12);
        let vision = p.node(s.vision().unwrap()).unwrap();
        assert_eq!(
            vision.progress, quotes.progress,
            "one reporting child passes it up"
        );
        assert_eq!(
            vision.reporting(Some(Level::Intent)),
            "1 of 1 intent reporting"
        );
        let c = s.find(Level::Option, "c").unwrap();
        assert_eq!(p.health(c), Health::NoData);
        assert_eq!(p.node(c).unwrap().progress, None);
    }

    #[test]
    fn a_refresh_after_a_checkin_equals_measuring_again() {
        let mut s = Strategy::new("Acme");
        s.push_unlinked(node(Level::Vision, "vision", None, vec![]));
        s.push_unlinked(node(Level::Intent, "grow", None, vec![]));
        s.push_unlinked(node(Level::Initiative, "quotes", Some("grow"), vec![]));
        let a = node(
            Level::Option,
            "a",
            Some("quotes"),
            vec![metric("M", "0", "10", "2027")],
        );
        s.push_unlinked(a);
        s.push_unlinked(node(
            Level::Intent,
            "keep",
            None,
            vec![metric("K", "0", "4", "2028")],
        ));
        s.relink();
        let measure = Measure::on(day(2026, 11, 1));
        let mut p = Progress::compute(&s, measure, Thresholds::default());
        let a = s.find(Level::Option, "a").unwrap();
        s.checkins_mut(a).push(checkin("M", day(2026, 10, 1), "3"));
        p.refresh(&s, &[a]);
        assert_eq!(p, Progress::compute(&s, measure, Thresholds::default()));
        assert!(p.node(s.vision().unwrap()).unwrap().progress.is_some());
    }

    #[test]
    fn a_node_is_done_when_every_part_is() {
        let mut s = Strategy::new("Acme");
        let mut v = node(
            Level::Vision,
            "vision",
            None,
            vec![metric("M", "0", "10", "2030")],
        );
        v.checkins = vec![checkin("M", day(2026, 10, 1), "10")];
        let id = s.add(v);
        let p = Progress::compute(&s, Measure::on(day(2026, 11, 1)), Thresholds::default());
        assert_eq!(p.health(id), Health::Done);
        assert_eq!(
            p.node(id).unwrap().reporting(Some(Level::Intent)),
            "1 of 1 metric reporting"
        );
    }
}
