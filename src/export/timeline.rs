//! When each level expects to be true: a lane per level, a circle per
//! horizon holding how many two-pagers name it, a line at the day the page
//! is as of. Inline SVG, like the map: numbers, strata's own words and
//! escaped titles (in tooltips) only.
//!
//! Horizons gather by month, quarter, half or year, whichever keeps circles
//! apart at the width drawn; circles that would still touch stack on a
//! second row. Linear in the nodes (plus sorting the distinct periods).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::escape::html as h;
use super::map::Frame;
use super::outline::Outline;
use crate::model::{Horizon, Level};

const RADIUS: f64 = 10.0;
const ROW: f64 = 24.0;
const AXIS: f64 = 28.0;
/// Room above the lanes for the "as of" label.
const TOP: f64 = 18.0;
/// How many titles a circle's tooltip lists before "and N more".
const LISTED: usize = 12;

/// A horizon as a month count, `YYYY` meaning its December.
fn month(horizon: Horizon) -> i32 {
    horizon.year * 12 + i32::from(horizon.month.unwrap_or(12)) - 1
}

fn lane_name(level: Level) -> &'static str {
    match level {
        Level::Vision => "Vision",
        Level::Intent => "Intents",
        Level::Initiative => "Initiatives",
        Level::Option => "Options",
    }
}

/// The timeline of `outline`'s horizons in `frame`, or `None` when no node has one.
pub fn draw(outline: &Outline<'_>, frame: Frame, class: &str) -> Option<String> {
    let entries = outline.entries();
    let due = || entries.iter().filter_map(|e| e.node.doc.horizon.map(month));
    let first = due().min()?;
    let last = due().max()?;
    let today = outline.as_of.year * 12 + i32::from(outline.as_of.month) - 1;
    let first_year = first.min(today) / 12;
    let last_year = last.max(today) / 12;
    let years = (last_year - first_year + 1) as f64;

    let label_w = if frame.width < 500.0 { 80.0 } else { 100.0 };
    let plot_x = label_w;
    let plot_w = frame.width - label_w - RADIUS - 2.0;
    let per_month = plot_w / (years * 12.0);
    let x_of = |m: f64| plot_x + (m - f64::from(first_year * 12)) * per_month;
    // Horizons gather by month, or by quarter, half or year when months are
    // too close for circles side by side.
    let span = [1, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|&g| f64::from(g) * per_month >= 2.0 * RADIUS + 2.0)
        .unwrap_or(120);
    // (level, period) -> the entries due then, in reading order.
    let mut buckets: BTreeMap<(usize, i32), Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        if let Some(horizon) = entry.node.doc.horizon {
            let period = month(horizon).div_euclid(span);
            buckets
                .entry((entry.node.level.depth(), period))
                .or_default()
                .push(i);
        }
    }

    // Each lane's circles, stacked where they would touch.
    type Mark<'b> = (f64, usize, (i32, &'b Vec<usize>));
    let mut lanes: Vec<(Level, Vec<Mark<'_>>, usize)> = Vec::new();
    for level in Level::ALL {
        let mut marks = Vec::new();
        let mut row_ends: Vec<f64> = Vec::new();
        let lane = (level.depth(), i32::MIN)..=(level.depth(), i32::MAX);
        for (&(_, period), members) in buckets.range(lane) {
            let x = x_of(f64::from(period * span) + f64::from(span) / 2.0);
            let row = match row_ends
                .iter()
                .position(|&end| end + 2.0 * RADIUS + 2.0 <= x)
            {
                Some(row) => row,
                None => {
                    row_ends.push(f64::NEG_INFINITY);
                    row_ends.len() - 1
                }
            };
            row_ends[row] = x;
            marks.push((x, row, (period, members)));
        }
        if !marks.is_empty() {
            lanes.push((level, marks, row_ends.len()));
        }
    }

    let height: f64 = lanes
        .iter()
        .map(|(_, _, rows)| *rows as f64 * ROW + 8.0)
        .sum::<f64>()
        + AXIS
        + TOP;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"timeline {class}\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" role=\"img\" aria-label=\"Horizons by level, {first_year} to {last_year}\">",
        w = frame.width,
    );
    // Year ticks, spaced so their labels never touch.
    let per_year = plot_w / years;
    let step = (44.0 / per_year).ceil().max(1.0) as i32;
    let mut year = first_year;
    while year <= last_year + 1 {
        let x = x_of(f64::from(year * 12));
        let _ = write!(
            out,
            "<line class=\"tick\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"{TOP}\" y2=\"{:.1}\"/>",
            height - AXIS + 4.0
        );
        if year <= last_year {
            let _ = write!(
                out,
                "<text class=\"year\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{year}</text>",
                x + 2.0,
                height - 8.0
            );
        }
        year += step;
    }
    let mut y = TOP;
    for (level, marks, rows) in &lanes {
        let lane_h = *rows as f64 * ROW + 8.0;
        let _ = write!(
            out,
            "<text class=\"lane\" x=\"0\" y=\"{:.1}\" font-size=\"12\">{}</text>",
            y + ROW / 2.0 + 4.0,
            lane_name(*level)
        );
        for &(x, row, (period, members)) in marks {
            let cy = y + row as f64 * ROW + ROW / 2.0;
            let when = period_name(period, span);
            mark(&mut out, outline, (x, cy), &when, members);
        }
        y += lane_h;
    }
    let now = x_of(f64::from(today) + f64::from(outline.as_of.day) / 31.0);
    let _ = write!(
        out,
        "<line class=\"today\" x1=\"{now:.1}\" x2=\"{now:.1}\" y1=\"{}\" y2=\"{:.1}\"><title>As of {as_of}</title></line>\
         <text class=\"today\" x=\"{:.1}\" y=\"12\" font-size=\"11\">as of {as_of}</text>",
        TOP - 2.0,
        height - AXIS + 4.0,
        // The label starts at the line, or ends at it near the right edge.
        (now + 3.0).min(frame.width - 100.0),
        as_of = outline.as_of
    );
    out.push_str("</svg>");
    Some(out)
}

