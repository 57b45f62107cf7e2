use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `horizon` outside its level's window, in months from `as_of`:
    /// vision 60-120, intent 12-36, initiative up to 18, option up to 12.
    /// Change the windows under `[lint.horizon]`.
    ///
    /// ## Why is this bad?
    /// Each level answers a question at its own distance. A vision two years
    /// out is an intent; an option five years out is a vision nobody will be
    /// held to; an intent due next quarter is a project.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// horizon = "2031"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// horizon = "2027-10"
    /// ```
    pub static RULE = {
        name: "horizon-out-of-range",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A `horizon` too near or too far for its level",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let Some(horizon) = cx.node.doc.horizon else {
        return;
    };
    let months = horizon.months_from(cx.as_of);
    let (min, max) = cx.config.horizon(cx.level());
    // A past horizon is `horizon-in-past`'s finding, not this one's.
    if months < 0 || (min..=max).contains(&months) {
        return;
    }
    let side = if months > max { "far" } else { "near" };
    out.push(
        Field::Horizon,
        0..0,
        format!(
            "horizon {horizon} is {months} months out, too {side} for {} ({min}-{max} months from {})",
            cx.level().with_article(),
            cx.as_of
        ),
        format!(
            "Each level answers a question at its own distance; {} outside {min}-{max} months \
             belongs at another level. Move the date, or move the idea to the level whose horizon fits.",
            cx.level().with_article()
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    #[test]
    fn windows_depend_on_the_level() {
        let rule = super::RULE.name;
        assert_eq!(fired_at(rule, Level::Option, &[("horizon", "2031")]), 1);
        assert_eq!(fired_at(rule, Level::Option, &[("horizon", "2027-11")]), 0);
        assert_eq!(fired_at(rule, Level::Vision, &[("horizon", "2028")]), 1);
        assert_eq!(fired_at(rule, Level::Vision, &[("horizon", "2045")]), 1);
        assert_eq!(fired_at(rule, Level::Vision, &[("horizon", "2033")]), 0);
        assert_eq!(fired_at(rule, Level::Intent, &[("horizon", "2027-06")]), 1);
        assert_eq!(fired_at(rule, Level::Intent, &[("horizon", "2024")]), 0);
    }
}
