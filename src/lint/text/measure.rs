//! Measures over tokenised text: the content words two fields share (by
//! stem and synonym), and the quantities metrics are written in.

use std::sync::LazyLock;

use super::hash::{FxHashMap, hash_str};
use super::stem::stem;
use super::{Kind, Text, shape, words};

/// The stem hash of each synonym to the stem hash of its group's first word.
static SYNONYMS: LazyLock<FxHashMap<u64, u64>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for entry in words::entries(words::SYNONYMS) {
        let mut alts = entry.split('|').map(|w| hash_str(&stem(w)));
        let Some(canonical) = alts.next() else {
            continue;
        };
        for alt in alts {
            map.insert(alt, canonical);
        }
    }
    map
});

/// The token's stem hash, folded onto its synonym group's.
fn sense(text: &Text, i: usize) -> u64 {
    let stem = text.tokens.get(i).map_or(0, |t| t.stem);
    SYNONYMS.get(&stem).copied().unwrap_or(stem)
}

/// Hashes of the stems of `text`'s content words (function words and years
/// left out), sorted and deduplicated: the set two fields are compared on.
pub fn content_stems(text: &Text) -> Vec<u64> {
    content_stems_where(text, |_| true)
}

/// [`content_stems`] of the tokens `keep` accepts.
pub fn content_stems_where(text: &Text, keep: impl Fn(usize) -> bool) -> Vec<u64> {
    let mut out: Vec<u64> = (0..text.len())
        .filter(|&i| {
            let t = &text.tokens[i];
            !t.is(Kind::Stop) && !t.has(shape::YEAR) && keep(i)
        })
        .map(|i| sense(text, i))
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

/// Reads a metric value such as `1.8M`, `$31M`, `40,000`, `55%`,
/// `1.2 million` or `8 billion`; `None` when it is not a number.
pub fn parse_quantity(text: &str) -> Option<(f64, Unit)> {
    let text = text.trim();
    let mut rest = text;
    let mut unit = Unit::Plain;
    for sign in ["$", "€", "£", "USD ", "EUR ", "GBP "] {
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
    let suffix = rest[end..].trim().to_ascii_lowercase();
    let (scale, suffix_unit) = match suffix.as_str() {
        "" => (1.0, None),
        "%" | "percent" | "pct" => (1.0, Some(Unit::Percent)),
        "k" | "thousand" => (1e3, None),
        "m" | "mn" | "million" => (1e6, None),
        "b" | "bn" | "billion" => (1e9, None),
        "t" | "trillion" => (1e12, None),
        other => {
            // Units such as "ms", "days", "euros": the number is still the number.
            if other.starts_with(|c: char| c.is_alphabetic()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_compare_equal() {
        let a = content_stems(&Text::new("Clients phone the shop"));
        let b = content_stems(&Text::new("customers call the store"));
        assert_eq!(a, b);
    }

    #[test]
    fn content_stems_ignore_function_words_and_years() {
        let a = content_stems(&Text::new("By 2032, households read their meter."));
        let b = content_stems(&Text::new("Households read the meter"));
        assert_eq!(a, b);
    }

    #[test]
    fn quantities_read_the_common_spellings() {
        assert_eq!(parse_quantity("1.8M"), Some((1.8e6, Unit::Plain)));
        assert_eq!(parse_quantity("$31M"), Some((31e6, Unit::Money)));
        assert_eq!(parse_quantity("40,000"), Some((40_000.0, Unit::Plain)));
        assert_eq!(parse_quantity("55%"), Some((55.0, Unit::Percent)));
        assert_eq!(parse_quantity("1.2 million"), Some((1.2e6, Unit::Plain)));
        assert_eq!(parse_quantity("$125 billion"), Some((125e9, Unit::Money)));
        assert_eq!(parse_quantity("12 days"), Some((12.0, Unit::Plain)));
        assert_eq!(parse_quantity("soon"), None);
    }
}
