use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `horizon` that ended before `as_of`.
    ///
    /// ## Why is this bad?
    /// A plan whose date has passed is either done or stale; either way it is
    /// not a strategy for the period ahead, and its targets no longer mean
    /// anything.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// horizon = "2026-06"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// horizon = "2027-09"
    /// ```
    pub static RULE = {
        name: "horizon-in-past",
        criterion: LoftyAchievable,
        severity: Error,
        summary: "A `horizon` that has already passed",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let Some(horizon) = cx.node.doc.horizon else {
        return;
    };
    let months = horizon.months_from(cx.as_of);
    if months < 0 {
        out.push(
            Field::Horizon,
            0..0,
            format!(
                "horizon {horizon} ended {} months before {}",
                -months, cx.as_of
            ),
            "A plan whose date has passed is done or stale. Record the result and retire it \
             (`status = \"retired\"`), or set the date it is now meant to be true by.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn the_current_month_is_not_past() {
        assert_eq!(fired(super::RULE.name, &[("horizon", "2024")]), 1);
        assert_eq!(fired(super::RULE.name, &[("horizon", "2026-10")]), 1);
        assert_eq!(fired(super::RULE.name, &[("horizon", "2026-11")]), 0);
        assert_eq!(fired(super::RULE.name, &[]), 0);
    }
}
