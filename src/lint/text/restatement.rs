//! Whether a `future` says what `today` already says: the same things (by
//! stem and synonym, so "chemists manually verify" is "pharmacists check by
//! hand") and no number that today does not already have.

mod scarcity;

use super::numbers::{Value, new_numbers, values};
use super::{Kind, Match, Sense, Text, content_senses_where, content_stems, sentence_leads};
use super::{Unit, shape};
use scarcity::reverses_scarcity;

/// How much of the future today already holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Share of the future's content words that today has.
    pub of_future: f64,
    /// Share of today's content words that the future has.
    pub of_today: f64,
    /// True when the future repeats today's numbers (and brings none).
    pub same_numbers: bool,
    /// True when the future says "still".
    pub still: bool,
    /// True when today measures two things or more and the future gives
    /// every one of them again, unchanged: the metrics do not move.
    pub repeats_every_measure: bool,
    /// How many things today measures.
    pub measures: usize,
}

impl Overlap {
    /// The future says today again: most of its words, and no new number.
    pub fn restates(&self) -> bool {
        // Repeating today's numbers is itself a restatement, so fewer
        // shared words are needed.
        let threshold = if self.same_numbers { 0.5 } else { 0.7 };
        // "We're still getting about 21,000 in": today's numbers, "still".
        self.of_future >= threshold
            // Most of each in the other: the future covers today and adds
            // little ("playthings and games for kids" for "toys and games
            // for children").
            || (self.of_future >= 0.6 && self.of_today >= 0.6)
            || (self.same_numbers && self.still)
            // "A loyal base: an NPS of 31 and churn of 2.1%" after "NPS 31,
            // 2.1% leave each month": other words, the same measurements.
            || (self.repeats_every_measure && self.of_future >= 0.25)
            // Three measures or more, every one given again: whatever the
            // words, the numbers say nothing moves.
            || (self.repeats_every_measure && self.measures >= 3)
    }

    /// The future is today word for word (give or take a tense or a date).
    pub fn identical(&self) -> bool {
        self.of_future >= 0.95 && self.of_today >= 0.95
    }
}

/// The overlap of `future` with `today`, or `None` when the future brings a
/// number today does not have, or either is too short to compare.
pub fn overlap(today: &Text, future: &Text) -> Option<Overlap> {
    if future.len() < 3 || today.is_empty() {
        return None;
    }
    let today_values = values(today);
    let future_values = values(future);
    let new_number = new_numbers(&measures(future), today_values)
        .into_iter()
        .any(|v| !near(future, v, today, today_values));
    if new_number {
        return None;
    }
    // "Instead of the 14 days it takes today, …", "no longer", "unlike
    // today": the future says what it replaces.
    let replaces = (0..future.len()).any(|i| {
        let (w, next) = (future.word(i), future.word(i + 1));
        (w == "instead" && next == "of")
            || (w == "rather" && next == "than")
            || (w == "no" && next == "longer")
            || w == "unlike"
            || ["replace", "replaces", "replaced", "replacing"].contains(&w)
    });
    // "GPs rarely refer people with dementia" and "people with dementia are
    // referred as routinely as people with cancer": what was scarce is not.
    if replaces || reverses_scarcity(today, future) {
        return None;
    }
    let future_words = described(future);
    // A short future that repeats today's numbers ("we check each meter once
    // every three months") says today again in fewer words.
    let least = if future_values.is_empty() { 3 } else { 2 };
    if future_words.len() < least {
        return None;
    }
    let today_words = content_senses_where(today, |_| true);
    let keys = |words: &[Sense]| {
        let mut keys: Vec<u64> = words
            .iter()
            .flat_map(|w| w.keys().collect::<Vec<_>>())
            .collect();
        keys.sort_unstable();
        keys
    };
    let (today_keys, future_keys) = (keys(&today_words), keys(&future_words));
    let today_measures = measures(today);
    let shared = |words: &[Sense], other: &[u64]| words.iter().filter(|w| w.in_set(other)).count();
    Some(Overlap {
        of_future: shared(&future_words, &today_keys) as f64 / future_words.len() as f64,
        of_today: shared(&today_words, &future_keys) as f64 / today_words.len().max(1) as f64,
        same_numbers: !future_values.is_empty(),
        still: (0..future.len()).any(|i| future.word(i) == "still"),
        repeats_every_measure: today_measures.len() >= 2
            && !adds_something(future)
            && today_measures.iter().all(|t| {
                future_values
                    .iter()
                    .any(|f| f.same_as(t) || same_amount(future, f, today, t))
            }),
        measures: today_measures.len(),
    })
}

