//! Progress as text, the same in every view that draws with characters (the
//! browser, `strata progress`): a share as a percentage, a bar with the
//! expected mark, and a sparkline of a metric's check-ins.

use super::{Health, MetricProgress, NodeProgress};
use crate::model::Level;

/// A node's standing in words: `24% of the way (expected 27%), on track ·
/// 2 of 2 metrics reporting`; `child` is its children's level.
pub fn node_summary(p: &NodeProgress, child: Option<Level>) -> String {
    let reporting = p.reporting(child);
    match (p.progress, p.expected) {
        (Some(share), Some(expected)) => format!(
            "{} of the way (expected {}), {} · {reporting}",
            percent(share),
            percent(expected),
            p.health.label()
        ),
        _ => format!("no data · {reporting}"),
    }
}

/// A metric's standing in words: `22%, expected 34%: at risk`, or why
/// there is no judgement.
pub fn metric_summary(m: &MetricProgress) -> String {
    match (m.progress, m.expected, m.why) {
        (Some(share), Some(expected), _) => format!(
            "{}, expected {}: {}",
            percent(share),
            percent(expected),
            m.health.label()
        ),
        (Some(share), None, Some(why)) => format!("{}: {why}", percent(share)),
        (Some(share), None, None) if m.health == Health::Done => {
            format!("{}: done", percent(share))
        }
        (_, _, Some(why)) => format!("no data: {why}"),
        _ => m.health.label().to_owned(),
    }
}

/// A share of the way as a whole percentage: `0.416` is `42%`.
pub fn percent(share: f64) -> String {
    let rounded = (share * 100.0).round();
    // `-0%` reads as a typo.
    format!("{}%", if rounded == 0.0 { 0.0 } else { rounded })
}

/// `width` cells filled as far as `progress` (held to 0..1, in eighths of
/// a cell), with `│` where `expected` falls: `█████▌│░░░`.
pub fn bar(progress: Option<f64>, expected: Option<f64>, width: usize) -> String {
    const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if width == 0 {
        return String::new();
    }
    let filled = progress.map_or(0.0, |p| p.clamp(0.0, 1.0)) * width as f64;
    let full = filled.floor() as usize;
    let eighth = ((filled - full as f64) * 8.0).floor() as usize;
    let mark =
        expected.map(|e| ((e.clamp(0.0, 1.0) * width as f64).round() as usize).min(width - 1));
    (0..width)
        .map(|cell| {
            if Some(cell) == mark {
                '│'
            } else if cell < full {
                '█'
            } else if cell == full && eighth > 0 {
                EIGHTHS[eighth.min(7)]
            } else {
                '░'
            }
        })
        .collect()
}

/// One character per value, from `▁` (the lowest) to `█` (the highest), the
/// last `width` values: the shape of a metric's history. Progress values
/// are used, so up is always toward the target, even when lower is better.
pub fn sparkline(series: &[f64], width: usize) -> String {
    const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let shown = &series[series.len().saturating_sub(width)..];
    let low = shown.iter().copied().fold(f64::INFINITY, f64::min);
    let high = shown.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    shown
        .iter()
        .map(|&value| {
            if high - low < 1e-12 {
                return LEVELS[3];
            }
            let level = ((value - low) / (high - low) * 7.0).round() as usize;
            LEVELS[level.min(7)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_and_never_read_minus_zero() {
        assert_eq!(percent(0.416), "42%");
        assert_eq!(percent(-0.001), "0%");
        assert_eq!(percent(1.25), "125%");
        assert_eq!(percent(-0.1), "-10%");
    }

    #[test]
    fn bars_fill_in_eighths_and_mark_the_expected_place() {
        assert_eq!(bar(Some(0.55), Some(0.6), 10), "█████▌│░░░");
        assert_eq!(bar(Some(1.4), None, 4), "████");
        assert_eq!(bar(Some(-0.5), Some(1.0), 4), "░░░│");
        assert_eq!(bar(None, None, 3), "░░░");
        assert_eq!(bar(Some(0.5), Some(0.5), 0), "");
    }

    #[test]
    fn sparklines_show_the_shape_of_the_last_values() {
        assert_eq!(sparkline(&[0.0, 0.5, 1.0], 8), "▁▅█");
        assert_eq!(sparkline(&[0.2, 0.2], 8), "▄▄");
        assert_eq!(sparkline(&[0.0, 0.1, 0.2, 0.3], 2), "▁█");
        assert_eq!(sparkline(&[], 8), "");
    }
}
