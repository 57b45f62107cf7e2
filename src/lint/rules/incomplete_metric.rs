use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Date, Field, Horizon, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a metric without a `name`, `baseline`, `target` or `by`, and a
    /// `by` that is not a date (`"2027-06"`, `"2027"` or `"2027-06-30"`).
    ///
    /// ## Why is this bad?
    /// A metric is a promise of movement: from where, to where, by when.
    /// Without the baseline nobody knows how far the target is; without the
    /// date nobody knows when to check.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Share of loads tracked automatically", target = "55%" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Share of loads tracked automatically", baseline = "28%", target = "55%", by = "2027-06" }]
    /// ```
    pub static RULE = {
        name: "incomplete-metric",
        criterion: Writing,
        severity: Warning,
        summary: "A metric without a baseline, a target or a date",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        let mut missing = Vec::new();
        if metric.name.trim().is_empty() {
            missing.push("name");
        }
        if blank(&metric.baseline) {
            missing.push("baseline");
        }
        if blank(&metric.target) {
            missing.push("target");
        }
        if blank(&metric.by) {
            missing.push("by");
        }
        if !missing.is_empty() {
            let label = if metric.name.trim().is_empty() {
                format!("metric {}", i + 1)
            } else {
                format!("`{}`", metric.name)
            };
            out.push(
                Field::Metric(i, MetricPart::Entry),
                0..0,
                format!("{label} has no {}", missing.join(", no ")),
                "A metric says from where, to where, by when. Add the missing parts; write \
                 `baseline = \"unknown\"` only with a note on when it will be measured.",
            );
        }
        if let Some(by) = metric
            .by
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            && Horizon::parse(by).is_none()
            && Date::parse(by).is_none()
        {
            out.push(
                Field::Metric(i, MetricPart::By),
                0..by.len(),
                format!("`by = \"{by}\"` is not a date"),
                "Write the date as `\"YYYY-MM\"`, `\"YYYY\"` or `\"YYYY-MM-DD\"` so the metric can be checked on time.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::{Level, Metric};

    fn fires(metric: Metric) -> usize {
        let (s, id) = cascade_with(Level::Option, |n| n.doc.metrics.push(metric));
        count(super::RULE.name, &s, id)
    }

    #[test]
    fn missing_parts_and_bad_dates() {
        let full = Metric {
            name: "loads".into(),
            baseline: Some("1".into()),
            target: Some("2".into()),
            by: Some("2027-06".into()),
            start: None,
        };
        assert_eq!(fires(full.clone()), 0);
        assert_eq!(
            fires(Metric {
                baseline: None,
                by: None,
                ..full.clone()
            }),
            1
        );
        assert_eq!(
            fires(Metric {
                by: Some("Q3".into()),
                ..full.clone()
            }),
            1
        );
        assert_eq!(
            fires(Metric {
                by: Some("2027-06-30".into()),
                ..full
            }),
            0
        );
    }
}
