//! What a reader can picture in a text, clause by clause.
//!
//! A clause gives a picture when it holds a number (not a year), or at least
//! two things a reader can see: a named place, product or organisation, a
//! person in a role ("a pharmacist", not "people"), a physical thing, a time
//! of day. A clause whose claim is a judgement ("runs well", "are thrilled",
//! "good results", "gets better") gives no picture unless a number measures
//! it: it tells the reader that the writer approves, not what they would see.
//! A judgement right before a thing only decorates it ("stunning solar
//! roofs" still shows roofs). When the future holds ("in six years", "by
//! November") is not what it shows.

use std::ops::Range;

mod hollow;

use super::numbers::counts_as_number;
use super::{Kind, Text, dates, shape};
use crate::model::Date;

/// What one clause holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scene {
    /// Token indices of the clause.
    pub range: Range<usize>,
    /// Numbers that are not years.
    pub numbers: usize,
    /// Things a reader can see: names count twice, roles, objects, times once.
    pub things: usize,
    /// True when the clause's claim is a judgement.
    pub judged: bool,
    /// True when that judgement is a feeling ("families feel positive
    /// about the food"): the things are what it is about, not a scene.
    pub felt: bool,
}

impl Scene {
    /// True when a reader can picture what the clause says.
    pub fn pictured(&self) -> bool {
        // A judgement among many things ("change the image of Japanese
        // products as poor quality") is one word in a scene, not the claim.
        self.numbers > 0 || (self.things >= 2 && (!self.judged || (self.things >= 4 && !self.felt)))
    }
}

/// The scenes of every clause of `text`, in order.
pub fn scenes(text: &Text) -> Vec<Scene> {
    let mut out: Vec<Scene> = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let clause = text.clause_of(start);
        let end = clause.end.max(start + 1);
        // "cleaner, better energy, for every house we supply": a clause that
        // opens with a preposition finishes the one before it.
        let continues = out.last().is_some_and(|last| {
            last.range.end == start
                && text.tokens[start].sentence == text.tokens[last.range.start].sentence
                && PREPOSITIONS.contains(&text.word(start))
        });
        match out.last_mut() {
            Some(last) if continues => *last = scene_of(text, last.range.start..end),
            _ => out.push(scene_of(text, start..end)),
        }
        start = end;
    }
    out
}

/// Words that open a phrase finishing the clause before it.
const PREPOSITIONS: &[&str] = &[
    "for", "to", "with", "by", "from", "across", "in", "on", "at", "into", "through", "via",
];

/// True when `text` is only a financial score: it names revenue, margin or
/// returns, and nothing else a reader can see (no person, place, product or
/// thing beside them), so its numbers measure the result and show no play.
pub fn only_the_score(text: &Text) -> bool {
    // Tokens inside a financial phrase ("return on capital"), marked once.
    let mut in_phrase = vec![false; text.len()];
    for m in text.matches_of(Kind::Financial) {
        in_phrase[m.first..=m.last].fill(true);
    }
    let financial = |i: usize| text.tokens[i].is(Kind::Financial) || in_phrase[i];
    let mut scored = false;
    for i in 0..text.len() {
        if financial(i) {
            scored = true;
            continue;
        }
        let token = &text.tokens[i];
        let thing = is_name(text, i)
            || token.is(Kind::Concrete)
            || (token.is(Kind::Actor) && !token.is(Kind::GenericActor));
        if thing {
            return false;
        }
    }
    scored
}

/// True when some clause of `text` can be pictured.
pub fn pictured(text: &Text) -> bool {
    scenes(text).iter().any(Scene::pictured)
}

/// The spans of `text` that date when the future holds ("by November",
/// "before summer 2027", "by the end of next year"): a month named as a
/// deadline is not a thing a reader sees. Where a deadline falls does not
/// change which words say it, so any day reads the spans. Read once per
/// text ([`Text`] keeps them): rules ask for one clause's scene many times.
fn dated(text: &Text) -> &[Range<usize>] {
    text.dated.get_or_init(|| {
        let any_day = Date {
            year: 2026,
            month: 12,
            day: 1,
        };
        dates::deadlines(text, any_day)
            .into_iter()
            .map(|d| d.first..d.last + 1)
            .collect()
    })
}