/// The numbers of `text` that measure something: not when the future holds
/// ("in five years", "by the end of 2028"), not the unit of a rate ("19% a
/// year": the "a year"), not a label ("Line 2", "Phase 3"), and not the
/// counts inside a share ("one person in five" is one share, 20%).
fn measures(text: &Text) -> Vec<Value> {
    let all = values(text);
    let whens = super::picture::whens(text, &(0..text.len()));
    let shares: Vec<&Value> = all
        .iter()
        .filter(|s| s.unit == Unit::Percent && s.last > s.first)
        .collect();
    all.iter()
        .filter(|v| {
            let when = whens.iter().any(|w| w.contains(&v.first));
            // "a year", "each year", "annual": the unit of a rate; "once a
            // year" is a frequency of its own.
            // The unit of a rate ("2% a month", "visits each year",
            // "annual"), not a frequency of its own ("once a year").
            let word = text.word(v.first);
            let per = v.per_year.is_some()
                && word != "once"
                && (super::numbers::unit_days(word).is_some()
                    || [
                        "a", "an", "each", "per", "every", "annual", "annually", "monthly",
                        "weekly", "daily", "yearly",
                    ]
                    .contains(&word));
            // "Line 2", "Phase 3"; "NPS 60" is a score, not a label.
            let label = v.unit == Unit::Plain
                && v.first > 0
                && text.tokens[v.first - 1].has(shape::CAPITALIZED)
                && !text.tokens[v.first - 1].has(shape::ACRONYM)
                && !text.tokens[v.first - 1].has(shape::SENTENCE_START)
                && v.value < 100.0;
            let in_share = shares.iter().any(|s| {
                (s.first, s.last) != (v.first, v.last) && s.first <= v.first && v.last <= s.last
            });
            !(when || per || label || in_share)
        })
        .copied()
        .collect()
}

/// True when the future's `v` is one of today's numbers written another
/// way: within a tenth of it when either is in words or hedged ("one order
/// in seventeen" for 6%, "a little over half" for 55%), which digits
/// would state exactly.
fn near(future: &Text, v: &Value, today: &Text, today_values: &[Value]) -> bool {
    let in_words = |text: &Text, v: &Value| !text.tokens[v.first].has(shape::NUMBER) || v.approx;
    today_values
        .iter()
        .any(|t| (in_words(future, v) || in_words(today, t)) && same_amount(future, v, today, t))
}

/// Value `a` of `a_text` and `b` of `b_text` state one amount: the same
/// number in the same unit ([`close`]), one duration in minutes ("just over
/// half an hour" and "35 minutes") or one count a year ("about 60 bikes a
/// week" and "3,100 bikes a year"), the last two to a tenth (a sixth when
/// either is hedged). Minutes are read here, not as a unit of every number
/// ("a 20-minute slot" is no duration to keep).
fn same_amount(a_text: &Text, a: &Value, b_text: &Text, b: &Value) -> bool {
    let minutes = |text: &Text, v: &Value| match v.days {
        Some(days) => Some(days * 1440.0),
        None => text
            .word_in(v.last + 1, &["minute", "minutes", "mins", "min"])
            .then_some(v.value),
    };
    let tolerance = if a.approx || b.approx { 0.17 } else { 0.1 };
    let within = |x: Option<f64>, y: Option<f64>| {
        x.zip(y)
            .is_some_and(|(x, y)| (x - y).abs() <= tolerance * x.max(y))
    };
    close(a, b)
        || within(minutes(a_text, a), minutes(b_text, b))
        || within(per_year(a_text, a), per_year(b_text, b))
}

/// The count per year of `v`, a count per period ("60 bikes a week" is
/// 3,120): a period within three words after it.
fn per_year(text: &Text, v: &Value) -> Option<f64> {
    if v.days.is_some() || v.per_year.is_some() || v.unit == Unit::Percent {
        return None;
    }
    let sentence = text.tokens[v.first].sentence;
    (v.last + 1..(v.last + 4).min(text.len()))
        .take_while(|&j| text.tokens[j].sentence == sentence)
        .find(|&j| text.word_in(j, &["a", "an", "per", "each", "every"]))
        .and_then(|j| super::numbers::unit_days(text.word(j + 1)))
        .map(|days| v.value * 365.0 / days)
}

/// Within a tenth of each other, in the same unit.
fn close(a: &Value, b: &Value) -> bool {
    a.unit == b.unit && (a.value - b.value).abs() <= 0.1 * a.value.abs().max(b.value.abs())
}

