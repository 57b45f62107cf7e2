use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::parse_quantity;
use crate::model::{Field, Level, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a metric whose target is so many times its baseline (or so small
    /// a fraction of it) that no plan at this level could get there: more
    /// than 100x for a vision, 50x for an intent, 30x for an initiative or an
    /// option. Baselines of zero (a new product line) are left alone.
    ///
    /// ## Why is this bad?
    /// Lofty is good; impossible is not. A target thousands of times today's
    /// level tells the teams below that the number is decoration.
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// horizon = "2033"
    /// metrics = [{ name = "mobile accounts opened", baseline = "1.2 million", target = "8 billion", by = "2033-12" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// horizon = "2033"
    /// metrics = [{ name = "mobile accounts opened", baseline = "1.2 million", target = "25 million", by = "2033-12" }]
    /// ```
    pub static RULE = {
        name: "implausible-target",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A metric target so far from its baseline that no plan could reach it",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let limit = match cx.level() {
        Level::Vision => 100.0,
        Level::Intent => 50.0,
        Level::Initiative | Level::Option => 30.0,
    };
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let (Some(baseline), Some(target)) = (
            metric.baseline.as_deref().and_then(parse_quantity),
            metric.target.as_deref().and_then(parse_quantity),
        ) else {
            continue;
        };
        if baseline.1 != target.1 || baseline.0 <= 0.0 || target.0 <= 0.0 {
            continue;
        }
        let ratio = (target.0 / baseline.0).max(baseline.0 / target.0);
        if ratio > limit {
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!(
                    "`{}` goes from {} to {}, a {ratio:.0}x change: more than {} can plan for ({limit:.0}x)",
                    metric.name,
                    metric.baseline.as_deref().unwrap_or_default(),
                    metric.target.as_deref().unwrap_or_default(),
                    cx.level().with_article()
                ),
                "A target nobody believes is decoration. Pick the number this level could reach \
                 if the bet works, and move the rest of the ambition up to the vision.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::{Level, Metric};

    fn fires(level: Level, baseline: &str, target: &str) -> usize {
        let (s, id) = cascade_with(level, |n| {
            n.doc.metrics.push(Metric {
                name: "loads".into(),
                baseline: Some(baseline.into()),
                target: Some(target.into()),
                by: None,
            })
        });
        count(super::RULE.name, &s, id)
    }

    #[test]
    fn thresholds_depend_on_level() {
        assert_eq!(fires(Level::Vision, "0.02%", "100%"), 1);
        assert_eq!(fires(Level::Vision, "1.8M", "12M"), 0);
        assert_eq!(fires(Level::Option, "1%", "40%"), 1);
        assert_eq!(fires(Level::Vision, "1%", "40%"), 0);
    }

    #[test]
    fn decreases_and_zero_baselines() {
        assert_eq!(fires(Level::Option, "1000", "10"), 1);
        assert_eq!(fires(Level::Option, "0%", "70%"), 0);
        assert_eq!(fires(Level::Option, "$4M", "40%"), 0);
    }
}
