//! A one-line prompt with its cursor, and why the last answer was refused.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;

use crate::app::overlays::prompt::Prompt;
use crate::app::screen::Screen;
use crate::app::text::TextBuffer;
use crate::app::text::wrap::wrap;
use crate::lint::Severity;
use crate::sanitize;
use crate::ui::text::{centered, fit, one_line, row};
use crate::ui::{Theme, overlay};

/// A one-line prompt with its cursor, and why the last answer was refused.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    prompt: &Prompt,
    theme: &Theme,
    screen: &mut Screen,
) {
    let width = 64.min(body.width);
    // Why the answer was refused, wrapped: the box grows to hold all of it.
    let error = prompt
        .error
        .as_deref()
        .map(|e| sanitize::line(e).into_owned())
        .unwrap_or_default();
    let error_rows = wrap(&error, width.saturating_sub(2).max(1) as usize);
    let rect = centered(body, width, 4 + error_rows.len().max(1) as u16);
    if rect.is_empty() {
        return;
    }
    let title = format!(" {} ", prompt.label());
    let inner = overlay(frame, rect, &title, theme, screen);
    text_area(frame, inner, &prompt.input, theme, 0);
    for (i, range) in error_rows.into_iter().enumerate() {
        let Some(line) = row(inner, 2 + i) else { break };
        let text = fit(&error[range], line.width as usize);
        frame.render_widget(Span::styled(text, theme.severity(Severity::Error)), line);
    }
}

/// One line of editable text with the terminal cursor in it.
fn text_area(frame: &mut Frame<'_>, inner: Rect, input: &TextBuffer, theme: &Theme, at: usize) {
    let Some(line) = row(inner, at) else { return };
    let (shown, x) = one_line(input, line.width as usize);
    frame.render_widget(Span::styled(shown, theme.text()), line);
    frame.set_cursor_position(Position::new(line.x + x as u16, line.y));
}
