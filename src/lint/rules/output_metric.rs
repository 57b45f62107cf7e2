use super::support::sentence_leads;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Text};
use crate::model::{Field, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a metric that measures output rather than outcome: a name that
    /// opens with *ship*, *launch*, *release*, *deliver* or *roll out*, names
    /// a release (*v1*, *MVP*, *go-live*, *milestones*, *story points*,
    /// *velocity*), or a target such as *done*, *live* or *shipped*.
    ///
    /// ## Why is this bad?
    /// Shipping is the cost of a bet, not its result. A key result that is met
    /// on release day says nothing about whether anything changed for
    /// customers, which is the question an option exists to answer.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Ship v1 of the tracking link", baseline = "no", target = "done", by = "2027-06" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Shipper status calls per 100 loads", baseline = "31", target = "12", by = "2027-06" }]
    /// ```
    pub static RULE = {
        name: "output-metric",
        criterion: Cascade,
        severity: Warning,
        summary: "A key result that measures shipping, not a change for customers",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let name = Text::new(&metric.name);
        let leads_with_output = sentence_leads(&name)
            .first()
            .is_some_and(|&lead| name.matches_of(Kind::OutputWord).any(|m| m.first == lead));
        let names_release = (0..name.len()).any(|j| name.is(j, Kind::Release))
            || name
                .matches_of(Kind::OutputWord)
                .any(|m| m.first != m.last && name.word(m.first) == "story");
        let done_target = metric
            .target
            .as_deref()
            .is_some_and(|t| Kind::Finished.tags(&t.trim().to_lowercase()));
        if leads_with_output || names_release || done_target {
            let part = if done_target && !leads_with_output && !names_release {
                MetricPart::Target
            } else {
                MetricPart::Name
            };
            out.push(
                Field::Metric(i, part),
                0..0,
                format!(
                    "`{}` measures output (shipping), not an outcome",
                    metric.name
                ),
                "Shipping is the cost of a bet, not its result; this key result is met on release \
                 day whether or not anything changed. Measure what customers do differently: \
                 minutes saved, share of loads, calls per 100 orders.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::{Level, Metric};

    fn fires(name: &str, target: &str) -> usize {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.metrics.push(Metric {
                name: name.into(),
                baseline: Some("0".into()),
                target: Some(target.into()),
                by: Some("2027-06".into()),
                start: None,
            })
        });
        count(super::RULE.name, &s, id)
    }

    #[test]
    fn outputs_fire() {
        assert_eq!(fires("Ship v1 by June", "1"), 1);
        assert_eq!(fires("Launch the app", "1"), 1);
        assert_eq!(fires("Story points delivered per sprint", "40"), 1);
        assert_eq!(fires("Tracking link", "live"), 1);
    }

    #[test]
    fn outcomes_are_fine() {
        assert_eq!(fires("Loads shipped with a tracking link", "55%"), 0);
        assert_eq!(fires("Loads delivered on time", "95%"), 0);
        assert_eq!(fires("Course completion", "75%"), 0);
    }
}
