//! The editing overlays: confirmations, one-line prompts, the section
//! picker and the section editor. Every piece of the file's text passes
//! through `sanitize` on its way to the screen, the text being typed too.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::text::{centered, fit, one_line, row};
use super::{Theme, overlay};
use crate::app::App;
use crate::app::edit::section::Section;
use crate::app::overlays::confirm::{self, Confirm};
use crate::app::overlays::note::Note;
use crate::app::overlays::parent_picker::ParentPicker;
use crate::app::overlays::prompt::Prompt;
use crate::app::overlays::section_editor::Editor;
use crate::app::overlays::section_picker::Picker;
use crate::app::screen::Screen;
use crate::app::text::{ScreenRow, TextBuffer};
use crate::lint::Severity;
use crate::sanitize;

/// A question and its choices, centred.
pub(super) fn confirm(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    question: &Confirm,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(body, 64, 9);
    if rect.is_empty() {
        return;
    }
    let title = match *question {
        Confirm::QuitUnsaved => " Unsaved edits ",
        Confirm::ChangedOnDisk => " Changed on disk ",
        Confirm::ReloadDiscards => " Reload ",
        Confirm::Delete(_) | Confirm::DeleteWithChildren(..) | Confirm::DeleteSubtree(..) => {
            " Delete "
        }
        Confirm::Recover(_) => " Unsaved edits from an earlier session ",
        Confirm::DiscardRecovered => " Discard for good? ",
        Confirm::MarkdownProblem(_) => " The edited two-pager does not read back ",
        Confirm::QuitDropsDrafts => " Editor text would be lost ",
    };
    let inner = overlay(frame, rect, title, theme, screen);
    let choices: Vec<Span<'_>> = confirm::shown_choices(question)
        .flat_map(|(key, what)| {
            [
                Span::styled(format!(" {key} "), theme.accent()),
                Span::raw(format!("{what}  ")),
            ]
        })
        .collect();
    let text = vec![
        Line::raw(confirm::message(app, question)),
        Line::raw(""),
        Line::from(choices),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
}

/// A one-line prompt with its cursor, and why the last answer was refused.
pub(super) fn prompt(
    frame: &mut Frame<'_>,
    body: Rect,
    prompt: &Prompt,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(body, 64, 5);
    if rect.is_empty() {
        return;
    }
    let title = format!(" {} ", prompt.label());
    let inner = overlay(frame, rect, &title, theme, screen);
    text_area(frame, inner, &prompt.input, theme, 0);
    if let (Some(error), Some(line)) = (&prompt.error, row(inner, 2)) {
        let error = fit(&sanitize::line(error), line.width as usize);
        frame.render_widget(Span::styled(error, theme.severity(Severity::Error)), line);
    }
}

/// The list of sections `e` can edit.
pub(super) fn picker(
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
        let text = fit(&format!(" {} {name}", i + 1), line.width as usize);
        frame.render_widget(Span::styled(text, style), line);
    }
}

/// The list of parents `m` offers, the current one marked.
pub(super) fn parents(
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
    let title = format!(
        " {} of {key} · E{} W{} · esc done, ctrl-s save ",
        editor.section.name(),
        counts.errors,
        counts.warnings
    );
    text_box(frame, area, &title, &editor.input, theme, screen);
}

/// A box of editable, soft-wrapped text over the lower half of `area`,
/// the terminal cursor in it and its row kept in view. Up and down move by
/// the rows drawn here (`screen.editor_width`).
fn text_box(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
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

/// One line of editable text with the terminal cursor in it.
fn text_area(frame: &mut Frame<'_>, inner: Rect, input: &TextBuffer, theme: &Theme, at: usize) {
    let Some(line) = row(inner, at) else { return };
    let (shown, x) = one_line(input, line.width as usize);
    frame.render_widget(Span::styled(shown, theme.text()), line);
    frame.set_cursor_position(Position::new(line.x + x as u16, line.y));
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
    let title = format!(" {} ({key}) · esc records ", note.kind.title());
    text_box(frame, area, &title, &note.input, theme, screen);
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
