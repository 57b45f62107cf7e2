//! Capacity worked out from its parts: what the means `today` describes can
//! carry ("20 dialysis stations ... three shifts a day, Monday to Saturday"
//! is 360 sessions a week; "320 covered seats, open 11:00 to 22:00 ... a
//! seated customer stays about 50 minutes" is about 4,200 covers a day;
//! "licensed for 60 dogs at a time" is 21,900 dog-nights a year), and how
//! much of it today's load uses ("treats 112 patients, each on three
//! sessions a week"; "an average day brings 2,900 seated covers"; "we sold
//! 16,400 dog-nights last year").
//!
//! No noun says which count is the means: each count is tried, and a
//! reading holds only when today's load fills between half and all of the
//! capacity it gives. A product of unrelated numbers seldom lands there, so
//! the fit is the evidence that the parts make a capacity.

use super::numbers::{Value, duration_days, unit_days};
use super::{Text, Unit, shape};

/// The least and most share of the capacity a load may fill for the
/// reading to hold: under half, the numbers are more likely unrelated;
/// over all of it (with rounding), they are not a capacity.
const FITS: (f64, f64) = (0.5, 1.05);

/// How near its minutes a word for waiting stands.
const NEAR: usize = 8;

/// Minutes from which a use holds the means round the clock.
const LONG_USE: f64 = 240.0;

/// The most counts tried as means or load: a `today` is a paragraph, and a
/// longer one costs no more than this.
const MOST: usize = 24;

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// How much of the capacity worked out from `today`'s parts its load uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InUse {
    /// The share of the capacity the load fills, from half to all of it.
    pub share: f64,
    /// The count taken as the means ("20 dialysis stations"), or `None`
    /// when a rate counts the means itself ("9,600 riders an hour").
    pub means: Option<Value>,
    /// The load's count ("112 patients", "2,900 seated covers").
    pub load: Value,
}

/// A number of things the means serve in a period: "2,900 seated covers"
/// on "an average day", "16,400 dog-nights last year", "112 patients, each
/// on three sessions a week".
#[derive(Debug, Clone, Copy)]
struct Load {
    value: Value,
    /// The load per day of the period it is counted over.
    per_day: f64,
    /// True when it is counted over one open day ("on a summer day"), not
    /// averaged over a week or a year.
    one_day: bool,
    /// True for things counted in days or nights ("dog-nights"): the
    /// average number served at once.
    at_once: bool,
    /// The rate it is multiplied by ("each on three sessions a week"), not
    /// a rate of the means.
    rate: Option<usize>,
}

/// A rate: so many a day or an hour ("three shifts a day", "9,600 riders
/// an hour"), with the token it starts at.
#[derive(Debug, Clone, Copy)]
struct Rate {
    at: usize,
    per_day: f64,
    hourly: bool,
}

/// The parts `today` gives: counts, rates, opening hours, days and weeks.
#[derive(Debug, Default)]
struct Parts {
    counts: Vec<Value>,
    /// Counts per unit of the means ("with 70 seats each"), by sentence.
    each: Vec<(u16, f64)>,
    rates: Vec<Rate>,
    /// Counts held at once ("60 dogs at a time").
    at_once: Vec<usize>,
    /// Minutes a use lasts ("stays about 50 minutes", "a 30-minute
    /// turnaround"), summed: one turn of the means.
    turn: f64,
    hours_a_day: Option<f64>,
    hours_a_week: Option<f64>,
    days_a_week: Option<f64>,
    weeks_a_year: Option<f64>,
    loads: Vec<Load>,
}

/// The reading of `today`'s capacity whose load fills the least of it,
/// when one fits ([`FITS`]).
pub fn in_use(today: &Text) -> Option<InUse> {
    let parts = parts(today);
    if parts.loads.is_empty() {
        return None;
    }
    let means = parts.counts.iter().map(Some).chain([None]);
    let mut best: Option<InUse> = None;
    for m in means.take(MOST + 1) {
        for load in parts.loads.iter().take(MOST) {
            if m.is_some_and(|m| m.first == load.value.first) {
                continue;
            }
            let Some(capacity) = capacity(today, &parts, m, load) else {
                continue;
            };
            let share = load.per_day / capacity;
            if (FITS.0..=FITS.1).contains(&share) && best.is_none_or(|b| share < b.share) {
                best = Some(InUse {
                    share,
                    means: m.copied(),
                    load: load.value,
                });
            }
        }
    }
    best
}

