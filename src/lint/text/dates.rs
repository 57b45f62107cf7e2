//! Deadlines written in prose, as months from `as_of`: "within six weeks",
//! "by the end of March", "before the Christmas break", "over the coming
//! decade", "by 2040". Rules compare them with the level's horizon window
//! and the node's own `horizon`, which prose often contradicts.

use super::calendar::{MONTHS, named_time};
use super::numbers::{Value, values};
use super::{Kind, Text, Unit, shape};
use crate::model::{Date, Horizon};

/// A deadline found in prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    /// How far away it is, in months from `as_of` (rounded up; 0 = this month).
    pub months: i32,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
}

/// Events that happen once, so a duration from them is a deadline.
const ONE_OFF: &[&str] = &[
    "sign-off", "signoff", "launch", "kick-off", "kickoff", "approval", "go-live", "golive",
    "start", "contract", "funding", "today", "now",
];

/// The furthest a prose deadline is read, in months.
pub const MILLENNIUM: f64 = 12_000.0;

/// Months in a unit of time, for "within 6 weeks", "in 3 years".
fn unit_months(word: &str) -> Option<f64> {
    let word = word.trim_end_matches('s');
    Some(match word {
        "day" => 1.0 / 30.0,
        "week" => 12.0 / 52.0,
        "month" => 1.0,
        "quarter" => 3.0,
        "year" => 12.0,
        "decade" => 120.0,
        "generation" => 300.0,
        _ => return None,
    })
}

/// Months from `as_of` until the end of the next `month` (1-12), this year
/// or next: "by March" in November means next March.
fn next_month(as_of: Date, month: u8) -> i32 {
    let ahead = i32::from(month) - i32::from(as_of.month);
    if ahead >= 0 { ahead } else { ahead + 12 }
}

/// Years that start elsewhere than January: "this academic year".
const KINDS_OF_YEAR: &[&str] = &["academic", "school", "financial", "fiscal", "calendar"];

/// Months from `as_of` to the end of its decade (2026-11 to 2030-01).
fn to_decade_end(as_of: Date) -> f64 {
    let end = (as_of.year / 10 + 1) * 10;
    f64::from((end - as_of.year) * 12 - i32::from(as_of.month) + 1)
}

