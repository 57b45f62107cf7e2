//! The year's names: months, seasons and holidays, and the stretches of
//! the year a count can be taken over ("new members January-June",
//! "summer bookings"), which are compared with the same stretch a year
//! earlier.

use super::Text;

/// The months, in order, for "by March", "January-June".
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Seasons and holidays: roughly when they next come, as a month number.
pub fn named_time(word: &str) -> Option<u8> {
    Some(match word {
        "christmas" | "holidays" | "holiday" | "festive" | "year-end" => 12,
        "easter" | "spring" => 4,
        "summer" => 7,
        "autumn" | "fall" => 10,
        "winter" => 1,
        _ => return None,
    })
}

/// True when a metric's `name` counts over a stretch of the year that
/// comes round once a year: a season or holiday ("summer bookings",
/// "Christmas sales") or a range of months ("new members January-June").
/// Its baseline is the same stretch a year earlier. A single month or
/// quarter ("March revenue", "Q1 sales") is as often held against the
/// month or quarter before, so it is not.
pub fn yearly_stretch(name: &str) -> bool {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    // A month's name or its usual abbreviation.
    let month = |w: &str| {
        MONTHS.contains(&w)
            || [
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            ]
            .contains(&w)
    };
    // "January-June", "Jan to Jun": two months a word or two apart.
    let range = words
        .iter()
        .enumerate()
        .any(|(i, w)| month(w) && words.iter().skip(i + 1).take(2).any(|v| month(v)));
    // "holiday bookings" counts holidays sold and "fall in churn" is a
    // change, so neither names a stretch of the year.
    let season = |w: &String| {
        !["holiday", "holidays", "fall", "year"].contains(&w.as_str()) && named_time(w).is_some()
    };
    range || words.iter().any(season)
}

/// True when `text` compares with the same stretch a year before: "against
/// 35 in the same months last year", "up on the same quarter a year
/// earlier".
pub fn year_on_year(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        text.word(i) == "same"
            && (i + 1..(i + 3).min(text.len())).any(|j| {
                [
                    "months", "month", "period", "quarter", "season", "weeks", "week",
                ]
                .contains(&text.word(j))
            })
            && text.sentence_of(i).any(|j| {
                let next = text.word(j + 1);
                (text.word(j) == "last" && next == "year")
                    || (text.word(j) == "year" && ["earlier", "before", "ago"].contains(&next))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_of_the_year_that_recur() {
        for name in [
            "New members January-June",
            "joiners Jan to Jun",
            "bookings May-August",
            "summer bookings",
            "Christmas sales",
        ] {
            assert!(yearly_stretch(name), "{name}");
        }
        for name in [
            "March revenue",
            "Q1 sales",
            "holiday bookings",
            "fall in churn",
            "marketing leads",
            "Orders that may arrive in March",
        ] {
            assert!(!yearly_stretch(name), "{name}");
        }
        let text = |s: &str| year_on_year(&Text::new(s));
        assert!(text("110 join, against 35 in the same months last year."));
        assert!(text("Sales are up on the same quarter a year earlier."));
        assert!(!text("We keep the same prices as last year."));
        assert!(!text("110 join in the same months."));
    }
}
