//! A quantity as a metric gives it, in figures or in words: "$4.2M",
//! "7 in 10", "just over £2m", "around a dozen", "a quarter of a million".

use super::super::{Text, Unit, measure, parse_figure};
use super::values;

/// A quantity as a metric or the prose gives it: figures first ("$4.2M",
/// "7 in 10"), then words ("a dozen", "nine in ten").
pub fn parse_quantity(text: &str) -> Option<(f64, Unit)> {
    parse_figure(text).or_else(|| in_words(text))
}

/// A quantity in words, read as the prose is: "a dozen", "nine in ten or
/// better", "three weeks" (3), "a quarter of a million". Only a number the
/// value starts with ("a" or "an" before it aside), so "as reported in
/// today" is none.
fn in_words(text: &str) -> Option<(f64, Unit)> {
    let text = Text::new(measure::strip_qualifiers(&text.trim().to_ascii_lowercase()));
    let values = values(&text);
    let first = values.first()?;
    let lead = usize::from(["a", "an"].contains(&text.word(0)));
    if first.first > lead || first.per_year.is_some() {
        return None;
    }
    // "a quarter of a million": a share of a scale is a number.
    if first.unit == Unit::Percent
        && text.word(first.last + 1) == "of"
        && let Some(scale) = values.get(1).filter(|v| v.first <= first.last + 3)
        && scale.unit == Unit::Plain
    {
        return Some((first.value / 100.0 * scale.value, Unit::Plain));
    }
    Some((first.value, first.unit))
}