/// "mid-2028" (June of it), "mid-2030s" (June 2035), "2030s" (its first
/// year, or its last after "through"): months from `as_of`.
fn mid_year(word: &str, as_of: Date, through: bool) -> Option<i32> {
    let (mid, rest) = match word.strip_prefix("mid-") {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let (digits, decade) = match rest.strip_suffix('s') {
        Some(d) => (d, true),
        None => (rest, false),
    };
    if digits.len() != 4 || (!mid && !decade) {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !(1900..2100).contains(&year) || (decade && year % 10 != 0) {
        return None;
    }
    let (year, month) = match (mid, decade) {
        (true, true) => (year + 5, Some(6)),
        (true, false) => (year, Some(6)),
        _ if through => (year + 9, Some(12)),
        _ => (year, Some(1)),
    };
    Some(Horizon { year, month }.months_from(as_of))
}

/// Words between "by" (or "until") and the time it names: "by the end of
/// 2028", "until about 2029", "by around the middle of 2030".
const LEAD: &[&str] = &[
    "the",
    "end",
    "of",
    "start",
    "beginning",
    "close",
    "middle",
    "to",
    "about",
    "around",
    "roughly",
    "approximately",
];

/// Every forward-looking deadline in `text`, in order.
pub fn deadlines(text: &Text, as_of: Date) -> Vec<Deadline> {
    let numbers = values(text);
    // The values by their first word and by their last, so a word looks up
    // its neighbours' numbers instead of scanning every number of the text
    // (a long text has thousands). Stable sorts keep the file's order among
    // values that start (or end) alike, which is the order `find` saw.
    let mut by_first: Vec<&Value> = numbers.iter().collect();
    by_first.sort_by_key(|v| v.first);
    let mut by_last: Vec<&Value> = numbers.iter().collect();
    by_last.sort_by_key(|v| v.last);
    let starting = |j: usize| {
        let from = by_first.partition_point(|v| v.first < j);
        by_first[from..].iter().take_while(move |v| v.first == j)
    };
    let ending = |j: usize| {
        let from = by_last.partition_point(|v| v.last < j);
        by_last[from..].iter().take_while(move |v| v.last == j)
    };
    let mut out = Vec::new();
    for i in 0..text.len() {
        let word = text.word(i);
        let push = |out: &mut Vec<Deadline>, months: f64, last: usize| {
            out.push(Deadline {
                // "a thousand thousand years" is still a number of months a
                // rule can double: a millennium is as far as any reads.
                months: months.ceil().clamp(-MILLENNIUM, MILLENNIUM) as i32,
                first: i,
                last,
            });
        };
        // "between now and the mid-2030s" reads as "by the mid-2030s".
        let between = word == "and"
            && text.word(i.wrapping_sub(1)) == "now"
            && text.word(i.wrapping_sub(2)) == "between";
        match if between { "by" } else { word } {
            // "within six weeks", "in the next 3 years", "over the coming decade"
            "within" | "in" | "over" | "during" | "inside" => {
                // "In 2032, a brokerage …": the year the future describes.
                if word == "in"
                    && text.tokens.get(i + 1).is_some_and(|t| t.has(shape::YEAR))
                    && let Ok(year) = text.word(i + 1).parse::<i32>()
                {
                    let months = Horizon { year, month: None }.months_from(as_of);
                    push(&mut out, f64::from(months), i + 1);
                    continue;
                }
                let mut j = i + 1;
                while [
                    "the",
                    "a",
                    "an",
                    "next",
                    "coming",
                    "following",
                    "few",
                    "couple",
                    "of",
                ]
                .contains(&text.word(j))
                    || text.is(j, Kind::About)
                {
                    j += 1;
                }
                // "within the next year"; a bare "within five days" after a
                // verb is how long each case takes ("settled within five days").
                let forward =
                    (i + 1..j).any(|k| ["next", "coming", "following"].contains(&text.word(k)));
                // A count before the unit ("six weeks"), not the unit itself
                // read as a duration ("a month").
                let counted = starting(j)
                    .find(|_| unit_months(text.word(j)).is_none())
                    .copied();
                let (count, unit_at) = match counted {
                    Some(v) => (v.value, v.last + 1),
                    None => (if text.word(j - 1) == "few" { 3.0 } else { 1.0 }, j),
                };
                // "over a five-year period": the count and the unit in one word.
                let compound = text.word(j).split_once('-').and_then(|(n, unit)| {
                    // "in the half-year": half of one, not the share 50%.
                    let n = match n {
                        "half" => Some(0.5),
                        _ => n.parse::<f64>().ok().or_else(|| {
                            values(&Text::new(n))
                                .first()
                                .filter(|v| v.unit != Unit::Percent)
                                .map(|v| v.value)
                        }),
                    }?;
                    Some((n, unit_months(unit)?))
                });
                if let Some((n, unit)) = compound {
                    // "within the eight-week statutory period" is a duration
                    // per case; "Over a five-year period, …" opens the clause.
                    let opens = i == 0 || text.tokens[i - 1].clause != text.tokens[i].clause;
                    if forward || opens || n * unit >= 12.0 {
                        push(&mut out, n * unit, j);
                    }
                    continue;
                }
                let Some(unit) = unit_months(text.word(unit_at)) else {
                    continue;
                };
                // "paid within 2 days of delivery", "open an account in 6
                // minutes": a duration per case, not a deadline. A deadline
                // looks forward ("in the next"), opens its clause ("Within
                // six weeks, …"), counts from now, or is years away.
                let opens_clause = i == 0 || text.tokens[i - 1].clause != text.tokens[i].clause;
                let from_now = ["now", "time"].contains(&text.word(unit_at + 1))
                    || (text.word(unit_at + 1) == "from" && text.word(unit_at + 2) == "now");
                // "within a month of sign-off" counts from a one-off event, so
                // it is a deadline; "within 2 days of delivery" is per case.
                // "of launch", "after sign-off"; "of starting to look" is
                // each person's own start, a duration per case.
                let event = |k: usize| {
                    let word = text.word(k);
                    ONE_OFF.contains(&word)
                        || (!word.ends_with("ing") && ONE_OFF.iter().any(|w| word.starts_with(w)))
                };
                let one_off = event(unit_at + 2) || event(unit_at + 3);
                let relative_to_event = ["of", "after", "from", "before"]
                    .contains(&text.word(unit_at + 1))
                    && text
                        .tokens
                        .get(unit_at + 1)
                        .is_some_and(|t| t.clause == text.tokens[unit_at].clause)
                    && !from_now
                    && !one_off;
                let long = count * unit >= 12.0;
                // "within about seven months": a case rarely takes months,
                // so months away are a deadline; "we will have it fixed
                // within six weeks" is a promise, not a duration per case.
                // "within a quarter mile of a bus": a distance, not a date.
                let distance = text.word(unit_at) == "quarter"
                    && ["mile", "miles", "of", "kilometre", "kilometer", "km"]
                        .contains(&text.word(unit_at + 1));
                if distance {
                    continue;
                }
                let clause = text.clause_of(i);
                let promised = (clause.start..i).any(|k| {
                    text.word(k) == "we'll"
                        || (text.word(k) == "we" && ["will", "'ll"].contains(&text.word(k + 1)))
                });
                let anchored = forward
                    || counted.is_some()
                    || ["a", "an", "few"].contains(&text.word(unit_at - 1));
                if anchored
                    && (forward
                        || opens_clause
                        || from_now
                        || long
                        || one_off
                        || count * unit >= 6.0
                        || promised)
                    && !relative_to_event
                {
                    push(&mut out, count * unit, unit_at);
                }
            }
            // "next quarter", "this year", "by the end of the month"
            "next" | "this" | "coming" => {
                // "this academic year", "next financial year": a kind of year.
                let kind_of_year =
                    KINDS_OF_YEAR.contains(&text.word(i + 1)) && text.word(i + 2) == "year";
                let unit = if kind_of_year {
                    "year"
                } else {
                    text.word(i + 1)
                };
                // "this decade" ends with it; "next decade" a decade on.
                if unit == "decade" && word != "coming" {
                    let rest = to_decade_end(as_of);
                    push(
                        &mut out,
                        if word == "next" { rest + 120.0 } else { rest },
                        i + 1,
                    );
                    continue;
                }
                // An academic or school year ends in summer.
                if kind_of_year && ["academic", "school"].contains(&text.word(i + 1)) {
                    let months = f64::from(next_month(as_of, 7));
                    push(
                        &mut out,
                        if word == "next" {
                            months + 12.0
                        } else {
                            months
                        },
                        i + 2,
                    );
                    continue;
                }
                let months = match unit {
                    "week" => 0.25,
                    "month" => 1.0,
                    "quarter" => 3.0,
                    "year" => 12.0,
                    other => match named_time(other) {
                        Some(m) => f64::from(next_month(as_of, m).max(1)),
                        None => continue,
                    },
                };
                let months = if word == "next" && unit != "year" {
                    months * 2.0
                } else if word == "next" {
                    24.0 - f64::from(as_of.month)
                } else if unit == "year" {
                    12.0 - f64::from(as_of.month)
                } else {
                    months
                };
                push(&mut out, months, i + 1);
            }
            // "by March", "before the Christmas break", "by 2040", "until Q3"
            // "come 2031", like "by 2031".
            // "through to the end of 2028".
            "by" | "before" | "until" | "till" | "come" | "through" => {
                let mut j = i + 1;
                while LEAD.contains(&text.word(j)) {
                    j += 1;
                }
                // "the middle of 2028": June of it.
                let middle = (i + 1..j).any(|k| text.word(k) == "middle");
                let at = text.word(j);
                let token = text.tokens.get(j);
                // "through 2027 and 2028" spans both years; the later one is
                // the deadline, and "2028" alone is no deadline.
                if word == "through" && ["and", "to", "into"].contains(&text.word(j + 1)) {
                    continue;
                }
                if let Some(months) = mid_year(at, as_of, word == "through") {
                    push(&mut out, f64::from(months), j);
                } else if let Some(m) = MONTHS.iter().position(|m| *m == at) {
                    let month = m as u8 + 1;
                    let year = text
                        .tokens
                        .get(j + 1)
                        .filter(|t| t.has(shape::YEAR))
                        .and_then(|_| text.word(j + 1).parse::<i32>().ok());
                    let months = match year {
                        Some(year) => Horizon {
                            year,
                            month: Some(month),
                        }
                        .months_from(as_of),
                        None => next_month(as_of, month),
                    };
                    push(&mut out, f64::from(months), j);
                } else if token.is_some_and(|t| t.has(shape::YEAR)) {
                    let Ok(year) = at.parse::<i32>() else {
                        continue;
                    };
                    let month = middle.then_some(6);
                    let months = Horizon { year, month }.months_from(as_of);
                    push(&mut out, f64::from(months), j);
                } else if let Some(q) = at.strip_prefix('q').and_then(|q| q.parse::<u8>().ok()) {
                    if (1..=4).contains(&q) {
                        push(&mut out, f64::from(next_month(as_of, q * 3)), j);
                    }
                } else if word == "through" && named_time(at).is_some() {
                    // "through the winter", "through Christmas": during it.
                    continue;
                } else if let Some(m) = named_time(at) {
                    // "by spring 2029": the season of that year.
                    let year = (j + 1..(j + 3).min(text.len()))
                        .find(|&k| text.tokens[k].has(shape::YEAR))
                        .and_then(|k| text.word(k).parse::<i32>().ok());
                    let months = match year {
                        Some(year) => Horizon {
                            year,
                            month: Some(m),
                        }
                        .months_from(as_of),
                        None => next_month(as_of, m),
                    };
                    push(&mut out, f64::from(months), j);
                } else if at == "decade" {
                    // "by the end of the decade"; "by the middle of the
                    // decade" is five years before its end.
                    let end = to_decade_end(as_of);
                    let months = if middle { end - 60.0 } else { end };
                    if months >= 0.0 {
                        push(&mut out, months, j);
                    }
                } else if ["year-end", "yearend"].contains(&at) {
                    push(&mut out, f64::from(12 - i32::from(as_of.month)), j);
                }
            }
            "asap" => push(&mut out, 1.0, i),
            // "which we expect to reach around 2030": a year said roughly,
            // as a time, not as the count "around 2030 homes".
            // ("by around 2030" is the "by" arm's.)
            "around" | "circa"
                if !text.word_in(
                    i.wrapping_sub(1),
                    &["by", "until", "till", "before", "come", "through"],
                ) && text.tokens.get(i + 1).is_some_and(|t| t.has(shape::YEAR))
                    && text.tokens.get(i + 2).is_none_or(|t| {
                        t.clause != text.tokens[i + 1].clause
                            || text.word_in(i + 2, &["and", "or", "at", "when", "if"])
                    }) =>
            {
                if let Ok(year) = text.word(i + 1).parse::<i32>() {
                    push(
                        &mut out,
                        f64::from(Horizon { year, month: None }.months_from(as_of)),
                        i + 1,
                    );
                }
            }
            // "ten years out", "a decade from now", "five years hence"
            "out" | "hence" | "ahead" if i > 0 && unit_months(text.word(i - 1)).is_some() => {
                let unit = unit_months(text.word(i - 1)).unwrap_or(0.0);
                let count = i
                    .checked_sub(2)
                    .and_then(|last| ending(last).next())
                    .map_or(1.0, |v| v.value);
                push(&mut out, count * unit, i);
            }
            "soon" if text.word(i.wrapping_sub(1)) == "as" && text.word(i + 2) == "possible" => {
                push(&mut out, 1.0, i + 2)
            }
            _ => {}
        }
    }
    out.retain(|d| d.months >= 0);
    out
}

#[cfg(test)]
mod tests;
