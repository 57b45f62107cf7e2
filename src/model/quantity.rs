//! Metric values read as numbers: `12%`, `$4.2M`, `1,800`, `38 days`,
//! `12k`, `2.5 hours`. The file keeps values as written; this reads them
//! when progress is measured, and says when two cannot be compared.
//!
//! The linter has a smaller reader of its own (`lint::text::parse_quantity`)
//! that only tells money and shares from other numbers; tracking needs more
//! (a duration in weeks against one in days, "loads" against "brokers"), and
//! the model cannot use the linter's, so this one lives here.

/// A value read as a number and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number as written, scaled by `k`, `M`, `billion`…: `$4.2M` is 4,200,000.
    pub amount: f64,
    /// What it counts.
    pub unit: Unit,
}

/// What a quantity counts.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// A bare number (`1,800`): it counts whatever the metric's other values count.
    Number,
    /// A share, `55%` (also `55 percent`, `55 pct`, `55pp`).
    Percent,
    /// Money in one currency: `$`, `€`, `£` or `¥` (`USD` is `$`).
    Money(char),
    /// A length of time; `seconds` is how long one of the written unit is
    /// (a day is 86,400), so weeks and days compare.
    Duration {
        /// Seconds in one of the unit the value is written in.
        seconds: f64,
    },
    /// Anything else (`loads`, `arms per site`), lower case and singular:
    /// comparable only with the same words.
    Named(String),
}

impl Quantity {
    /// Reads `text`; `None` when it does not start with a number after an
    /// optional sign and currency (`soon`, `Q3`, `n/a`).
    pub fn parse(text: &str) -> Option<Quantity> {
        let mut rest = text.trim();
        let mut negative = false;
        let mut currency = None;
        // A sign and a currency may come in either order: `-$5`, `$-5`.
        for _ in 0..2 {
            if let Some((sign, after)) = strip_sign(rest) {
                negative = sign;
                rest = after.trim_start();
            }
            if let Some((symbol, after)) = strip_currency(rest) {
                currency = Some(symbol);
                rest = after.trim_start();
            }
        }
        rest = rest.strip_prefix('~').unwrap_or(rest).trim_start();
        let end = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
            .map_or(rest.len(), |(i, _)| i);
        let number = &rest[..end];
        if !number.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        // Most values have no thousands separator: read them in place.
        let mut amount: f64 = if number.contains(',') {
            number.replace(',', "").parse().ok()?
        } else {
            number.parse().ok()?
        };
        let (scale, suffix) = scale_of(rest[end..].trim_start());
        amount *= scale;
        if negative {
            amount = -amount;
        }
        let unit = match (currency, unit_of(suffix)) {
            (Some(symbol), Unit::Number) => Unit::Money(symbol),
            // `$12 per seat` stays money; `USD` after the number says it too.
            (Some(symbol), Unit::Named(_)) => Unit::Money(symbol),
            (_, unit) => unit,
        };
        amount.is_finite().then_some(Quantity { amount, unit })
    }

    /// The amount in the metric's unit `reference` (a bare number is taken
    /// to be written in it); `None` when the two count different things.
    pub fn in_unit_of(&self, reference: &Unit) -> Option<f64> {
        match (&self.unit, reference) {
            (Unit::Number, Unit::Duration { seconds }) => Some(self.amount * seconds),
            (Unit::Number, _) => Some(self.amount),
            (Unit::Duration { seconds }, Unit::Duration { .. }) => Some(self.amount * seconds),
            // A metric written in bare numbers counts things or time, not
            // shares or money: a value naming its unit is read in it.
            (Unit::Percent | Unit::Money(_), Unit::Number) => None,
            (_, Unit::Number) => Some(self.amount),
            (unit, reference) if unit == reference => Some(self.amount),
            _ => None,
        }
    }

    /// True when each can be read in the other's unit: the same kind of
    /// thing, or a bare number beside a count or a length of time.
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.in_unit_of(&other.unit).is_some() && other.in_unit_of(&self.unit).is_some()
    }
}

impl Unit {
    /// What the unit is, for messages: `a share`, `money in $`, `days`.
    pub fn describe(&self) -> String {
        match self {
            Unit::Number => "a plain number".to_owned(),
            Unit::Percent => "a share (%)".to_owned(),
            Unit::Money(symbol) => format!("money in {symbol}"),
            Unit::Duration { .. } => "a length of time".to_owned(),
            Unit::Named(words) => format!("`{words}`"),
        }
    }
}

/// The unit a metric's values are measured in: the first of `values` that
/// names one (a baseline of `40` and a target of `8 min` are minutes).
pub fn metric_unit<'a>(values: impl IntoIterator<Item = &'a Quantity>) -> Unit {
    values
        .into_iter()
        .map(|q| &q.unit)
        .find(|unit| **unit != Unit::Number)
        .cloned()
        .unwrap_or(Unit::Number)
}

fn strip_sign(text: &str) -> Option<(bool, &str)> {
    for (sign, negative) in [("-", true), ("−", true), ("–", true), ("+", false)] {
        if let Some(rest) = text.strip_prefix(sign) {
            return Some((negative, rest));
        }
    }
    None
}

fn strip_currency(text: &str) -> Option<(char, &str)> {
    for (prefix, symbol) in [
        ("US$", '$'),
        ("$", '$'),
        ("€", '€'),
        ("£", '£'),
        ("¥", '¥'),
        ("USD", '$'),
        ("EUR", '€'),
        ("GBP", '£'),
        ("JPY", '¥'),
    ] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return Some((symbol, rest));
        }
    }
    None
}

