//! The limits a `today` states: a number a licence or a capacity caps ("the
//! licence allows no more than 80 events a year", `lexicon/limit.txt`), or
//! the whole of something ("the six counties contain about 900,000
//! premises", "1,200 seats in total", `lexicon/total.txt`). A target past
//! such a limit is out of reach until the limit moves.

use super::numbers::{ROUGHLY, values};
use super::{Kind, Match, Text, Unit};

/// A limit `today` states: its value and the token it starts at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// The number the limit caps at.
    pub value: f64,
    /// The token its number starts at.
    pub at: usize,
    /// The token its number ends at.
    pub last: usize,
    /// True for a whole ("in total") rather than a cap ("no more than").
    pub whole: bool,
    /// True for the whole of a place's people or things ("a town of about
    /// 96,000 people"): a stock, which bounds no count a year.
    pub of_place: bool,
}

impl Limit {
    /// True when the limit can bound a metric named `name`: a cap bounds
    /// whatever the node counts; a whole only what shares a word with the
    /// sentence that states it ("premises passed" and "900k premises in
    /// total"), since "a total of 40 stores" says nothing of subscribers.
    pub fn bounds(&self, today: &Text, name: &Text) -> bool {
        // "Villagers borrowing in a year" counts people, whom the place
        // holds however long the count runs; "loans a year", things done.
        let people = name.tokens.iter().any(|t| t.is(Kind::Actor))
            && !name.tokens.iter().any(|t| t.is(Kind::Occasion));
        let flow = self.of_place && !people && (0..name.len()).any(|i| name.word_in(i, PER));
        !self.whole || (!flow && today.shares_content(today.sentence_of(self.at), name))
    }
}

/// Words that make a metric a count per period ("visits a year", "rounds
/// per month"), which a place's stock of people does not bound.
const PER: &[&str] = &[
    "per", "year", "yearly", "annual", "annually", "month", "monthly", "week", "weekly", "day",
    "daily", "each", "every",
];

/// How many words before a count its subject may take ("the area our
/// sites serve has").
const SUBJECT: usize = 10;

/// Verbs whose subject, a place, holds the count after them ("the area we
/// serve has about 620,000 cars").
const HOLDS: &[&str] = &[
    "has", "have", "had", "contains", "contain", "holds", "hold", "houses", "house", "counts",
    "numbers",
];

/// How far from its number a limit word may stand: right before it or one
/// word off ("no more than 80", "contain about 900,000", "ceiling: 80")...
const LEADS: usize = 2;

/// ...and after it, past its noun ("1,200 seats in total").
const TRAILS: usize = 3;

/// Counts in `today` that a limit word caps: the number right after a
/// leading word in its sentence, with no other number between ("no more
/// than 80", "ceiling: 80"), or a number whose noun "in total" or "in all"
/// follows in its clause. Shares, money and durations are not counts of
/// things.
pub fn limits(today: &Text) -> Vec<Limit> {
    let words: Vec<_> = today
        .matches
        .iter()
        .filter(|m| matches!(m.kind, Kind::Limit | Kind::Total))
        .collect();
    let places = today.tokens.iter().any(|t| t.is(Kind::Place));
    if words.is_empty() && !places {
        return Vec::new();
    }
    let numbers = values(today);
    let trailing = |w: &Match| ["in", "altogether"].contains(&today.word(w.first));
    // "468 seats and 40 beds": a leading word right after a number (not a
    // year) is that number's noun, not a cap on the one after.
    let mut after_number = vec![false; today.len() + 1];
    for n in numbers {
        if !today.tokens[n.first].has(super::shape::YEAR)
            && let Some(slot) = after_number.get_mut(n.last + 1)
        {
            *slot = true;
        }
    }
    let words: Vec<&Match> = words
        .into_iter()
        .filter(|w| trailing(w) || !after_number.get(w.first).copied().unwrap_or(false))
        .collect();
    // Matches are in text order, so each number looks only at the words
    // that can stand near it: a long `today` costs the same per number.
    let longest = words.iter().map(|w| w.last - w.first).max().unwrap_or(0);
    let mut out = Vec::new();
    for (k, v) in numbers.iter().enumerate() {
        let count = v.unit == Unit::Plain
            && v.days.is_none()
            && v.per_year.is_none()
            && !today.tokens[v.first].has(super::shape::YEAR);
        if !count {
            continue;
        }
        let previous_end = k.checked_sub(1).map(|p| numbers[p].last);
        let token = &today.tokens[v.first];
        let from = words.partition_point(|w| w.first + LEADS + longest < v.first);
        let to = words.partition_point(|w| w.first <= v.last + TRAILS);
        let capping = words[from..to.max(from)].iter().find(|w| {
            if trailing(w) {
                today.tokens[w.first].clause == token.clause
                    && w.first > v.last
                    && w.first - v.last <= TRAILS
            } else {
                today.tokens[w.last].sentence == token.sentence
                    && w.last < v.first
                    && v.first - w.last <= LEADS
                    && previous_end.is_none_or(|p| p < w.last)
            }
        });
        let chained = out
            .last()
            .is_some_and(|l: &Limit| l.of_place && today.tokens[l.at].clause == token.clause);
        let of_place = capping.is_none() && places && of_a_place(today, v.first, v.last, chained);
        if capping.is_some() || of_place {
            out.push(Limit {
                value: v.value,
                at: v.first,
                last: v.last,
                whole: of_place || capping.is_some_and(|w| w.kind == Kind::Total),
                of_place,
            });
        }
    }
    out
}

