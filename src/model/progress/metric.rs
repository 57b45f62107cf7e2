//! One metric's progress: where its latest check-in stands between its
//! baseline and its target, how far along it should be by now, and what the
//! two say together.

use super::{Health, Measure, MetricProgress, Thresholds};
use crate::model::quantity::{Quantity, Unit, metric_unit};
use crate::model::{CheckIn, Date, Horizon, Metric, Node};

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

pub(super) fn judge(progress: f64, expected: f64, thresholds: Thresholds) -> Health {
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
    unit: Unit,
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
}
