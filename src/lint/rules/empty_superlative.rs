use super::support::{non_overlapping, quote};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text, shape};

declare_rule! {
    /// ## What it does
    /// Flags superlatives that claim a rank without saying by what measure:
    /// *be the best*, *the leading provider*, *number one*, *first choice*,
    /// *market leader*, *most trusted*, and claims that we simply beat
    /// everyone: *better than the other providers*, *ahead of all the rest*,
    /// *they think of us first*, *nobody does it as well as we do*,
    /// *outdo every competitor*, however the sentence runs (*more from a
    /// week with us than from any rival line*, *no other operator in the
    /// area will match our speed*, *nobody orders results as well as we
    /// do*, *nobody in the city, Uber included, will match us*). A claim is
    /// fine when its sentence states
    /// the measure: "the best route, ranked by cost per mile", "#1 by weekly
    /// orders", or gives a number; beating a named rival is a real goal,
    /// but not one named and then everyone (*better cars than Uber or
    /// anyone else*).
    ///
    /// ## Why is this bad?
    /// "Best" at what, for whom, measured how? Without a stated difference the
    /// claim cannot be checked, and it hides the choice a strategy should make
    /// (Rumelt's fill-in-the-blanks vision).
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// future = "To be the leading provider of choice for freight brokers."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// future = "Brokers with 25 to 150 staff pick Northwind over on-premise TMSs in 1 of 3 deals, up from 1 in 6."
    /// ```
    pub static RULE = {
        name: "empty-superlative",
        criterion: Concrete,
        severity: Warning,
        summary: "Superlatives (best, leading, number one) with no stated measure",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in cx.prose() {
        let source = cx.node.doc.text(field).unwrap_or_default();
        let rivals = rival_standards(text);
        let claims = text
            .matches
            .iter()
            .filter(|m| matches!(m.kind, Kind::Superlative | Kind::Rank))
            .filter(|m| !checkable_after(text, m.last))
            .chain(&rivals);
        // Per sentence, read once: whether it holds a number, and a measure.
        let mut sentences = Sentences::default();
        for m in non_overlapping(claims) {
            let measured = match m.kind {
                Kind::Rank => sentences.has_number(text, m.first),
                _ => !claims_rank(text, &m) || sentences.states_measure(text, m.first),
            };
            if measured || cx.allowed(text, &m) {
                continue;
            }
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` claims a rank without saying by what measure"),
                "Best at what, for whom, measured how? State the difference a customer would notice \
                 (\"quotes in 15 minutes instead of 40\") or the measure of the rank (\"#1 by loads moved in Ohio\").",
            );
        }
    }
}

/// "best" and "leading" are ordinary words until they name a rank.
fn claims_rank(text: &Text, m: &Match) -> bool {
    if m.first != m.last {
        return true;
    }
    let before = if m.first > 0 {
        text.word(m.first - 1)
    } else {
        ""
    };
    let after = text.word(m.first + 1);
    match text.word(m.first) {
        "best" => {
            ["the", "be", "our", "its", "their", "become"].contains(&before)
                && !["practice", "practices", "work", "effort", "efforts", "of"].contains(&after)
        }
        "leading" => {
            ["the", "a", "an", "our", "become"].contains(&before)
                || [
                    "provider",
                    "providers",
                    "company",
                    "platform",
                    "brand",
                    "supplier",
                    "vendor",
                    "player",
                    "partner",
                    "solution",
                    "solutions",
                    "firm",
                    "bank",
                    "retailer",
                    "marketplace",
                    "operator",
                    "manufacturer",
                    "name",
                ]
                .contains(&after)
        }
        _ => true,
    }
}

/// What [`has_number`] and [`states_measure`] found in the sentence last
/// asked about: claims come in text order, so each sentence is read once.
#[derive(Default)]
struct Sentences {
    number: Option<(u16, bool)>,
    measure: Option<(u16, bool)>,
}

impl Sentences {
    fn has_number(&mut self, text: &Text, i: usize) -> bool {
        once_per_sentence(&mut self.number, text, i, has_number)
    }

    fn states_measure(&mut self, text: &Text, i: usize) -> bool {
        once_per_sentence(&mut self.measure, text, i, states_measure)
    }
}

/// `read` of token `i`'s sentence, kept in `last` for the next token of it.
fn once_per_sentence(
    last: &mut Option<(u16, bool)>,
    text: &Text,
    i: usize,
    read: fn(&Text, usize) -> bool,
) -> bool {
    let sentence = text.tokens[i].sentence;
    match *last {
        Some((s, found)) if s == sentence => found,
        _ => {
            let found = read(text, i);
            *last = Some((sentence, found));
            found
        }
    }
}

/// True when the sentence says what the rank is measured by.
fn states_measure(text: &Text, i: usize) -> bool {
    let sentence = text.sentence_of(i);
    for j in sentence.clone() {
        let word = text.word(j);
        let measure = match word {
            "than" | "ranked" | "measured" | "per" | "according" => true,
            "in" => text.word(j + 1) == "terms",
            "by" => j + 1 < sentence.end && measure_follows(text, j + 1),
            _ => false,
        };
        if measure {
            return true;
        }
    }
    // Digits only: "first choice" and "number one" are the claim, not its measure.
    has_number(text, i)
}

/// Claims whose only standard is the competition, however the sentence
/// runs: "than from any rival line", "than on any competitor", "more
/// accurate than the competition's", "no other operator in the area will
/// match our speed", "no rival's kit matches ours".
fn rival_standards(text: &Text) -> Vec<Match> {
    let mut out = Vec::new();
    for i in 0..text.len() {
        let last = match text.word(i) {
            "than" => {
                let mut k = i + 1;
                while THROUGH.contains(&text.word(k)) {
                    k += 1;
                }
                let word = text.word(k);
                let rival =
                    Kind::Rival.tags(word.trim_end_matches("'s")) || (word == "other" && k > i + 1);
                // "than Uber or anyone else": a named rival, then everyone.
                let k = if rival { Some(k) } else { or_everyone(text, k) };
                // "than the industry average", "than the rest of our estate",
                // "than anyone expected": a standard that can be checked.
                match k {
                    Some(k) if !checkable_after(text, k) => k,
                    _ => continue,
                }
            }
            "nobody" | "none" | "no" => {
                let clause = text.clause_of(i);
                // "nobody orders results as well as we now do"
                let us = (i + 2..clause.end).find(|&k| {
                    ["we", "us", "ours"].contains(&text.word(k))
                        && ["as", "than"].contains(&text.word(k - 1))
                });
                let anyone = text.word(i) != "no" || text.word(i + 1) == "one";
                // "no other operator will match our speed"
                let named = (i + 1..(i + 3).min(text.len())).find(|&k| {
                    Kind::Rival.tags(text.word(k).trim_end_matches("'s")) || text.word(k) == "other"
                });
                let matching = |k: usize| {
                    text.is(k, Kind::Matching)
                        || (text.word(k) == "close"
                            && ["come", "comes", "came", "get", "gets"].contains(&text.word(k - 1)))
                };
                // "nobody in the city, Uber included, will match us": no one
                // at all, then a word of matching.
                let falls_short = named
                    .map(|named| (named + 1..clause.end).find(|&k| matching(k)))
                    .unwrap_or_else(|| {
                        // Past the commas of an aside ("nobody in the city,
                        // Uber included, will match us"), not into the next
                        // clause of an "and" or a "but", and a few words on.
                        let anyone = anyone && text.word(i) != "none";
                        let end = text.sentence_of(i).end.min(i + 1 + ASIDE);
                        anyone
                            .then(|| {
                                (i + 1..end)
                                    .take_while(|&k| !text.word_in(k, &["and", "but", "while"]))
                                    .find(|&k| matching(k))
                            })
                            .flatten()
                    });
                match (us.filter(|_| anyone), falls_short) {
                    (Some(end), _) | (None, Some(end)) => end,
                    (None, None) => continue,
                }
            }
            _ => continue,
        };
        out.push(Match {
            kind: Kind::Rank,
            first: i,
            last,
        });
    }
    out
}

/// After a named rival at `k` ("than Uber or anyone else in the city"),
/// the rival word a few words on that widens the comparison to everyone.
fn or_everyone(text: &Text, k: usize) -> Option<usize> {
    let clause = text.clause_of(k);
    (k + 1..(k + 4).min(clause.end))
        .find(|&j| text.word_in(j - 1, &["or", "and"]) && Kind::Rival.tags(text.word(j)))
}

/// How far past "nobody" its verb of matching may stand.
const ASIDE: usize = 12;

/// Words between "than" and what it compares with: "than from any",
/// "than on all the".
const THROUGH: &[&str] = &[
    "from", "on", "at", "with", "in", "for", "through", "by", "to", "any", "all", "every", "the",
    "our", "their", "its", "of",
];

/// "the industry average", "the rest of our estate", "anyone expected":
/// what follows the rival word at `k` makes it a standard that can be
/// checked.
fn checkable_after(text: &Text, k: usize) -> bool {
    let (word, next) = (text.word(k), text.word(k + 1));
    Kind::Benchmark.tags(next)
        || (["rest", "field"].contains(&word) && ["of", "teams", "team"].contains(&next))
        || ((word.starts_with("any") || word.starts_with("every")) && next.ends_with("ed"))
}

/// True when the sentence of token `i` holds a number that is not a year.
fn has_number(text: &Text, i: usize) -> bool {
    text.sentence_of(i).any(|j| {
        let t = &text.tokens[j];
        t.has(shape::NUMBER) && !t.has(shape::YEAR)
    })
}

/// After "by": a measure ("by revenue"), not a deadline ("by 2030").
fn measure_follows(text: &Text, j: usize) -> bool {
    let token = &text.tokens[j];
    !token.has(shape::YEAR)
        && !token.is(Kind::TimeWord)
        && !["the", "then", "now"].contains(&text.word(j))
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(future: &str) -> usize {
        fired(super::RULE.name, &[("future", future)])
    }

    #[test]
    fn catches_rank_claims() {
        assert_eq!(
            fires("To be the best and most trusted company in our industry."),
            2
        );
        assert_eq!(
            fires("Be the number-one developer platform and the first choice for teams."),
            2
        );
        assert_eq!(fires("Become the leading provider by 2030."), 1);
    }

    #[test]
    fn catches_the_competition_as_the_only_standard() {
        assert_eq!(
            fires("Travellers get more from a week with us than from any rival line."),
            1
        );
        assert_eq!(
            fires("Sellers get valuations more accurate than the competition's."),
            1
        );
        assert_eq!(
            fires("No other delivery operator in the area will match our drop speed."),
            1
        );
        assert_eq!(fires("Nobody orders results as well as we now do."), 1);
        assert_eq!(
            fires("We have better drivers and better cars than Uber or anyone else in the city."),
            1
        );
        assert_eq!(
            fires("Nobody in the city, Uber included, will match us on drivers or on cars."),
            1
        );
    }

    #[test]
    fn a_checkable_standard_or_a_number_is_a_measure() {
        assert_eq!(fires("Quotes arrive faster than a paper form would."), 0);
        assert_eq!(
            fires("Our drones drop parcels in 9 minutes, faster than any rival van."),
            0
        );
        assert_eq!(fires("No other bank branch will close this year."), 0);
        assert_eq!(fires("Unit costs are lower than the industry average."), 0);
        assert_eq!(
            fires("Our stores turn over faster than the rest of our estate."),
            0
        );
        assert_eq!(fires("Adoption grows faster than anyone expected."), 0);
        assert_eq!(fires("Fares are lower than Uber's in the city."), 0);
        assert_eq!(fires("Nobody waits outside in the rain for a cab."), 0);
        assert_eq!(
            fires("Nobody waits outside in the rain, and our drivers match every fare."),
            0
        );
    }

    #[test]
    fn accepts_a_stated_measure() {
        assert_eq!(
            fires("Dispatchers see the best route for each load, ranked by cost per mile."),
            0
        );
        assert_eq!(fires("Be the leading broker by loads moved in Ohio."), 0);
        assert_eq!(fires("Be the leading broker in Ohio with 40% of loads."), 0);
    }

    #[test]
    fn ignores_ordinary_uses() {
        assert_eq!(
            fires("Reps do their best work on exceptions, leading to faster quotes."),
            0
        );
    }
}
