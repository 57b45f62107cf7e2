//! `o` with `--since`: each changed section as it was and as it is, side
//! by side (stacked on a narrow terminal), both re-wrapped to their pane,
//! with the words one side has and the other lacks marked: removed words
//! on the old side, added ones on the new (`review::word_diff`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::section_name;
use crate::app::text::wrap::wrap;
use crate::lint::{Grade, Severity};
use crate::model::{Field, TwoPager};
use crate::review::word_diff::{Side, word_diff};
use crate::sanitize;
use crate::ui::{Theme, pane};

/// Draws the comparison of `sections` between `before` and `now` in `rect`.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    before: &TwoPager,
    now: &TwoPager,
    sections: &[Field],
    label: &str,
    theme: &Theme,
) {
    let [old_rect, new_rect] = if rect.width >= 80 {
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rect)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rect)
    };
    let old_inner = pane(frame, old_rect, &format!(" Before {label} "), false, theme);
    let new_inner = pane(frame, new_rect, " Now ", false, theme);
    let removed = theme
        .severity(Severity::Error)
        .add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD);
    let added = theme
        .grade(Grade::Pass)
        .add_modifier(Modifier::UNDERLINED | Modifier::BOLD);
    let (mut old_lines, mut new_lines) = (Vec::new(), Vec::new());
    for &field in sections {
        let (old_side, new_side) =
            word_diff(&section_text(before, field), &section_text(now, field));
        for (lines, side, width, mark) in [
            (&mut old_lines, &old_side, old_inner.width, removed),
            (&mut new_lines, &new_side, new_inner.width, added),
        ] {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(section_name(field).to_owned(), theme.accent()));
            lines.extend(wrapped(side, width as usize, mark, theme));
        }
    }
    frame.render_widget(Paragraph::new(old_lines), old_inner);
    frame.render_widget(Paragraph::new(new_lines), new_inner);
}

/// A section's text for comparing: list items each a paragraph of its own.
pub(super) fn section_text(doc: &TwoPager, field: Field) -> String {
    match field {
        Field::Horizon => doc.horizon.map(|h| h.to_string()).unwrap_or_default(),
        Field::WillNotList => doc
            .will_not
            .iter()
            .map(|item| format!("• {item}"))
            .collect::<Vec<_>>()
            .join("\n\n"),
        Field::Metrics => doc
            .metrics
            .iter()
            .map(|m| format!("• {}", m.summary()))
            .collect::<Vec<_>>()
            .join("\n\n"),
        other => doc.text(other).unwrap_or_default().to_owned(),
    }
}

/// `side` wrapped to `width`, changed pieces in `mark`. Each piece is
/// sanitized before it is measured, so the marks land where the terminal
/// draws the characters.
fn wrapped(side: &Side, width: usize, mark: Style, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let empty = side
        .iter()
        .all(|p| p.iter().all(|piece| piece.text.trim().is_empty()));
    if empty {
        lines.push(Line::styled("(empty)", theme.dim()));
        return lines;
    }
    for paragraph in side {
        let mut text = String::new();
        let mut marks: Vec<(usize, usize)> = Vec::new();
        for piece in paragraph {
            let start = text.len();
            text.push_str(&sanitize::line(&piece.text));
            if piece.changed {
                marks.push((start, text.len()));
            }
        }
        for range in wrap(&text, width) {
            let mut spans = Vec::new();
            let mut at = range.start;
            for &(start, end) in &marks {
                let (start, end) = (start.max(range.start), end.min(range.end));
                if start >= end {
                    continue;
                }
                if at < start {
                    spans.push(Span::raw(text[at..start].to_owned()));
                }
                spans.push(Span::styled(text[start..end].to_owned(), mark));
                at = end;
            }
            if at < range.end {
                spans.push(Span::raw(text[at..range.end].to_owned()));
            }
            lines.push(Line::from(spans));
        }
    }
    lines
}
