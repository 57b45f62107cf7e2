//! The selected node's two-pager: scorecard on top, then the text wrapped
//! to the pane, drawn for the lines in view only.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::text::{area, fit, row};
use super::{Theme, pane, scorecard};
use crate::app::browse::document::{Block, BlockKind, ITEM_INDENT, Mark};
use crate::app::screen::{Screen, Target};
use crate::app::{App, Focus};
use crate::lint::Severity;

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
    let focused = app.focus == Focus::Document;
    screen
        .targets
        .push((area(rect), Target::Pane(Focus::Document)));
    let Some(node) = app.shown_node() else {
        let inner = pane(frame, rect, " Two-pager ", focused, theme);
        frame.render_widget(
            Paragraph::new(fit("nothing selected", inner.width as usize)).style(theme.dim()),
            inner,
        );
        return;
    };
    let width = rect.width.saturating_sub(2) as usize;
    let (document, wrapped) = app.wrapped(node, width.max(1));
    let text_height = rect.height.saturating_sub(3) as usize;
    let max_scroll = wrapped.lines.len().saturating_sub(text_height);
    let scroll = if app.reading.node == Some(node) {
        app.reading.scroll.min(max_scroll)
    } else {
        0
    };
    let mut title = if wrapped.lines.len() > text_height && text_height > 0 {
        let percent =
            (scroll + text_height).min(wrapped.lines.len()) * 100 / wrapped.lines.len().max(1);
        format!(" Two-pager · {percent}% ")
    } else {
        " Two-pager ".to_owned()
    };
    // Open action items from reviews show on the node (X closes one).
    let open = app
        .strategy
        .get(node)
        .map_or(0, |n| crate::model::open_actions(&n.reviews).len());
    if open > 0 {
        title.push_str(&format!(
            "· {open} open action item{} ",
            if open == 1 { "" } else { "s" }
        ));
    }
    let inner = pane(frame, rect, &title, focused, theme);
    if inner.is_empty() {
        return;
    }
    if let Some(top) = row(inner, 0) {
        frame.render_widget(scorecard::line(app, node, top.width as usize, theme), top);
    }
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    screen.document_lines = body.height as usize;
    screen.document_width = width.max(1);
    let selected = app
        .reading
        .diagnostic
        .filter(|_| app.reading.node == Some(node));
    // In a review with --since, the sections changed since then are marked.
    let changed = super::review::changed_sections(app, node);
    for (i, line) in wrapped
        .lines
        .iter()
        .skip(scroll)
        .take(body.height as usize)
        .enumerate()
    {
        let Some(line_area) = row(body, i) else {
            break;
        };
        let Some(block) = document.blocks.get(line.block as usize) else {
            continue;
        };
        let mut rendered = render_line(
            block,
            line.start as usize,
            line.end as usize,
            line.first,
            selected,
            theme,
        );
        if line.first && is_changed(block, changed) {
            rendered.spans.push(Span::styled(
                "  ● changed",
                theme.severity(Severity::Warning),
            ));
        }
        frame.render_widget(rendered, line_area);
    }
    if wrapped.lines.len() > body.height as usize && body.height > 0 {
        let mut state = ScrollbarState::new(max_scroll + 1).position(scroll);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None);
        // Drawn over the right border, beside the text it scrolls.
        let track = Rect {
            y: body.y,
            height: body.height,
            ..rect
        };
        frame.render_stateful_widget(bar, track, &mut state);
    }
}

/// One screen line: the block's style, its bullet, and the marked spans.
fn render_line(
    block: &Block,
    start: usize,
    end: usize,
    first: bool,
    selected: Option<usize>,
    theme: &Theme,
) -> Line<'static> {
    let base = match block.kind {
        BlockKind::Kicker | BlockKind::Meta => theme.dim(),
        BlockKind::Title => theme.title(),
        BlockKind::Heading => theme.accent(),
        BlockKind::Placeholder => theme.dim().add_modifier(Modifier::ITALIC),
        BlockKind::Prose | BlockKind::Item | BlockKind::Blank | BlockKind::Progress { .. } => {
            theme.text()
        }
    };
    let mut spans = Vec::new();
    if block.kind == BlockKind::Item {
        let bullet = if first { "•" } else { " " };
        spans.push(Span::styled(
            format!("{bullet:<ITEM_INDENT$}"),
            theme.accent(),
        ));
    }
    // A metric's progress sits under its name; its bar takes the health's colour.
    let bar = match block.kind {
        BlockKind::Progress { health, bar } => {
            spans.push(Span::raw(" ".repeat(ITEM_INDENT)));
            Some((theme.health(health), bar as usize))
        }
        _ => None,
    };
    let text = &block.text;
    // Cut the line where marks begin or end, then style each piece by the
    // strongest mark covering it (the selected diagnostic wins).
    let mut cuts = vec![start, end];
    if let Some((_, bar_end)) = bar.filter(|(_, e)| (start..end).contains(e)) {
        cuts.push(bar_end);
    }
    for mark in block.marks.iter().filter(|m| overlaps(m, start, end)) {
        cuts.push(mark.range.start.clamp(start, end));
        cuts.push(mark.range.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let base = match bar {
            Some((health, bar_end)) if b <= bar_end => base.patch(health),
            _ => base,
        };
        let style = strongest(block, a, b, selected).map_or(base, |(mark, chosen)| {
            base.patch(theme.mark(mark.severity, chosen))
        });
        spans.push(Span::styled(piece.to_owned(), style));
    }
    Line::from(spans)
}

/// True for the heading (or title) of a section in `changed`.
fn is_changed(block: &Block, changed: &[crate::model::Field]) -> bool {
    match block.kind {
        BlockKind::Title => changed.contains(&crate::model::Field::Title),
        BlockKind::Heading => changed
            .iter()
            .any(|&f| super::review::section_name(f) == block.text),
        _ => false,
    }
}

fn overlaps(mark: &Mark, start: usize, end: usize) -> bool {
    mark.range.start < end && mark.range.end > start && !mark.range.is_empty()
}

/// The mark to show over bytes `a..b`: the selected diagnostic's if it
/// covers them, else the most severe one.
fn strongest(block: &Block, a: usize, b: usize, selected: Option<usize>) -> Option<(&Mark, bool)> {
    let covering = block
        .marks
        .iter()
        .filter(|m| m.range.start <= a && m.range.end >= b && !m.range.is_empty());
    let mut best: Option<(&Mark, bool)> = None;
    for mark in covering {
        let chosen = Some(mark.diagnostic) == selected;
        let better = match best {
            None => true,
            Some((current, current_chosen)) => {
                (chosen, mark.severity) > (current_chosen, current.severity)
            }
        };
        if better {
            best = Some((mark, chosen));
        }
    }
    best
}