/// The multiplier a suffix such as `k`, `M` or ` billion` gives, and what follows it.
fn scale_of(suffix: &str) -> (f64, &str) {
    let word_end = suffix
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(suffix.len(), |(i, _)| i);
    let (word, after) = suffix.split_at(word_end);
    let scale = match word {
        "k" | "K" | "thousand" => 1e3,
        "m" | "M" | "mn" | "MM" | "million" => 1e6,
        "b" | "B" | "bn" | "billion" => 1e9,
        "t" | "T" | "tn" | "trillion" => 1e12,
        _ => return (1.0, suffix),
    };
    (scale, after.trim_start())
}

/// Seconds in each unit of time a metric is written in.
const DURATIONS: &[(&[&str], f64)] = &[
    (&["s", "sec", "secs", "second", "seconds"], 1.0),
    (&["min", "mins", "minute", "minutes"], 60.0),
    (&["h", "hr", "hrs", "hour", "hours"], 3_600.0),
    (
        &["d", "day", "days", "calendar day", "calendar days"],
        86_400.0,
    ),
    (&["wk", "wks", "week", "weeks"], 604_800.0),
    (&["mo", "month", "months"], 2_629_746.0),
    (&["y", "yr", "yrs", "year", "years"], 31_556_952.0),
];

fn unit_of(suffix: &str) -> Unit {
    // The common cases, without building the words.
    match suffix.trim_end() {
        "" => return Unit::Number,
        "%" => return Unit::Percent,
        _ => {}
    }
    let words: Vec<String> = suffix.split_whitespace().map(str::to_lowercase).collect();
    let text = words.join(" ");
    match text.as_str() {
        "" => return Unit::Number,
        "%" | "percent" | "pct" | "pp" | "per cent" | "percentage points" => return Unit::Percent,
        "usd" | "dollars" | "dollar" => return Unit::Money('$'),
        "eur" | "euros" | "euro" => return Unit::Money('€'),
        "gbp" | "pounds" => return Unit::Money('£'),
        _ => {}
    }
    if let Some((_, seconds)) = DURATIONS
        .iter()
        .find(|(names, _)| names.contains(&text.as_str()))
    {
        return Unit::Duration { seconds: *seconds };
    }
    // `%` written right after the number and followed by words (`12% of loads`)
    // is still a share.
    if text.starts_with('%') {
        return Unit::Percent;
    }
    Unit::Named(singular(&text))
}

/// `loads` and `load` are one unit; `business days` and `business day` too.
fn singular(text: &str) -> String {
    match text.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && stem.chars().count() >= 2 => stem.to_owned(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (f64, Unit) {
        let q = Quantity::parse(text).unwrap_or_else(|| panic!("{text} reads"));
        (q.amount, q.unit)
    }

    #[test]
    fn reads_the_ways_metrics_are_written() {
        assert_eq!(read("12%"), (12.0, Unit::Percent));
        assert_eq!(read("$4.2M"), (4_200_000.0, Unit::Money('$')));
        assert_eq!(read("1,800"), (1_800.0, Unit::Number));
        assert_eq!(read("12k"), (12_000.0, Unit::Number));
        assert_eq!(read("1.8M"), (1_800_000.0, Unit::Number));
        assert_eq!(read("€1.5 million"), (1_500_000.0, Unit::Money('€')));
        assert_eq!(read("USD 31M"), (31e6, Unit::Money('$')));
        assert_eq!(read("-3%"), (-3.0, Unit::Percent));
        assert_eq!(read("$-5"), (-5.0, Unit::Money('$')));
        assert_eq!(read("1.5"), (1.5, Unit::Number));
        assert_eq!(read(" 0.5% "), (0.5, Unit::Percent));
        assert_eq!(read("38 days").1, Unit::Duration { seconds: 86_400.0 });
        assert_eq!(read("40 loads"), (40.0, Unit::Named("load".into())));
        assert_eq!(read("~40 min").0, 40.0);
        for bad in ["soon", "Q3", "n/a", "", "$", "-", "about 20", "1.2.3"] {
            assert_eq!(Quantity::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_compare_across_units_and_bare_numbers_take_the_metrics_unit() {
        let days = Quantity::parse("14 days").unwrap();
        let weeks = Quantity::parse("2 weeks").unwrap();
        assert_eq!(days.in_unit_of(&weeks.unit), weeks.in_unit_of(&days.unit));
        assert!(days.comparable(&weeks));
        let bare = Quantity::parse("10").unwrap();
        assert_eq!(bare.in_unit_of(&days.unit), Some(10.0 * 86_400.0));
        let share = Quantity::parse("12%").unwrap();
        assert_eq!(bare.in_unit_of(&share.unit), Some(10.0));
        // A metric in bare numbers takes days, not a share or money.
        assert_eq!(days.in_unit_of(&Unit::Number), Some(14.0));
        assert_eq!(share.in_unit_of(&Unit::Number), None);
        assert!(!bare.comparable(&share));
    }

    #[test]
    fn different_units_do_not_compare() {
        let pairs = [
            ("12 days", "16%"),
            ("$4M", "€4M"),
            ("40 loads", "12 brokers"),
            ("5%", "$2"),
            ("3 hours", "3 loads"),
        ];
        for (a, b) in pairs {
            let (a, b) = (Quantity::parse(a).unwrap(), Quantity::parse(b).unwrap());
            assert!(!a.comparable(&b), "{a:?} {b:?}");
        }
        let loads = Quantity::parse("40 loads").unwrap();
        assert!(loads.comparable(&Quantity::parse("41 load").unwrap()));
    }

    #[test]
    fn the_metrics_unit_is_the_first_one_written() {
        let values: Vec<Quantity> = ["40", "8 min"]
            .iter()
            .filter_map(|v| Quantity::parse(v))
            .collect();
        assert_eq!(metric_unit(&values), Unit::Duration { seconds: 60.0 });
        assert_eq!(metric_unit(&[]), Unit::Number);
    }
}