/// What the means carry a day, read in the load's terms: an open day's
/// capacity for a load counted on one day, an average day's for one
/// counted over a week or a year, and how many at once for one counted in
/// days or nights.
fn capacity(text: &Text, parts: &Parts, means: Option<&Value>, load: &Load) -> Option<f64> {
    let mut units = means.map_or(1.0, |m| m.value);
    if let Some(m) = means {
        units *= parts
            .each
            .iter()
            .filter(|(sentence, _)| *sentence == text.tokens[m.first].sentence)
            .map(|(_, n)| n)
            .product::<f64>();
    }
    if load.at_once {
        let held = means.is_some_and(|m| parts.at_once.contains(&m.first));
        return held.then_some(units);
    }
    let rates: Vec<_> = parts
        .rates
        .iter()
        .filter(|r| Some(r.at) != load.rate && r.at != load.value.first)
        .collect();
    let hours = parts.hours_a_day;
    let (daily, hourly): (Vec<&Rate>, Vec<&Rate>) = rates.iter().partition(|r| !r.hourly);
    let open_day = if !daily.is_empty() {
        units * daily.iter().map(|r| r.per_day).product::<f64>()
    } else if !hourly.is_empty() {
        units * hourly.iter().map(|r| r.per_day).product::<f64>() * hours? / 24.0
    } else if parts.turn > 0.0 {
        // A use of four hours or more ("about 20 hours from drop to
        // pickup") holds the means round the clock.
        let hours = hours.or((parts.turn >= LONG_USE).then_some(24.0))?;
        units * hours * 60.0 / parts.turn
    } else {
        return None;
    };
    // A rate with its own count ("9,600 riders an hour") needs no means,
    // and no means serves nothing by itself.
    if means.is_none() && daily.is_empty() && hourly.is_empty() {
        return None;
    }
    if load.one_day {
        return Some(open_day);
    }
    let days = parts.days_a_week.unwrap_or(7.0) / 7.0;
    let weeks = parts.weeks_a_year.map_or(1.0, |w| w / 52.0);
    Some(open_day * days * weeks)
}

fn parts(text: &Text) -> Parts {
    let mut parts = Parts::default();
    let word = |i: usize| text.word(i);
    for v in text.values() {
        let plain = v.unit == Unit::Plain
            && v.value > 0.0
            && !text.tokens[v.first].has(shape::YEAR)
            && !in_clock(text, v.first);
        if !plain || v.per_year.is_some() && v.days.is_none() && !is_rate(text, v) {
            continue;
        }
        let next = word(v.last + 1);
        if let Some(minutes) = minutes(text, v) {
            // "10 hours a day", "8-hour clinic days".
            let rate_after = ["a", "per", "each"].contains(&word(v.last + 2))
                && unit_days(word(v.last + 3)) == Some(1.0)
                || word(v.last).contains('-')
                    && (v.last + 1..v.last + 3)
                        .any(|j| ["day", "days", "shift", "shifts"].contains(&word(j)));
            let a_week = ["a", "per"].contains(&word(v.last + 2)) && word(v.last + 3) == "week";
            if a_week && minutes >= 60.0 {
                parts.hours_a_week = Some(minutes / 60.0);
            } else if rate_after && minutes >= 60.0 {
                parts.hours_a_day = Some(minutes / 60.0);
            } else if !rate_after && minutes <= 48.0 * 60.0 && !waiting(text, v.first) {
                parts.turn += minutes;
            }
            continue;
        }
        if next == "days" && word(v.last + 3) == "week" {
            parts.days_a_week = Some(v.value.min(7.0));
            continue;
        }
        // "46 weeks a year", "46 working weeks".
        if next == "weeks" && word(v.last + 3) == "year"
            || next == "working" && word(v.last + 2) == "weeks"
        {
            let closed = (v.first.saturating_sub(4)..v.first)
                .any(|j| word(j).starts_with("close") || word(j) == "shut");
            parts.weeks_a_year = Some(if closed { 52.0 - v.value } else { v.value });
            continue;
        }
        if let Some(rate) = rate(text, v) {
            parts.rates.push(rate);
            if let Some(load) = load(text, v) {
                parts.loads.push(load);
            }
            continue;
        }
        if v.days.is_some() {
            continue;
        }
        if let Some(load) = load(text, v) {
            parts.loads.push(load);
        }
        // "with 70 seats each", "averaging 80 doors"; not "112 patients,
        // each on three sessions".
        let clause = text.clause_of(v.first);
        let each = (v.last + 2..v.last + 4).any(|j| word(j) == "each" && clause.contains(&j));
        let averaging = v.first > 0 && word(v.first - 1) == "averaging";
        if each || averaging {
            parts.each.push((text.tokens[v.first].sentence, v.value));
            continue;
        }
        let held = (v.last + 2..v.last + 4)
            .any(|j| word(j) == "at" && ["a", "once", "any"].contains(&word(j + 1)));
        if held {
            parts.at_once.push(v.first);
        }
        parts.counts.push(*v);
    }
    week_days(text, &mut parts);
    parts.hours_a_day = parts.hours_a_day.or_else(|| opening_hours(text));
    // "36 hours a week": so many on each day it opens.
    let days = parts.days_a_week.unwrap_or(7.0);
    parts.hours_a_day = parts.hours_a_day.or(parts.hours_a_week.map(|h| h / days));
    parts
}

