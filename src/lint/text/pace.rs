//! What a `today` says about pace: the trend it states ("grown 31%, 29% and
//! 30% in the last three years", "adding about 30 clients a year") and the
//! lead times it names ("the licence process takes 12 to 18 months", "it
//! takes three years to train an apprentice"). Rules hold a target against
//! them: a target the trend reaches anyway asks for no stretch, and one due
//! before a lead time it depends on has run out of time.

use super::dates::MILLENNIUM;
use super::numbers::{Value, duration_days, metric_unit, unit_days, values};
use super::{Kind, Text, Unit, parse_quantity};
use crate::model::Metric;

/// A trend today states, per year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trend {
    /// Growth in percent a year: "grown 30% a year", "up 31%, 29% and 30%".
    Percent(f64),
    /// Growth in units a year: "added about 30 clients a year".
    Count(f64),
    /// Growth of a share in percentage points a year: "up about two points
    /// a year", "lifted by roughly two percentage points every year".
    Points(f64),
}

/// Words that make a rate yearly: "a year", "annually".
const YEARLY: &[&str] = &["year", "annually", "yearly", "annual", "year-on-year"];

/// "a year", "per year", "each year", "annually": not "in ten years".
fn per(text: &Text, j: usize) -> bool {
    text.word(j) != "year"
        || ["a", "per", "each", "every", "on"].contains(&text.word(j.wrapping_sub(1)))
}

/// A trend and where `today` states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    /// The growth a year.
    pub trend: Trend,
    /// The token its first number starts at.
    pub at: usize,
}

impl Stated {
    /// True when `name` (a metric's) shares a word with the sentence that
    /// states the trend, so a trend in clients is not held against a
    /// satisfaction score.
    pub fn is_about(&self, today: &Text, name: &Text) -> bool {
        today.shares_content(today.sentence_of(self.at), name)
    }
}

/// The growth `today` states, and where: the mean of the growth
/// rates in percent in a sentence that says they are growth, or a count
/// added each year.
pub fn stated(today: &Text) -> Option<Stated> {
    let numbers = values(today);
    // "having grown 31%", "30% online growth": a growth word in the
    // sentence, before the number or just after it.
    let grows = |v: &Value| {
        let sentence = today.sentence_of(v.first);
        (sentence.start..(v.last + 4).min(sentence.end)).any(|j| today.is(j, Kind::Growth))
    };
    let rates: Vec<&Value> = numbers
        .iter()
        .filter(|v| v.unit == Unit::Percent && v.first == v.last && grows(v))
        // "31% of sales" is a share, not a rate.
        .filter(|v| today.word(v.last + 1) != "of")
        .collect();
    // A rate a year: a series of them ("31%, 29% and 30% in the last three
    // years") or one said to be yearly; "up two-thirds in ten years" is not.
    let yearly = |v: &&&Value| {
        let sentence = today.sentence_of(v.first);
        let series = rates
            .iter()
            .filter(|r| today.tokens[r.first].sentence == today.tokens[v.first].sentence)
            .count()
            >= 2;
        // "three straight years of 30% growth": the same rate each year.
        let running = sentence
            .clone()
            .any(|j| ["straight", "consecutive", "running"].contains(&today.word(j)));
        series
            || running
            || sentence
                .clone()
                .any(|j| YEARLY.contains(&today.word(j)) && per(today, j))
    };
    // One series: the first sentence's rates, not an average of members'
    // and revenue's.
    let yearly: Vec<&&Value> = rates.iter().filter(yearly).collect();
    if let Some(first) = yearly.first() {
        // The series runs until a semicolon, a colon or the sentence's end.
        let sentence = today.sentence_of(first.first);
        let end = (first.first + 1..sentence.end)
            .find(|&j| today.tokens[j].has(super::shape::AFTER_BREAK))
            .unwrap_or(sentence.end);
        let series: Vec<f64> = yearly
            .iter()
            .filter(|v| (first.first..end).contains(&v.first))
            .map(|v| v.value)
            .collect();
        return Some(Stated {
            trend: Trend::Percent(series.iter().sum::<f64>() / series.len() as f64),
            at: first.first,
        });
    }
    // "grown by about 30 clients a year": a count, then "a year" in its clause.
    numbers.iter().find_map(|v| {
        let yearly = (v.last + 1..(v.last + 5).min(today.len())).any(|j| {
            today.tokens[j].clause == today.tokens[v.last].clause
                && ["year", "annually", "yearly"].contains(&today.word(j))
        });
        if v.unit != Unit::Plain || v.days.is_some() || !yearly || !grows(v) {
            return None;
        }
        let points = (v.last + 1..(v.last + 3).min(today.len()))
            .any(|j| ["points", "point", "pts", "pp"].contains(&today.word(j)));
        Some(Stated {
            trend: if points {
                Trend::Points(v.value)
            } else {
                Trend::Count(v.value)
            },
            at: v.first,
        })
    })
}