/// True when the count at tokens `first..=last` is the whole of a place's
/// people or things: "a town of about 96,000 people", "the area our sites
/// serve has about 620,000 cars", "620 thousand cars are registered in the
/// towns we serve", "there are 41,000 households in the town", or, after
/// such a whole in its clause (`chained`), "in roughly 41,000 households".
fn of_a_place(today: &Text, first: usize, last: usize, chained: bool) -> bool {
    let clause = today.clause_of(first);
    let mut p = first;
    while p > clause.start && today.word_in(p - 1, ROUGHLY) {
        p -= 1;
    }
    let place = |i: usize| today.tokens[i].is(Kind::Place);
    let place_after = |from: usize| {
        (from..clause.end.min(from + 8)).any(|i| {
            today.word_in(i, &["in", "across", "within"])
                && (i + 1..clause.end.min(i + 4)).any(place)
        })
    };
    let person = |i: usize| today.word_in(i, &["we", "us", "they", "i"]);
    // The words before the count, up to a subject's length: a long clause
    // is read in windows, so its counts cost the same each.
    let start = clause.start.max(p.saturating_sub(SUBJECT));
    let ours = (start..p).any(|i| person(i) || today.word(i) == "our");
    let Some(before) = p.checked_sub(1).filter(|b| *b >= clause.start) else {
        return counted_in(today, last, clause.end, &place_after);
    };
    match today.word(before) {
        "of" => before > clause.start && place(before - 1),
        "in" => chained,
        "are" if before > clause.start && today.word(before - 1) == "there" => place_after(last),
        "to" if before > clause.start && today.word(before - 1) == "home" => {
            (start..before).any(place)
        }
        // The place is the subject: no person between ("in the county we
        // have 300 members" is ours, not the county's).
        w if HOLDS.contains(&w) => (start..before).any(place) && !(start..before).any(person),
        _ => !ours && counted_in(today, last, clause.end, &place_after),
    }
}

/// "620 thousand cars are registered in the towns we serve": a count that
/// is, lives or is registered in a place.
fn counted_in(today: &Text, last: usize, end: usize, place_after: &dyn Fn(usize) -> bool) -> bool {
    let verb =
        (last + 1..end.min(last + 5)).find(|&i| today.word_in(i, &["are", "is", "live", "were"]));
    verb.is_some_and(|v| {
        let next = v + 1;
        let at = if today.word_in(next, &["registered", "living", "resident"]) {
            next + 1
        } else {
            next
        };
        today.word_in(at, &["in", "across", "within"]) && place_after(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(today: &str) -> Vec<f64> {
        limits(&Text::new(today)).iter().map(|l| l.value).collect()
    }

    #[test]
    fn caps_markets_and_totals_are_limits() {
        assert_eq!(
            read("Our premises licence allows no more than 80 licensable events a year."),
            vec![80.0]
        );
        assert_eq!(
            read("The six counties we serve contain about 900,000 homes and businesses."),
            vec![900_000.0]
        );
        assert_eq!(
            read("The arena seats 12,000 people in total."),
            vec![12_000.0]
        );
        // A room that seats or sleeps so many caps what it holds at once.
        assert_eq!(
            read("Every player needs a seat, and the main hall seats 600; we averaged 468."),
            vec![600.0]
        );
        assert_eq!(read("We sold 468 seats and 40 beds."), Vec::<f64>::new());
        assert_eq!(
            read("We sold four hundred seats and forty beds."),
            Vec::<f64>::new()
        );
        assert_eq!(read("In 2024 capacity of 400 was reached."), vec![400.0]);
    }

    #[test]
    fn a_place_holds_its_people_and_things() {
        assert_eq!(
            read(
                "Dunmore, a town of about 96,000 people in roughly 41,000 households, has no rival."
            ),
            vec![96_000.0, 41_000.0]
        );
        assert_eq!(
            read(
                "The club has 41,000 members, and the area our sites serve has about 620,000 cars."
            ),
            vec![620_000.0]
        );
        assert_eq!(
            read("About 620 thousand cars are registered in the towns we serve."),
            vec![620_000.0]
        );
        assert_eq!(
            read("There are 140,000 households in the county."),
            vec![140_000.0]
        );
        assert_eq!(
            read("Our 41 route villages hold around 9,000 people."),
            vec![9_000.0]
        );
    }

    #[test]
    fn what_we_have_in_a_place_is_not_its_whole() {
        assert!(read("We run 4,000 parcel lockers in Poland's secondary cities.").is_empty());
        assert!(read("In the county we have 300 members.").is_empty());
        assert!(read("We opened 12 stores in the region last year.").is_empty());
        assert!(read("Our 30 vans are based in the city.").is_empty());
    }

    #[test]
    fn a_place_bounds_no_count_of_things_a_year() {
        let today = Text::new("The town has 41,000 households.");
        let whole = limits(&today)[0];
        assert!(whole.bounds(&today, &Text::new("households holding a pass")));
        assert!(!whole.bounds(&today, &Text::new("household visits per year")));
        // People counted over a year are still the town's people.
        assert!(whole.bounds(&today, &Text::new("households borrowing in a year")));
    }

    #[test]
    fn plain_counts_shares_and_years_are_not() {
        assert!(read("We hosted 64 weddings this year.").is_empty());
        assert!(read("Tunnels run at up to 95% of capacity.").is_empty());
        assert!(read("We have served at most a handful since 2021.").is_empty());
        assert!(read("Revenue was capped at £4m.").is_empty());
        assert!(read("Capacity is tight and most mornings 33 trucks wait.").is_empty());
        assert!(read("Our containers hold 40 pallets each.").is_empty());
        assert!(read("We hire up to 12 seasonal staff.").is_empty());
        assert!(read("We run no more than 3 vans, and 400 customers use them.") == vec![3.0]);
    }
}
