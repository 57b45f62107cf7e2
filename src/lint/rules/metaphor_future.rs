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
    /// for schoolbooks what Netflix did for films", and any single thing said
    /// to be a whole community's ("the neighbourhood's hearth", "its town's
    /// living room", "the connective tissue of hourly hiring"), unless it
    /// is a rank, a role or a count. A figure beside a scene
    /// with numbers is left alone; a figure that is the whole claim is not.
    /// A word in quotation marks is a name ("a Dolby-certified 'hub'
    /// room"), a title's figure over a future with numbers is a
    /// headline, and "as they would a family home" is a manner, not what
    /// something becomes.
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
        found.extend(community_figures(text));
        // A title's figure over a future with numbers is a headline: "League
        // night as the pulse of the week" above lanes, times and teams.
        if field == Field::Title && measured(&cx.future, 0..cx.future.len()) {
            continue;
        }
        let mut last_sentence = None;
        for m in non_overlapping(found.iter()) {
            let sentence = text.tokens[m.first].sentence;
            if last_sentence.replace(sentence) == Some(sentence)
                || measured(text, text.clause_of(m.first))
                || quoted(source, text.span(m.first, m.last))
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
    // "serve as a beacon" names what it is; "as they would a family home"
    // is a manner, so "as" counts only right before the determiner.
    (clause.start..determiner).any(|j| {
        let t = &text.tokens[j];
        t.is(Kind::Copula)
            || ["make", "makes", "made", "making"].contains(&text.word(j))
            || (text.word(j) == "as" && j + 1 == determiner)
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

/// "the neighbourhood's hearth", "its town's living room", "the connective
/// tissue of hourly hiring": what something becomes, said as a thing that
/// belongs to a whole community or trade. A café is not a hearth and a
/// platform is not tissue; only a figure puts them there. A rank ("the
/// largest employer of the town"), a role ("the town's pharmacist") or a
/// named kind of business ("the city's only pharmacy") is literal.
fn community_figures(text: &Text) -> Vec<Match> {
    let mut out = Vec::new();
    for i in 1..text.len() {
        // "the city's N" or "the N of the city"
        let (noun, first, last) = if text.word(i).ends_with("'s") && is_community_word(text, i) {
            let Some(noun) = head_after(text, i + 1) else {
                continue;
            };
            (noun, i.saturating_sub(1), noun)
        } else if text.word(i) == "of"
            && let Some(community) = community_at(text, i + 1)
        {
            (i - 1, i.saturating_sub(2), community)
        } else {
            continue;
        };
        // The cheap tests first: most candidates are plural or not said to
        // be the subject, and `literal` reads the whole clause.
        let plural = text.word(noun).ends_with('s') && !text.word(noun).ends_with("ss");
        if plural {
            continue;
        }
        let clause = text.clause_of(noun);
        // "is the city's hearth": what the subject is, right after the verb;
        // "offset by the city's wind turbines" are things the city has.
        let determiner = (noun.saturating_sub(4)..noun)
            .rev()
            .find(|&j| ["the", "a", "an", "its", "our", "their"].contains(&text.word(j)));
        let said_to_be = determiner.is_some_and(|d| {
            d > clause.start
                && (text.tokens[d - 1].is(Kind::Copula)
                    || ["as", "become", "becomes", "make", "makes"].contains(&text.word(d - 1)))
        });
        if !clause.contains(&first) || !said_to_be || literal(text, noun, clause) {
            continue;
        }
        out.push(Match {
            kind: Kind::Metaphor,
            first,
            last,
        });
    }
    out
}

/// The noun a phrase starting at `i` ends on: "living room" in "living room
/// and the anchor", past at most one describing word.
fn head_after(text: &Text, i: usize) -> Option<usize> {
    let sentence = text.tokens.get(i)?.sentence;
    let mut head = i;
    for j in i..(i + 3).min(text.len()) {
        let t = &text.tokens[j];
        if t.sentence != sentence
            || t.is(Kind::Stop)
            || (j > i && t.clause != text.tokens[i].clause)
        {
            break;
        }
        head = j;
    }
    Some(head)
}

/// A whole community or trade after "of": "the city", "hourly hiring",
/// "the high street", "the arts": a community word or an activity (a
/// word in -ing that is not a thing, nor "everything"), past one
/// describing word; the index of that word.
fn community_at(text: &Text, i: usize) -> Option<usize> {
    let skip = usize::from(["the", "a", "its", "our", "their"].contains(&text.word(i)));
    let owned = skip == 1 && text.word(i) != "the" && text.word(i) != "a";
    (i + skip..i + skip + 2).find(|&j| {
        let word = text.word(j);
        is_community_word(text, j)
            || (!owned
                && word.len() > 5
                && word.ends_with("ing")
                && !word.ends_with("thing")
                && !text.tokens.get(j).is_some_and(|t| t.is(Kind::Concrete)))
    })
}

/// A community word at `j`; "high" only in "high street".
fn is_community_word(text: &Text, j: usize) -> bool {
    let word = text.word(j).trim_end_matches("'s");
    Kind::Community.tags(word) || (word == "high" && text.word(j + 1).starts_with("street"))
}

/// True when the noun at `i` names what the thing literally is: a rank
/// ("largest", "first", "only"), a role or kind of business, or a count.
fn literal(text: &Text, i: usize, clause: Range<usize>) -> bool {
    let t = &text.tokens[i];
    let ranked = (i.saturating_sub(3)..=i).any(|j| {
        let t = &text.tokens[j];
        let word = text.word(j);
        t.is(Kind::Rank) || t.is(Kind::Superlative) || word == "only" || superlative_form(word)
    });
    ranked || t.is(Kind::Actor) || t.is(Kind::GenericActor) || measured(text, clause)
}

/// "largest", "busiest", "oldest": an adjective's superlative form.
fn superlative_form(word: &str) -> bool {
    word.len() > 5
        && word.ends_with("est")
        && ![
            "interest", "harvest", "request", "contest", "forest", "protest",
        ]
        .iter()
        .any(|noun| word.ends_with(noun))
}

/// A figure inside a measured scene ("the hub of 40 depots") is style.
/// True when the words at `span` of `source` stand in quotation marks: a
/// name the text quotes ("a Dolby-certified 'hub' room"), not a figure.
fn quoted(source: &str, span: Range<usize>) -> bool {
    let (Some(before), Some(after)) = (source.get(..span.start), source.get(span.end..)) else {
        return false;
    };
    let open = before.chars().next_back();
    let close = after.chars().next();
    matches!(
        (open, close),
        (Some('\''), Some('\''))
            | (Some('"'), Some('"'))
            | (Some('‘'), Some('’'))
            | (Some('“'), Some('”'))
    )
}

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
    fn a_quoted_name_and_a_headline_over_numbers_are_not_figures() {
        assert_eq!(
            fires("Our main room is a Dolby-certified 'hub' room with 17 surround monitors."),
            0
        );
        assert_eq!(fires("Our main room becomes the hub of the studio."), 1);
        let title = |future: &str| {
            fired_at(
                super::RULE.name,
                Level::Option,
                &[
                    ("title", "League night as the pulse of the week"),
                    ("future", future),
                ],
            )
        };
        assert_eq!(
            title("Lanes 13 to 16 host a beginners' division from 19:00 to 20:00."),
            0
        );
        assert_eq!(title("League night is what people look forward to."), 1);
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
        assert_eq!(
            fires("Every store becomes its town's living room and the place people meet."),
            1
        );
        assert_eq!(
            fires("Our platform is the connective tissue of hourly hiring."),
            1
        );
    }

    #[test]
    fn ranks_roles_and_businesses_of_a_town_are_literal() {
        assert_eq!(fires("Late delivery is the cause of high churn."), 0);
        assert_eq!(fires("Our app is the start of everything."), 0);
        assert_eq!(fires("The depot is the centre of our shipping."), 0);
        assert_eq!(
            fires("The store becomes the largest employer of the town."),
            0
        );
        assert_eq!(fires("Each branch is the town's only pharmacy."), 0);
        assert_eq!(fires("Our rangers are the city's tree surgeons."), 0);
        assert_eq!(
            fires("The remaining emissions are offset by the city's wind turbines."),
            0
        );
        assert_eq!(
            fires("The depot is the city's hub for 40 vans and 12 routes."),
            0
        );
    }

    #[test]
    fn literal_words_and_measured_figures_do_not() {
        assert_eq!(
            fires("Nurses check the heart rate of every patient at 6 a.m."),
            0
        );
        assert_eq!(
            fires("Relatives let themselves into the lounge as they would a family home."),
            0
        );
        assert_eq!(fires("The library serves as a beacon for the town."), 1);
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