/// What the tokens `range` (a clause) hold.
pub fn scene_of(text: &Text, range: Range<usize>) -> Scene {
    let mut numbers = 0;
    let mut things = 0;
    let mut judged = false;
    let mut felt = false;
    let mut whens = whens(text, &range);
    whens.extend(
        dated(text)
            .iter()
            .filter(|d| range.contains(&d.start))
            .cloned(),
    );
    // Whether the clause compares with a standard ("than 3 days"), read at
    // the first grading word and kept: once per clause, not once per word.
    let mut measured = None;
    for i in range.clone() {
        let token = &text.tokens[i];
        if whens.iter().any(|when| when.contains(&i)) {
            // "Three years out", "by March 2028": when the future holds, not
            // what it shows.
            continue;
        }
        if counts_as_number(text, i) {
            // "Three key levers", "a 20% improvement across the funnel": a
            // number with nothing to see is no number.
            numbers += usize::from(!hollow::hollow(text, i));
        } else if is_name(text, i) {
            // "By 2032 Tidewater sits in the top quartile": a name that opens
            // its clause is most often the writer's own organisation, which
            // the reader knows already; it shows one thing, not two.
            let leads = (range.start..i).all(|j| whens.iter().any(|when| when.contains(&j)));
            things += if leads { 1 } else { 2 };
        } else if (token.is(Kind::Concrete)
            || token.is(Kind::TimeWord)
            || (token.is(Kind::Actor) && !token.is(Kind::GenericActor)))
            && !unnumbered(text, i, &range)
        {
            things += 1;
        }
        let judging = judges(text, i, &range, &mut measured);
        judged |= judging;
        felt |= judging && token.is(Kind::Feeling);
    }
    Scene {
        range,
        numbers,
        things,
        judged,
        felt,
    }
}

/// The spans of `clause` that say when, not what: a duration that counts
/// to the future ("in six years", "seven years on", "fifteen months from
/// now", "over the next three years"), or a repeat ("year after year").
/// "Parts arrive within 2 days of the order" measures a service: a
/// duration shorter than a year counts only at the clause's start or with
/// a word that points ahead after it.
pub fn whens(text: &Text, clause: &Range<usize>) -> Vec<Range<usize>> {
    // "Year after year", "day by day", "month on month": how often, not a
    // thing to see.
    let mut out: Vec<Range<usize>> = clause
        .clone()
        .filter(|&i| {
            i + 2 < clause.end
                && text.is(i, Kind::TimeWord)
                && text.word(i) == text.word(i + 2)
                && text.word_in(i + 1, &["after", "by", "on", "to"])
        })
        .map(|i| i..i + 3)
        .collect();
    // The clause's own values: they are in the text's order.
    let values = text.values();
    let from = values.partition_point(|v| v.first < clause.start);
    for value in values[from..].iter().take_while(|v| v.first < clause.end) {
        let (Some(days), None) = (value.days, value.per_year) else {
            continue;
        };
        let unit = value.last + 1;
        // "seven years on," but not "23 days on average".
        let closes = text
            .tokens
            .get(unit + 2)
            .is_none_or(|t| t.clause != text.tokens[unit + 1].clause);
        let ahead = matches!(
            (text.word(unit + 1), text.word(unit + 2)),
            ("from", "now" | "today") | ("ahead" | "hence" | "later", _)
        ) || (["out", "on"].contains(&text.word(unit + 1)) && closes)
            || text.word(unit).ends_with("'") && text.word(unit + 1) == "time";
        let mut lead = value.first;
        while lead > clause.start
            && (LEADS_TO_A_WHEN.contains(&text.word(lead - 1)) || text.is(lead - 1, Kind::About))
        {
            lead -= 1;
        }
        let opens = lead == clause.start || text.tokens[lead].has(shape::SENTENCE_START);
        let led = lead < value.first;
        if ahead || (led && (opens || days >= 365.0)) {
            let end = if ahead { unit + 2 } else { unit + 1 };
            out.push(lead..end.min(clause.end));
        }
    }
    out
}

/// Words before a duration that make it a when ("in", "within the next",
/// "over the coming"), beside `lexicon/about.txt`'s "about".
const LEADS_TO_A_WHEN: &[&str] = &[
    "in",
    "within",
    "over",
    "inside",
    "after",
    "the",
    "next",
    "coming",
    "following",
    "beginning",
    "starting",
];

