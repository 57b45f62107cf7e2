use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Flags a check-in whose `metric` names none of its node's metrics: the
    /// metric was renamed or removed in the file, or the name has a typo.
    ///
    /// ## Why is this bad?
    /// A check-in is tied to its metric by name. One that names no metric
    /// measures nothing strata can show: the metric it was meant for shows
    /// no data, and the value is kept in the file for nobody.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Median minutes to quote a repeat lane", baseline = "32", target = "4", by = "2027-10" }]
    /// checkins = [{ metric = "Median minutes per repeat lane", on = 2026-10-01, value = "27" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Median minutes to quote a repeat lane", baseline = "32", target = "4", by = "2027-10" }]
    /// checkins = [{ metric = "Median minutes to quote a repeat lane", on = 2026-10-01, value = "27" }]
    /// ```
    pub static RULE = {
        name: "checkin-without-metric",
        criterion: Tracking,
        severity: Warning,
        summary: "A check-in naming none of its node's metrics",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let names = || cx.node.doc.metrics.iter().map(|m| m.name.as_str());
    for (index, checkin) in cx.node.checkins.iter().enumerate() {
        if names().any(|n| n == checkin.metric) {
            continue;
        }
        let help = match did_you_mean(&checkin.metric, names()) {
            Some(close) => format!(
                "Did you mean `{close}`? Write the metric's name exactly as the metric has it, \
                 or delete the check-in if its metric is gone."
            ),
            None => "Write the name of one of the node's metrics exactly as the metric has it, \
                     or delete the check-in if its metric is gone."
                .to_owned(),
        };
        out.push(
            Field::Checkin(index),
            0..0,
            format!(
                "the check-in of {} names `{}`, which is not a metric of this node",
                checkin.on, checkin.metric
            ),
            help,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::cascade_with;
    use crate::lint::{LintConfig, lint_node};
    use crate::model::{CheckIn, Date, Level, Metric};

    #[test]
    fn suggests_the_metric_it_probably_meant() {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.metrics = vec![Metric {
                name: "Win rate".into(),
                ..Metric::default()
            }];
            for name in ["Win rate", "Win rat"] {
                n.checkins.push(CheckIn {
                    metric: name.into(),
                    on: Date::new(2026, 10, 1).unwrap(),
                    value: "1".into(),
                    note: String::new(),
                    source: String::new(),
                });
            }
        });
        let as_of = crate::lint::rules::support::tests::as_of();
        let found: Vec<_> = lint_node(&s, id, &LintConfig::default(), as_of)
            .into_iter()
            .filter(|d| d.rule == super::RULE.name)
            .collect();
        assert_eq!(found.len(), 1);
        assert!(found[0].help.starts_with("Did you mean `Win rate`?"));
    }
}
