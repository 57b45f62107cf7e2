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
    let values = values(&text);
    // "+500" on 20,000 members, "+£2m" on £14m: an amount added.
    let sign = target.trim_start().chars().next();
    if let Some(v) = values
        .first()
        .filter(|v| v.first == 0 && v.unit != Unit::Percent)
        && baseline.1 != Unit::Percent
        && (v.unit == baseline.1 || v.unit == Unit::Plain)
    {
        match sign {
            Some('+') => return Some((baseline.0 + v.value, baseline.1)),
            Some('-' | '−') => return Some((baseline.0 - v.value, baseline.1)),
            _ => {}
        }
    }
    // "£11.5m (5x 2020)": a figure said first is the target itself.
    let figure_first = values
        .first()
        .is_some_and(|v| v.first == 0 && multiplier(&text, 0).is_none() && v.unit != Unit::Percent);
    if figure_first {
        return None;
    }
    // "five times today", "3x", "double", "tenfold": a multiple, said
    // first; "3x faster" and "twice as quick" divide a duration, and
    // "double digits" is no multiple.
    if let Some((i, factor)) = (0..text.len().min(3)).find_map(|i| Some((i, multiplier(&text, i)?)))
    {
        let after = (i + 1..(i + 4).min(text.len())).map(|j| text.word(j));
        let mut after = after.filter(|w| !["times", "as", "x"].contains(w));
        return match after.next() {
            Some(w) if w.starts_with("digit") || w.contains("-digit") => None,
            Some(w) if SHORTER.contains(&w) => Some((baseline.0 / factor, baseline.1)),
            _ => Some((baseline.0 * factor, baseline.1)),
        };
    }
    let first = values.first().filter(|v| v.unit == Unit::Percent)?;
    // "+25%" on £14.2m is a rise of a quarter; on a share it is the share,
    // and "1% higher" on a 2% rate is a point more. "99% over the year"
    // and "95% under 20 seconds" are conditions, not changes.
    let share = baseline.1 == Unit::Percent;
    let after = text.word(first.last + 1);
    let up = ["more", "higher", "up"].contains(&after) || (!share && sign == Some('+'));
    let down = ["lower", "less", "fewer", "down", "smaller"].contains(&after)
        || (!share && matches!(sign, Some('-' | '−')));
    let change = match (up, down) {
        (true, false) => first.value,
        (false, true) => -first.value,
        _ => return None,
    };
    Some(if share {
        (baseline.0 + change, baseline.1)
    } else {
        (baseline.0 * (1.0 + change / 100.0), baseline.1)
    })
}

/// Words after a multiple that make a duration shorter by it.
const SHORTER: &[&str] = &["faster", "quicker", "shorter", "sooner", "fast", "quick"];

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
        // An amount added or taken off.
        assert_eq!(
            read((20_000.0, Unit::Plain), "+500"),
            Some((20_500.0, Unit::Plain))
        );
        assert_eq!(read((14e6, Unit::Money), "+£2m"), Some((16e6, Unit::Money)));
        // A figure said first is the target; direction and digits are read.
        assert_eq!(
            read((2.3e6, Unit::Money), "£11.5m (5x 2020)"),
            Some((11.5e6, Unit::Money))
        );
        assert_eq!(
            read((6.0, Unit::Plain), "3x faster"),
            Some((2.0, Unit::Plain))
        );
        assert_eq!(
            read((6.0, Unit::Plain), "twice as fast"),
            Some((3.0, Unit::Plain))
        );
        assert_eq!(read((6.0, Unit::Plain), "double digits"), None);
        // On a share, a change is in points; a condition is no change.
        assert_eq!(
            read((2.0, Unit::Percent), "1% higher"),
            Some((3.0, Unit::Percent))
        );
        assert_eq!(
            read((97.0, Unit::Percent), "99% over the year"),
            Some((99.0, Unit::Percent))
        );
        assert_eq!(
            read((90.0, Unit::Percent), "95% under 20 seconds"),
            Some((95.0, Unit::Percent))
        );
        // Three times a week is a frequency, not a multiple.
        assert_eq!(read((1.0, Unit::Plain), "three times a week"), None);
        assert_eq!(read((1.0, Unit::Plain), "see the plan"), None);
    }
}
