//! The panel of problems found while loading, wrapped to its width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::app::App;
use crate::app::screen::Screen;
use crate::app::text::wrap::wrap;
use crate::ui::text::{centered, row};
use crate::ui::{Theme, overlay};

pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    scroll: usize,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(
        body,
        body.width.saturating_sub(2).min(110),
        body.height.saturating_sub(2),
    );
    if rect.is_empty() {
        return;
    }
    let title = format!(" Problems found while loading · {} · esc closes ", app.file);
    let inner = overlay(frame, rect, &title, theme, screen);
    screen.panel_lines = inner.height as usize;
    if inner.is_empty() {
        return;
    }
    let width = inner.width as usize;
    // Wrapped, never cut: a snippet's line and its caret may both be long.
    let lines: Vec<&str> = app
        .load_problems
        .iter()
        .flat_map(|line| {
            if line.is_empty() {
                vec![""]
            } else {
                wrap(line, width)
                    .into_iter()
                    .map(|range| &line[range])
                    .collect()
            }
        })
        .collect();
    screen.panel_total = lines.len();
    let scroll = scroll.min(lines.len().saturating_sub(inner.height as usize));
    for (i, line) in lines.iter().skip(scroll).enumerate() {
        let Some(line_area) = row(inner, i) else {
            break;
        };
        let style = if line.starts_with("warning") || line.starts_with("error") {
            theme.severity(crate::lint::Severity::Warning)
        } else {
            theme.text()
        };
        frame.render_widget(Line::styled(line.to_string(), style), line_area);
    }
}
