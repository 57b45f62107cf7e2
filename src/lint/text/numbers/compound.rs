//! Numbers written as one hyphenated word: a duration ("two-day", "a
//! six-week cycle"), a share ("seven-tenths"), a number in words
//! ("forty-two"), a hedged one ("sixty-odd") and a count in a compound
//! ("a twenty-minute appointment", "14-screen").

use super::super::{Unit, parse_figure};
use super::Value;
use super::vocabulary::{part_word, unit_days, unit_word};

/// The value the hyphenated word at token `i` states, if it is one.
pub(super) fn read(word: &str, i: usize) -> Option<Value> {
    let at = |value: f64, unit: Unit| Value::plain(value, unit, i, i);
    // "two-day delivery", "a six-week cycle": a duration in one word.
    if let Some((n, days)) = compound_days(word) {
        return Some(Value {
            days: Some(days),
            ..at(n, Unit::Plain)
        });
    }
    let (first, rest) = word.split_once('-')?;
    // "seven-tenths", "three-quarters"
    if let (Some(n), Some(d)) = (unit_word(first), part_word(rest)) {
        return Some(at(100.0 * n / d, Unit::Percent));
    }
    // "forty-two", "sixty-five"
    if let (Some(t), Some(o)) = (unit_word(first), unit_word(rest))
        && (20.0..100.0).contains(&t)
        && t % 10.0 == 0.0
        && (1.0..10.0).contains(&o)
    {
        return Some(at(t + o, Unit::Plain));
    }
    // "sixty-odd", "forty-plus": about the tens, hedged.
    if ["odd", "plus", "something", "ish"].contains(&rest)
        && let Some(t) = unit_word(first).filter(|t| *t >= 10.0)
    {
        return Some(Value {
            approx: true,
            ..at(t, Unit::Plain)
        });
    }
    // "a twenty-minute appointment", "six-seat": a count in a compound, as
    // "20-minute" is; not "one-off", "two-way" or "twenty-first".
    let n = unit_word(first).filter(|n| *n > 1.0 && *n < 1e3)?;
    let ordinal = ["first", "second", "third"].contains(&rest) || rest.ends_with("th");
    (rest.len() > 3 && !ordinal && rest.chars().all(char::is_alphabetic))
        .then(|| at(n, Unit::Plain))
}

/// The number and the duration, in days, of a compound of a number and a
/// unit of time: "2-day" is 2 days, "six-week" 42, "48-hour" 2.
pub(super) fn compound_days(word: &str) -> Option<(f64, f64)> {
    let (count, unit) = word.split_once('-')?;
    let n = parse_figure(count)
        .filter(|(_, u)| *u == Unit::Plain)
        .map(|(n, _)| n)
        // "One day" is not read as a number; nor is "one-day".
        .or_else(|| unit_word(count).filter(|n| *n != 1.0))?;
    Some((n, n * unit_days(unit)?))
}

/// A digit-led word: `40%`, `$4.2M`, `1,800`, and a compound such as
/// `14-screen` or `2-hour`, whose number is its first part.
pub(super) fn digits(word: &str) -> Option<(f64, Unit)> {
    parse_figure(word).or_else(|| {
        let (number, rest) = word.split_once('-')?;
        rest.starts_with(|c: char| c.is_alphabetic())
            .then(|| parse_figure(number))
            .flatten()
    })
}
