use super::support::quote;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text, exclusion};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags `will_not` items that exclude nothing: things no company would
    /// choose anyway (*ignore our customers*, *compromise on quality*, *waste
    /// money*, *become complacent*, *let our customers down*, *file our
    /// taxes late*, *make promises we can't keep*), goals dressed as
    /// exclusions (*lose any of our 20 largest accounts*, *let any patient
    /// wait more than 18 weeks*), and items defined only by being unwanted
    /// (*distractions*, *anything that does not support our strategy*,
    /// *extras we could live without*). An item that names what it costs
    /// ("even if we lose the 3 US prospects") is a real choice. The negation
    /// is read up to the first semicolon, colon or dash: what follows
    /// explains the choice.
    ///
    /// ## Why is this bad?
    /// A will-not is a choice only if a sensible rival might make the
    /// opposite one. Ruling out what nobody wants costs nothing and decides
    /// nothing (Roger Martin's "is the opposite stupid?" test).
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// will_not = ["compromise on quality", "let our customers down"]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// will_not = ["compromise on data residency: no customer data leaves the EU, even if we lose US deals", "serve customers with fewer than 20 employees"]
    /// ```
    pub static RULE = {
        name: "vacuous-will-not",
        criterion: WillNot,
        severity: Warning,
        summary: "`will_not` items nobody would do anyway, or that name nothing",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (i, text) in cx.will_not.iter().enumerate() {
        let source = &cx.node.doc.will_not[i];
        if let Some(m) = exclusion::nobody_would(text).filter(|m| !literal(text, m))
            && !cx.allowed(text, &m)
        {
            let words = quote(source, text, &m);
            let (message, help) = if m.kind == Kind::BadOutcome {
                (
                    format!(
                        "`will_not` item {} is a goal dressed as an exclusion: nobody chooses to `{words}`",
                        i + 1
                    ),
                    "Keeping a bad outcome from happening is a target; put it in `metrics`. A \
                     will-not gives up something a sensible rival would take: a segment, a channel, \
                     a feature, a market.",
                )
            } else {
                (
                    format!(
                        "`will_not` item {} rules out `{words}`, which nobody would choose anyway",
                        i + 1
                    ),
                    "A will-not is a choice only if a sensible rival might do the opposite. Name \
                     something you give up: a segment, a channel, a feature, a market.",
                )
            };
            out.push(Field::WillNot(i), text.span(m.first, m.last), message, help);
            continue;
        }
        if let Some(range) = exclusion::names_nothing(text) {
            let m = Match {
                kind: Kind::Nothing,
                first: range.start,
                last: range.end.saturating_sub(1).max(range.start),
            };
            if cx.allowed(text, &m) {
                continue;
            }
            let words = quote(source, text, &m);
            out.push(
                Field::WillNot(i),
                text.span(m.first, m.last),
                format!(
                    "`will_not` item {} names nothing in particular: `{words}` is whatever the reader decides",
                    i + 1
                ),
                "An exclusion defined only by being unwanted rules out nothing anyone can point \
                 at. Name the work, the customers or the feature you give up.",
            );
        }
    }
}

/// "late" is vacuous at the end of an item ("file our taxes late"), not
/// before a noun ("charge late fees").
fn literal(text: &Text, m: &Match) -> bool {
    // "filed late at court" is still late; "late fees" names a thing.
    const PREPOSITIONS: &[&str] = &["at", "to", "for", "in", "on", "by", "with", "from", "into"];
    text.word(m.first) == "late"
        && m.first == m.last
        && text.tokens.get(m.last + 1).is_some_and(|next| {
            next.clause == text.tokens[m.last].clause
                && !PREPOSITIONS.contains(&text.word(m.last + 1))
        })
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(items: &[&str]) -> usize {
        let fields: Vec<(&str, &str)> = items.iter().map(|i| ("will_not", *i)).collect();
        fired(super::RULE.name, &fields)
    }

    #[test]
    fn opposite_is_stupid() {
        assert_eq!(fires(&["ignore our customers"]), 1);
        assert_eq!(fires(&["We will not compromise on quality"]), 1);
        assert_eq!(
            fires(&["Caseworkers straying outside their competence."]),
            1
        );
        assert_eq!(
            fires(&["Not one inspection failed across the nine studios."]),
            1
        );
        assert_eq!(
            fires(&["waste money", "stop innovating", "become complacent"]),
            3
        );
        assert_eq!(fires(&["file our corporate tax returns late"]), 1);
        assert_eq!(fires(&["Let our loyal customers down"]), 1);
        assert_eq!(
            fires(&["Waiting times will not be allowed to climb past today's."]),
            1
        );
        assert_eq!(fires(&["No NHS contract will be lost."]), 1);
    }

    #[test]
    fn excludes_nothing_nameable() {
        assert_eq!(fires(&["distractions"]), 1);
        assert_eq!(fires(&["anything that does not support our strategy"]), 1);
        assert_eq!(fires(&["projects without a clear business case"]), 1);
    }

    #[test]
    fn real_trade_offs_are_fine() {
        assert_eq!(
            fires(&["collect household waste; we serve only restaurants"]),
            0
        );
        assert_eq!(
            fires(&[
                "compromise on data residency: no data leaves the EU, even if we lose 3 deals"
            ]),
            0
        );
        assert_eq!(fires(&["charge late fees to carriers"]), 0);
        assert_eq!(fires(&["serve meals on board", "assign seats"]), 0);
        // A distance or a length is a scope, not a wait we promise to beat.
        assert_eq!(
            fires(&["buy practices more than two hours' drive from a hospital"]),
            0
        );
        assert_eq!(fires(&["let delivery times run above 10 days"]), 1);
        // A real trade-off that names a bad thing is still a choice.
        assert_eq!(fires(&["use zero-hours contracts"]), 0);
        assert_eq!(fires(&["offer zero interest finance on e-bikes"]), 0);
        assert_eq!(
            fires(&["offer unsecured loans; every loan is against the van"]),
            0
        );
        assert_eq!(
            fires(&["refund unhappy customers in cash; they get a credit note"]),
            0
        );
        assert_eq!(
            fires(&["pay drivers an on-time bonus above £50 a month"]),
            0
        );
        assert_eq!(fires(&["take walk-in patients outside clinic hours"]), 0);
        assert_eq!(
            fires(&["staff a data-entry team; tenders that fail to parse go back to the rep"]),
            0
        );
    }
}
