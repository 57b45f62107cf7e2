use super::short_deadline::latest_deadline;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};

declare_rule! {
    /// ## What it does
    /// Flags a deadline in the prose (*over the coming decade*, *by 2040*,
    /// *some time in the next ten years*, *we expect it to take until about
    /// 2030*, *which we expect to reach around 2030*) further out than the level allows
    /// (more than half again its longest horizon: 27 months for an
    /// initiative, 18 for an option) or more than a year past the node's own
    /// `horizon`.
    ///
    /// ## Why is this bad?
    /// An initiative is a problem to solve within 18 months; "over the
    /// coming decade" makes it a vision, and a team cannot plan against it.
    /// When the prose and the horizon disagree, the reader cannot tell which
    /// one the metrics are measured against.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// horizon = "2028-03"
    /// future = "Over the coming decade, every pharmacy in the region receives prescriptions electronically."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// horizon = "2028-03"
    /// future = "By March 2028, 90% of the region's 140 pharmacies receive prescriptions electronically."
    /// ```
    pub static RULE = {
        name: "distant-deadline",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A deadline in the prose further out than the level or the horizon",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let Some((field, text, deadline)) = latest_deadline(cx) else {
        return;
    };
    let (_, max) = cx.config.horizon(cx.level());
    let horizon = cx.node.doc.horizon.map(|h| h.months_from(cx.as_of));
    let beyond_level = deadline.months * 2 > max * 3;
    let beyond_horizon = horizon.is_some_and(|h| deadline.months > h + 12);
    if !beyond_level && !beyond_horizon {
        return;
    }
    let source = cx.node.doc.text(field).unwrap_or_default();
    let words = source
        .get(text.span(deadline.first, deadline.last))
        .unwrap_or_default();
    let against = if beyond_level {
        format!(
            "too far for {} (at most {max} months)",
            cx.level().with_article()
        )
    } else {
        format!(
            "past its `horizon`, {} months away",
            horizon.unwrap_or_default()
        )
    };
    out.push(
        field,
        text.span(deadline.first, deadline.last),
        format!("`{words}` is {} months away: {against}", deadline.months),
        "A team cannot plan against a deadline beyond its level, and when prose and horizon \
         disagree nobody knows which the metrics are measured against. Say what is true at \
         the horizon, and move the longer ambition up a level.",
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    #[test]
    fn a_decade_is_too_far_for_an_initiative() {
        let text = [
            (
                "future",
                "Over the coming decade, every pharmacy in the region receives prescriptions electronically.",
            ),
            ("horizon", "2028-03"),
        ];
        assert_eq!(fired_at(super::RULE.name, Level::Initiative, &text), 1);
        assert_eq!(
            fired_at(
                super::RULE.name,
                Level::Vision,
                &[text[0], ("horizon", "2036")]
            ),
            0
        );
    }

    #[test]
    fn prose_past_the_horizon() {
        let text = [
            (
                "future",
                "By 2040 every home in Leeds is heated without gas.",
            ),
            ("horizon", "2032"),
        ];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &text), 1);
        let within = [
            (
                "future",
                "By 2032 every home in Leeds is heated without gas.",
            ),
            ("horizon", "2032"),
        ];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &within), 0);
    }
}
