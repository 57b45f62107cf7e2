//! Is the strategy working? How far each metric has moved from its baseline
//! toward its target, how far it should have moved by now, its health, and
//! the same rolled up the cascade, each node over its own metrics and its
//! children.
//!
//! Pure: the day to measure to comes in as data ([`Measure`]), and so do the
//! thresholds (the file's `[lint.progress]`), so every view computes the same
//! numbers. `docs/format.md` ("Progress and health") states the rules this
//! file implements; keep the two in step.

use super::quantity::{Quantity, metric_unit};
use super::{CheckIn, Date, Horizon, Level, Metric, Node, NodeId, Status, Strategy};

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

    /// The progress of `id`; `None` for a node not in the strategy measured.
    pub fn node(&self, id: NodeId) -> Option<&NodeProgress> {
        self.nodes.get(id.index()).and_then(Option::as_ref)
    }

    /// The health of `id`, no data when unknown.
    pub fn health(&self, id: NodeId) -> Health {
        self.node(id).map_or(Health::NoData, |p| p.health)
    }
}

/// The progress of each of `node`'s metrics.
pub fn metrics_of(node: &Node, measure: Measure, thresholds: Thresholds) -> Vec<MetricProgress> {
    (0..node.doc.metrics.len())
        .map(|index| metric_progress(node, index, measure, thresholds))
        .collect()
}

/// The progress of metric `index` of `node`.
pub fn metric_progress(
    node: &Node,
    index: usize,
    measure: Measure,
    thresholds: Thresholds,
) -> MetricProgress {
    let metric = &node.doc.metrics[index];
    let mut counted: Vec<(usize, &CheckIn)> = node
        .checkins
        .iter()
        .enumerate()
        .filter(|(_, c)| c.metric == metric.name && c.on <= measure.counted_until)
        .collect();
    // Oldest first; on one day, the one written last is the latest.
    counted.sort_by_key(|(i, c)| (c.on, *i));
    let start = metric.start.or_else(|| counted.first().map(|(_, c)| c.on));
    let due = metric.by.as_deref().and_then(due_date);
    let mut out = MetricProgress {
        index,
        current: counted.last().map(|(i, _)| *i),
        progress: None,
        expected: None,
        health: Health::NoData,
        why: None,
        series: Vec::new(),
        start,
        due,
    };
    out.expected = match (start, due) {
        (Some(start), Some(due)) => Some(expected(start, due, measure.as_of)),
        _ => None,
    };
    let scale = match Scale::of(metric) {
        Ok(scale) => scale,
        Err(why) => {
            out.why = Some(why);
            return out;
        }
    };
    out.series = counted
        .iter()
        .filter_map(|(_, c)| scale.progress(&c.value))
        .collect();
    let Some((_, current)) = counted.last() else {
        out.why = Some("no check-in yet");
        return out;
    };
    let Some(progress) = scale.progress(&current.value) else {
        out.why = Some("the latest check-in cannot be compared with the baseline");
        return out;
    };
    out.progress = Some(progress);
    out.health = if progress >= 1.0 - 1e-9 {
        Health::Done
    } else {
        match out.expected {
            Some(expected) => judge(progress, expected, thresholds),
            None => {
                out.why = Some("no `by` date to measure the pace against");
                Health::NoData
            }
        }
    };
    out
}

/// The last day a metric's `by` allows: the end of a year or month, or a day.
pub fn due_date(by: &str) -> Option<Date> {
    let by = by.trim();
    Horizon::parse(by)
        .map(Horizon::last_day)
        .or_else(|| Date::parse(by))
}

/// The share of the time from `start` to `due` that has passed by `as_of`, 0 to 1.
fn expected(start: Date, due: Date, as_of: Date) -> f64 {
    let span = due.days() - start.days();
    if span <= 0 {
        return if as_of >= due { 1.0 } else { 0.0 };
    }
    ((as_of.days() - start.days()) as f64 / span as f64).clamp(0.0, 1.0)
}