/// "Our 14 stores also take orders online": the same measures, and
/// something besides them.
fn adds_something(future: &Text) -> bool {
    const ADDING: &[&str] = &[
        "also",
        "too",
        "additionally",
        "now",
        "new",
        "besides",
        "plus",
    ];
    // "thirty-five ships", "the release": a build verb after a number or a
    // determiner is a thing, not something added.
    let a_thing = |i: usize| {
        i > 0
            && (future.values().iter().any(|v| v.last == i - 1)
                || ["the", "a", "an", "our", "its", "their", "of"].contains(&future.word(i - 1)))
    };
    (0..future.len())
        .any(|i| future.word_in(i, ADDING) || (future.tokens[i].is(Kind::BuildVerb) && !a_thing(i)))
}

/// The future's content stems without praise, buzzwords and non-choices: "a
/// new, faster CRM, powered by best practice" describes the same world as
/// "the CRM" until something in it changes.
fn described(future: &Text) -> Vec<Sense> {
    const PRAISE: &[&str] = &[
        "new",
        "improved",
        "updated",
        "upgraded",
        "better",
        "modern",
        "modernised",
        "modernized",
        "fresh",
        "carefully",
        "care",
        "smart",
        "way",
    ];
    content_senses_where(future, |i| {
        let t = &future.tokens[i];
        let praise = t.is(Kind::Evaluative)
            || t.is(Kind::Judgement)
            || t.is(Kind::Comparative)
            || t.is(Kind::Intensifier)
            || t.is(Kind::Booster)
            || future.word_in(i, PRAISE);
        // "and we keep growing": carrying on, or a change verb with no new
        // number (checked before this), says nothing about what is different.
        let no_news = t.is(Kind::Continuity) || t.is(Kind::ChangeVerb);
        !praise
            && !no_news
            && !future.matches.iter().any(|m| {
                matches!(
                    m.kind,
                    Kind::Fluff
                        | Kind::NonChoice
                        | Kind::Superlative
                        | Kind::Continuity
                        | Kind::ChangeVerb
                        | Kind::StatusQuo
                        | Kind::Cosmetic
                ) && m.first <= i
                    && i <= m.last
            })
    })
}

/// Where the text says that today goes on: "keep it as it is now", "the
/// way it runs today", "continue to", with no change beside it.
/// True when "stay" at `first..=last` is people on a visit: "they are
/// staying", or people before it and a place or time after it ("a place
/// families stay in winter").
fn visiting(text: &Text, first: usize, last: usize) -> bool {
    let before = first.saturating_sub(3)..first;
    let pronoun = before.clone().any(|j| text.word_in(j, &["they", "guests"]));
    let people = before.into_iter().any(|j| text.is(j, Kind::Actor));
    pronoun || (people && text.word_in(last + 1, &["in", "at", "over", "overnight", "there"]))
}

pub fn carries_on(text: &Text, today: &Text) -> Vec<Match> {
    let leads = sentence_leads(text);
    let today_stems = content_stems(today);
    let today_values = values(today);
    let today_values = (!today.is_empty()).then_some(today_values);
    let found: Vec<Match> = text
        .matches
        .iter()
        .filter(|m| match m.kind {
            // "keep" also means "have": "we keep maps for 40 shippers" is new
            // if today has no such maps, so it must carry on what today says.
            Kind::Continuity
                if ["keep", "kept", "retain", "protect", "hold"]
                    .iter()
                    .any(|w| text.word(m.first).starts_with(w)) =>
            {
                leads.contains(&m.first)
                    && carries_today(text, m, &today_stems)
                    && !changes_beside(text, m, today_values)
            }
            // "Guests stay for the evening", "visitors stay longer": a
            // visit, not a state that goes on.
            Kind::Continuity
                if text.word(m.first).starts_with("stay") && text.word_in(m.last + 1, VISIT) =>
            {
                false
            }
            // "A place families stay in winter", "customers who say they are
            // staying": people on a visit, not a state that goes on.
            // ("Customers stay with us for years" and "suppliers stay on
            // their contracts" still say today goes on.)
            Kind::Continuity
                if text.word(m.first).starts_with("stay") && visiting(text, m.first, m.last) =>
            {
                false
            }
            // "Staying guests spend two nights": who, not what goes on.
            Kind::Continuity
                if text.word(m.first) == "staying"
                    && text.tokens[m.last + 1..]
                        .first()
                        .is_some_and(|t| t.is(Kind::Actor)) =>
            {
                false
            }
            // "No family stays in a B&B beyond six weeks": what stops.
            Kind::Continuity | Kind::Maintain
                if (text.clause_of(m.first).start..m.first)
                    .any(|j| text.word_in(j, &["no", "nobody", "none", "neither"])) =>
            {
                false
            }
            // "MCAT will continue to be …", "First-response time holds
            // steady", "the existing model … is continued": the main verb
            // after a short subject (and a modal), or a passive.
            Kind::Continuity | Kind::Maintain => {
                let sentence_start = text.sentence_of(m.first).start;
                let after_subject = m.first - sentence_start <= 4
                    && !(sentence_start..m.first).any(|j| {
                        let t = &text.tokens[j];
                        t.is(Kind::ChangeVerb) || t.is(Kind::BuildVerb) || t.is(Kind::Copula)
                    });
                let passive = m.first > 0
                    && ["is", "are", "be", "been", "was", "were"].contains(&text.word(m.first - 1));
                (leads.contains(&m.first) || after_subject || passive)
                    && !changes_beside(text, m, today_values)
            }
            // "the same letter, but it looks smarter: new logo, new typeface".
            Kind::Cosmetic => !measured_change(text, m, today_values),
            // "as is" only at the end of a clause: "as is common" is something else.
            Kind::StatusQuo if text.word(m.first) == "as" && text.word(m.last) == "is" => {
                text.tokens
                    .get(m.last + 1)
                    .is_none_or(|next| next.clause != text.tokens[m.last].clause)
                    && !changes_beside(text, m, today_values)
            }
            // "the 14-step wizard is left untouched while new users import in
            // one step": what stays is a guardrail beside the change.
            Kind::StatusQuo => !changes_beside(text, m, today_values),
            _ => false,
        })
        .copied()
        .collect();
    // After a sentence that changes something, what stays is a guardrail
    // beside the change: "Paints and packaging have been sold. Tableware
    // remains, because it sells through the same showrooms."
    let sentence = |m: &Match| text.tokens[m.first].sentence;
    let mut carrying: Vec<u16> = found.iter().map(sentence).collect();
    carrying.sort_unstable();
    carrying.dedup();
    // The first sentence, in order, with no carry-on in it.
    let first_change = text
        .tokens
        .iter()
        .map(|t| t.sentence)
        .find(|s| carrying.binary_search(s).is_err());
    found
        .into_iter()
        .filter(|m| first_change.is_none_or(|c| sentence(m) < c))
        .collect()
}

