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
use crate::app::text::wrap::{text_width, wrap};
use crate::lint::Severity;
use crate::sanitize;

/// Most rows a notice may take above the status bar before it is cut.
const NOTICE_ROWS: usize = 4;

/// The rows the status bar needs at `width`: one, or, when the notice does
/// not fit beside the hints, the notice's wrapped rows above the bar.
pub(super) fn height(app: &App, width: u16) -> u16 {
    match &app.notice {
        Some(notice) if !fits_beside_hints(notice, width as usize) => {
            1 + notice_rows(notice, width as usize).len().min(NOTICE_ROWS) as u16
        }
        _ => 1,
    }
}

/// A notice shares the bar when it leaves the hints a fifth of it.
fn fits_beside_hints(notice: &str, width: usize) -> bool {
    text_width(notice) + 2 <= width - width / 5
}

fn notice_rows(notice: &str, width: usize) -> Vec<&str> {
    wrap(notice, width.saturating_sub(2).max(1))
        .into_iter()
        .map(|range| &notice[range])
        .collect()
}

pub(super) fn draw(frame: &mut Frame<'_>, rect: Rect, app: &App, theme: &Theme) {
    if rect.is_empty() {
        return;
    }
    if rect.height > 1
        && let Some(notice) = &app.notice
    {
        // A long notice reads whole, wrapped above the bar.
        let rows = notice_rows(notice, rect.width as usize);
        let shown = (rect.height - 1) as usize;
        frame.render_widget(Clear, rect);
        for (i, text) in rows.iter().take(shown).enumerate() {
            let Some(line) = super::text::row(rect, i) else {
                break;
            };
            let text = if i + 1 == shown && rows.len() > shown {
                fit(&format!(" {text} …"), line.width as usize)
            } else {
                format!(" {text}")
            };
            frame.render_widget(Span::styled(text, theme.severity(Severity::Warning)), line);
        }
        let bar = Rect {
            y: rect.bottom() - 1,
            height: 1,
            ..rect
        };
        return bar_line(frame, bar, app, None, theme);
    }
    bar_line(frame, rect, app, app.notice.as_deref(), theme);
}

/// The bar itself: the notice (when it fits) or where you are, then the hints.
fn bar_line(frame: &mut Frame<'_>, rect: Rect, app: &App, notice: Option<&str>, theme: &Theme) {
    let width = rect.width as usize;
    let hints = hints(app);
    // A notice is read once and then gone: it gets the room it needs, the
    // hints what is left (at least a fifth of the bar, for `? help`).
    let hint_budget = match notice {
        Some(notice) => {
            (width * 3 / 5).min(width.saturating_sub(text_width(notice) + 2).max(width / 5))
        }
        None => width * 3 / 5,
    };
    let hint_spans = hint_line(&hints, hint_budget, theme);
    let hints_width: usize = hint_spans.iter().map(|s| text_width(&s.content)).sum();
    let left_width = width.saturating_sub(hints_width + 1);
    let left = match notice {
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
/// selection sits in the cascade. When it does not fit, the levels between
/// the file and the node give way first (`file › … › node`), so the file's
/// name and `[+]` stay; only then is the file's name cut from the left.
fn location(app: &App, width: usize) -> String {
    // `[+]` as in vim: there are edits the file does not have yet.
    let marker = if app.is_dirty() { " [+]" } else { "" };
    let mut parts: Vec<String> = Vec::new();
    if let Some(id) = app.shown_node() {
        let mut nodes = app.strategy.path_to_vision(id);
        nodes.reverse();
        parts = nodes
            .into_iter()
            .filter_map(|n| app.strategy.get(n))
            .map(|node| sanitize::line(&node.id).into_owned())
            .collect();
    }
    let path = |from: usize| {
        let mut out = String::new();
        if from > 0 {
            out.push_str(" › …");
        }
        for part in &parts[from..] {
            out.push_str(" › ");
            out.push_str(part);
        }
        out
    };
    let file = format!(" {}{marker}", app.file);
    for from in 0..parts.len().max(1) {
        let whole = format!("{file}{}", path(from));
        if text_width(&whole) <= width {
            return whole;
        }
    }
    // Even `file › … › node` is too wide: `file › node`, and if that is
    // too wide as well, each keeps at least half the room.
    let tail = parts
        .last()
        .map_or_else(String::new, |last| format!(" › {last}"));
    let tail_width = text_width(&tail);
    let file_room = width.saturating_sub(tail_width).max(width / 2);
    let file = if text_width(&file) <= file_room {
        file
    } else if marker.is_empty() {
        fit_left(&file, file_room)
    } else {
        format!(
            " [+]{}",
            fit_left(&format!(" {}", app.file), file_room.saturating_sub(4))
        )
    };
    let tail = fit(&tail, width.saturating_sub(text_width(&file)));
    format!("{file}{tail}")
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
