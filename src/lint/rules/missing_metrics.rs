use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager with no `metrics`.
    ///
    /// ## Why is this bad?
    /// Without a measure, nobody can tell whether the future arrived, and a
    /// review cannot compare it with the level above or below.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// future = "Reps send spot quotes 15 minutes after the request."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// future = "Reps send spot quotes 15 minutes after the request."
    /// metrics = [{ name = "Median minutes from request to quote", baseline = "40", target = "15", by = "2027-05" }]
    /// ```
    pub static RULE = {
        name: "missing-metrics",
        criterion: Writing,
        severity: Warning,
        summary: "No `metrics`: nobody can tell whether the future arrived",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.node.doc.metrics.is_empty() {
        out.push(
            Field::Metrics,
            0..0,
            format!("this {} has no metrics", cx.level()),
            "Without a measure nobody can tell whether the future arrived. Add 1-3 metrics, each \
             with a baseline, a target and a date: `{ name = \"…\", baseline = \"…\", target = \"…\", by = \"YYYY-MM\" }`.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::{Level, Metric};

    #[test]
    fn fires_on_an_empty_list() {
        let (s, id) = cascade_with(Level::Option, |_| {});
        assert_eq!(count(super::RULE.name, &s, id), 1);
        let (s, id) = cascade_with(Level::Option, |n| n.doc.metrics.push(Metric::default()));
        assert_eq!(count(super::RULE.name, &s, id), 0);
    }
}
