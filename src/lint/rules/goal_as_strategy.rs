use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Unit, parse_quantity, picture};
use crate::model::{Field, Level};

declare_rule! {
    /// ## What it does
    /// Flags a vision, an intent or an initiative whose `future` is only a
    /// financial goal: revenue, margin or returns, and nothing that earns
    /// them (the same reading as `score-only-future`). A number with nothing
    /// behind it cannot be judged a stretch or within reach: there is no
    /// plan to judge. An initiative names a problem; "grow revenue 25% next
    /// year" names none. Options are left alone: the bet is the option
    /// itself.
    ///
    /// ## Why is this bad?
    /// A goal is not a strategy (Rumelt). "Turnover of £300m with an
    /// operating margin of 18%" may be a doubling or a drift, reachable or
    /// not, depending on where the money comes from, and the future does
    /// not say. The level below cannot tell which bets would get there.
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// future = "The group delivers turnover of £300m with an operating margin of 18%."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// future = "Twelve of our 15 courses host a second, floodlit evening card each week, and turnover reaches £300m."
    /// ```
    pub static RULE = {
        name: "goal-as-strategy",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A vision, intent or initiative that is only a financial goal, with no play to judge",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if !matches!(
        cx.level(),
        Level::Vision | Level::Intent | Level::Initiative
    ) {
        return;
    }
    let text = &cx.future;
    if text.is_empty() || !picture::only_the_score(text) {
        return;
    }
    // A sum of money is the goal; a mix of shares ("aftersales is 45% of
    // gross profit") already says where the money comes from.
    let money = text.values().iter().any(|v| v.unit == Unit::Money)
        || cx.node.doc.metrics.iter().any(|m| {
            m.target
                .as_deref()
                .and_then(parse_quantity)
                .is_some_and(|(_, unit)| unit == Unit::Money)
        });
    if !money {
        return;
    }
    out.push(
        Field::Future,
        0..0,
        format!(
            "this {}'s future is a financial goal, not a strategy: nothing says where the money comes from",
            cx.level()
        ),
        "Whether a revenue or margin target is a stretch, or reachable at all, depends on the \
         play behind it. Say what changes that earns it (which customers, products or places), \
         and keep the number as a metric.",
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(level: Level, future: &str) -> usize {
        fired_at(super::RULE.name, level, &[("future", future)])
    }

    #[test]
    fn a_financial_goal_alone_fires_at_the_top() {
        let goal = "The group delivers turnover of £300m with an operating margin of 18%.";
        assert_eq!(fires(Level::Vision, goal), 1);
        assert_eq!(fires(Level::Intent, goal), 1);
        assert_eq!(
            fires(Level::Initiative, "Grow revenue by 25% in 2027, to £17.8m."),
            1
        );
        assert_eq!(fires(Level::Option, goal), 0);
    }

    #[test]
    fn a_goal_beside_its_play_does_not() {
        assert_eq!(
            fires(
                Level::Intent,
                "Aftersales is 45% of gross profit, with workshops selling 88% of available hours."
            ),
            0
        );
        assert_eq!(
            fires(
                Level::Vision,
                "Twelve of our 15 courses host a floodlit evening card each week, and turnover reaches £300m."
            ),
            0
        );
    }
}
