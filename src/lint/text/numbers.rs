//! The numbers a text states, however they are written: digits with their
//! unit (`40%`, `$4.2M`, `1,800`, `14-screen`), number words (`fourteen`,
//! `twenty`), and shares in words (`half`, `a third`, `seven-tenths`, `four
//! in five`), so "70%" and "seven-tenths" are the same number to the rules.

use super::{Text, Unit, parse_quantity, shape};

/// A number found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Value {
    /// Its value; shares in words are in percent (`a third` = 33.3).
    pub value: f64,
    /// Its unit, where the text gives one.
    pub unit: Unit,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
}

const UNITS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("dozen", 12.0),
    ("zero", 0.0),
];

/// Denominators of shares in words.
const PARTS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

fn unit_word(word: &str) -> Option<f64> {
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn part_word(word: &str) -> Option<f64> {
    PARTS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// Every number `text` states, in order. Years are left out: "by 2030" is a
/// date, not a quantity. Computed once per text ([`Text::values`]).
pub fn values(text: &Text) -> &[Value] {
    text.values()
}

/// [`values`], computed.
pub(super) fn read_values(text: &Text) -> Vec<Value> {
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
        let at = |value: f64, unit: Unit, last: usize| Value {
            value,
            unit,
            first: i,
            last,
        };
        if token.has(shape::NUMBER) {
            if !token.has(shape::YEAR)
                && let Some((value, unit)) = digits(word)
            {
                // "four in five" written "4 in 5".
                out.push(at(value, unit, i));
            }
            i += 1;
            continue;
        }
        // "seven-tenths", "three-quarters"
        if let Some((count, part)) = word.split_once('-')
            && let (Some(n), Some(d)) = (unit_word(count), part_word(part))
        {
            out.push(at(100.0 * n / d, Unit::Percent, i));
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
                out.push(Value {
                    value: 100.0 * n / d,
                    unit: Unit::Percent,
                    first,
                    last: i,
                });
            }
            i += 1;
            continue;
        }
        // "four in five", "one in three"
        if let Some(n) = unit_word(word)
            && ["in", "out"].contains(&text.word(i + 1))
        {
            let of = if text.word(i + 1) == "out" {
                i + 3
            } else {
                i + 2
            };
            if let Some(d) = unit_word(text.word(of)).filter(|d| *d > 0.0) {
                out.push(at(100.0 * n / d, Unit::Percent, of));
                i = of + 1;
                continue;
            }
        }
        // "twenty five", "two million", "fourteen"
        if let Some(mut value) = unit_word(word) {
            // "one of", "no one": not a count.
            if word == "one" && !super::picture::counts_as_number(text, i) {
                i += 1;
                continue;
            }
            let mut last = i;
            while let Some(next) = unit_word(text.word(last + 1)) {
                if next >= 100.0 {
                    value *= next;
                } else if next < value {
                    value += next;
                } else {
                    break;
                }
                last += 1;
            }
            out.push(at(value, Unit::Plain, last));
            i = last + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// A digit-led word: `40%`, `$4.2M`, `1,800`, and a compound such as
/// `14-screen` or `2-hour`, whose number is its first part.
fn digits(word: &str) -> Option<(f64, Unit)> {
    parse_quantity(word).or_else(|| {
        let (number, rest) = word.split_once('-')?;
        rest.starts_with(|c: char| c.is_alphabetic())
            .then(|| parse_quantity(number))
            .flatten()
    })
}

/// True when two values are the same number (to 0.5%), whatever their spelling.
pub fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.005 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<f64> {
        values(&Text::new(text)).iter().map(|v| v.value).collect()
    }

    #[test]
    fn digits_words_and_shares_read_alike() {
        assert_eq!(read("14 screens, 45% give up"), [14.0, 45.0]);
        assert_eq!(read("fourteen screens, twenty five drivers"), [14.0, 25.0]);
        assert_eq!(read("a 14-screen set-up"), [14.0]);
        assert_eq!(
            read("seven-tenths wholesale and three-tenths direct"),
            [70.0, 30.0]
        );
        assert_eq!(
            read("four in five repairs, a third now, half of all"),
            [80.0, 100.0 / 3.0, 50.0]
        );
        assert_eq!(read("two million loads"), [2e6]);
    }

    #[test]
    fn years_ordinals_and_idioms_are_not_numbers() {
        assert!(read("By 2030, in the third quarter, one of our rivals").is_empty());
        assert!(read("no one waits").is_empty());
    }
}