/// Token `i` as the start of a clock time, its hour of the day and its
/// last token: "11:00" and "8:30", with two-digit minutes written across a
/// colon, or "11am", "10pm".
fn clock(text: &Text, i: usize) -> Option<(f64, usize)> {
    let word = text.word(i);
    if let Some((digits, pm)) = word
        .strip_suffix("am")
        .map(|d| (d, false))
        .or_else(|| word.strip_suffix("pm").map(|d| (d, true)))
    {
        let hour: f64 = digits.parse().ok().filter(|h| (1.0..=12.0).contains(h))?;
        let hour = if hour == 12.0 { 0.0 } else { hour };
        return Some((if pm { hour + 12.0 } else { hour }, i));
    }
    let (a, b) = (text.tokens.get(i)?, text.tokens.get(i + 1)?);
    // Only a colon, semicolon or dash between them, with no space.
    let joined = b.start == a.end + 1 && b.shape & shape::AFTER_BREAK != 0;
    let hour: f64 = word.parse().ok()?;
    let minute: f64 = text.word(i + 1).parse().ok()?;
    (joined && text.word(i + 1).len() == 2 && hour < 24.0 && minute < 60.0)
        .then_some((hour + minute / 60.0, i + 1))
}

/// True when token `i` is part of a clock time.
fn in_clock(text: &Text, i: usize) -> bool {
    clock(text, i).is_some() || (i > 0 && clock(text, i - 1).is_some_and(|(_, last)| last == i))
}

/// Hours a day from a span of clock times: "open 11:00 to 22:00",
/// "between 06:00 and 22:00", "8:30 to 16:00".
fn opening_hours(text: &Text) -> Option<f64> {
    (0..text.len()).find_map(|i| {
        let (from, last) = clock(text, i)?;
        let joins = ["to", "and", "until", "till", "-", "–"].contains(&text.word(last + 1));
        let (to, _) = clock(text, last + 2).filter(|_| joins)?;
        (to > from).then_some(to - from)
    })
}

/// Days open a week from a span of weekdays ("Monday to Saturday") or
/// "weekdays".
fn week_days(text: &Text, parts: &mut Parts) {
    if parts.days_a_week.is_some() {
        return;
    }
    let day = |i: usize| WEEKDAYS.iter().position(|d| *d == text.word(i));
    parts.days_a_week = (0..text.len()).find_map(|i| {
        let from = day(i)?;
        let joins = ["to", "through", "-", "–"].contains(&text.word(i + 1));
        let to = day(i + 2).filter(|_| joins)?;
        (to > from).then(|| (to - from + 1) as f64)
    });
}

/// The minutes a number of minutes or hours lasts: "50 minutes", "a
/// 30-minute turnaround", "two hours".
fn minutes(text: &Text, v: &Value) -> Option<f64> {
    // A minute or an hour: a use is not counted in seconds or in days.
    let in_minutes = |w: &str| {
        duration_days(w)
            .map(|days| days * 1_440.0)
            .filter(|m| (1.0..=60.0).contains(m))
    };
    let word = text.word(v.last);
    let compound = word.split_once('-').and_then(|(_, unit)| in_minutes(unit));
    let after = in_minutes(text.word(v.last + 1));
    Some(v.value * compound.or(after)?)
}

/// True when the minutes at `i` are a wait, not a use: "people wait 20
/// minutes for a table".
fn waiting(text: &Text, i: usize) -> bool {
    let clause = text.clause_of(i);
    (i.saturating_sub(NEAR).max(clause.start)..clause.end.min(i + NEAR))
        .any(|j| ["wait", "waits", "waited", "waiting", "queue", "queues"].contains(&text.word(j)))
}

