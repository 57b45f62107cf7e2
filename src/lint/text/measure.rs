//! Measures over tokenised text: the content words two fields share (by
//! stem and synonym), and the quantities metrics are written in.

use std::sync::LazyLock;

use super::hash::{FxHashMap, hash_str};
use super::stem::stem;
use super::{Kind, Text, shape, words};

/// The synonym groups each stem belongs to (`lexicon/synonyms.txt`): a
/// word may sit in more than one ("settle" a dispute, "settle" an invoice),
/// and two words mean the same when they share any group.
static SYNONYMS: LazyLock<FxHashMap<u64, Vec<u64>>> = LazyLock::new(|| {
    let mut map: FxHashMap<u64, Vec<u64>> = FxHashMap::default();
    for (n, entry) in words::entries(words::SYNONYMS).enumerate() {
        let group = hash_str(&format!("synonym group {n}"));
        for word in entry.split('|') {
            map.entry(hash_str(&stem(word))).or_default().push(group);
        }
    }
    map
});

/// A content word: its stem, and the synonym groups it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sense {
    stem: u64,
    groups: &'static [u64],
}

impl Sense {
    /// Every hash under which this word can match another.
    pub fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        std::iter::once(self.stem).chain(self.groups.iter().copied())
    }

    /// True when the word is in `set` (sorted keys of [`content_stems`]).
    pub fn in_set(&self, set: &[u64]) -> bool {
        self.keys().any(|k| set.binary_search(&k).is_ok())
    }
}

/// The distinct content words of `text` that `keep` accepts: function
/// words, years and numbers left out (numbers are compared by value, in
/// `numbers.rs`), and so are a number's unit of time and the hedge before it
/// ("a bit over three weeks").
pub fn content_senses_where(text: &Text, keep: impl Fn(usize) -> bool) -> Vec<Sense> {
    content_senses_in(text, 0..text.len(), keep)
}

/// [`content_senses_where`] over the tokens `range` only, so a clause of a
/// long text costs its own length.
pub fn content_senses_in(
    text: &Text,
    range: std::ops::Range<usize>,
    keep: impl Fn(usize) -> bool,
) -> Vec<Sense> {
    const HEDGES: &[&str] = &[
        "bit",
        "little",
        "roughly",
        "approximately",
        "about",
        "around",
        "nearly",
        "almost",
        "just",
    ];
    const FREQUENCY: &[&str] = &[
        "daily",
        "nightly",
        "weekly",
        "fortnightly",
        "monthly",
        "quarterly",
        "yearly",
        "annually",
        "annual",
        "biannual",
        "half-yearly",
        "once",
        "twice",
    ];
    let numeric = |j: usize| {
        text.tokens
            .get(j)
            .is_some_and(|t| t.has(shape::NUMBER) || t.is(Kind::NumberWord))
    };
    let mut out: Vec<Sense> = Vec::new();
    for i in range.start..range.end.min(text.len()) {
        let t = &text.tokens[i];
        let unit_of_number = t.is(Kind::TimeWord) && i > 0 && numeric(i - 1);
        let content = !t.is(Kind::Stop)
            && !t.has(shape::YEAR)
            && !numeric(i)
            && !unit_of_number
            && !HEDGES.contains(&text.word(i))
            && !FREQUENCY.contains(&text.word(i))
            && keep(i);
        if !content {
            continue;
        }
        // "cloud-forecast rejections" holds "cloud" and "forecast", as
        // "requests declined because clouds are forecast" does.
        let word = text.word(i);
        // Parts pass the same filters as words; "co-op" keeps its whole.
        let parts = word.split('-').filter(|p| {
            p.len() > 2 && !Kind::Stop.tags(p) && !HEDGES.contains(p) && !FREQUENCY.contains(p)
        });
        let compound =
            word.contains('-') && word.split('-').all(|p| p.chars().all(char::is_alphabetic));
        let mut stems: Vec<u64> = if compound {
            parts
                .map(|p| super::stem::stem_hash(p, hash_str(p)))
                .collect()
        } else {
            Vec::new()
        };
        if stems.is_empty() {
            stems.push(t.stem);
        }
        for stem in stems {
            if !out.iter().any(|s| s.stem == stem) {
                let groups = SYNONYMS.get(&stem).map_or(&[][..], Vec::as_slice);
                out.push(Sense { stem, groups });
            }
        }
    }
    out
}

/// Every key of `text`'s content words, sorted and deduplicated: the set
/// another field's words are looked up in.
pub fn content_stems(text: &Text) -> Vec<u64> {
    content_stems_in(text, 0..text.len())
}