/// Words that count things without a number: "a few retailers", "some new
/// packaging ideas", "several sites", "selected stockists".
const VAGUE_COUNT: &[&str] = &[
    "few",
    "several",
    "various",
    "numerous",
    "countless",
    "myriad",
    "some",
    "selected",
    "certain",
];

/// True when thing `i` is counted only vaguely, one or two words before it
/// in its clause ("a few retailers", "some new packaging ideas", "a handful
/// of stockists"): it names a kind, not things a reader could go and see.
/// "Some 40 stores" is a number hedged.
fn unnumbered(text: &Text, i: usize, clause: &Range<usize>) -> bool {
    (1..=2)
        .filter_map(|k| i.checked_sub(k))
        .filter(|j| clause.contains(j))
        .any(|j| {
            let word = text.word(j);
            let counted = || counts_as_number(text, j + 1);
            (VAGUE_COUNT.contains(&word) && !counted())
                || (word == "of"
                    && ["handful", "number", "lot", "lots", "plenty"]
                        .contains(&text.word(j.wrapping_sub(1))))
        })
}

/// A proper name: a capitalised word inside a sentence, or an acronym.
fn is_name(text: &Text, i: usize) -> bool {
    let token = &text.tokens[i];
    // "SYNERGIES" is shouting, not an acronym; a buzzword is not a name.
    let known_vague =
        token.is(Kind::Fluff) || token.is(Kind::Judgement) || token.is(Kind::Abstract);
    if known_vague {
        return false;
    }
    if token.has(shape::ACRONYM) {
        return text.word(i).len() <= 5 || token.has(shape::HAS_DIGIT);
    }
    token.has(shape::CAPITALIZED)
        && !token.has(shape::SENTENCE_START)
        && text.word(i) != "i"
        && !token.is(Kind::GenericActor)
        && !token.is(Kind::Abstract)
}

/// True when token `i` makes its clause a judgement: a grading word that
/// does not just decorate a thing, or a comparative with no "than".
/// `measured` caches whether the clause compares with a checkable standard.
fn judges(text: &Text, i: usize, clause: &Range<usize>, measured: &mut Option<bool>) -> bool {
    let token = &text.tokens[i];
    let word = text.word(i);
    let grading = token.is(Kind::Judgement)
        || token.is(Kind::Feeling)
        || token.is(Kind::Intensifier)
        || (token.is(Kind::Comparative) && !["more", "less"].contains(&word));
    // "More reliable", "less often", "more conveniently": an amount of a
    // quality or a manner, which no reader can check.
    let vague_amount = ["more", "less"].contains(&word)
        && text.tokens.get(i + 1).is_none_or(|next| {
            // Not a time or a frequency: "more early shifts", "more monthly passes".
            let after = text.word(i + 1);
            let manner = (after.ends_with("ly")
                && !next.is(Kind::TimeWord)
                && ![
                    "early",
                    "only",
                    "monthly",
                    "weekly",
                    "daily",
                    "yearly",
                    "quarterly",
                    "hourly",
                    "nightly",
                    "family",
                ]
                .contains(&after))
                || after == "often";
            next.is(Kind::Judgement)
                || next.is(Kind::Abstract)
                || manner
                || !clause.contains(&(i + 1))
        });
    if !grading && !vague_amount {
        return false;
    }
    let measured = *measured.get_or_insert_with(|| {
        clause
            .clone()
            .any(|j| text.word(j) == "than" && measured_standard(text, j + 1))
    });
    !measured && (token.is(Kind::Feeling) || !decorates_a_thing(text, i, clause))
}

/// After "than": a standard a reader can check ("than 3 days", "than
/// Adidas", "than a paper form"), not "than we used to" or "than anyone".
fn measured_standard(text: &Text, j: usize) -> bool {
    let Some(first) = text.tokens.get(j) else {
        return false;
    };
    let sentence = first.sentence;
    (j..(j + 4).min(text.len()))
        .take_while(|&k| text.tokens[k].sentence == sentence)
        .any(|k| {
            let t = &text.tokens[k];
            counts_as_number(text, k)
                || t.has(shape::YEAR)
                || (is_name(text, k) && !t.is(Kind::GenericActor))
                || t.is(Kind::Concrete)
        })
}

