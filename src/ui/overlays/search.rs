//! The search panel: the query, and results ranked as you type.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::browse::tree::keep_visible;
use crate::app::overlays::search::SearchBox;
use crate::app::overlays::search::index::MatchedIn;
use crate::app::screen::{Screen, Target};
use crate::app::text::wrap::text_width;
use crate::sanitize;
use crate::ui::text::{area, fit, one_line, row};
use crate::ui::{Theme, level_mark, overlay};

pub(super) fn draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    app: &App,
    search: &SearchBox,
    theme: &Theme,
    screen: &mut Screen,
) {
    if rect.is_empty() {
        return;
    }
    let inner = overlay(frame, rect, " Search ", theme, screen);
    if inner.is_empty() {
        return;
    }
    let width = inner.width as usize;
    if let Some(input) = row(inner, 0) {
        let (shown, x) = one_line(&search.input, width.saturating_sub(2));
        frame.render_widget(
            Line::from(vec![Span::styled("/ ", theme.accent()), Span::raw(shown)]),
            input,
        );
        let x = input
            .x
            .saturating_add((2 + x) as u16)
            .min(input.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, input.y));
    }
    if let Some(count) = row(inner, 1) {
        let text = match (search.query().trim().is_empty(), search.hits.len()) {
            (true, _) => "type an id, a title, an owner or any words".to_owned(),
            (false, 0) => "no match".to_owned(),
            (false, 1) => "1 match".to_owned(),
            (false, n) => format!("{} of {n}", search.cursor + 1),
        };
        frame.render_widget(Line::styled(fit(&text, width), theme.dim()), count);
    }
    let list = Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    };
    screen.search_rows = list.height as usize;
    let height = list.height as usize;
    let offset = keep_visible(0, search.cursor, height, search.hits.len(), 0);
    for (i, hit) in search.hits.iter().enumerate().skip(offset).take(height) {
        let Some(line_area) = row(list, i - offset) else {
            break;
        };
        let Some(node) = app.strategy.get(hit.node) else {
            continue;
        };
        let detail = match &hit.snippet {
            Some(snippet) => sanitize::line(snippet).into_owned(),
            None if hit.matched == MatchedIn::Owner => sanitize::line(&node.doc.owner).into_owned(),
            None if hit.matched == MatchedIn::Tracker => {
                sanitize::line(&node.tracker.join(" ")).into_owned()
            }
            None => sanitize::line(&node.doc.title).into_owned(),
        };
        let id = sanitize::line(&node.id);
        let pointer = if i == search.cursor { "›" } else { " " };
        let head = format!("{pointer}{} {id}", level_mark(node.level));
        let head = fit(&head, width.max(1));
        let rest = width.saturating_sub(text_width(&head) + 2);
        let mut spans = vec![Span::styled(head, theme.accent())];
        // A detail cut to a few letters says nothing; leave it out instead.
        if rest >= 8 {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(fit(&detail, rest), theme.dim()));
        }
        let line = Line::from(spans);
        frame.render_widget(line, line_area);
        if i == search.cursor {
            frame.buffer_mut().set_style(line_area, theme.selection());
        }
        screen.targets.push((area(line_area), Target::SearchHit(i)));
    }
}
