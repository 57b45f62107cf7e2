//! A growth rate per period held for the node's whole time: "subscriptions
//! grow 40% every month from January 2027 to the end of 2029", "the base is
//! 1.4 times what it was the month before". Compounded over a year, such a
//! rate is a multiple no plan reaches, though each step looks small.

use crate::lint::text::moves::multiplier;
use crate::lint::text::numbers::{counts_as_number, unit_days};
use crate::lint::text::{Kind, Text, Unit};

/// A rate of growth the text holds per period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rate {
    /// Its first and last tokens.
    pub first: usize,
    pub last: usize,
    /// The multiple per period (1.4 for "40% a month").
    pub factor: f64,
    /// The period, in days.
    pub days: f64,
}

impl Rate {
    /// The multiple the rate makes in a year.
    pub fn per_year(&self) -> f64 {
        self.factor.powf(365.0 / self.days)
    }
}

/// The period after token `i`: "a month", "every week", "each quarter",
/// "per month", "month on month", "the month before", "the previous week";
/// with the index of its last token. A decade is no compounding step a
/// plan repeats within a node; a year is, over a horizon of years.
fn period(text: &Text, i: usize) -> Option<(f64, usize)> {
    let (unit, last) = match (text.word(i), text.word(i + 1), text.word(i + 2)) {
        ("a" | "every" | "each" | "per", unit, _) => (unit, i + 1),
        ("the", "previous" | "prior" | "last", unit) => (unit, i + 2),
        // "what it was the month before", "that of the week before", not
        // "in the month before Christmas".
        ("the", unit, "before")
            if ["was", "of", "than"].contains(&text.word(i.wrapping_sub(1))) =>
        {
            (unit, i + 2)
        }
        (unit, "on", _) if text.word(i + 2) == unit => (unit, i + 2),
        (compound, _, _) if compound.ends_with("-on-month") => ("month", i),
        (compound, _, _) if compound.ends_with("-on-week") => ("week", i),
        _ => return None,
    };
    let days = unit_days(unit).filter(|d| *d <= 365.0)?;
    Some((days, last))
}

/// The compounding rates of growth in `text`: a share after a growth word
/// ("grow 40% every month", "up 25% a week"), or a multiple of the period
/// before ("1.4 times what it was the month before").
pub(super) fn rates(text: &Text) -> Vec<Rate> {
    let mut out = Vec::new();
    for v in text.values() {
        if v.unit != Unit::Percent {
            continue;
        }
        // "grow 40%", "rise by 10%", "up 25%"; "save up to 30% a month" and
        // "growth comes from referrals: 30% a month" state a level.
        let at = |n: usize| {
            v.first
                .checked_sub(n)
                .is_some_and(|j| text.is(j, Kind::Growth))
        };
        // "Grow the estate by 40% every quarter": the growth word a few
        // words before "by", in the clause, with no number between.
        let by = v.first > 1 && text.word(v.first - 1) == "by";
        let clause = text.clause_of(v.first);
        let grown = (2..=4).any(|n| {
            at(n)
                && clause.contains(&(v.first - n))
                && !(v.first - n..v.first - 1).any(|j| counts_as_number(text, j))
        });
        let grows = at(1) || (by && grown);
        if let (true, Some((days, last))) = (grows, period(text, v.last + 1)) {
            out.push(Rate {
                first: v.first,
                last,
                factor: 1.0 + v.value / 100.0,
                days,
            });
        }
    }
    for i in 0..text.len() {
        // "1.4 times", which `multiplier` leaves to growth of 2x or more.
        let times = || {
            (text.word(i + 1) == "times")
                .then(|| text.values().iter().find(|v| v.last == i).map(|v| v.value))
                .flatten()
        };
        let Some(factor) = multiplier(text, i).or_else(times).filter(|f| *f > 1.0) else {
            continue;
        };
        // "1.4 times what it was the month before": the period before,
        // within a few words of the multiple, in its clause.
        let clause = text.clause_of(i);
        // "3.8 times every year": the period right after.
        let before = (i + 1..(i + 7).min(clause.end))
            .filter(|&j| text.word(j) == "the")
            .find_map(|j| period(text, j))
            .or_else(|| {
                let next = if text.word(i + 1) == "times" {
                    i + 2
                } else {
                    i + 1
                };
                ["every", "each", "per"]
                    .contains(&text.word(next))
                    .then(|| period(text, next))
                    .flatten()
            });
        if let Some((days, last)) = before {
            out.push(Rate {
                first: i,
                last,
                factor,
                days,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn per_year(text: &str) -> Vec<u32> {
        rates(&Text::new(text))
            .iter()
            .map(|r| r.per_year().round() as u32)
            .collect()
    }

    #[test]
    fn a_rate_per_period_compounds_over_a_year() {
        assert_eq!(
            per_year("Subscriptions grow 40% every month to 2029."),
            [57]
        );
        assert_eq!(
            per_year("Each month the subscriber base is 1.4 times what it was the month before."),
            [57]
        );
        assert_eq!(per_year("Sign-ups rise 10% a week."), [144]);
        // A year is a step too, held over a vision's or an intent's years.
        assert_eq!(per_year("Revenue grows 40% a year."), [1]);
        assert_eq!(
            per_year("Multiply the network by about 3.8 times every year."),
            [4]
        );
        assert_eq!(per_year("We grow the estate by 40% every quarter."), [4]);
        assert_eq!(per_year("Revenue grows 3% month on month."), [1]);
        assert_eq!(per_year("Revenue is up 5% month-on-month."), [2]);
        assert_eq!(
            per_year("Subscribers: 1.1 times the previous quarter's."),
            [1]
        );
    }

    #[test]
    fn shares_and_rates_without_growth_are_not() {
        assert!(per_year("Churn is 3% a month.").is_empty());
        assert!(per_year("Households save up to 30% a month on their energy bills.").is_empty());
        assert!(per_year("Growth comes from referrals: 30% a month of new members.").is_empty());
        assert!(per_year("Orders double in the month before Christmas.").is_empty());
        assert!(per_year("Attendance triples the week before exams.").is_empty());
        assert!(per_year("Grow revenue 40% a decade.").is_empty());
        assert!(per_year("We double the fleet by 2029.").is_empty());
        // A number between: "by" goes with that one.
        assert!(per_year("Grow 12 sites by 40% a month.").is_empty());
        assert!(per_year("Three times the bookings we took the year before.").is_empty());
    }
}
