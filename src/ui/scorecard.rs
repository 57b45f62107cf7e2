//! The criteria scorecard: pass, warn or fail per criterion, at a glance.

use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::{App, Grade, text_width};
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
    }
}

/// The scorecard in one line of at most `width` columns: full criterion
/// names when they fit, shorter ones when not, symbols only as a last resort.
pub fn line(app: &App, node: NodeId, width: usize, theme: &Theme) -> Line<'static> {
    let grades: Vec<(Criterion, Grade)> = Scorecard::CRITERIA
        .iter()
        .map(|&c| (c, app.findings.grade(node, c)))
        .collect();
    let counts = app.findings.counts(node);
    let mut tail = Vec::new();
    if counts.errors > 0 {
        tail.push(Span::styled(
            format!(" E{}", counts.errors),
            theme.severity(Severity::Error),
        ));
    }
    if counts.warnings > 0 {
        tail.push(Span::styled(
            format!(" W{}", counts.warnings),
            theme.severity(Severity::Warning),
        ));
    }
    if counts.notes > 0 {
        tail.push(Span::styled(
            format!(" N{}", counts.notes),
            theme.severity(Severity::Note),
        ));
    }
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
