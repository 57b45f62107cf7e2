use super::support::placeholder_phrase;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::exclusion;
use crate::lint::text::stand_in::{StandIn, stand_in};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags `will_not` items that are placeholders: *TBD*, *n/a*, *none*,
    /// *to be agreed at the offsite*, *we'll decide later*, *nothing is off
    /// the table*, *we keep every option open*, a decision put off (*to be
    /// picked once the Leeds pilot reports*, *we'll settle this when the
    /// leadership team meets*), the starter's guidance, or a blank item beside
    /// real ones. An item that starts with "Nothing" or "None" and goes on to
    /// exclude something is fine.
    ///
    /// ## Why is this bad?
    /// A placeholder looks like a decision in review but defers it. "Nothing
    /// is off the table" is the opposite of a will-not.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// will_not = ["TBD", "To be agreed at the Q1 offsite"]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// will_not = ["support joint accounts in the first release", "add savings pots this year"]
    /// ```
    pub static RULE = {
        name: "will-not-placeholder",
        criterion: WillNot,
        severity: Error,
        summary: "`will_not` items that defer the decision: TBD, n/a, nothing is off the table",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let items = &cx.node.doc.will_not;
    // All blank is `missing-will-not`'s finding.
    if items.iter().all(|i| i.trim().is_empty()) {
        return;
    }
    for (i, text) in cx.will_not.iter().enumerate() {
        let why = match stand_in(text) {
            Some(StandIn::Starter) => "the starter's guidance: replace the starter text",
            Some(StandIn::Blank) => "blank",
            Some(other) => other.describe(),
            None if exclusion::defers(text).is_some() => "it defers the decision",
            None => match placeholder_phrase(text) {
                Some(why) => why,
                None => continue,
            },
        };
        out.push(
            Field::WillNot(i),
            0..0,
            format!(
                "`will_not` item {} is a placeholder ({why}), not a decision",
                i + 1
            ),
            "A placeholder looks like a decision in review but defers it. Write what you will \
             not do, or delete the item.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(items: &[&str]) -> usize {
        let fields: Vec<(&str, &str)> = items.iter().map(|i| ("will_not", *i)).collect();
        fired(super::RULE.name, &fields)
    }

    #[test]
    fn placeholders_fire() {
        assert_eq!(fires(&["None identified."]), 1);
        assert_eq!(fires(&["Nothing at this stage"]), 1);
        assert_eq!(
            fires(&["We will not sign off a boiler service with nothing noted on the record"]),
            0
        );
        assert_eq!(fires(&["Nothing is ruled out at this stage"]), 1);
        assert_eq!(
            fires(&["We keep our options open until the board meets"]),
            1
        );
        assert_eq!(fires(&["TBD"]), 1);
        assert_eq!(fires(&["n/a", "None."]), 2);
        assert_eq!(fires(&["Nothing is off the table"]), 1);
        assert_eq!(fires(&["We'll decide later"]), 1);
        assert_eq!(fires(&["To be agreed at the Q1 offsite"]), 1);
        assert_eq!(fires(&["sell to shippers", "-"]), 1);
    }

    #[test]
    fn real_items_starting_with_nothing_are_fine() {
        assert_eq!(
            fires(&["Nothing below 10 tonnes: we will not carry parcel or pallet freight"]),
            0
        );
        assert_eq!(fires(&["We will not sell to shippers"]), 0);
        assert_eq!(fires(&[""]), 0);
    }
}
