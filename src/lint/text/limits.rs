//! The limits a `today` states: a number a licence, a market or a capacity
//! caps ("the licence allows no more than 80 events a year", "the six
//! counties contain about 900,000 premises", "1,200 seats in total"). A
//! target past such a limit is out of reach until the limit moves.

use super::numbers::values;
use super::{Kind, Text, Unit};

/// A limit `today` states: its value and the token it starts at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limit {
    /// The number the limit caps at.
    pub value: f64,
    /// The token its number starts at.
    pub at: usize,
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
    let words: Vec<_> = today.matches_of(Kind::Limit).collect();
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
        let capped = words.iter().any(|w| {
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
        if capped {
            out.push(Limit {
                value: v.value,
                at: v.first,
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
        assert!(read("We run up to 3 vans, and 400 customers use them.") == vec![3.0]);
    }
}
