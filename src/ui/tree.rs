//! The cascade tree: one row per node, only the rows in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{area, fit, fit_id, row};
use super::{Theme, level_mark, pane};
use crate::app::browse::tree::{Row, keep_visible};
use crate::app::screen::{Screen, Target};
use crate::app::text::wrap::text_width;
use crate::app::{App, Focus};
use crate::lint::Severity;
use crate::model::Status;
use crate::sanitize;

pub(super) fn draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    app: &App,
    theme: &Theme,
    screen: &mut Screen,
) {
    if rect.is_empty() {
        return;
    }
    // The company names the cascade; the filter, when set, says why rows are missing.
    let company = sanitize::line(app.strategy.company.trim());
    let name = if company.is_empty() {
        "Cascade"
    } else {
        &company
    };
    let title = if app.filter.is_active() {
        // The filter and its count matter more than the company's name.
        let matched = app.filter.count(app.facts());
        let filter = format!(
            "{} · {matched} of {}",
            sanitize::line(&app.filter.describe()),
            app.strategy.len()
        );
        let whole = format!(" {name} · {filter} ");
        if text_width(&whole) + 2 <= rect.width as usize {
            whole
        } else {
            format!(" {filter} ")
        }
    } else {
        format!(" {name} ")
    };
    let focused = app.focus == Focus::Tree;
    let inner = pane(frame, rect, &title, focused, theme);
    screen.targets.push((area(rect), Target::Pane(Focus::Tree)));
    screen.tree_rows = inner.height as usize;
    if inner.is_empty() {
        return;
    }
    let rows = &app.tree.rows;
    if rows.is_empty() {
        let empty = if app.filter.is_active() {
            "no node matches the filter"
        } else {
            "the file has no nodes"
        };
        frame.render_widget(
            Paragraph::new(fit(empty, inner.width as usize)).style(theme.dim()),
            inner,
        );
        return;
    }
    let height = inner.height as usize;
    let offset = keep_visible(app.tree.offset, app.tree.cursor, height, rows.len(), 0);
    let width = inner.width as usize;
    for (i, &tree_row) in rows.iter().enumerate().skip(offset).take(height) {
        let Some(line_area) = row(inner, i - offset) else {
            break;
        };
        let selected = i == app.tree.cursor;
        let line = render_row(app, tree_row, selected, width, theme);
        frame.render_widget(line, line_area);
        if selected {
            let style = if focused {
                theme.selection()
            } else {
                theme.selection_unfocused()
            };
            frame.buffer_mut().set_style(line_area, style);
        }
        screen.targets.push((area(line_area), Target::TreeRow(i)));
    }
}

/// One row: a cursor column (so the selection shows without colour too),
/// indent, fold state, level mark and id, then counts and status on the right.
fn render_row(
    app: &App,
    tree_row: Row,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let Row::Node {
        id,
        depth,
        has_children,
        open,
        context,
    } = tree_row
    else {
        return Line::styled(
            fit(" ── not linked (parent missing)", width),
            theme.severity(Severity::Warning),
        );
    };
    let Some(node) = app.strategy.get(id) else {
        return Line::default();
    };
    let fold = match (has_children, open) {
        (true, true) => "▾ ",
        (true, false) => "▸ ",
        _ => "  ",
    };
    let indent = "  ".repeat(depth.min(width / 4));
    let mut right = super::scorecard::badge(app.findings.counts(id), false, theme);
    // The node's health, when it has data: its own metrics and those below it.
    let health = app.progress.health(id);
    if health.reports() && width >= 28 {
        right.insert(
            0,
            Span::styled(format!(" {}", health.mark()), theme.health(health)),
        );
    }
    // A status is a whole word or not there: "appr" read as nothing.
    if width >= 36 {
        right.push(Span::styled(
            format!(" {:<8}", status_word(node.doc.status)),
            theme.dim(),
        ));
    }
    let right_width: usize = right.iter().map(|s| text_width(&s.content)).sum();
    let left_fixed = 1 + text_width(&indent) + 2 + 2;
    let name_width = width.saturating_sub(left_fixed + right_width);
    let id = sanitize::line(&node.id);
    let title = sanitize::line(node.doc.title.trim());
    let (name_style, title_style) = if context {
        (theme.dim(), theme.dim())
    } else if app.look.titles && !title.is_empty() {
        // The title is what a reader reads; the id is its handle.
        (theme.accent(), theme.text())
    } else {
        (theme.text(), theme.text())
    };
    let mut name_spans = Vec::new();
    if app.look.titles && !title.is_empty() && name_width >= 12 {
        // The id takes up to two fifths, cut at a word; the title the rest.
        let id_room = text_width(&id).min((name_width * 2 / 5).max(8));
        let shown_id = fit_id(&id, id_room);
        let title_room = name_width.saturating_sub(text_width(&shown_id) + 1);
        name_spans.push(Span::styled(shown_id, name_style));
        name_spans.push(Span::raw(" "));
        name_spans.push(Span::styled(fit(&title, title_room), title_style));
    } else {
        name_spans.push(Span::styled(fit_id(&id, name_width), name_style));
    }
    let used: usize = name_spans.iter().map(|s| text_width(&s.content)).sum();
    let pad = name_width.saturating_sub(used);
    let mut spans = vec![
        Span::styled(if selected { "›" } else { " " }, theme.accent()),
        Span::raw(indent),
        Span::styled(fold, theme.dim()),
        Span::styled(
            format!("{} ", level_mark(node.level)),
            if context { theme.dim() } else { theme.accent() },
        ),
    ];
    spans.extend(name_spans);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.extend(right);
    Line::from(spans)
}

/// A status in at most eight columns, for the tree's status column.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft",
        Status::InReview => "review",
        Status::Approved => "approved",
        Status::ChangesRequested => "changes",
        Status::Retired => "retired",
    }
}