/// The shortest lead time `today` names, in months: a duration in a clause
/// that says something takes that long ("a new connection takes the network
/// operator 18 to 24 months" is 18, "three years to train an apprentice"
/// 36).
pub fn lead_time(today: &Text) -> Option<f64> {
    let numbers = values(today);
    let leads = |i: usize| today.clause_of(i).any(|j| today.is(j, Kind::LeadTime));
    let written = numbers.iter().enumerate().filter_map(|(k, v)| {
        let days = v.days?;
        if !leads(v.first) {
            return None;
        }
        // "18 to 24 months": the range starts at 18 of the same unit, the
        // number just before (values are in the text's order).
        let per_unit = days / v.value.max(f64::MIN_POSITIVE);
        let from = k
            .checked_sub(1)
            .map(|before| &numbers[before])
            .filter(|u| {
                u.last + 2 == v.first
                    && ["to", "or"].contains(&today.word(u.last + 1))
                    && u.days.is_none()
            })
            .map_or(days, |u| u.value * per_unit);
        Some(from.min(days))
    });
    // "18-24 months", one word for the range.
    let ranges = (0..today.len()).filter_map(|i| {
        let (low, high) = today.word(i).split_once('-')?;
        let (low, high) = (low.parse::<f64>().ok()?, high.parse::<f64>().ok()?);
        let unit = unit_days(today.word(i + 1))?;
        (low < high && leads(i)).then_some(low * unit)
    });
    // A duration no one means ("two hundred hundred years") is no lead time.
    written
        .chain(ranges)
        .filter(|days| days.is_finite())
        .map(|days| (days / (365.0 / 12.0)).min(MILLENNIUM))
        .reduce(f64::min)
}

/// A metric that counts a duration, its baseline and target in months:
/// a value in a unit of time ("14 weeks", "48 hours"), or a number in a
/// name that counts one ("months to first batch", not "complaints per
/// month").
pub fn duration_months(m: &Metric) -> Option<(f64, f64)> {
    let name = Text::new(&m.name);
    let named = (0..name.len()).find_map(|i| {
        let rate = i > 0 && ["per", "a", "each", "every"].contains(&name.word(i - 1));
        duration_days(name.word(i)).filter(|_| !rate)
    });
    // "20%" of orders "delivered the same day" is a share, not days.
    let months = |value: Option<&str>| {
        let value = value?;
        let (n, unit) = parse_quantity(value)?;
        if unit != Unit::Plain {
            return None;
        }
        let unit = metric_unit(value).and_then(duration_days).or(named)?;
        Some(n * unit / (365.0 / 12.0))
    };
    Some((months(m.baseline.as_deref())?, months(m.target.as_deref())?))
}

/// "Takes 14 months" in `today` and a metric of the step's own length from
/// 14 down: how many times shorter it gets, and how many months it is left
/// at.
pub fn cut(m: &Metric, lead: f64) -> Option<(f64, f64)> {
    let (b, t) = duration_months(m)?;
    (t > 0.0 && t < b && (b - lead).abs() <= 0.05 * lead).then(|| (b / t, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trend(today: &Text) -> Option<Trend> {
        stated(today).map(|s| s.trend)
    }

    fn trend_is_about(today: &Text, name: &Text) -> bool {
        stated(today).is_some_and(|s| s.is_about(today, name))
    }

    fn trend_of(text: &str) -> Option<Trend> {
        trend(&Text::new(text))
    }

    #[test]
    fn trends_are_growth_a_year() {
        assert_eq!(
            trend_of(
                "Online sales reached £1.2m, having grown 31%, 29% and 30% in the last three years."
            ),
            Some(Trend::Percent(30.0))
        );
        assert_eq!(
            trend_of(
                "The bureau runs payroll for 410 clients and has grown by about 30 clients a year."
            ),
            Some(Trend::Count(30.0))
        );
        assert_eq!(
            trend_of(
                "Three straight years of roughly 30% online growth took the web shop to £1.2m."
            ),
            Some(Trend::Percent(30.0))
        );
        assert_eq!(trend_of("31% of sales come through the app."), None);
        assert_eq!(
            trend_of("Members grew 4% a year; revenue grew 40% a year."),
            Some(Trend::Percent(4.0))
        );
        let today = Text::new("The bureau has grown by about 30 clients a year.");
        assert!(trend_is_about(&today, &Text::new("Payroll clients")));
        assert!(!trend_is_about(&today, &Text::new("Satisfaction score")));
        // The sentence that states the trend, not the first with a share.
        let today = Text::new(
            "Margin is 2% and delays are long. Sales grew 31%, 29% and 30% in the last three years.",
        );
        assert!(trend_is_about(&today, &Text::new("Online sales")));
        assert!(!trend_is_about(&today, &Text::new("Delays")));
        assert_eq!(
            trend_of("Our own earnings, up two-thirds in ten years, are £31.8 million."),
            None
        );
        assert_eq!(
            trend_of("Sales grow about 4% a year."),
            Some(Trend::Percent(4.0))
        );
        assert_eq!(trend_of("We run 14 stores."), None);
    }

    #[test]
    fn lead_times_are_how_long_something_takes() {
        let months = |t: &str| lead_time(&Text::new(t)).map(f64::round);
        assert_eq!(
            months(
                "The depots have no spare grid capacity, and a new connection takes the network operator 18 to 24 months."
            ),
            Some(18.0)
        );
        assert_eq!(
            months("It takes three years to train an apprentice to a full card."),
            Some(36.0)
        );
        assert_eq!(months("Customers wait 3 days for a quote."), None);
        assert_eq!(
            months("No spare depot grid capacity; connection lead time 18-24 months."),
            Some(18.0)
        );
        assert_eq!(
            months("The network operator has quoted 20 months to upgrade the connection."),
            Some(20.0)
        );
    }
}
