//! The criteria scorecard: pass, warn or fail per criterion, at a glance.

use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::App;
use crate::app::findings::Counts;
use crate::app::text::wrap::text_width;
use crate::lint::Grade;
use crate::lint::Scorecard;
use crate::lint::{Criterion, Severity};
use crate::model::NodeId;

/// The symbol for a grade; readable without colour.
pub fn symbol(grade: Grade) -> &'static str {
    match grade {
        Grade::Pass => "✓",
        Grade::Warn => "!",
        Grade::Fail => "✗",
    }
}

fn tiny(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Concrete => "conc",
        Criterion::LoftyAchievable => "lofty",
        Criterion::DifferentFromToday => "diff",
        Criterion::WillNot => "w-not",
        Criterion::Cascade => "casc",
        Criterion::Writing => "writ",
        Criterion::Tracking => "track",
    }
}

fn short(criterion: Criterion) -> &'static str {
    match criterion {
        Criterion::Concrete => "concrete",
        Criterion::LoftyAchievable => "lofty",
        Criterion::DifferentFromToday => "different",
        Criterion::WillNot => "will-not",
        Criterion::Cascade => "cascade",
        Criterion::Writing => "writing",
        Criterion::Tracking => "tracking",
    }
}

/// A node's finding counts as ` E2 W1` (and ` N3` when `notes`), coloured by
/// severity: the badge the tree and the scorecard line both show.
pub fn badge(counts: Counts, notes: bool, theme: &Theme) -> Vec<Span<'static>> {
    [
        (counts.errors, "E", Severity::Error),
        (counts.warnings, "W", Severity::Warning),
        (if notes { counts.notes } else { 0 }, "N", Severity::Note),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, mark, severity)| Span::styled(format!(" {mark}{n}"), theme.severity(severity)))
    .collect()
}

/// The scorecard in one line of at most `width` columns: full criterion
/// names when they fit, shorter ones when not, symbols only as a last resort.
pub fn line(app: &App, node: NodeId, width: usize, theme: &Theme) -> Line<'static> {
    let grades: Vec<(Criterion, Grade)> = Scorecard::CRITERIA
        .iter()
        .map(|&c| (c, app.findings.grade(node, c)))
        .collect();
    let tail = badge(app.findings.counts(node), true, theme);
    let tail_width: usize = tail.iter().map(|s| text_width(&s.content)).sum();
    let names: [fn(Criterion) -> &'static str; 4] = [|c| c.as_str(), short, tiny, |_| ""];
    for name in names {
        let spans = spans(&grades, name, theme);
        let used: usize = spans.iter().map(|s| text_width(&s.content)).sum();
        if used + tail_width <= width {
            let mut spans = spans;
            if !tail.is_empty() {
                spans.push(Span::raw(" ".repeat(width - used - tail_width)));
                spans.extend(tail);
            }
            return Line::from(spans);
        }
    }
    Line::from(spans(&grades, |_| "", theme))
}

fn spans(
    grades: &[(Criterion, Grade)],
    name: fn(Criterion) -> &'static str,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    for (i, &(criterion, grade)) in grades.iter().enumerate() {
        if i > 0 {
            out.push(Span::raw(" "));
        }
        let label = name(criterion);
        let text = if label.is_empty() {
            symbol(grade).to_owned()
        } else {
            format!("{} {label}", symbol(grade))
        };
        out.push(Span::styled(text, theme.grade(grade)));
    }
    out
}
