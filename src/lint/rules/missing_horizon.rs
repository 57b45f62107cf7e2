use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager with no `horizon` (`"2032"` or `"2027-06"`).
    ///
    /// ## Why is this bad?
    /// Without a date nobody can tell a five-year vision from a fifty-year
    /// wish, or an 18-month initiative from a standing programme; the
    /// ambition cannot be judged lofty or achievable.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// future = "Pilot shelf-edge labels in the 6 Porto stores and cut re-labelling hours by 70%."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// horizon = "2027-06"
    /// future = "Pilot shelf-edge labels in the 6 Porto stores and cut re-labelling hours by 70%."
    /// ```
    pub static RULE = {
        name: "missing-horizon",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "No `horizon`: the ambition cannot be judged without a date",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.node.doc.horizon.is_none() {
        let (min, max) = cx.config.horizon(cx.level());
        out.push(
            Field::Horizon,
            0..0,
            format!("this {} has no `horizon`", cx.level()),
            format!(
                "Without a date nobody can tell whether the ambition is lofty or achievable. Add \
                 `horizon = \"YYYY\"` or `\"YYYY-MM\"`; {} usually lands {min}-{max} months out.",
                cx.level().with_article()
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn fires_only_without_a_horizon() {
        assert_eq!(fired(super::RULE.name, &[]), 1);
        assert_eq!(fired(super::RULE.name, &[("horizon", "2028-06")]), 0);
    }
}