/// [`content_stems`] of the tokens `range` only ("the tokens of this
/// clause"), so a clause of a long text costs its own length.
pub fn content_stems_in(text: &Text, range: std::ops::Range<usize>) -> Vec<u64> {
    let mut out: Vec<u64> = content_senses_in(text, range, |_| true)
        .iter()
        .flat_map(|s| s.keys().collect::<Vec<_>>())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The unit a metric value is written in, so only like is compared with like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share, `55%`.
    Percent,
    /// An amount of money, `$4.2M`.
    Money,
    /// Anything else: a count, minutes, a ratio.
    Plain,
}

/// Words a floor opens with: "at least 85%", "no lower than 85%". A
/// metric's target so written is read as its number (`parse_figure`) and
/// as a floor (`no-stretch`).
pub const FLOORS: &[&str] = &[
    "at least ",
    "no less than ",
    "no lower than ",
    "not less than ",
    "not below ",
    "not under ",
    "never below ",
    "never under ",
    "at or above ",
    ">=",
    "≥",
];

/// Words a ceiling opens with: "at most 12 days", "no more than 5%".
pub const CEILINGS: &[&str] = &[
    "at most ",
    "no more than ",
    "no higher than ",
    "not more than ",
    "not above ",
    "never above ",
    "at or below ",
    "<=",
    "≤",
];

/// Hedges and strict bounds before a number: "about 40", "+100%", "~12k",
/// "all 2,000", "over 30" say how sure, not how much. Read after
/// [`FLOORS`] and [`CEILINGS`], so "<=" is not read as "<".
const QUALIFIERS: &[&str] = &[
    "just over ",
    "just under ",
    "a little over ",
    "a little under ",
    "a bit over ",
    "a bit under ",
    "well over ",
    "well under ",
    "close to ",
    "more than ",
    "less than ",
    "fewer than ",
    "below ",
    "above ",
    "about ",
    "around ",
    "roughly ",
    "approximately ",
    "approx. ",
    "approx ",
    "over ",
    "under ",
    "up to ",
    "nearly ",
    "almost ",
    "all ",
    "~",
    "≈",
    "<",
    ">",
    "+",
];

/// Reads a metric value such as `1.8M`, `$31M`, `40,000`, `55%`,
/// `1.2 million` or `8 billion`; `None` when it is not a number.
pub fn parse_figure(text: &str) -> Option<(f64, Unit)> {
    let lower = text.trim().to_ascii_lowercase();
    let rest = strip_qualifiers(&lower);
    if ["none", "zero", "nil", "no", "nothing"].contains(&rest) {
        return Some((0.0, Unit::Plain));
    }
    // "7 in 10", "999 in 1,000", "1 out of 5", "91 of every 100": a share;
    // "9 in 10 within a week" is one, of what comes after.
    let number = |s: &str| s.trim().replace(',', "").parse::<f64>().ok();
    // "2 in 3 months" is a rate in time, not a share.
    let first_word = |s: &str| {
        let mut words = s.split_whitespace();
        let first = words.next().unwrap_or_default().to_owned();
        let per_time = words.next().is_some_and(|w| {
            ["day", "week", "month", "year", "quarter", "hour", "minute"]
                .iter()
                .any(|u| w.trim_end_matches(['s', ',', '.']) == *u)
        });
        // "5 in 2028" is a count and a year.
        let year = first.len() == 4
            && first
                .parse::<u16>()
                .is_ok_and(|y| (1900..=2100).contains(&y));
        if per_time || year {
            String::new()
        } else {
            first
        }
    };
    if let Some((n, d)) = rest
        .split_once(" in ")
        .or_else(|| rest.split_once(" out of "))
        .or_else(|| rest.split_once(" of every "))
        .and_then(|(n, d)| Some((number(n)?, number(&first_word(d))?)))
        // "12,000 in 2028" is a count and a year, not a share.
        .filter(|(n, d)| *d > 0.0 && n <= d)
    {
        return Some((100.0 * n / d, Unit::Percent));
    }
    parse_plain(rest)
}

/// `lower` (lower-cased) without its leading bounds and hedges: "at least
/// 99.5 %" is "99.5 %", "just over £2m" is "£2m".
pub(super) fn strip_qualifiers(mut rest: &str) -> &str {
    let bounds = || FLOORS.iter().chain(CEILINGS).chain(QUALIFIERS);
    while let Some(r) = bounds().find_map(|q| rest.strip_prefix(q)) {
        rest = r.trim_start();
    }
    rest
}

