//! The numbers a text states, however they are written: digits with their
//! unit (`40%`, `$4.2M`, `1,800`, `14-screen`), number words (`fourteen`,
//! `twenty`), and shares in words (`half`, `a third`, `seven-tenths`, `four
//! in five`), so "70%" and "seven-tenths" are the same number to the rules.
//! Durations and frequencies are also read in one measure ("23 days" is
//! "three weeks and two days"; "twice a year" is "every six months"), and a
//! hedge before a number ("roughly", "a bit over") makes it approximate.
//! The words numbers are written in are in `numbers/vocabulary.rs`, the
//! numbers written as one hyphenated word in `numbers/compound.rs`, a
//! metric's quantity is read in `numbers/quantity.rs`; the
//! tests live in `numbers/tests.rs`.

use super::{Text, Unit, shape};
use compound::{compound_days, digits};
pub(super) use vocabulary::ROUGHLY;
pub(crate) use vocabulary::unit_days;
pub use vocabulary::{duration_days, metric_unit};
use vocabulary::{frequency_word, part_word, unit_word};

pub use counting::counts_as_number;
pub use quantity::parse_quantity;
pub use value::Value;

mod compound;
mod counting;
mod quantity;
mod value;
mod vocabulary;

/// The whole a count at token `i` is out of: "in five", "out of every
/// ten", "in 100", "in a hundred"; with the index of its last token.
fn out_of(text: &Text, i: usize) -> Option<(f64, usize)> {
    let of = match text.word(i + 1) {
        "in" => i + 2,
        "out" if text.word(i + 2) == "of" => i + 3,
        // "81 of every 100 departures" is "81 in every 100".
        "of" if ["every", "each"].contains(&text.word(i + 2)) => i + 2,
        _ => return None,
    };
    let of = if ["every", "each", "a"].contains(&text.word(of)) {
        of + 1
    } else {
        of
    };
    let word = text.word(of);
    let whole = unit_word(word).or_else(|| {
        text.tokens
            .get(of)
            .filter(|t| t.has(shape::NUMBER) && !t.has(shape::YEAR))
            .and_then(|_| digits(word))
            .filter(|(_, unit)| *unit == Unit::Plain)
            .map(|(v, _)| v)
    })?;
    (whole >= 2.0).then_some((whole, of))
}

/// Every number `text` states, in order. Years are left out: "by 2030" is a
/// date, not a quantity. Computed once per text ([`Text::values`]).
pub fn values(text: &Text) -> &[Value] {
    text.values()
}

/// [`values`], computed: the numbers, then what their neighbours make of
/// them (a unit of time, a frequency, a hedge, a share).
pub(super) fn read_values(text: &Text) -> Vec<Value> {
    let mut out = numbers(text);
    measure(text, &mut out);
    out
}