fn judge(progress: f64, expected: f64, thresholds: Thresholds) -> Health {
    let behind = expected - progress;
    // A hair of float noise never tips a metric over a threshold.
    if behind <= thresholds.at_risk + 1e-9 {
        Health::OnTrack
    } else if behind <= thresholds.off_track + 1e-9 {
        Health::AtRisk
    } else {
        Health::OffTrack
    }
}

/// A metric's baseline and target as numbers in one unit, to place values between.
struct Scale {
    unit: super::quantity::Unit,
    baseline: f64,
    target: f64,
}

impl Scale {
    fn of(metric: &Metric) -> Result<Scale, &'static str> {
        let read = |v: &Option<String>| v.as_deref().and_then(Quantity::parse);
        let (Some(baseline), Some(target)) = (read(&metric.baseline), read(&metric.target)) else {
            return Err("its baseline and target must both read as numbers");
        };
        let unit = metric_unit([&baseline, &target]);
        let (Some(b), Some(t)) = (baseline.in_unit_of(&unit), target.in_unit_of(&unit)) else {
            return Err("its baseline and target count different things");
        };
        if (t - b).abs() < f64::EPSILON * b.abs().max(1.0) {
            return Err("its baseline and target are the same");
        }
        Ok(Scale {
            unit,
            baseline: b,
            target: t,
        })
    }

    fn progress(&self, value: &str) -> Option<f64> {
        let value = Quantity::parse(value)?.in_unit_of(&self.unit)?;
        Some((value - self.baseline) / (self.target - self.baseline))
    }
}

