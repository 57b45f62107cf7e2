//! Bounds the prose sets that `today` already meets: "average occupancy is
//! at least 80%" after "occupancy averaged 81%", "no more than 5% of
//! orders late" after "3% of orders arrived late".

use crate::lint::text::numbers::{Value, values};
use crate::lint::text::{Text, content_senses_in, content_stems_in, shape};

/// How many words before a bound say what it bounds ("occupancy of no
/// less than"), and after it (its noun: "four in five runs").
const NEAR: usize = 5;
const TRAIL: usize = 3;

/// A bound the future sets and the number `today` gives for the same thing.
pub(super) struct Met {
    /// The first token of the bound's words ("at least"), of its number,
    /// and its last token, in the future.
    pub first: usize,
    pub number: usize,
    pub last: usize,
    /// Today's number, as written.
    pub today: f64,
    /// True for a floor ("at least"), false for a ceiling ("at most").
    pub floor: bool,
}

/// Every bound in the future's prose, when each one is already met by the
/// number today gives in the clause sharing most words with the bound's;
/// empty when any number in the future is not such a bound, since one that
/// moves makes the others guardrails.
pub(super) fn met_bounds(future: &Text, today: &Text) -> Vec<Met> {
    let now: Vec<&Value> = values(today).iter().filter(|v| plain(today, v)).collect();
    // Each clause of today read once, however many numbers it holds.
    let mut clauses: Vec<(usize, Vec<u64>)> = Vec::new();
    for t in &now {
        let there = today.clause_of(t.first);
        if clauses
            .last()
            .is_none_or(|(start, _)| *start != there.start)
        {
            clauses.push((there.start, content_stems_in(today, there)));
        }
    }
    let set_of = |t: &Value| {
        let start = today.clause_of(t.first).start;
        clauses
            .binary_search_by_key(&start, |(s, _)| *s)
            .map_or(&[][..], |k| clauses[k].1.as_slice())
    };
    let mut out = Vec::new();
    for v in values(future).iter().filter(|v| plain(future, v)) {
        let Some(Bound { floor, first }) = bound_before(future, v.first) else {
            return Vec::new();
        };
        // The words about the number: "occupancy of no less than four in
        // five runs", not the next aim in its clause.
        let clause = future.clause_of(v.first);
        let near = v.first.saturating_sub(NEAR).max(clause.start)..(v.last + TRAIL).min(clause.end);
        let words = content_senses_in(future, near, |i| !(v.first..=v.last).contains(&i));
        let best = now
            .iter()
            .filter(|t| t.unit == v.unit)
            .map(|t| (words.iter().filter(|w| w.in_set(set_of(t))).count(), t))
            .filter(|(shared, _)| *shared >= 1)
            .max_by_key(|(shared, t)| (*shared, std::cmp::Reverse(t.first)));
        let Some((_, t)) = best else {
            return Vec::new();
        };
        let met = if floor {
            t.value >= v.value
        } else {
            t.value <= v.value
        };
        if !met {
            return Vec::new();
        }
        out.push(Met {
            first,
            number: v.first,
            last: v.last,
            today: t.value,
            floor,
        });
    }
    out
}

/// A number that is an amount, not a year, a date or a duration.
/// "The first half of 2027" is a time.
fn plain(text: &Text, v: &Value) -> bool {
    let period = v.first > 0 && text.word_in(v.first - 1, &["first", "second", "last", "next"]);
    v.days.is_none() && v.per_year.is_none() && !text.tokens[v.first].has(shape::YEAR) && !period
}

/// A bound the words before token `i` set: a floor ("at least", "no less
/// than", "a minimum of") or a ceiling ("at most", "no more than"), with
/// the token the bound's words start at.
pub(super) struct Bound {
    pub floor: bool,
    pub first: usize,
}

/// The bound right before token `i`, if any.
pub(super) fn bound_before(text: &Text, i: usize) -> Option<Bound> {
    let before = |n: usize| i.checked_sub(n).map_or("", |j| text.word(j));
    let (floor, words) = match (before(3), before(2), before(1)) {
        ("no", "less" | "fewer", "than") => (true, 3),
        ("no", "more", "than") => (false, 3),
        (_, "at", "least") | (_, "minimum", "of") => (true, 2),
        (_, "at", "most") | (_, "maximum", "of") => (false, 2),
        (_, _, "minimum") => (true, 1),
        _ => return None,
    };
    Some(Bound {
        floor,
        first: i - words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn met(today: &str, future: &str) -> usize {
        met_bounds(&Text::new(future), &Text::new(today)).len()
    }

    #[test]
    fn bounds_today_already_meets() {
        let today = "Occupancy averaged 81%, and repeat customers made up 72% of bookings.";
        let future = "By June the deposit system is live, average occupancy is at least 80%, \
                      and repeat customers make up at least 70% of bookings.";
        assert_eq!(met(today, future), 2);
        let future = "For the first half of 2027 we aim to see occupancy of no less than four \
                      in five runs.";
        assert_eq!(met("Average occupancy was 81% of runs.", future), 1);
        assert_eq!(
            met(
                "3% of orders arrived late.",
                "No more than 5% of orders arrive late."
            ),
            1
        );
    }

    #[test]
    fn bounds_that_stretch_or_beside_a_move_are_not() {
        let today = "Occupancy averaged 81%.";
        assert_eq!(met(today, "Average occupancy is at least 90%."), 0);
        // One number moves: the floor beside it is a guardrail.
        assert_eq!(
            met(
                "Occupancy averaged 81% on 48 runs.",
                "Occupancy is at least 80% on 60 runs."
            ),
            0
        );
        // Nothing in today speaks of it.
        assert_eq!(met("We have 48 runs.", "Occupancy is at least 80%."), 0);
    }
}