/// A number with an optional currency, scale or unit: `$4.2M`, `55 %`.
fn parse_plain(text: &str) -> Option<(f64, Unit)> {
    let mut rest = text;
    let mut unit = Unit::Plain;
    for sign in ["$", "€", "£", "usd ", "eur ", "gbp "] {
        if let Some(r) = rest.strip_prefix(sign) {
            rest = r.trim_start();
            unit = Unit::Money;
        }
    }
    let end = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let digits: String = rest[..end].chars().filter(|&c| c != ',').collect();
    let mut value: f64 = digits.parse().ok()?;
    // Only the first word after the number is its scale or unit: "12.1M
    // (2026-Q3)", "1.2 million users", "55% of orders".
    let suffix = rest[end..].trim().to_ascii_lowercase();
    let suffix = suffix
        .split(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    let (scale, suffix_unit) = match suffix {
        "" => (1.0, None),
        "%" | "percent" | "pct" => (1.0, Some(Unit::Percent)),
        "k" | "thousand" => (1e3, None),
        "m" | "mn" | "million" => (1e6, None),
        "b" | "bn" | "billion" => (1e9, None),
        "t" | "trillion" => (1e12, None),
        other => {
            // "2 GWh" and "1.2 TWh", "800 kW" and "1.5 MW": energy and power
            // with their metric prefix, so a target in TWh compares with a
            // baseline in GWh. Other units ("ms", "days", "euros"): the
            // number is still the number.
            if let Some(scale) = si_scale(other) {
                (scale, None)
            } else if other.starts_with(|c: char| c.is_alphabetic()) {
                (1.0, None)
            } else {
                return None;
            }
        }
    };
    value *= scale;
    if let Some(u) = suffix_unit {
        unit = u;
    }
    Some((value, unit))
}

/// The scale of an energy or power unit with a metric prefix, in watts or
/// watt-hours: "kwh" is 1e3, "gw" is 1e9.
fn si_scale(unit: &str) -> Option<f64> {
    let base = unit
        .strip_suffix("wh")
        .or_else(|| unit.strip_suffix("wp"))
        .or_else(|| unit.strip_suffix('w'))?;
    Some(match base {
        "" => 1.0,
        "k" => 1e3,
        "m" => 1e6,
        "g" => 1e9,
        "t" => 1e12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_compare_equal() {
        let today = content_stems(&Text::new("Clients phone the shop"));
        let future = Text::new("customers call the store");
        let words = content_senses_where(&future, |_| true);
        assert_eq!(words.len(), 3);
        assert!(words.iter().all(|w| w.in_set(&today)));
        let other = Text::new("drivers email the depot");
        assert!(
            !content_senses_where(&other, |_| true)
                .iter()
                .any(|w| w.in_set(&today))
        );
    }

    #[test]
    fn content_stems_ignore_function_words_and_years() {
        let a = content_stems(&Text::new("By 2032, households read their meter."));
        let b = content_stems(&Text::new("Households read the meter"));
        assert_eq!(a, b);
    }

    #[test]
    fn quantities_read_the_common_spellings() {
        assert_eq!(parse_figure("1.8M"), Some((1.8e6, Unit::Plain)));
        assert_eq!(parse_figure("$31M"), Some((31e6, Unit::Money)));
        assert_eq!(parse_figure("40,000"), Some((40_000.0, Unit::Plain)));
        assert_eq!(parse_figure("55%"), Some((55.0, Unit::Percent)));
        assert_eq!(parse_figure("2 GWh a year"), Some((2e9, Unit::Plain)));
        assert_eq!(parse_figure("1.2 TWh a year"), Some((1.2e12, Unit::Plain)));
        assert_eq!(parse_figure("800 kW"), Some((8e5, Unit::Plain)));
        assert_eq!(parse_figure("1.2 million"), Some((1.2e6, Unit::Plain)));
        assert_eq!(parse_figure("$125 billion"), Some((125e9, Unit::Money)));
        assert_eq!(parse_figure("12 days"), Some((12.0, Unit::Plain)));
        assert_eq!(parse_figure("soon"), None);
        // What follows the number's first word is a note, not its scale.
        assert_eq!(parse_figure("12.1M (2026-Q3)"), Some((12.1e6, Unit::Plain)));
        assert_eq!(
            parse_figure("1.2 million users"),
            Some((1.2e6, Unit::Plain))
        );
        assert_eq!(parse_figure("55% of orders"), Some((55.0, Unit::Percent)));
        assert_eq!(parse_figure("at least 99.5 %"), Some((99.5, Unit::Percent)));
        assert_eq!(parse_figure("about 40"), Some((40.0, Unit::Plain)));
        assert_eq!(parse_figure("+100%"), Some((100.0, Unit::Percent)));
        assert_eq!(parse_figure("none"), Some((0.0, Unit::Plain)));
        assert_eq!(parse_figure("7 in 10"), Some((70.0, Unit::Percent)));
        assert_eq!(
            parse_figure("almost 9 in 10 within a week"),
            Some((90.0, Unit::Percent))
        );
        assert_eq!(
            parse_figure("5 in 2028 and 8 in 2029"),
            Some((5.0, Unit::Plain))
        );
        // A rate in time stays the count it starts with.
        assert_eq!(parse_figure("2 in 3 months"), Some((2.0, Unit::Plain)));
        assert_eq!(parse_figure("all 2,000"), Some((2000.0, Unit::Plain)));
    }
}