/// A node's own metrics and its children's roll-ups, combined.
fn roll_up(
    node: &Node,
    metrics: Vec<MetricProgress>,
    children: &[&NodeProgress],
    thresholds: Thresholds,
) -> NodeProgress {
    // (weight, progress, expected, done) of each part that reports.
    let mut parts: Vec<(f64, f64, f64, bool)> = Vec::new();
    for m in metrics.iter().filter(|m| m.health.reports()) {
        if let Some(progress) = m.progress {
            let done = m.health == Health::Done;
            let expected = m.expected.unwrap_or(1.0);
            parts.push((1.0, progress, expected, done));
        }
    }
    let metrics_reporting = parts.len();
    let mut children_reporting = 0;
    for child in children {
        if let (true, Some(progress), Some(expected)) =
            (child.health.reports(), child.progress, child.expected)
        {
            children_reporting += 1;
            parts.push((
                child.weight,
                progress,
                expected,
                child.health == Health::Done,
            ));
        }
    }
    let total: f64 = parts.iter().map(|(w, ..)| w).sum();
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
    let mean = |f: &dyn Fn(&(f64, f64, f64, bool)) -> f64| {
        parts
            .iter()
            .map(|p| p.0 * f(p).clamp(0.0, 1.0))
            .sum::<f64>()
            / total
    };
    let progress = mean(&|p| p.1);
    let expected = mean(&|p| p.2);
    out.progress = Some(progress);
    out.expected = Some(expected);
    out.health = if parts.iter().filter(|p| p.0 > 0.0).all(|p| p.3) {
        Health::Done
    } else {
        judge(progress, expected, thresholds)
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, TwoPager};

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
    fn progress_is_the_share_of_the_way_and_works_for_lower_is_better() {
        let mut n = node(
            Level::Option,
            "x",
            None,
            vec![
                metric("Win rate", "16%", "33%", "2027-12"),
                metric("Days to settle", "12", "4", "2027-12"),
            ],
        );
        n.checkins = vec![
            checkin("Win rate", day(2026, 9, 1), "16%"),
            checkin("Win rate", day(2026, 10, 1), "20.25%"),
            checkin("Days to settle", day(2026, 10, 1), "10 days"),
        ];
        let m = metrics_of(&n, Measure::on(day(2026, 11, 1)), Thresholds::default());
        assert_eq!(m[0].progress, Some(0.25));
        assert_eq!(m[0].current, Some(1));
        assert_eq!(m[0].series, [0.0, 0.25]);
        assert_eq!(m[1].progress, Some(0.25), "12 → 10 of 12 → 4 is a quarter");
        // The pace runs from the first check-in to the end of December 2027.
        let span = (day(2027, 12, 31).days() - day(2026, 9, 1).days()) as f64;
        let passed = (day(2026, 11, 1).days() - day(2026, 9, 1).days()) as f64;
        assert_eq!(m[0].expected, Some(passed / span));
        assert_eq!(m[0].health, Health::OnTrack);
        assert_eq!(m[0].start, Some(day(2026, 9, 1)));
    }

    #[test]
    fn health_follows_the_gap_to_the_expected_mark() {
        let mut n = node(
            Level::Option,
            "x",
            None,
            vec![metric("M", "0", "100", "2026-12")],
        );
        n.doc.metrics[0].start = Some(day(2026, 1, 1));
        let at = |value: &str| {
            let mut n = n.clone();
            n.checkins = vec![checkin("M", day(2026, 7, 2), value)];
            // 2026-07-02 is day 182 of 364: exactly half the way.
            let m = metric_progress(&n, 0, Measure::on(day(2026, 7, 2)), Thresholds::default());
            assert_eq!(m.expected, Some(0.5));
            m.health
        };
        assert_eq!(at("45"), Health::OnTrack);
        assert_eq!(
            at("40"),
            Health::OnTrack,
            "exactly at_risk behind is still on track"
        );
        assert_eq!(at("39"), Health::AtRisk);
        assert_eq!(at("25"), Health::AtRisk);
        assert_eq!(at("24"), Health::OffTrack);
        assert_eq!(at("-5"), Health::OffTrack);
        assert_eq!(at("100"), Health::Done);
        assert_eq!(at("120"), Health::Done);
    }

    #[test]
    fn no_data_says_why() {
        let why = |m: Metric, checkins: Vec<CheckIn>| {
            let mut n = node(Level::Option, "x", None, vec![m]);
            n.checkins = checkins;
            let p = metric_progress(&n, 0, Measure::on(day(2026, 11, 1)), Thresholds::default());
            assert_eq!(p.health, Health::NoData);
            p.why.unwrap()
        };
        let on = day(2026, 10, 1);
        assert_eq!(
            why(metric("M", "1", "5", "2027"), vec![]),
            "no check-in yet"
        );
        assert!(why(metric("M", "soon", "5", "2027"), vec![]).contains("read"));
        assert!(why(metric("M", "5%", "$5", "2027"), vec![]).contains("different"));
        assert!(why(metric("M", "12", "12", "2027"), vec![]).contains("same"));
        let bad = vec![checkin("M", on, "12 loads")];
        assert!(why(metric("M", "1 day", "5 days", "2027"), bad).contains("compared"));
        let ok = vec![checkin("M", on, "2")];
        assert!(why(metric("M", "1", "5", "whenever"), ok).contains("`by`"));
    }

    #[test]
    fn checkins_after_the_counted_day_are_not_counted() {
        let mut n = node(
            Level::Option,
            "x",
            None,
            vec![metric("M", "0", "10", "2027")],
        );
        n.checkins = vec![
            checkin("M", day(2026, 10, 1), "2"),
            checkin("M", day(2026, 12, 1), "5"),
        ];
        let strict = metric_progress(&n, 0, Measure::on(day(2026, 11, 1)), Thresholds::default());
        assert_eq!(strict.progress, Some(0.2));
        let live = Measure::file(day(2026, 11, 1), day(2026, 12, 1));
        assert_eq!(
            metric_progress(&n, 0, live, Thresholds::default()).progress,
            Some(0.5)
        );
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
