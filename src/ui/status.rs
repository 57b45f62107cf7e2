//! The status bar (file, where you are, and the keys that work now) and the
//! which-key popup for half-typed sequences.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::text::{fit, fit_left};
use super::{Theme, pane};
use crate::app::App;
use crate::app::hints::hints;
use crate::app::keys::keymap::Lookup;
use crate::app::keys::sequence_to_string;
use crate::app::keys::table::Hint;
use crate::app::text::wrap::text_width;
use crate::lint::Severity;
use crate::sanitize;

pub(super) fn draw(frame: &mut Frame<'_>, rect: Rect, app: &App, theme: &Theme) {
    if rect.is_empty() {
        return;
    }
    let width = rect.width as usize;
    let hints = hints(app);
    // A notice is read once and then gone: it gets the room it needs, the
    // hints what is left (at least a fifth of the bar, for `? help`).
    let hint_budget = match &app.notice {
        Some(notice) => {
            (width * 3 / 5).min(width.saturating_sub(text_width(notice) + 2).max(width / 5))
        }
        None => width * 3 / 5,
    };
    let hint_spans = hint_line(&hints, hint_budget, theme);
    let hints_width: usize = hint_spans.iter().map(|s| text_width(&s.content)).sum();
    let left_width = width.saturating_sub(hints_width + 1);
    let left = match &app.notice {
        Some(notice) => Span::styled(
            fit(&format!(" {notice}"), left_width),
            theme.severity(Severity::Warning),
        ),
        None => Span::styled(location(app, left_width), theme.dim()),
    };
    let pad = width.saturating_sub(text_width(&left.content) + hints_width);
    let mut spans = vec![left, Span::raw(" ".repeat(pad))];
    spans.extend(hint_spans);
    frame.render_widget(Line::from(spans), rect);
}

/// `file [+] › vision › intent › node` in `width` columns: where the
/// selection sits in the cascade. When it does not fit, it loses its start
/// (the node itself stays), and `[+]` moves to the front so it always shows.
fn location(app: &App, width: usize) -> String {
    // `[+]` as in vim: there are edits the file does not have yet.
    let dirty = app.is_dirty();
    let mut path = String::new();
    if let Some(id) = app.shown_node() {
        let mut nodes = app.strategy.path_to_vision(id);
        nodes.reverse();
        for node in nodes.into_iter().filter_map(|n| app.strategy.get(n)) {
            path.push_str(" › ");
            path.push_str(&sanitize::line(&node.id));
        }
    }
    let marker = if dirty { " [+]" } else { "" };
    let whole = format!(" {}{marker}{path}", app.file);
    if text_width(&whole) <= width || !dirty {
        return fit_left(&whole, width);
    }
    let rest = fit_left(&format!(" {}{path}", app.file), width.saturating_sub(4));
    format!(" [+]{rest}")
}

/// As many hints as fit in `width`, in order, always keeping the last one
/// (help or close) so there is a way to learn the rest.
fn hint_line(hints: &[Hint], width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let cost = |h: &Hint| text_width(&h.keys) + text_width(&h.label) + 3;
    let Some((last, rest)) = hints.split_last() else {
        return Vec::new();
    };
    let mut budget = width.saturating_sub(cost(last));
    let mut chosen: Vec<&Hint> = Vec::new();
    for hint in rest {
        if cost(hint) > budget {
            break;
        }
        budget -= cost(hint);
        chosen.push(hint);
    }
    if cost(last) <= width {
        chosen.push(last);
    }
    let mut spans = Vec::new();
    for hint in chosen {
        spans.push(Span::styled(format!(" {}", hint.keys), theme.accent()));
        spans.push(Span::styled(format!(" {} ", hint.label), theme.dim()));
    }
    spans
}

/// The keys that can follow a half-typed sequence, in a box at the bottom right.
pub(super) fn which_key(frame: &mut Frame<'_>, body: Rect, app: &App, theme: &Theme) {
    let Lookup::Pending(next) = app.active_keymap().lookup(&app.pending) else {
        return;
    };
    let lines: Vec<String> = next
        .iter()
        .map(|(key, what)| format!("{key}  {what}"))
        .collect();
    let inner_width = lines
        .iter()
        .map(|l| text_width(l))
        .max()
        .unwrap_or(0)
        .max(10);
    let width = (inner_width as u16 + 2).min(body.width);
    let height = (lines.len() as u16 + 2).min(body.height);
    if width < 3 || height < 3 {
        return;
    }
    let rect = Rect {
        x: body.right() - width,
        y: body.bottom() - height,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let title = format!(" {}… ", sequence_to_string(&app.pending));
    let inner = pane(frame, rect, &title, true, theme);
    for (i, line) in lines.iter().enumerate() {
        if let Some(line_area) = super::text::row(inner, i) {
            frame.render_widget(Line::raw(fit(line, inner.width as usize)), line_area);
        }
    }
}
