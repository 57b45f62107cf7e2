//! The limits a `today` states: a number a licence or a capacity caps ("the
//! licence allows no more than 80 events a year", `lexicon/limit.txt`), or
//! the whole of something ("the six counties contain about 900,000
//! premises", "1,200 seats in total", `lexicon/total.txt`). A target past
//! such a limit is out of reach until the limit moves.

use super::numbers::values;
use super::{Kind, Text, Unit};

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
}

impl Limit {
    /// True when the limit can bound a metric named `name`: a cap bounds
    /// whatever the node counts; a whole only what shares a word with the
    /// sentence that states it ("premises passed" and "900k premises in
    /// total"), since "a total of 40 stores" says nothing of subscribers.
    pub fn bounds(&self, today: &Text, name: &Text) -> bool {
        !self.whole || today.shares_content(today.sentence_of(self.at), name)
    }
}

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
    if words.is_empty() {
        return Vec::new();
    }
    let numbers = values(today);
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
        let capping = words.iter().find(|w| {
            let trailing = ["in", "altogether"].contains(&today.word(w.first));
            if trailing {
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
        if let Some(w) = capping {
            out.push(Limit {
                value: v.value,
                at: v.first,
                last: v.last,
                whole: w.kind == Kind::Total,
            });
        }
    }
    out
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
