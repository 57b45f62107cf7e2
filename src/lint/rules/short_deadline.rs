use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::Text;
use crate::lint::text::dates::{Deadline, deadlines};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a deadline in the prose (*by the end of March*, *before the
    /// Christmas break*, *within six weeks*, *next quarter*, *as soon as
    /// possible*) that is too close for the level (half the level's
    /// shortest horizon or less: 30 months for a vision, 6 for an intent) or that
    /// contradicts the node's own `horizon` (3 months or less, against a
    /// horizon four times as far). The furthest deadline counts, so a nearer
    /// milestone beside it is fine, and so is a duration per case (*paid
    /// within 2 days of delivery*). Months away are read as a deadline
    /// wherever they stand (*guests step ashore within about seven months*),
    /// and so is a promise (*we will have it fixed within six weeks*).
    ///
    /// ## Why is this bad?
    /// A vision looks 5-10 years ahead and an intent 1-3 years. Promising it
    /// by next quarter is either not achievable or not lofty: it is a project
    /// plan in the wrong place. Options and initiatives may well say it.
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// future = "Every broker in Ohio quotes from Northwind by next quarter."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// future = "By 2032, 1,600 brokerages quote from Northwind and 60% of loads move with no manual step."
    /// ```
    pub static RULE = {
        name: "short-deadline",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A deadline in the prose too close for the level or the horizon",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let Some((field, text, deadline)) = latest_deadline(cx) else {
        return;
    };
    let (min, _) = cx.config.horizon(cx.level());
    let horizon = cx.node.doc.horizon.map(|h| h.months_from(cx.as_of));
    let too_close_for_level = min > 0 && deadline.months * 2 <= min;
    let contradicts_horizon =
        horizon.is_some_and(|h| deadline.months <= 3 && deadline.months * 4 < h);
    if !too_close_for_level && !contradicts_horizon {
        return;
    }
    let source = cx.node.doc.text(field).unwrap_or_default();
    let words = source
        .get(text.span(deadline.first, deadline.last))
        .unwrap_or_default();
    let against = if too_close_for_level {
        format!("too close for {}", cx.level().with_article())
    } else {
        format!(
            "but its `horizon` is {} months away",
            horizon.unwrap_or_default()
        )
    };
    out.push(
        field,
        text.span(deadline.first, deadline.last),
        format!("`{words}` is {} months away: {against}", deadline.months),
        "A vision looks 5-10 years ahead and an intent 1-3 years; a deadline this close \
         belongs to an option, and one that contradicts the horizon leaves the reader guessing \
         which is meant. Say where this level will be at its horizon.",
    );
}

/// The furthest deadline the title and the future name: a nearer one
/// beside it is a milestone ("by 2028 …; by 2032 …").
pub(super) fn latest_deadline<'a>(cx: &'a NodeCx<'_>) -> Option<(Field, &'a Text, Deadline)> {
    [(Field::Title, &cx.title), (Field::Future, &cx.future)]
        .into_iter()
        .flat_map(|(field, text)| {
            deadlines(text, cx.as_of)
                .into_iter()
                .map(move |d| (field, text, d))
        })
        .max_by_key(|(_, _, d)| d.months)
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    #[test]
    fn only_visions_and_intents() {
        let text = [("future", "Ship offline mode by next quarter.")];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &text), 1);
        assert_eq!(fired_at(super::RULE.name, Level::Intent, &text), 1);
        assert_eq!(fired_at(super::RULE.name, Level::Option, &text), 0);
    }

    #[test]
    fn a_deadline_that_contradicts_the_horizon() {
        let text = [
            (
                "future",
                "By the end of March, no school in Spain uses a paper textbook.",
            ),
            ("horizon", "2033"),
        ];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &text), 1);
        let milestone = [
            (
                "future",
                "By 2028 we serve Madrid; by 2032 every Spanish city.",
            ),
            ("horizon", "2032"),
        ];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &milestone), 0);
    }

    #[test]
    fn real_durations_are_fine() {
        let text = [("future", "Carriers are paid within 2 days of delivery.")];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &text), 0);
    }
}
