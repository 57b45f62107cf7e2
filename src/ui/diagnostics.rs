//! The node's diagnostics: what is wrong and what to do, wrapped to the pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{area, row};
use super::{Theme, pane};
use crate::app::{App, Focus, Screen, Target, wrap};
use crate::lint::Diagnostic;
use crate::sanitize;

/// Lines all of `diagnostics` take at `width`: what the pane would like.
pub(super) fn height(diagnostics: &[Diagnostic], width: u16) -> u16 {
    let total: usize = diagnostics
        .iter()
        .map(|d| item(d, width as usize).len())
        .sum();
    total.min(u16::MAX as usize) as u16
}

/// One diagnostic as wrapped lines: `error rule · field: message`, then its
/// help, indented past the cursor column.
fn item(d: &Diagnostic, width: usize) -> Vec<(String, Part)> {
    let width = width.saturating_sub(2).max(1);
    let head = format!(
        "{} {} · {}: {}",
        d.severity.as_str(),
        d.rule,
        d.field.label(),
        sanitize::line(&d.message)
    );
    let mut lines: Vec<(String, Part)> = wrap(&head, width)
        .into_iter()
        .map(|r| (format!("  {}", &head[r]), Part::Head))
        .collect();
    if !d.help.is_empty() {
        let help = format!("help: {}", sanitize::line(&d.help));
        let inner = width.saturating_sub(2).max(1);
        lines.extend(
            wrap(&help, inner)
                .into_iter()
                .map(|r| (format!("    {}", &help[r]), Part::Help)),
        );
    }
    lines
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Help,
}

pub(super) fn draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    app: &App,
    theme: &Theme,
    screen: &mut Screen,
) {
    let diagnostics = app.shown_diagnostics();
    if rect.is_empty() || diagnostics.is_empty() {
        return;
    }
    let focused = app.focus == Focus::Diagnostics;
    let title = match app.reading.diagnostic {
        Some(i) => format!(" Diagnostics {}/{} ", i + 1, diagnostics.len()),
        None => format!(" Diagnostics ({}) ", diagnostics.len()),
    };
    let inner = pane(frame, rect, &title, focused, theme);
    screen
        .targets
        .push((area(rect), Target::Pane(Focus::Diagnostics)));
    if inner.is_empty() {
        return;
    }
    let width = inner.width as usize;
    let items: Vec<Vec<(String, Part)>> = diagnostics.iter().map(|d| item(d, width)).collect();
    // Scroll so the selected item is whole on screen when it fits.
    let selected = app.reading.diagnostic.unwrap_or(0);
    let starts: Vec<usize> = items
        .iter()
        .scan(0, |at, lines| {
            let start = *at;
            *at += lines.len();
            Some(start)
        })
        .collect();
    let height = inner.height as usize;
    let sel_start = starts.get(selected).copied().unwrap_or(0);
    let sel_end = sel_start + items.get(selected).map_or(0, Vec::len);
    let offset = if sel_end <= height {
        0
    } else {
        sel_start.min(sel_end - height)
    };

    let mut y = 0usize;
    for (index, (lines, d)) in items.iter().zip(diagnostics).enumerate() {
        let chosen = app.reading.diagnostic == Some(index);
        let start_y = y;
        for (n, (text, part)) in lines.iter().enumerate() {
            if y >= offset
                && let Some(line_area) = row(inner, y - offset)
            {
                let style = match part {
                    Part::Head => theme.severity(d.severity),
                    Part::Help => theme.dim(),
                };
                let mut text = text.clone();
                if chosen && n == 0 {
                    text.replace_range(0..1, "›");
                }
                frame.render_widget(Line::from(Span::styled(text, style)), line_area);
                if chosen {
                    let style = if focused {
                        theme.selection()
                    } else {
                        theme.selection_unfocused()
                    };
                    frame.buffer_mut().set_style(line_area, style);
                }
            }
            y += 1;
        }
        let visible_start = start_y.max(offset);
        if y > visible_start && visible_start - offset < height {
            let rows = (y - visible_start).min(height - (visible_start - offset));
            let target = Rect {
                y: inner.y + (visible_start - offset) as u16,
                height: rows as u16,
                ..inner
            };
            screen
                .targets
                .push((area(target), Target::Diagnostic(index)));
        }
    }
}
