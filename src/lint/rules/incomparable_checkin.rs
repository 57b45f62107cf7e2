use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;
use crate::model::quantity::{Quantity, metric_unit};

declare_rule! {
    /// ## What it does
    /// Flags a check-in whose value cannot be compared with its metric's
    /// baseline and target: it does not read as a number (`about 20`), or it
    /// counts something else (`12 days` for a metric in `%`, `$` for one in
    /// `€`). Durations in other units compare (`2 weeks` with `14 days`), and
    /// a bare number takes the metric's unit.
    ///
    /// ## Why is this bad?
    /// Progress is where the value stands between baseline and target; a
    /// value in other units stands nowhere, so the metric shows no data and
    /// drops out of every roll-up above it.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Loads tracked automatically", baseline = "28%", target = "55%", by = "2027-06" }]
    /// checkins = [{ metric = "Loads tracked automatically", on = 2026-10-01, value = "1,200 loads" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Loads tracked automatically", baseline = "28%", target = "55%", by = "2027-06" }]
    /// checkins = [{ metric = "Loads tracked automatically", on = 2026-10-01, value = "34%", note = "1,200 of 3,530 loads" }]
    /// ```
    pub static RULE = {
        name: "incomparable-checkin",
        criterion: Tracking,
        severity: Warning,
        summary: "A check-in value that cannot be compared with its metric's baseline",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (index, checkin) in cx.node.checkins.iter().enumerate() {
        let Some(metric) = cx
            .node
            .doc
            .metrics
            .iter()
            .find(|m| m.name == checkin.metric)
        else {
            continue;
        };
        let written: Vec<Quantity> = [&metric.baseline, &metric.target]
            .into_iter()
            .flatten()
            .filter_map(|v| Quantity::parse(v))
            .collect();
        // With no number written for the metric, there is nothing to compare with.
        if written.is_empty() {
            continue;
        }
        let unit = metric_unit(&written);
        let message = match Quantity::parse(&checkin.value) {
            None => format!(
                "the check-in value `{}` of `{}` does not read as a number",
                checkin.value, checkin.metric
            ),
            Some(value) if value.in_unit_of(&unit).is_none() => format!(
                "the check-in value `{}` counts {}, but `{}` counts {}",
                checkin.value,
                value.unit.describe(),
                checkin.metric,
                unit.describe()
            ),
            Some(_) => continue,
        };
        out.push(
            Field::Checkin(index),
            0..0,
            message,
            "Write the value in the metric's own unit, as its baseline and target are \
             (`34%`, not `1,200 loads`), and put anything else worth knowing in the check-in's \
             `note`.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::cascade_with;
    use crate::lint::{LintConfig, lint_node};
    use crate::model::{CheckIn, Date, Level, Metric};

    fn fired(baseline: &str, value: &str) -> usize {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.metrics = vec![Metric {
                name: "M".into(),
                baseline: Some(baseline.into()),
                ..Metric::default()
            }];
            n.checkins = vec![CheckIn {
                metric: "M".into(),
                on: Date::new(2026, 10, 1).unwrap(),
                value: value.into(),
                note: String::new(),
                source: String::new(),
            }];
        });
        let as_of = crate::lint::rules::support::tests::as_of();
        lint_node(&s, id, &LintConfig::default(), as_of)
            .iter()
            .filter(|d| d.rule == super::RULE.name)
            .count()
    }

    #[test]
    fn units_must_match_and_bare_numbers_take_the_metrics() {
        assert_eq!(fired("16%", "18%"), 0);
        assert_eq!(fired("16%", "18"), 0);
        assert_eq!(fired("38 days", "5 weeks"), 0);
        assert_eq!(fired("16%", "12 days"), 1);
        assert_eq!(fired("$4M", "€4M"), 1);
        assert_eq!(fired("16%", "about a fifth"), 1);
        assert_eq!(fired("a lot", "anything"), 0);
    }
}