/// A period of `span` months, numbered from year 0, as a reader says it.
fn period_name(period: i32, span: i32) -> String {
    let start = period * span;
    let (year, month) = (start.div_euclid(12), start.rem_euclid(12) + 1);
    match span {
        1 => format!("{year}-{month:02}"),
        3 => format!("{year} Q{}", (month - 1) / 3 + 1),
        6 => format!("{year} H{}", (month - 1) / 6 + 1),
        12 => format!("{year}"),
        _ => format!("{year}–{}", year + span / 12 - 1),
    }
}

/// One circle at `(x, cy)`: the count, the period and the titles in its
/// tooltip, and a link when it stands for one two-pager.
fn mark(out: &mut String, outline: &Outline<'_>, at: (f64, f64), when: &str, members: &[usize]) {
    let (x, cy) = at;
    let entries = outline.entries();
    let first = &entries[members[0]];
    let mut tip = format!("{when}: ");
    for (n, &i) in members.iter().take(LISTED).enumerate() {
        if n > 0 {
            tip.push_str("; ");
        }
        tip.push_str(&h(entries[i].title()));
    }
    if members.len() > LISTED {
        let _ = write!(tip, "; and {} more", members.len() - LISTED);
    }
    let body = format!(
        "<title>{tip}</title><circle cx=\"{x:.1}\" cy=\"{cy:.1}\" r=\"{RADIUS}\"/>\
         <text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{}</text>",
        cy + 4.0,
        members.len()
    );
    if members.len() == 1 {
        let _ = write!(
            out,
            "<a href=\"#{}\" class=\"mark\">{body}</a>",
            h(&first.anchor)
        );
    } else {
        let _ = write!(out, "<g class=\"mark\">{body}</g>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::map::{NARROW, WIDE};
    use crate::model::{Date, Node, Strategy};

    fn strategy() -> Strategy {
        let mut s = Strategy::new("Acme");
        let mut vision = Node::new(Level::Vision, "vision");
        vision.doc.horizon = Horizon::parse("2032");
        s.add(vision);
        for (key, horizon) in [("a", "2028-06"), ("b", "2028-06"), ("c", "2028-07")] {
            let mut intent = Node::new(Level::Intent, key);
            intent.doc.title = format!("<{key}>");
            intent.doc.horizon = Horizon::parse(horizon);
            s.add(intent);
        }
        s
    }

    #[test]
    fn horizons_gather_by_level_and_by_a_period_that_keeps_circles_apart() {
        let s = strategy();
        let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
        let svg = draw(&outline, WIDE, "wide").unwrap();
        assert!(svg.contains(">Vision</text>") && svg.contains(">Intents</text>"));
        assert!(!svg.contains(">Options</text>"));
        // Seven years across 600 px: quarters would touch, so by half-year.
        assert!(
            svg.contains("<title>2028 H1: &lt;a&gt;; &lt;b&gt;</title>"),
            "{svg}"
        );
        assert!(svg.contains("<a href=\"#intents-c\" class=\"mark\"><title>2028 H2: &lt;c&gt;"));
        assert!(svg.contains(">2026</text>") && svg.contains(">2032</text>"));
        assert!(svg.contains(">as of 2026-11-01</text>"));
        // On a phone, by year: the three intents share one circle.
        let narrow = draw(&outline, NARROW, "narrow").unwrap();
        assert!(
            narrow.contains("<title>2028: &lt;a&gt;; &lt;b&gt;; &lt;c&gt;</title>"),
            "{narrow}"
        );
        assert_eq!(period_name(2028 * 12 / 3 + 2, 3), "2028 Q3");
        assert_eq!(period_name(2030 * 12 / 24, 24), "2030–2031");
    }

    #[test]
    fn no_horizon_no_timeline() {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
        assert_eq!(draw(&outline, WIDE, "wide"), None);
    }
}