/// "stunning solar roofs", "well-designed home furnishings": the grading word
/// stands before a thing within two words.
fn decorates_a_thing(text: &Text, i: usize, clause: &Range<usize>) -> bool {
    let thing = |j: usize| {
        let t = &text.tokens[j];
        (t.is(Kind::Concrete) || (t.is(Kind::Actor) && !t.is(Kind::GenericActor)))
            && !t.is(Kind::Abstract)
    };
    // Right before the thing, or before one more describing word: "better
    // for farming" is a claim about farming, not a kind of farm.
    let next = i + 1;
    next < clause.end
        && (thing(next)
            || (next + 1 < clause.end && !text.tokens[next].is(Kind::Stop) && thing(next + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shows(text: &str) -> bool {
        pictured(&Text::new(text))
    }

    #[test]
    fn numbers_and_scenes_can_be_pictured() {
        assert!(shows("Cut changeover time from 45 to 15 minutes."));
        assert!(shows("Land a man on the moon and return him to the earth."));
        assert!(shows("Crush Adidas."));
        assert!(shows("Create stunning solar roofs with battery storage."));
    }

    #[test]
    fn judgements_and_abstractions_cannot() {
        assert!(!shows(
            "Our teams move faster and our product keeps getting better."
        ));
        assert!(!shows(
            "Every one of our factories runs well and gets a bit better every year."
        ));
        assert!(!shows(
            "People getting parcels from us are thrilled with how their deliveries arrive."
        ));
        assert!(!shows(
            "Everyone who works with us has a better experience."
        ));
        assert!(!shows("Respect. Integrity. Communication. Excellence."));
        // The organisation naming itself, and numbers of a plan's parts.
        assert!(!shows(
            "By 2032 Tidewater sits in the top quartile on every metric that matters."
        ));
        assert!(shows("By 2032 Tidewater sails from Oban to Mull."));
        assert!(!shows(
            "We pull three key levers for a 20% improvement across the funnel."
        ));
        // A time or a frequency after "more" is a count, not a manner.
        assert!(shows("Drivers at the depot take more early shifts."));
        // Comparatives of manner and quality, with no standard to check.
        assert!(!shows(
            "Customers get their groceries more conveniently and with less hassle."
        ));
        assert!(!shows(
            "Shoppers visit more often and find our staff friendlier."
        ));
        assert!(shows(
            "Shoppers visit more often than the 2 times a month they do now."
        ));
        // Vaguely counted things are kinds, not things to see.
        assert!(!shows("Try some new packaging ideas with a few retailers."));
        assert!(shows("Try two new pouches with Tesco and Waitrose."));
        assert!(!shows("Year after year the service improves."));
        // "Our teams" are whoever the reader imagines.
        assert!(!shows(
            "Our teams work closely with key stakeholders to deliver improvements."
        ));
        assert!(shows(
            "The Leeds team calls every new carrier on its first day."
        ));
        // A feeling about many things is still a feeling.
        assert!(!shows(
            "Families feel positive about the food their children eat at school."
        ));
        assert!(shows(
            "Change the image of Japanese products as poor quality in Europe."
        ));
    }

    #[test]
    fn when_the_future_holds_is_not_what_it_shows() {
        assert!(!shows(
            "Three years out, members look forward to opening the app and come away happy."
        ));
        assert!(!shows(
            "In six years each café is the neighbourhood's hearth."
        ));
        assert!(shows("Parts reach engineers within 2 days of the order."));
        assert!(shows("In six years, 40 cafés roast their own beans."));
        // A month as a deadline is a when, not a name to see.
        assert!(!shows("A seamless new experience, live by April."));
        assert!(!shows("Everyone gains from the change by November."));
        assert!(shows("By April, riders tap a card on the dock to unlock."));
    }

    #[test]
    fn idioms_are_not_numbers() {
        assert!(!shows(
            "Move goods from one place to another with a clever network."
        ));
        assert!(!shows("Be one of the leaders."));
        assert!(shows(
            "One order, one installation and one phone app for every homeowner."
        ));
    }
}
#[cfg(test)]
mod debug {
    #[test]
    fn print_scenes() {
        let Ok(text) = std::env::var("SCENE") else {
            return;
        };
        let t = super::Text::new(&text);
        for s in super::scenes(&t) {
            eprintln!("{:?} {:?}", t.words(s.range.clone()), s);
        }
    }
}
