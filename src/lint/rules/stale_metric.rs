use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::progress::{Health, Measure, metric_progress};
use crate::model::{Field, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a tracked metric with no check-in for longer than
    /// `[lint.progress] stale_after_days` (45 by default) before `as_of`
    /// (today when the file has none). A metric is tracked once it has a
    /// check-in or a `start` date; one that has reached its target is left
    /// alone.
    ///
    /// ## Why is this bad?
    /// A metric nobody measures cannot say whether the strategy is working.
    /// Its last value looks current in every roll-up while the world has
    /// moved on; the monthly check-in is half of the job.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Median minutes to quote", baseline = "40", target = "8", by = "2027-09" }]
    /// checkins = [{ metric = "Median minutes to quote", on = 2026-08-03, value = "36" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Median minutes to quote", baseline = "40", target = "8", by = "2027-09" }]
    /// checkins = [
    ///   { metric = "Median minutes to quote", on = 2026-08-03, value = "36" },
    ///   { metric = "Median minutes to quote", on = 2026-10-05, value = "31" },
    /// ]
    /// ```
    pub static RULE = {
        name: "stale-metric",
        criterion: Tracking,
        severity: Warning,
        summary: "A tracked metric with no check-in for too long",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let limit = i64::from(cx.config.stale_after_days);
    for (index, metric) in cx.node.doc.metrics.iter().enumerate() {
        let mine = || cx.node.checkins.iter().filter(|c| c.metric == metric.name);
        // A check-in after as_of is misdated, not stale (`misdated-checkin`).
        if mine().any(|c| c.on > cx.as_of) {
            continue;
        }
        let last = mine().map(|c| c.on).max();
        let Some(since) = last.or(metric.start).filter(|d| *d <= cx.as_of) else {
            continue;
        };
        let days = cx.as_of.days() - since.days();
        if days <= limit {
            continue;
        }
        let progress = metric_progress(cx.node, index, Measure::on(cx.as_of), cx.config.progress);
        if progress.health == Health::Done {
            continue;
        }
        let when = match last {
            Some(day) => format!("was last checked in on {day}"),
            None => format!("has had no check-in since its start, {since}"),
        };
        out.push(
            Field::Metric(index, MetricPart::Entry),
            0..0,
            format!("`{}` {when}, {days} days before {}", metric.name, cx.as_of),
            format!(
                "A metric nobody measures cannot say whether the strategy works. Record its \
                 current value (`strata checkin FILE NODE METRIC VALUE`, or `c` in the browser); \
                 if it is no longer measured, say why in the notes and remove it. A metric is \
                 stale after {limit} days without a check-in (`[lint.progress] stale_after_days`)."
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::cascade_with;
    use crate::lint::{LintConfig, lint_node};
    use crate::model::{CheckIn, Date, Level, Metric};

    fn fired(last: Option<(u8, u8)>, value: &str, start: Option<Date>, stale: u32) -> usize {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.metrics = vec![Metric {
                name: "M".into(),
                baseline: Some("0".into()),
                target: Some("10".into()),
                by: Some("2027-12".into()),
                start,
            }];
            n.checkins = last
                .map(|(m, d)| CheckIn {
                    metric: "M".into(),
                    on: Date::new(2026, m, d).unwrap(),
                    value: value.into(),
                    note: String::new(),
                    source: String::new(),
                })
                .into_iter()
                .collect();
        });
        let config = LintConfig {
            stale_after_days: stale,
            ..LintConfig::default()
        };
        let as_of = crate::lint::rules::support::tests::as_of();
        lint_node(&s, id, &config, as_of)
            .iter()
            .filter(|d| d.rule == super::RULE.name)
            .count()
    }

    #[test]
    fn counts_the_days_since_the_last_checkin_or_the_start() {
        // as_of is 2026-11-01: 2026-09-17 is 45 days before it.
        assert_eq!(fired(Some((9, 17)), "2", None, 45), 0);
        assert_eq!(fired(Some((9, 16)), "2", None, 45), 1);
        assert_eq!(fired(Some((9, 16)), "2", None, 60), 0);
        assert_eq!(
            fired(None, "", None, 45),
            0,
            "an untracked metric is not stale"
        );
        assert_eq!(fired(None, "", Date::new(2026, 6, 1), 45), 1);
        assert_eq!(fired(Some((6, 1)), "10", None, 45), 0, "done is done");
        assert_eq!(
            fired(Some((12, 1)), "2", None, 45),
            0,
            "misdated, not stale"
        );
    }
}
