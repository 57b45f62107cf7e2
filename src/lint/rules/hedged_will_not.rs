use super::support::quote;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::exclusion;
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags `will_not` items that keep the door open: *for now*, *at
    /// first*, *where possible*, *as far as we can*, *to a minimum*, *unless
    /// a big opportunity comes along*. A boundary that is named (*in this
    /// release*, *before 2028*, *except assisted digital at libraries*) is a
    /// real choice and is left alone, unless it is the whole list: when
    /// every item only postpones (*not before 2030*, *until the replanting
    /// is done*, *planned for phase two*), nothing is given up for good.
    ///
    /// ## Why is this bad?
    /// A hedged exclusion gives way the first time someone asks: every
    /// opportunity looks big in the room, and "where possible" is decided
    /// case by case, which is what a will-not is meant to stop.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// will_not = ["expand beyond the Nordics, unless a big opportunity comes along"]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// will_not = ["open offices outside the Nordics before Nordic revenue passes 40 million euros"]
    /// ```
    pub static RULE = {
        name: "hedged-will-not",
        criterion: WillNot,
        severity: Warning,
        summary: "`will_not` items that keep the door open: for now, where possible, unless",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    // Every item a hold with an end: nothing is given up for good.
    let items: Vec<(usize, _)> = cx
        .will_not
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .collect();
    if items.len() >= 2 && items.iter().all(|(_, t)| exclusion::postpones(t)) {
        out.push(
            Field::WillNot(items[0].0),
            0..0,
            format!(
                "every `will_not` item only postpones: all {} say not yet, none say never",
                items.len()
            ),
            "A list of things done later gives nothing up. Keep the holds if they matter, and \
             add what this node will not do at all, even though a rival would.",
        );
        return;
    }
    for (i, text) in cx.will_not.iter().enumerate() {
        let Some(m) = exclusion::escape(text) else {
            continue;
        };
        if cx.allowed(text, &m) {
            continue;
        }
        let words = quote(&cx.node.doc.will_not[i], text, &m);
        out.push(
            Field::WillNot(i),
            text.span(m.first, m.last),
            format!(
                "`will_not` item {} is hedged: `{words}` leaves the door open",
                i + 1
            ),
            "A will-not that gives way when someone asks decides nothing. Drop the hedge, or \
             name the boundary: until when, above what number, which case is the exception.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(item: &str) -> usize {
        fired(super::RULE.name, &[("will_not", item)])
    }

    #[test]
    fn hedges_fire() {
        assert_eq!(fires("an Android version, for now"), 1);
        assert_eq!(fires("keep paid marketing spend to a minimum"), 1);
        assert_eq!(
            fires("custom work for single clients, where we can avoid it"),
            1
        );
        assert_eq!(
            fires("expand beyond the Nordics, unless a big opportunity comes along"),
            1
        );
    }

    fn fires_on(items: &[&str]) -> usize {
        let fields: Vec<(&str, &str)> = items.iter().map(|i| ("will_not", *i)).collect();
        fired(super::RULE.name, &fields)
    }

    #[test]
    fn a_list_of_holds_gives_nothing_up() {
        assert_eq!(
            fires_on(&[
                "We will not open a retail tea brand before 2030.",
                "No new estates until the replanting is finished.",
            ]),
            1
        );
        assert_eq!(
            fires_on(&[
                "We will not open a retail tea brand before 2030.",
                "We will not sell unblended tea to supermarkets.",
            ]),
            0
        );
    }

    #[test]
    fn named_boundaries_do_not() {
        // The default is the choice; the exception is named.
        assert_eq!(
            fires(
                "deliver to the door by default in any postcode with a locker within 500 metres; \
                 door delivery there is a paid upgrade"
            ),
            0
        );
        assert_eq!(fires("support joint accounts in the first release"), 0);
        assert_eq!(
            fires("quote spot loads outside the Benelux corridor before 2028"),
            0
        );
        assert_eq!(
            fires("keep a paper route after June 2028, except assisted digital at libraries"),
            0
        );
        assert_eq!(
            fires("run our own trucks; we only broker capacity, for now a good deal"),
            0
        );
    }
}
