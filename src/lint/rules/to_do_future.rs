use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Text};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` that is a list of things the team will do rather
    /// than a state it reaches: every sentence works on something (*review,
    /// map and align our intake processes, engage stakeholders, explore
    /// options*; *competitors' approaches will be studied, feedback
    /// collected, the handover reviewed*; *keep learning, keep exploring,
    /// keep improving*), with at least three such verbs
    /// (`lexicon/process-verb.txt`) and one in every ten words.
    ///
    /// ## Why is this bad?
    /// Work can be done in full while nothing a customer or colleague sees
    /// has changed, and nobody can tell when the future has arrived. It is
    /// the build trap (Perri) written as prose.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// future = "Review, map and align our intake processes, engage stakeholders and optimise where appropriate."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// future = "A caller with a housing problem gets one intake interview, by phone or in person, and a named adviser within 5 working days."
    /// ```
    pub static RULE = {
        name: "to-do-future",
        criterion: Concrete,
        severity: Warning,
        summary: "A `future` that lists work to do (review, explore, align) instead of a state reached",
        check: check,
    };
}

/// How many working verbs make a list of them.
const LEAST: usize = 3;

/// At most this many words per working verb.
const DENSITY: usize = 10;

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let text = &cx.future;
    if !to_do(text) {
        return;
    }
    out.push(
        Field::Future,
        0..0,
        "the future lists work to do, not the state it reaches when the work is done",
        "Work can be done in full while nothing changes for anyone. Say what a customer or a \
         colleague sees once it is done: \"a caller gets one intake interview and a named \
         adviser within 5 working days\".",
    );
}

/// True when every sentence of `text` holds a working verb, there are at
/// least [`LEAST`] of them, and one in every [`DENSITY`] words is one.
fn to_do(text: &Text) -> bool {
    let working: Vec<usize> = (0..text.len())
        .filter(|&i| text.is(i, Kind::ProcessVerb))
        .collect();
    if working.len() < LEAST || working.len() * DENSITY < text.len() {
        return false;
    }
    let sentences = text
        .tokens
        .last()
        .map_or(0, |t| usize::from(t.sentence) + 1);
    // The working verbs are in order, so their sentences are too: every
    // sentence holds one when they name as many sentences as there are.
    let mut named: Vec<u16> = working
        .iter()
        .filter_map(|&i| text.tokens.get(i).map(|t| t.sentence))
        .collect();
    named.dedup();
    named.len() == sentences
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(future: &str) -> usize {
        fired(super::RULE.name, &[("future", future)])
    }

    #[test]
    fn lists_of_work_fire() {
        assert_eq!(
            fires(
                "Through 2027 we will review, map and align our intake processes, engage \
                 stakeholders across the three teams, explore options for consolidation and \
                 optimise where appropriate."
            ),
            1
        );
        assert_eq!(
            fires(
                "Competitors' approaches will be studied, feedback collected from customers and \
                 staff, and the handover reviewed, with changes made as required."
            ),
            1
        );
        assert_eq!(
            fires("We keep learning alongside families, keep exploring and keep improving."),
            1
        );
    }

    #[test]
    fn a_state_reached_does_not() {
        assert_eq!(
            fires(
                "A caller gets one intake interview and a named adviser within 5 working days; \
                 advisers review every case file weekly."
            ),
            0
        );
        // Work beside a state in another sentence is a plan, not a list.
        assert_eq!(
            fires(
                "We review, assess and streamline the intake. Every caller gets a named adviser \
                 within 5 working days."
            ),
            0
        );
    }
}
