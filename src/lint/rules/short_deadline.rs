use super::support::{non_overlapping, quote};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::Kind;
use crate::model::Level;

declare_rule! {
    /// ## What it does
    /// Flags deadlines such as *next quarter*, *this year*, *in 90 days* or
    /// *as soon as possible* in a vision or an intent.
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
        summary: "A vision or intent promising results next quarter",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if !matches!(cx.level(), Level::Vision | Level::Intent) {
        return;
    }
    for (field, text) in cx.prose() {
        let source = cx.node.doc.text(field).unwrap_or_default();
        for m in non_overlapping(text.matches_of(Kind::ShortDeadline)) {
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` is too close for {}", cx.level().with_article()),
                "A vision looks 5-10 years ahead and an intent 1-3 years; a deadline this close \
                 belongs to an option. State where this level will be at its horizon instead.",
            );
        }
    }
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
    fn real_durations_are_fine() {
        let text = [("future", "Carriers are paid within 2 days of delivery.")];
        assert_eq!(fired_at(super::RULE.name, Level::Vision, &text), 0);
    }
}
