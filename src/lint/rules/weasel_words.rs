use super::support::{non_overlapping, quote, stands_alone};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags words that stand where data belongs: hedges and vague
    /// quantifiers (*nearly all*, *most*, *the vast majority*, *various*,
    /// *eventually*), hedges in the title or future (*usually*, *often*,
    /// *probably*; a diagnosis of today may say "usually" or "most"), data-free intensifiers (*significantly*, *truly*,
    /// *extremely*), and comparatives with no size (*much faster*, *more
    /// intuitive*, *better*) when their clause has no number and no *than*
    /// and their sentence gives no picture ("a smoother return: the
    /// customer shows a QR code at any of our 300 lockers" is captioned).
    ///
    /// ## Why is this bad?
    /// "Significantly better" cannot be checked, so nobody can tell whether
    /// the strategy worked. Amazon's writing rule: replace adjectives and
    /// weasel words with data.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// future = "Most small businesses get paid considerably faster and find invoicing much smoother."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// future = "Sole traders receive card payments in 1 business day instead of 3, starting with 20,000 UK accounts."
    /// ```
    pub static RULE = {
        name: "weasel-words",
        criterion: Concrete,
        severity: Warning,
        summary: "Hedges, vague quantities and comparatives where data belongs",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in cx.prose() {
        let source = cx.node.doc.text(field).unwrap_or_default();
        // A diagnosis of today may say "usually", "most" or "better": there,
        // only an intensifier stands where data belongs.
        let diagnosis = field == Field::Today;
        let mut found: Vec<Match> = text
            .matches
            .iter()
            .filter(|m| match m.kind {
                Kind::Intensifier => true,
                Kind::Weasel | Kind::Hedge => !diagnosis,
                _ => false,
            })
            .filter(|m| !counted(text, m))
            .copied()
            .collect();
        if !diagnosis {
            found.extend(unsized_comparatives(text));
            found.extend(vague_most(text));
        }
        for m in non_overlapping(found.iter()) {
            // "A smoother return: the customer shows a QR code at any of our
            // 300 lockers": beside a picture, the word is its caption.
            if !stands_alone(cx, field, text, m.first) || cx.allowed(text, &m) {
                continue;
            }
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` stands where a number belongs"),
                "A reader cannot check a hedge or an adjective, so nobody will know whether this \
                 happened. Say how many, how much or how fast: \"in 1 day instead of 3\", \"70% of loads\".",
            );
        }
    }
}

/// "how many", "as many as 40", "the many": a question, a bound or an idiom, not a hedge.
fn counted(text: &Text, m: &Match) -> bool {
    let before = if m.first > 0 {
        text.word(m.first - 1)
    } else {
        ""
    };
    ["many", "several"].contains(&text.word(m.first))
        && (["how", "as", "so", "too", "the"].contains(&before) || text.word(m.last + 1) == "as")
}

/// "much faster", "more intuitive", "better": a change with no size, unless
/// the clause gives a number or a "than".
fn unsized_comparatives(text: &Text) -> Vec<Match> {
    let mut out = Vec::new();
    // Comparatives come in order, so the last scope read is kept: a clause
    // of many comparatives is read once, not once for each.
    let mut last: Option<(std::ops::Range<usize>, bool)> = None;
    for i in 0..text.len() {
        let token = &text.tokens[i];
        if !token.is(Kind::Comparative) {
            continue;
        }
        let mut scope = text.clause_of(i);
        // "faster: 15 minutes instead of 40" gives the size in the next clause.
        if scope.end == i + 1
            && scope.end < text.len()
            && text.tokens[scope.end].sentence == token.sentence
        {
            scope.end = text.clause_of(scope.end).end;
        }
        let sized = match &last {
            Some((range, sized)) if *range == scope => *sized,
            _ => {
                let sized = text.has_quantity(scope.clone())
                    || scope.clone().any(|j| text.word(j) == "than");
                last = Some((scope.clone(), sized));
                sized
            }
        };
        if sized {
            continue;
        }
        let boosted = i > 0 && text.tokens[i - 1].is(Kind::Booster);
        let word = text.word(i);
        if word == "more" || word == "less" {
            // "more intuitive" is a claim; "more loads" is a quantity without a size, left alone.
            if text
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.is(Kind::Evaluative))
            {
                let first = if boosted { i - 1 } else { i };
                out.push(Match {
                    kind: Kind::Weasel,
                    first,
                    last: i + 1,
                });
            }
            continue;
        }
        let first = if boosted { i - 1 } else { i };
        out.push(Match {
            kind: Kind::Weasel,
            first,
            last: i,
        });
    }
    out
}

/// "most" as a vague quantifier ("most brokers"), not a superlative ("the most").
fn vague_most(text: &Text) -> Vec<Match> {
    (0..text.len())
        .filter(|&i| text.word(i) == "most")
        .filter(|&i| {
            let before = if i > 0 { text.word(i - 1) } else { "" };
            let after = text.word(i + 1);
            !["the", "at", "for", "almost"].contains(&before)
                && !after.ends_with("ly")
                && !["likely", "recent", "recently", "important", "common"].contains(&after)
                && !text
                    .tokens
                    .get(i + 1)
                    .is_some_and(|t| t.is(Kind::Evaluative))
                && !text.matches_of(Kind::Superlative).any(|m| m.first == i)
        })
        .map(|i| Match {
            kind: Kind::Weasel,
            first: i,
            last: i,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(future: &str) -> usize {
        fired(super::RULE.name, &[("future", future)])
    }

    #[test]
    fn catches_hedges_and_unsized_change() {
        assert_eq!(fires("Nearly all customers are significantly happier."), 2);
        assert_eq!(fires("We will make the application much faster."), 1);
        assert_eq!(fires("A much smoother, more intuitive returns flow."), 2);
        assert_eq!(fires("Most small businesses get paid sooner."), 1);
    }

    #[test]
    fn hedges_are_fine_in_a_diagnosis_only() {
        assert_eq!(
            fires("Our help will usually be there when it is needed."),
            1
        );
        let today = [("today", "Our help is usually there when it is needed.")];
        assert_eq!(fired(super::RULE.name, &today), 0);
        // "Most" in a diagnosis says how things stand; in the future it
        // stands where the number belongs.
        let today = [("today", "Most pieces carry a price code only we can read.")];
        assert_eq!(fired(super::RULE.name, &today), 0);
        assert_eq!(fires("Most pieces carry a full ticket."), 1);
    }

    #[test]
    fn beside_a_picture_a_hedge_is_left_alone() {
        assert_eq!(
            fires(
                "80% of callers speak to an adviser that day, against 35% now, when most wait 4 days."
            ),
            0
        );
    }

    #[test]
    fn accepts_sized_comparisons() {
        assert_eq!(fires("Quotes go out faster: 15 minutes instead of 40."), 0);
        assert_eq!(
            fires("Pickers walk 40% fewer metres and fares are lower than rail."),
            0
        );
        assert_eq!(fires("The most recent 20 loads on the lane."), 0);
    }
}