/// True when `v` is a count of times in a period ("1.2 times a day").
fn is_rate(text: &Text, v: &Value) -> bool {
    ["times", "time"].contains(&text.word(v.last + 1))
}

/// A count so many a day or an hour: "three shifts a day", "13 treatment
/// slots a day", "turns about 1.2 times a day", "9,600 riders an hour".
fn rate(text: &Text, v: &Value) -> Option<Rate> {
    let word = |i: usize| text.word(i);
    // A noun between: "eleven a day" counts nothing named.
    let per = (v.last + 2..v.last + 5)
        .take_while(|&j| {
            text.tokens
                .get(j)
                .is_some_and(|t| t.clause == text.tokens[v.first].clause)
        })
        .find(|&j| ["a", "an", "per", "each", "every"].contains(&word(j)))?;
    let days = unit_days(word(per + 1)).filter(|d| *d <= 1.0)?;
    Some(Rate {
        at: v.first,
        per_day: v.value / days,
        hourly: days < 1.0,
    })
}

/// Words before a count that say it was counted over one day ("an average
/// day brings 2,900", "on the busiest day ... we handled 370,000") or a
/// year ("last year we sold").
const SPAN_BEFORE: usize = 8;

/// `v` as a load: a count with its period in its clause after it ("a day",
/// "last year", "in 2026", "each on three sessions a week") or in its
/// sentence before it ("an average day brings 2,900").
fn load(text: &Text, v: &Value) -> Option<Load> {
    let word = |i: usize| text.word(i);
    let clause = text.clause_of(v.first);
    let noun = word(v.last + 1);
    let at_once = ["-nights", "-days", "-night", "-day"]
        .iter()
        .any(|s| noun.ends_with(s));
    let mut load = Load {
        value: *v,
        per_day: v.value,
        one_day: false,
        at_once,
        rate: None,
    };
    let after = v.last + 1..clause.end.min(v.last + 7);
    // "112 patients, each on three sessions a week".
    let sentence = text.sentence_of(v.first);
    if let Some(each) = (v.last + 1..sentence.end.min(v.last + 4)).find(|&j| word(j) == "each") {
        let values = text.values();
        let from = values.partition_point(|r| r.first <= each);
        let times = values[from..]
            .iter()
            .take_while(|r| r.first <= each + 3)
            .find_map(|r| Some((r, rate(text, r).or_else(|| weekly(text, r))?)));
        if let Some((r, rate)) = times {
            load.per_day *= rate.per_day;
            load.rate = Some(r.first);
            return Some(load);
        }
    }
    for j in after {
        let period = match (word(j), word(j + 1)) {
            ("a" | "an" | "per" | "each" | "every", unit) => unit_days(unit),
            ("last" | "this", "year") => Some(365.0),
            ("in", _) if text.tokens.get(j + 1).is_some_and(|t| t.has(shape::YEAR)) => Some(365.0),
            ("annually" | "yearly", _) => Some(365.0),
            ("daily", _) => Some(1.0),
            _ => None,
        };
        if let Some(days) = period.filter(|d| *d >= 1.0) {
            load.per_day = v.value / days;
            load.one_day = days == 1.0;
            return Some(load);
        }
    }
    let before = sentence.start.max(v.first.saturating_sub(SPAN_BEFORE))..v.first;
    for j in before {
        if word(j) == "day" && j > 0 && !["a", "per", "each"].contains(&word(j - 1)) {
            load.one_day = true;
            return Some(load);
        }
        if word(j) == "year" && ["last", "this"].contains(&word(j.saturating_sub(1))) {
            load.per_day = v.value / 365.0;
            return Some(load);
        }
    }
    None
}

/// "three sessions a week", "three times weekly" as a rate a day, for a
/// load's multiplier.
fn weekly(text: &Text, v: &Value) -> Option<Rate> {
    let word = |j: usize| text.word(j);
    let days = (v.last + 1..v.last + 4).find_map(|j| match word(j) {
        "a" | "per" | "every" => unit_days(word(j + 1)),
        "weekly" => Some(7.0),
        "monthly" => Some(365.0 / 12.0),
        _ => None,
    });
    let days = days.filter(|d| *d > 1.0 && *d <= 31.0)?;
    Some(Rate {
        at: v.first,
        per_day: v.value / days,
        hourly: false,
    })
}

#[cfg(test)]
mod tests;