fn numbers(text: &Text) -> Vec<Value> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let token = &text.tokens[i];
        // Most words are not numbers: the lexicon's bit and the shape say so
        // without comparing strings.
        if !token.has(shape::NUMBER)
            && !token.is(super::Kind::NumberWord)
            && !text.word(i).contains('-')
        {
            i += 1;
            continue;
        }
        let word = text.word(i);
        let at = |value: f64, unit: Unit, last: usize| Value::plain(value, unit, i, last);
        if token.has(shape::NUMBER) {
            if !token.has(shape::YEAR)
                && let Some((value, unit)) = digits(word)
            {
                // "1.2 million": the number and its multiplier are one amount.
                if let Some(times) = unit_word(text.word(i + 1)).filter(|m| *m >= 1e3) {
                    out.push(at(value * times, unit, i + 1));
                    i += 2;
                    continue;
                }
                // "four in five" written "4 in 5".
                if unit == Unit::Plain
                    && let Some((d, last)) = out_of(text, i)
                {
                    out.push(at(100.0 * value / d, Unit::Percent, last));
                    i = last + 1;
                    continue;
                }
                out.push(Value {
                    days: compound_days(word).map(|(_, days)| days),
                    ..at(value, unit, i)
                });
            }
            i += 1;
            continue;
        }
        // "two-day", "seven-tenths", "forty-two", "sixty-odd", "twenty-minute".
        if let Some(value) = compound::read(word, i) {
            out.push(value);
            i += 1;
            continue;
        }
        // "a third", "half", "one quarter"
        if let Some(d) = part_word(word) {
            let before = if i > 0 { text.word(i - 1) } else { "" };
            let n = unit_word(before).unwrap_or(1.0);
            let counted =
                ["a", "an", "one", "half"].contains(&before) || unit_word(before).is_some();
            // "the third quarter", "this quarter": an ordinal or a period.
            if word.starts_with("half") || counted {
                let first = if counted { i - 1 } else { i };
                out.push(Value::plain(100.0 * n / d, Unit::Percent, first, i));
            }
            i += 1;
            continue;
        }
        // "four in five", "one in three"
        if let Some(n) = unit_word(word)
            && let Some((d, last)) = out_of(text, i)
        {
            out.push(at(100.0 * n / d, Unit::Percent, last));
            i = last + 1;
            continue;
        }
        // "twenty five", "two million", "fourteen"
        if let Some(mut value) = unit_word(word) {
            // "one of", "no one": not a count.
            if word == "one" && !counts_as_number(text, i) {
                i += 1;
                continue;
            }
            // "two hundred and ten thousand": hundreds multiply what came
            // before them, thousands and millions close a group.
            let (mut total, mut group) = (0.0, value);
            // The largest scale closed so far: "and" joins only what is
            // smaller ("a thousand and ten"), not a second number ("two
            // hundred and three hundred", "one thousand and two thousand").
            let mut scale = if value >= 100.0 { value } else { 1.0 };
            let mut last = i;
            loop {
                let joins = |after: usize| {
                    let then = unit_word(text.word(after + 1)).unwrap_or(0.0);
                    then < 100.0 || (then >= 1e3 && then > scale)
                };
                let and = text.word(last + 1) == "and"
                    && (group >= 100.0 || total > 0.0)
                    && joins(last + 2);
                let at_next = last + 1 + usize::from(and);
                let Some(next) = unit_word(text.word(at_next)) else {
                    break;
                };
                scale = scale.max(next);
                if next >= 1e3 && group == 0.0 && total > 0.0 {
                    // "a thousand thousand": scales stack.
                    total *= next;
                } else if next >= 1e3 {
                    total += group.max(1.0) * next;
                    group = 0.0;
                } else if next >= 100.0 {
                    group = group.max(1.0) * next;
                } else if next < group || (group == 0.0 && total > 0.0) || (and && next < 100.0) {
                    // "twenty five", "a thousand and ten"; "ten twenty" stops.
                    if group % 100.0 != 0.0 && next >= 10.0 {
                        break;
                    }
                    group += next;
                } else {
                    break;
                }
                last = at_next;
            }
            value = total + group;
            out.push(at(value, Unit::Plain, last));
            i = last + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// Durations, frequencies, hedges and shares around the numbers.
fn measure(text: &Text, values: &mut Vec<Value>) {
    let mut extra = Vec::new();
    let mut merged = Vec::new();
    for k in 0..values.len() {
        let v = values[k];
        let before = |n: usize| {
            if v.first >= n {
                text.word(v.first - n)
            } else {
                ""
            }
        };
        values[k].approx |= ROUGHLY.contains(&before(1)) || ROUGHLY.contains(&before(2));
        // "forty per cent", "12 percent"
        let after = text.word(v.last + 1);
        if v.unit == Unit::Plain
            && (after == "percent" || (after == "per" && text.word(v.last + 2) == "cent"))
        {
            values[k].unit = Unit::Percent;
        }
        // "14 calendar days", "ten working days": the kind of day between.
        let kind_of_day = ["calendar", "working", "business", "clear"]
            .contains(&text.word(v.last + 1))
            && unit_days(text.word(v.last + 2)).is_some();
        let next = text.word(v.last + 1 + usize::from(kind_of_day));
        // "three weeks", "23 days", "three weeks and two days"
        if let Some(days) = unit_days(next) {
            let mut total = v.value * days;
            if text.word(v.last + 2) == "and"
                && let Some(more) = values.get(k + 1).filter(|m| m.first == v.last + 3)
                && let Some(unit) = unit_days(text.word(more.last + 1))
            {
                total += more.value * unit;
                merged.push(k + 1);
            }
            values[k].days = Some(total);
        }
        // "a quarter of an hour", "half an hour": a share of a unit of time.
        // "a quarter a year" is a yearly share: only "half" goes without "of".
        let of_a = usize::from(next == "of");
        if v.unit == Unit::Percent
            && !text.tokens[v.first].has(shape::NUMBER)
            && (of_a == 1 || text.word(v.last) == "half")
            && ["a", "an"].contains(&text.word(v.last + 1 + of_a))
            && let Some(days) = unit_days(text.word(v.last + 2 + of_a))
        {
            values[k].unit = Unit::Plain;
            values[k].value = v.value / 100.0;
            values[k].days = Some(v.value / 100.0 * days);
            values[k].last = v.last + 2 + of_a;
        }
        // "twice a year", "3 times a week", "every six months"
        let times = if ["times", "time"].contains(&next) {
            1
        } else {
            0
        };
        let per = text.word(v.last + 1 + times);
        if (times == 1 || text.word(v.first) == "twice")
            && ["a", "per", "each", "every"].contains(&per)
            && let Some(days) = unit_days(text.word(v.last + 2 + times))
        {
            values[k].per_year = Some(v.value * 365.0 / days);
        }
        if before(1) == "every"
            && let Some(days) = unit_days(next)
        {
            values[k].per_year = Some(365.0 / (v.value * days));
        }
        // "one tender in five", "one won in every five": a share, with the
        // thing counted between.
        // "one app purchase in eight": a single one may be counted in two words.
        let between = if v.value == 1.0
            && text.word(v.last + 3) == "in"
            && text
                .tokens
                .get(v.last + 2)
                .is_some_and(|t| !t.has(shape::NUMBER))
        {
            1
        } else {
            0
        };
        let every = usize::from(text.word(v.last + 3 + between) == "every");
        if text.word(v.last + 2 + between) == "in"
            && let Some(of) = values
                .get(k + 1)
                .filter(|m| m.first == v.last + 3 + between + every)
            && of.value > 0.0
            // "38 partners in four cities" is no share: a part is not more
            // than its whole.
            && v.value <= of.value
            && v.unit == Unit::Plain
        {
            extra.push(Value::plain(
                100.0 * v.value / of.value,
                Unit::Percent,
                v.first,
                of.last,
            ));
        }
        // "1,400 of our 4,000 members": a share of a stated whole.
        if next == "of"
            && ["our", "the", "their", "its", "all"].contains(&text.word(v.last + 2))
            && let Some(of) = values.get(k + 1).filter(|m| m.first == v.last + 3)
            && of.value > v.value
        {
            extra.push(Value::plain(
                100.0 * v.value / of.value,
                Unit::Percent,
                v.first,
                of.last,
            ));
        }
    }
    // "the same day", "overnight", "instantly": durations without digits;
    // "a fortnight", "a week": one of the unit.
    for i in 0..text.len() {
        let word = text.word(i);
        let days = match word {
            "same-day" | "overnight" => Some(1.0),
            "day" if text.word(i.wrapping_sub(1)) == "same" => Some(1.0),
            "instantly" | "immediately" | "real-time" => Some(0.0),
            _ if ["a", "an"].contains(&text.word(i.wrapping_sub(1)))
                && !["once", "twice", "times", "time"].contains(&text.word(i.wrapping_sub(2))) =>
            {
                unit_days(word)
            }
            _ => None,
        };
        // "200,000 readings a month", "180 km of pipe a year": a count
        // before "a month" in its clause makes it a rate, as "each month"
        // is; "within a month", "takes a week" stay durations.
        const DURATION_LEAD: &[&str] = &[
            "in", "within", "for", "after", "over", "under", "than", "about", "around", "inside",
            "nearly", "almost", "just", "past", "take", "takes", "took", "taking", "wait", "waits",
            "waited", "last", "lasts", "spend", "spends", "up", "by", "to",
        ];
        let rate = text.word(i.wrapping_sub(1)) == "a"
            && !DURATION_LEAD.contains(&text.word(i.wrapping_sub(2)))
            && near(values, i).iter().any(|v| {
                v.last + 2 < i
                    && v.last + 7 >= i
                    && text.tokens[v.last].clause == text.tokens[i].clause
            });
        if let Some(days) = days
            && !near(values, i).iter().any(|v| v.first <= i && i <= v.last)
        {
            let mut v = Value::plain(days, Unit::Plain, i, i);
            if rate && days > 0.0 {
                v.value = 365.0 / days;
                v.per_year = Some(v.value);
            } else {
                v.days = Some(days);
            }
            extra.push(v);
        }
    }
    // "twice a year" reads "twice" as a number; "each half-year", "weekly"
    // have none.
    for i in 0..text.len() {
        let word = text.word(i);
        let per_year = frequency_word(word).or_else(|| {
            (["once", "twice"].contains(&word)
                && ["a", "per", "each", "every"].contains(&text.word(i + 1)))
            .then(|| unit_days(text.word(i + 2)))
            .flatten()
            .map(|days| if word == "twice" { 2.0 } else { 1.0 } * 365.0 / days)
        });
        let every = (word == "every" || word == "each")
            && !near(values, i + 1).iter().any(|v| v.first == i + 1)
            && frequency_word(text.word(i + 1)).is_none();
        // "every other week" is every two.
        let other = usize::from(word == "every" && text.word(i + 1) == "other");
        let per_year = per_year.or_else(|| {
            every
                .then(|| unit_days(text.word(i + 1 + other)))
                .flatten()
                .map(|days| 365.0 / (days * (1 + other) as f64))
        });
        if let Some(per_year) = per_year
            && !near(values, i)
                .iter()
                .any(|v| v.first <= i && i <= v.last && v.per_year.is_some())
        {
            // "weekly" is one word, "every other week" three, "twice a year" three.
            let last = if frequency_word(word).is_some() {
                i
            } else if every {
                i + 1 + other
            } else {
                i + 2
            };
            let mut v = Value::plain(per_year, Unit::Plain, i, last.min(text.len() - 1));
            v.per_year = Some(per_year);
            extra.push(v);
        }
    }
    // "and two days" is part of "three weeks and two days".
    if !merged.is_empty() {
        let mut k = 0;
        values.retain(|_| {
            k += 1;
            merged.binary_search(&(k - 1)).is_err()
        });
    }
    // "about six calls in ten": the hedge holds for the share too.
    for v in &mut extra {
        let before = |n: usize| v.first.checked_sub(n).map_or("", |j| text.word(j));
        v.approx |= ROUGHLY.contains(&before(1)) || ROUGHLY.contains(&before(2));
    }
    values.extend(extra);
    values.sort_by_key(|v| (v.first, v.last));
}

/// How far before a token the values that may reach it start: a number,
/// its words and the few a rate looks back over ("200,000 readings a month").
const REACH: usize = 16;

/// The values, sorted by their first token, that start from [`REACH`]
/// tokens before `i` up to `i`: a lookup, so a clause of many numbers costs
/// no more per word than a short one.
fn near(values: &[Value], i: usize) -> &[Value] {
    let from = values.partition_point(|v| v.first < i.saturating_sub(REACH));
    let to = values.partition_point(|v| v.first <= i);
    &values[from..to.max(from)]
}

/// The values of `future` that `today` does not state. A number that is
/// only part of a stated share ("1,400 of our 4,000" when today says 35%)
/// is not new when the share is not.
pub fn new_numbers<'a>(future: &'a [Value], today: &[Value]) -> Vec<&'a Value> {
    let known = |v: &Value| today.iter().any(|t| t.same_as(v));
    // The known shares by first word, and the longest: a share that holds
    // a value starts at most that far before it, so each value looks at a
    // few shares, not at every value of a long future.
    let mut shares: Vec<&Value> = future
        .iter()
        .filter(|s| s.unit == Unit::Percent && known(s))
        .collect();
    shares.sort_by_key(|s| s.first);
    let longest = shares.iter().map(|s| s.last - s.first).max().unwrap_or(0);
    future
        .iter()
        .filter(|v| {
            let from = shares.partition_point(|s| s.first + longest < v.first);
            let in_known_share = shares[from..]
                .iter()
                .take_while(|s| s.first <= v.first)
                .any(|s| (s.first, s.last) != (v.first, v.last) && v.last <= s.last);
            !known(v) && !in_known_share
        })
        .collect()
}

#[cfg(test)]
mod tests;
