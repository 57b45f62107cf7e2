//! The list of parents `m` offers, the current one marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::App;
use crate::app::overlays::parent_picker::ParentPicker;
use crate::app::screen::Screen;
use crate::sanitize;
use crate::ui::text::{centered, fit, row};
use crate::ui::{Theme, overlay};

/// The list of parents `m` offers, the current one marked.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    picker: &ParentPicker,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(body, 72, (picker.parents.len() as u16 + 2).min(body.height));
    if rect.is_empty() {
        return;
    }
    let key = app
        .strategy
        .get(picker.node)
        .map_or_else(String::new, |n| sanitize::line(&n.key()).into_owned());
    let inner = overlay(frame, rect, &format!(" Move {key} under… "), theme, screen);
    let height = inner.height as usize;
    let top = picker.cursor.saturating_sub(height.saturating_sub(1));
    let current = app.strategy.parent(picker.node);
    for (i, &id) in picker.parents.iter().enumerate().skip(top) {
        let Some(line) = row(inner, i - top) else {
            break;
        };
        let Some(node) = app.strategy.get(id) else {
            continue;
        };
        let mark = if Some(id) == current { "•" } else { " " };
        let text = format!(
            "{mark} {} — {}",
            sanitize::line(&node.id),
            sanitize::line(&node.doc.title)
        );
        let style = if i == picker.cursor {
            theme.selection()
        } else {
            theme.text()
        };
        frame.render_widget(Span::styled(fit(&text, line.width as usize), style), line);
    }
}
