use super::support::{non_overlapping, quote};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::restatement;
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` (or title) that says outright that today goes on: a
    /// sentence led by *continue*, *remain*, *stay*, *keep*, *sustain*,
    /// *preserve*, *carry on*, or phrases such as *as it is now*, *as is*,
    /// *business as usual*. *Keep* counts only when what is kept is what
    /// `today` describes. "Continue" inside a sentence about something
    /// else ("leased terminals continue to work until their contracts end")
    /// is fine, and so is what stays after a sentence that changes
    /// something ("Mechanical locks remain our product for houses" after
    /// doors that open by phone). People staying somewhere ("a place
    /// families stay in winter") are on a visit, not a state that goes on.
    ///
    /// ## Why is this bad?
    /// A future that continues the present is today with a later date. It
    /// gives the teams below nothing to change.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// today = "We are the second-largest grocery delivery app in Madrid, delivering in 2-hour windows."
    /// future = "Stay the second-largest grocery delivery app in Madrid."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// today = "We are the second-largest grocery delivery app in Madrid, delivering in 2-hour windows."
    /// future = "Deliver groceries in Madrid within 20 minutes from 12 dark stores, and overtake the market leader in weekly orders."
    /// ```
    pub static RULE = {
        name: "continues-today",
        criterion: DifferentFromToday,
        severity: Warning,
        summary: "A `future` that says today goes on: continue, remain, as it is now",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in [(Field::Title, &cx.title), (Field::Future, &cx.future)] {
        let source = cx.node.doc.text(field).unwrap_or_default();
        let mut last_sentence = None;
        for m in non_overlapping(restatement::carries_on(text, &cx.today).iter()) {
            // One finding per sentence: "keep it as it is now" is one thought.
            let sentence = text.tokens[m.first].sentence;
            if last_sentence.replace(sentence) == Some(sentence) {
                continue;
            }
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` says today goes on: the future is not different from today"),
                "A future that continues the present is today with a later date. Say what will be \
                 different; if something must stay, say it beside the change (\"while the fare remains 2 pounds\").",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(future: &str) -> usize {
        fired(super::RULE.name, &[("future", future)])
    }

    #[test]
    fn continuing_leads_and_status_quo_phrases_fire() {
        assert_eq!(fires("Continue to serve mid-market retailers in Italy."), 1);
        assert_eq!(fires("Carry on running our 3 regional call centres."), 1);
        assert_eq!(fires("We stay the largest chain in the county."), 1);
        // A visit, not a state that goes on.
        assert_eq!(
            fires("Guests stay for the evening: the bar opens at five."),
            0
        );
        assert_eq!(fires("Families stay longer, for a meal after the film."), 0);
        assert_eq!(fires("It becomes a place families stay in winter."), 0);
        assert_eq!(fires("Customers stay with us for years."), 1);
        assert_eq!(fires("Our customers stay loyal to the brand."), 1);
        assert_eq!(
            fires("Customers who say they are staying get a ceramic mug."),
            0
        );
        // What stops is a change.
        assert_eq!(fires("No family stays in a B&B beyond six weeks."), 0);
        assert_eq!(
            fires("We will preserve our current mix of 70% wholesale."),
            1
        );
        assert_eq!(fires("GP practices keep their 4 record systems as is."), 1);
        assert_eq!(
            fires("Keep the wizard as it is now, with minor copy tweaks."),
            1
        );
        let today = "We run 3 regional call centres that handle claims by phone.";
        assert_eq!(
            fired(
                super::RULE.name,
                &[
                    ("today", today),
                    ("future", "We keep our 3 regional call centres.")
                ]
            ),
            1
        );
    }

    #[test]
    fn what_stays_after_a_change_is_a_guardrail() {
        assert_eq!(
            fires(
                "Doors to offices open with a card or phone, sold with a yearly software \
                 subscription. Mechanical locks remain our product for houses."
            ),
            0
        );
        // Led by what stays, the future is today.
        assert_eq!(
            fires("Mechanical locks remain our product. Doors open with a key, as now."),
            1
        );
        assert_eq!(fires("Staying guests spend close to two nights."), 0);
    }

    #[test]
    fn continuity_inside_a_change_is_fine() {
        assert_eq!(
            fires(
                "Retailers take cards on their phones; leased terminals continue to work until their contracts end."
            ),
            0
        );
        assert_eq!(
            fires("2 of the 3 call centres close, and Leeds remains for complex claims."),
            0
        );
        assert_eq!(
            fires("Buses arrive every 6 minutes, while the flat fare remains 2 pounds."),
            0
        );
        assert_eq!(fires("The result, as is common, arrives by email."), 0);
        let today = "Connecting a shipper by EDI takes 42 days.";
        assert_eq!(
            fired(
                super::RULE.name,
                &[
                    ("today", today),
                    ("future", "We keep prebuilt maps for the 40 shippers.")
                ]
            ),
            0
        );
    }
}
