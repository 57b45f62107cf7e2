//! Progress drawn as inline SVG for the HTML page: a bar with the expected
//! mark and a sparkline of a metric's check-ins. Only numbers and strata's
//! own class names go into the markup, never text from the file, and the
//! shapes carry their figures as a `<title>`, so they read without colour
//! and in print.

use std::fmt::Write;

use crate::model::progress::Health;
use crate::model::progress::text::percent;

const BAR_WIDTH: f64 = 120.0;
const BAR_HEIGHT: f64 = 10.0;

/// A bar filled to `progress` (held to 0..1) with a tick at `expected`.
pub fn bar(progress: Option<f64>, expected: Option<f64>, health: Health) -> String {
    let filled = progress.map_or(0.0, |p| p.clamp(0.0, 1.0)) * BAR_WIDTH;
    let label = match (progress, expected) {
        (Some(p), Some(e)) => format!("{} of the way, expected {}", percent(p), percent(e)),
        (Some(p), None) => format!("{} of the way", percent(p)),
        _ => "no data".to_owned(),
    };
    let mut out = format!(
        "<svg class=\"bar\" width=\"{BAR_WIDTH}\" height=\"{BAR_HEIGHT}\" viewBox=\"0 0 {BAR_WIDTH} {BAR_HEIGHT}\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>\
         <rect class=\"track\" width=\"{BAR_WIDTH}\" height=\"{BAR_HEIGHT}\"/>\
         <rect class=\"fill {}\" width=\"{filled:.1}\" height=\"{BAR_HEIGHT}\"/>",
        health.as_str()
    );
    if let Some(e) = expected {
        let x = e.clamp(0.0, 1.0) * BAR_WIDTH;
        let _ = write!(
            out,
            "<line class=\"expected\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"0\" y2=\"{BAR_HEIGHT}\"/>"
        );
    }
    out.push_str("</svg>");
    out
}

/// A line through the check-ins' progress, oldest left, the latest dotted;
/// up is toward the target. Empty for fewer than two points.
pub fn sparkline(series: &[f64]) -> String {
    if series.len() < 2 {
        return String::new();
    }
    let (width, height) = (60.0, 14.0);
    let low = series.iter().copied().fold(f64::INFINITY, f64::min);
    let high = series.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let span = if high - low < 1e-12 { 1.0 } else { high - low };
    let step = width / (series.len() - 1) as f64;
    let point = |i: usize, v: f64| {
        let y = if high - low < 1e-12 {
            height / 2.0
        } else {
            1.0 + (height - 2.0) * (1.0 - (v - low) / span)
        };
        (i as f64 * step, y)
    };
    let points: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let (x, y) = point(i, v);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let (x, y) = point(series.len() - 1, series[series.len() - 1]);
    let figures: Vec<String> = series.iter().map(|&v| percent(v)).collect();
    let label = format!("check-ins: {}", figures.join(", "));
    format!(
        "<svg class=\"spark\" width=\"{width}\" height=\"{height}\" viewBox=\"-2 0 {} {height}\" role=\"img\" aria-label=\"{label}\"><title>{label}</title>\
         <polyline points=\"{}\"/><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"2\"/></svg>",
        width + 4.0,
        points.join(" ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_and_sparklines_carry_their_figures_and_nothing_else() {
        let out = bar(Some(0.25), Some(0.5), Health::AtRisk);
        assert!(out.contains("width=\"30.0\""), "{out}");
        assert!(out.contains("x1=\"60.0\""), "{out}");
        assert!(out.contains("<title>25% of the way, expected 50%</title>"));
        assert!(out.contains("class=\"fill at-risk\""));
        let spark = sparkline(&[0.0, 0.5, 1.0]);
        assert!(
            spark.contains("points=\"0.0,13.0 30.0,7.0 60.0,1.0\""),
            "{spark}"
        );
        assert!(spark.contains("check-ins: 0%, 50%, 100%"));
        assert_eq!(sparkline(&[0.3]), "");
        assert!(!out.contains("<script") && !spark.contains("<script"));
    }
}
