//! A metric's target as the number it names, read against its baseline
//! when it is written as a change: "five times today", "3x", "double",
//! "about 1% lower", "+25%" on a baseline in pounds, "a quarter more".

use super::moves::multiplier;
use super::numbers::{parse_quantity, values};
use super::{Text, Unit};

/// The target `target` names, given the `baseline` it is read against.
pub fn target(baseline: (f64, Unit), target: &str) -> Option<(f64, Unit)> {
    relative(baseline, target).or_else(|| parse_quantity(target))
}

/// A target written as a change from the baseline, as a value in the
/// baseline's unit.
fn relative(baseline: (f64, Unit), target: &str) -> Option<(f64, Unit)> {
    let text = Text::new(target);
    // "five times today", "3x", "double", "tenfold": a multiple, said first.
    if let Some(factor) = (0..text.len().min(3)).find_map(|i| multiplier(&text, i)) {
        return Some((baseline.0 * factor, baseline.1));
    }
    let first = values(&text).first().filter(|v| v.unit == Unit::Percent)?;
    // "+25%" on £14.2m is a rise of a quarter; on a share it is the share.
    let sign = target.trim_start().chars().next();
    let share = baseline.1 == Unit::Percent;
    let after = text.word(first.last + 1);
    let up =
        ["more", "higher", "up", "above", "over"].contains(&after) || (!share && sign == Some('+'));
    let down = [
        "lower", "less", "fewer", "down", "below", "under", "smaller",
    ]
    .contains(&after)
        || (!share && matches!(sign, Some('-' | '−')));
    let factor = match (up, down) {
        (true, false) => 1.0 + first.value / 100.0,
        (false, true) => 1.0 - first.value / 100.0,
        _ => return None,
    };
    Some((baseline.0 * factor, baseline.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(baseline: (f64, Unit), text: &str) -> Option<(f64, Unit)> {
        target(baseline, text).map(|(v, u)| ((v * 100.0).round() / 100.0, u))
    }

    #[test]
    fn changes_are_read_against_the_baseline() {
        let pounds = (2.3e6, Unit::Money);
        assert_eq!(
            read(pounds, "five times today (£11.5m)"),
            Some((11.5e6, Unit::Money))
        );
        assert_eq!(read(pounds, "3x"), Some((6.9e6, Unit::Money)));
        assert_eq!(read(pounds, "double"), Some((4.6e6, Unit::Money)));
        assert_eq!(read(pounds, "+25%"), Some((2.875e6, Unit::Money)));
        assert_eq!(
            read((7.2, Unit::Plain), "about 1% lower"),
            Some((7.13, Unit::Plain))
        );
        assert_eq!(
            read((400.0, Unit::Plain), "a quarter more"),
            Some((500.0, Unit::Plain))
        );
    }

    #[test]
    fn plain_targets_are_read_as_written() {
        // On a share, "+5%" is the share itself, as before.
        assert_eq!(
            read((34.0, Unit::Percent), "+5%"),
            Some((5.0, Unit::Percent))
        );
        assert_eq!(
            read((34.0, Unit::Percent), "45%"),
            Some((45.0, Unit::Percent))
        );
        assert_eq!(read((2.3e6, Unit::Money), "£3m"), Some((3e6, Unit::Money)));
        // Three times a week is a frequency, not a multiple.
        assert_eq!(read((1.0, Unit::Plain), "three times a week"), None);
        assert_eq!(read((1.0, Unit::Plain), "see the plan"), None);
    }
}