/// Words after "stay" that make it a visit: "stay for dinner", "stay
/// overnight", "stay longer".
const VISIT: &[&str] = &[
    "for",
    "overnight",
    "longer",
    "late",
    "until",
    "till",
    "behind",
];

/// True when the match's sentence also changes something: a measured
/// change, or a contrast with what changes.
fn changes_beside(text: &Text, m: &Match, today_values: Option<&[Value]>) -> bool {
    measured_change(text, m, today_values) || contrast(text, &text.sentence_of(m.first))
}

/// A change verb outside the match, or a number today does not have, in the
/// match's sentence. Alone it judges a cosmetic change, which is itself set
/// against what stays ("the same letter, but with a new logo").
fn measured_change(text: &Text, m: &Match, today_values: Option<&[Value]>) -> bool {
    let sentence = text.sentence_of(m.first);
    let verb = sentence
        .clone()
        .any(|j| (j < m.first || j > m.last) && text.tokens[j].is(Kind::ChangeVerb));
    // Without a today there is nothing to compare the numbers with.
    let new_number = today_values.is_some_and(|today_values| {
        values(text)
            .iter()
            .any(|v| sentence.contains(&v.first) && !today_values.iter().any(|t| t.same_as(v)))
    });
    verb || new_number
}

/// "The 3 call centres remain, but only for injury claims": what stays is
/// set against what changes.
fn contrast(text: &Text, sentence: &std::ops::Range<usize>) -> bool {
    sentence.clone().any(|j| {
        [
            "but", "only", "except", "instead", "while", "whereas", "however", "rather",
        ]
        .contains(&text.word(j))
    })
}

/// True when at least half of what follows the verb in its sentence is in `today`.
fn carries_today(text: &Text, m: &Match, today_stems: &[u64]) -> bool {
    let sentence = text.sentence_of(m.first);
    let rest = Text::new(&text.words(m.last + 1..sentence.end).join(" "));
    let words = content_senses_where(&rest, |_| true);
    let shared = words.iter().filter(|w| w.in_set(today_stems)).count();
    !words.is_empty() && shared * 2 >= words.len()
}

#[cfg(test)]
mod debug {
    #[test]
    fn print_overlap() {
        let Ok(pair) = std::env::var("OVERLAP") else {
            return;
        };
        let (today, future) = pair.split_once("||").unwrap_or_default();
        let (t, f) = (super::Text::new(today), super::Text::new(future));
        eprintln!("{:?}", super::overlap(&t, &f));
        eprintln!("future measures {:?}", super::measures(&f));
        eprintln!("today measures {:?}", super::measures(&t));
    }
}
