//! The list of sections `e` can edit.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::app::edit::section::Section;
use crate::app::overlays::section_picker::{Picker, index_number};
use crate::app::screen::Screen;
use crate::ui::text::{centered, fit, row};
use crate::ui::{Theme, overlay};

/// The list of sections `e` can edit.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    picker: &Picker,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(body, 40, Section::ALL.len() as u16 + 2);
    if rect.is_empty() {
        return;
    }
    let inner = overlay(frame, rect, " Edit which section? ", theme, screen);
    for (i, section) in Section::ALL.iter().enumerate() {
        let Some(line) = row(inner, i) else { break };
        let name = section.name().split(" (").next().unwrap_or_default();
        let style = if i == picker.cursor {
            theme.selection()
        } else {
            theme.text()
        };
        let number = index_number(i).map_or_else(|| " ".to_owned(), |n| n.to_string());
        let text = fit(&format!(" {number} {name}"), line.width as usize);
        frame.render_widget(Span::styled(text, style), line);
    }
}
