use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a check-in dated after `as_of` (today when the file has none),
    /// or before its metric's `start`.
    ///
    /// ## Why is this bad?
    /// A value from the future is a typo or a forecast, and a forecast is not
    /// a measurement; a value from before the work started measures
    /// something else. Either way the progress it feeds is wrong. When the
    /// date is right and the file's `as_of` is old, `as_of` is what to move:
    /// the strategy now knows more than its date says.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Spot quote win rate", baseline = "14%", target = "19%", by = "2027-08", start = 2026-09-01 }]
    /// checkins = [
    ///   { metric = "Spot quote win rate", on = 2026-07-30, value = "14%" },
    ///   { metric = "Spot quote win rate", on = 2027-10-01, value = "16%" },
    /// ]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// metrics = [{ name = "Spot quote win rate", baseline = "14%", target = "19%", by = "2027-08", start = 2026-07-01 }]
    /// checkins = [
    ///   { metric = "Spot quote win rate", on = 2026-07-30, value = "14%" },
    ///   { metric = "Spot quote win rate", on = 2026-10-01, value = "16%" },
    /// ]
    /// ```
    pub static RULE = {
        name: "misdated-checkin",
        criterion: Tracking,
        severity: Warning,
        summary: "A check-in dated after `as_of`, or before its metric's `start`",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (index, checkin) in cx.node.checkins.iter().enumerate() {
        if checkin.on > cx.as_of {
            out.push(
                Field::Checkin(index),
                0..0,
                format!(
                    "the check-in of `{}` is dated {}, after {}, the day this strategy is measured to",
                    checkin.metric, checkin.on, cx.as_of
                ),
                "If the date is a typo, fix it in the file. If it is right, the strategy knows \
                 more than its date says: move `as_of` to that day or later, so lint measures \
                 to it.",
            );
            continue;
        }
        let start = cx
            .node
            .doc
            .metrics
            .iter()
            .find(|m| m.name == checkin.metric)
            .and_then(|m| m.start);
        if let Some(start) = start.filter(|s| checkin.on < *s) {
            out.push(
                Field::Checkin(index),
                0..0,
                format!(
                    "the check-in of `{}` is dated {}, before the metric's start, {start}",
                    checkin.metric, checkin.on
                ),
                "A value from before the work began measures the baseline, not progress. Fix the \
                 date, move the metric's `start` back if work began earlier, or delete the \
                 check-in.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::cascade_with;
    use crate::lint::{LintConfig, lint_node};
    use crate::model::{CheckIn, Date, Level, Metric};

    fn fired(on: (i32, u8, u8), start: Option<(i32, u8, u8)>) -> usize {
        let day = |(y, m, d): (i32, u8, u8)| Date::new(y, m, d).unwrap();
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.metrics = vec![Metric {
                name: "M".into(),
                start: start.map(day),
                ..Metric::default()
            }];
            n.checkins = vec![CheckIn {
                metric: "M".into(),
                on: day(on),
                value: "1".into(),
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
    fn as_of_itself_and_the_start_itself_are_fine() {
        assert_eq!(fired((2026, 11, 1), None), 0);
        assert_eq!(fired((2026, 11, 2), None), 1);
        assert_eq!(fired((2026, 9, 1), Some((2026, 9, 1))), 0);
        assert_eq!(fired((2026, 8, 31), Some((2026, 9, 1))), 1);
    }
}
