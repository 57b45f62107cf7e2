//! The words numbers are written in: number words, the parts of a whole,
//! units of time, frequencies, and the hedges that make a number
//! approximate. `numbers.rs` reads them in a text.

pub(super) const UNITS: &[(&str, f64)] = &[
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
    ("trio", 3.0),
    ("pair", 2.0),
    ("zero", 0.0),
];

/// Denominators of shares in words.
pub(super) const PARTS: &[(&str, f64)] = &[
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

pub(super) fn unit_word(word: &str) -> Option<f64> {
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

pub(super) fn part_word(word: &str) -> Option<f64> {
    PARTS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// Days in a unit of time, for durations.
/// The word after a metric value's number: "days" in "about 3 days",
/// "minutes" in "< 20 minutes".
pub fn metric_unit(value: &str) -> Option<&str> {
    let mut words = value
        .split_whitespace()
        .skip_while(|w| !w.chars().any(|c| c.is_ascii_digit()));
    words.next();
    words.next()
}

/// The length of a unit of time in days: minutes and seconds as well as the
/// units prose counts in ([`super::numbers::unit_days`]).
pub fn duration_days(word: &str) -> Option<f64> {
    match word.trim_end_matches('s') {
        "sec" | "second" => Some(1.0 / 86_400.0),
        "min" | "minute" => Some(1.0 / 1_440.0),
        other => unit_days(other),
    }
}

pub(crate) fn unit_days(word: &str) -> Option<f64> {
    // "each month's bill"
    let word = word.trim_end_matches("'s").trim_end_matches("’s");
    Some(match word.trim_end_matches('s') {
        "hour" | "hr" | "h" => 1.0 / 24.0,
        "day" | "working-day" => 1.0,
        "week" => 7.0,
        "fortnight" => 14.0,
        "month" => 365.0 / 12.0,
        "quarter" => 365.0 / 4.0,
        "year" => 365.0,
        "decade" => 3650.0,
        _ => return None,
    })
}

/// Times a year of a frequency word: "weekly", "twice-yearly".
pub(super) fn frequency_word(word: &str) -> Option<f64> {
    Some(match word {
        "daily" | "nightly" => 365.0,
        "weekly" => 52.0,
        "fortnightly" | "biweekly" => 26.0,
        "monthly" => 12.0,
        "quarterly" => 4.0,
        "half-yearly" | "biannual" | "biannually" | "semi-annual" | "semi-annually"
        | "twice-yearly" | "half-year" => 2.0,
        "yearly" | "annual" | "annually" => 1.0,
        _ => return None,
    })
}

/// Hedges that make the number after them approximate.
pub(in crate::lint::text) const ROUGHLY: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
    "just",
    "bit",
    "little",
    "than",
    "close",
    "upwards",
    "circa",
    "~",
];
