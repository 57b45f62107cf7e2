use std::ops::Range;

use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::rules::support::{non_overlapping, quote};
use crate::lint::text::picture::scene_of;
use crate::lint::text::{Kind, Match, Text, shape};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` that says what something becomes with a figure of
    /// speech instead of a picture: "the beating heart of the depot", "the
    /// backbone of European trade", "the Spotify of school textbooks", "do
    /// for schoolbooks what Netflix did for films". A figure beside a scene
    /// with numbers is left alone; a figure that is the whole claim is not.
    ///
    /// ## Why is this bad?
    /// A metaphor lets every reader fill in their own meaning: one hears
    /// "subscriptions", another "a nicer app", a third "market leader".
    /// The future has to say what a customer would see.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// future = "Make the dispatch screen the beating heart of the depot."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// future = "Every driver at the depot sees their first three stops on the dispatch screen by 6 a.m."
    /// ```
    pub static RULE = {
        name: "metaphor-future",
        criterion: Concrete,
        severity: Warning,
        summary: "A figure of speech where the `future` should show what changes",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in [(Field::Title, &cx.title), (Field::Future, &cx.future)] {
        let source = cx.node.doc.text(field).unwrap_or_default();
        let mut found: Vec<Match> = text
            .matches_of(Kind::Metaphor)
            .filter(|m| is_the_claim(text, m.first))
            .copied()
            .collect();
        found.extend(brand_figures(text));
        let mut last_sentence = None;
        for m in non_overlapping(found.iter()) {
            let sentence = text.tokens[m.first].sentence;
            if last_sentence.replace(sentence) == Some(sentence)
                || measured(text, text.clause_of(m.first))
                || cx.allowed(text, &m)
            {
                continue;
            }
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!(
                    "`{words}` is a figure of speech where the future should show what changes"
                ),
                "Each reader fills a metaphor with their own meaning. Say what a customer or a \
                 colleague would see when it is true: who does what, how often, how fast.",
            );
        }
    }
}

/// "becomes the engine room", "make X the heart of", "serve as a beacon":
/// the figure follows a determiner and is what something is or becomes.
fn is_the_claim(text: &Text, i: usize) -> bool {
    let clause = text.clause_of(i);
    let determiner = (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&j| j >= clause.start)
        .find(|&j| ["the", "a", "an", "our", "its"].contains(&text.word(j)));
    let Some(determiner) = determiner else {
        return false;
    };
    (clause.start..determiner).any(|j| {
        let t = &text.tokens[j];
        t.is(Kind::Copula) || ["make", "makes", "made", "making", "as"].contains(&text.word(j))
    })
}

/// "the Spotify of textbooks", "what Netflix did for films".
fn brand_figures(text: &Text) -> Vec<Match> {
    let mut out = Vec::new();
    for i in 1..text.len() {
        let t = &text.tokens[i];
        let name = t.has(shape::CAPITALIZED) && !t.has(shape::SENTENCE_START);
        if !name {
            continue;
        }
        let before = text.word(i - 1);
        let after = text.word(i + 1);
        if before == "the" && after == "of" && is_the_claim(text, i) {
            out.push(Match {
                kind: Kind::Metaphor,
                first: i - 1,
                last: i + 1,
            });
        }
        let did = ["did", "does", "has", "have"].contains(&after);
        if before == "what" && did {
            out.push(Match {
                kind: Kind::Metaphor,
                first: i - 1,
                last: (i + 2).min(text.len() - 1),
            });
        }
    }
    out
}

/// A figure inside a measured scene ("the hub of 40 depots") is style.
fn measured(text: &Text, clause: Range<usize>) -> bool {
    scene_of(text, clause).numbers > 0
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(future: &str) -> usize {
        fired_at(super::RULE.name, Level::Option, &[("future", future)])
    }

    #[test]
    fn a_figure_as_the_claim_fires() {
        assert_eq!(
            fires("Make the dispatch screen the beating heart of the depot."),
            1
        );
        assert_eq!(
            fires("The dispatch screen becomes the engine room of the depot."),
            1
        );
        assert_eq!(fires("Become the Spotify of school textbooks."), 1);
        assert_eq!(fires("Do for schoolbooks what Netflix did for films."), 1);
    }

    #[test]
    fn literal_words_and_measured_figures_do_not() {
        assert_eq!(
            fires("Nurses check the heart rate of every patient at 6 a.m."),
            0
        );
        assert_eq!(
            fires("The truck's engine is replaced by a 300 kW battery pack."),
            0
        );
        assert_eq!(
            fires("The depot becomes the hub for 40 vans and 12 routes."),
            0
        );
        assert_eq!(
            fires("Customers in the Bay of Biscay get fuel twice a week."),
            0
        );
    }
}
