use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::progress::{Health, Measure, metric_progress};
use crate::model::{Field, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a metric whose `by` ended before `as_of` (today when the file
    /// has none) while its latest check-in stands short of the target. A
    /// metric with no check-in is not judged: nothing says it missed.
    ///
    /// ## Why is this bad?
    /// A date that passed quietly teaches everyone that dates do not matter.
    /// Either the bet did not pay off, which is worth saying, or the date was
    /// wrong, which is worth fixing; both are decisions, and the roll-up
    /// counts the metric as off track until one is made.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Quotes sent within 15 minutes", baseline = "18%", target = "50%", by = "2026-09" }]
    /// checkins = [{ metric = "Quotes sent within 15 minutes", on = 2026-10-15, value = "31%" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Quotes sent within 15 minutes", baseline = "18%", target = "50%", by = "2027-03" }]
    /// checkins = [{ metric = "Quotes sent within 15 minutes", on = 2026-10-15, value = "31%" }]
    /// notes = "Moved `by` from 2026-09 to 2027-03: the pilot started two quarters late."
    /// ```
    pub static RULE = {
        name: "target-missed",
        criterion: Tracking,
        severity: Warning,
        summary: "A metric's `by` has passed and its target was not reached",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (index, metric) in cx.node.doc.metrics.iter().enumerate() {
        let progress = metric_progress(cx.node, index, Measure::on(cx.as_of), cx.config.progress);
        let (Some(due), Some(share), Some(current)) =
            (progress.due, progress.progress, progress.current)
        else {
            continue;
        };
        if due >= cx.as_of || progress.health == Health::Done {
            continue;
        }
        let by = metric.by.as_deref().unwrap_or_default();
        let value = &cx.node.checkins[current];
        out.push(
            Field::Metric(index, MetricPart::By),
            0..0,
            format!(
                "`{}` was due by {by} and stands at {} ({:.0}% of the way to {}) on {}",
                metric.name,
                value.value,
                share * 100.0,
                metric.target.as_deref().unwrap_or("?"),
                value.on
            ),
            "Its date has passed. Decide what it means and write it down: if the bet did not \
             pay off, say so in the notes and retire or rethink the node; if the date was wrong, \
             move `by` and give the reason in the notes.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::cascade_with;
    use crate::lint::{LintConfig, lint_node};
    use crate::model::{CheckIn, Date, Level, Metric};

    fn fired(by: &str, value: Option<&str>) -> usize {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.metrics = vec![Metric {
                name: "M".into(),
                baseline: Some("0".into()),
                target: Some("10".into()),
                by: Some(by.into()),
                start: None,
            }];
            n.checkins = value
                .map(|v| CheckIn {
                    metric: "M".into(),
                    on: Date::new(2026, 6, 1).unwrap(),
                    value: v.into(),
                    note: String::new(),
                    source: String::new(),
                })
                .into_iter()
                .collect();
        });
        let as_of = crate::lint::rules::support::tests::as_of();
        lint_node(&s, id, &LintConfig::default(), as_of)
            .iter()
            .filter(|d| d.rule == super::RULE.name)
            .count()
    }

    #[test]
    fn fires_only_past_the_date_with_a_value_short_of_the_target() {
        assert_eq!(fired("2026-10", Some("4")), 1);
        assert_eq!(fired("2026-10-15", Some("4")), 1);
        assert_eq!(
            fired("2026-11", Some("4")),
            0,
            "the current month has not passed"
        );
        assert_eq!(fired("2026-10", Some("10")), 0);
        assert_eq!(fired("2026-10", None), 0);
        assert_eq!(fired("someday", Some("4")), 0);
    }
}
