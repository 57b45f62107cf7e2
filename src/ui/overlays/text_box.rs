//! The multi-line text boxes: the section editor and a reviewer's note, over
//! the lower part of the screen so the two-pager stays in sight above. Every
//! piece of the text passes through `sanitize` on its way to the screen, the
//! text being typed too.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::Span;

use crate::app::App;
use crate::app::overlays::note::Note;
use crate::app::overlays::section_editor::Editor;
use crate::app::screen::Screen;
use crate::app::text::wrap::text_width;
use crate::app::text::{ScreenRow, TextBuffer};
use crate::sanitize;
use crate::ui::text::{fit, row};
use crate::ui::{Theme, overlay};

/// The section editor, over the lower part of `area` so the two-pager and
/// its scorecard stay in sight above it and change as you type.
pub(super) fn editor(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    editor: &Editor,
    theme: &Theme,
    screen: &mut Screen,
) {
    let key = app
        .strategy
        .get(editor.node)
        .map_or_else(String::new, |n| sanitize::line(&n.key()).into_owned());
    let counts = app.findings.counts(editor.node);
    let title = format!(" {} of {key} ", editor.section.name());
    // The counts and keys on the bottom edge, where a long id cannot push them off.
    let footer = format!(
        " E{} W{} · esc done · ctrl-s save ",
        counts.errors, counts.warnings
    );
    text_box(frame, area, &title, &footer, &editor.input, theme, screen);
}

/// What a reviewer is typing (a comment, an approval's reason), in a box
/// over the lower half of the screen, the two-pager still visible above.
pub(super) fn note(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    note: &Note,
    theme: &Theme,
    screen: &mut Screen,
) {
    let key = app
        .strategy
        .get(note.node)
        .map_or_else(String::new, |n| sanitize::line(&n.key()).into_owned());
    let title = format!(" {} ({key}) ", note.kind.title());
    text_box(
        frame,
        area,
        &title,
        " esc records ",
        &note.input,
        theme,
        screen,
    );
}

/// A box of editable, soft-wrapped text over the lower half of `area`,
/// the terminal cursor in it and its row kept in view. Up and down move by
/// the rows drawn here (`screen.editor_width`).
fn text_box(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    footer: &str,
    input: &TextBuffer,
    theme: &Theme,
    screen: &mut Screen,
) {
    if area.height < 4 || area.width < 8 {
        return;
    }
    let height = (area.height / 2).max(6).min(area.height);
    let rect = Rect {
        y: area.y + area.height - height,
        height,
        ..area
    };
    let inner = overlay(frame, rect, title, theme, screen);
    if rect.width > 2 {
        let edge = Rect {
            x: rect.x + 1,
            y: rect.bottom() - 1,
            width: rect.width - 2,
            height: 1,
        };
        let footer = fit(footer, edge.width as usize);
        let pad = (edge.width as usize).saturating_sub(text_width(&footer));
        let edge = Rect {
            x: edge.x + pad as u16,
            width: edge.width - pad as u16,
            ..edge
        };
        frame.render_widget(Span::styled(footer, theme.accent()), edge);
    }
    screen.editor_width = inner.width as usize;
    let (rows, cursor) = input.wrapped(inner.width as usize);
    let height = inner.height as usize;
    // Keep the cursor's row in view, as low as the text allows.
    let top = cursor.0.saturating_sub(height.saturating_sub(1));
    draw_rows(frame, inner, input, &rows, top, theme);
    let y = cursor.0 - top;
    frame.set_cursor_position(Position::new(
        inner.x + (cursor.1 as u16).min(inner.width.saturating_sub(1)),
        inner.y + y as u16,
    ));
}

fn draw_rows(
    frame: &mut Frame<'_>,
    inner: Rect,
    input: &TextBuffer,
    rows: &[ScreenRow],
    top: usize,
    theme: &Theme,
) {
    for (i, (index, range)) in rows.iter().skip(top).enumerate() {
        let Some(line) = row(inner, i) else { break };
        let text = &input.lines()[*index][range.clone()];
        frame.render_widget(Span::styled(sanitize::line(text), theme.text()), line);
    }
}
