//! The node's diagnostics: what is wrong and what to do, wrapped to the pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{area, row};
use super::{Theme, pane};
use crate::app::screen::{Screen, Target};
use crate::app::text::wrap::wrap;
use crate::app::{App, Focus};
use crate::lint::Diagnostic;
use crate::sanitize;

/// Lines all of `diagnostics` take at `width`: what the pane would like.
pub(super) fn height(diagnostics: &[Diagnostic], width: u16) -> u16 {
    let helps = shown_helps(diagnostics, None);
    let total: usize = diagnostics
        .iter()
        .zip(helps)
        .map(|(d, help)| item(d, width as usize, help).len())
        .sum();
    total.min(u16::MAX as usize) as u16
}

/// Whether each diagnostic prints its help. A rule that fires on fifteen
/// words gives the same advice fifteen times; it is printed once, under the
/// last finding of the run (and under the selected one, wherever it is).
fn shown_helps(diagnostics: &[Diagnostic], selected: Option<usize>) -> Vec<bool> {
    let same = |a: &Diagnostic, b: &Diagnostic| a.rule == b.rule && a.help == b.help;
    (0..diagnostics.len())
        .map(|i| {
            let last_of_run = diagnostics
                .get(i + 1)
                .is_none_or(|next| !same(&diagnostics[i], next));
            last_of_run || selected == Some(i)
        })
        .collect()
}

/// One diagnostic as wrapped lines: `error rule · field: message`, then (if
/// `with_help`) its help, indented past the cursor column.
fn item(d: &Diagnostic, width: usize, with_help: bool) -> Vec<(String, Part)> {
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
    if with_help && !d.help.is_empty() {
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
    let helps = shown_helps(diagnostics, app.reading.diagnostic);
    let items: Vec<Vec<(String, Part)>> = diagnostics
        .iter()
        .zip(helps)
        .map(|(d, help)| item(d, width, help))
        .collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Criterion, Severity};
    use crate::model::{Field, Level, Node, Strategy};

    fn finding(rule: &'static str, help: &str) -> Diagnostic {
        let mut s = Strategy::new("x");
        let node = s.add(Node::new(Level::Vision, "vision"));
        Diagnostic {
            rule,
            criterion: Criterion::Concrete,
            severity: Severity::Warning,
            node,
            field: Field::Future,
            range: 0..1,
            message: "m".into(),
            help: help.into(),
        }
    }

    #[test]
    fn repeated_advice_is_shown_once_per_run_and_for_the_selection() {
        let list = [
            finding("a", "same"),
            finding("a", "same"),
            finding("a", "same"),
            finding("b", "other"),
        ];
        assert_eq!(shown_helps(&list, None), [false, false, true, true]);
        assert_eq!(shown_helps(&list, Some(0)), [true, false, true, true]);
        let different = [finding("a", "one"), finding("a", "two")];
        assert_eq!(shown_helps(&different, None), [true, true]);
    }
}
