//! The filter menu: findings, a criterion, a status, an owner, a health.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::overlays::filter_menu::{self, FILTER_ITEMS, FilterMenu};
use crate::app::screen::{Screen, Target};
use crate::app::text::wrap::text_width;
use crate::sanitize;
use crate::ui::text::{area, centered, fit, row};
use crate::ui::{Theme, overlay};

pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    menu: &FilterMenu,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(body, 52, FILTER_ITEMS.len() as u16 + 4);
    if rect.is_empty() {
        return;
    }
    let inner = overlay(frame, rect, " Filter the tree ", theme, screen);
    let width = inner.width as usize;
    let filter = &app.filter;
    let any = "any";
    let values = [
        filter.findings.map_or(any, |k| k.label()).to_owned(),
        filter.criterion.map_or(any, |c| c.as_str()).to_owned(),
        filter.status.map_or(any, |s| s.as_str()).to_owned(),
        filter
            .owner
            .as_deref()
            .map_or_else(|| any.into(), |o| sanitize::line(o).into_owned()),
        filter.health.map_or(any, |h| h.label()).to_owned(),
        String::new(),
    ];
    let values: Vec<String> = FILTER_ITEMS
        .iter()
        .zip(values)
        .map(|(item, value)| {
            if value.is_empty() {
                (*item).to_owned()
            } else {
                format!("{item}: {value}")
            }
        })
        .collect();
    for (i, value) in values.iter().enumerate() {
        let Some(line_area) = row(inner, i) else {
            break;
        };
        let pointer = if i == menu.cursor { "› " } else { "  " };
        let text = fit(value, width.saturating_sub(4));
        let pad = width.saturating_sub(2 + text_width(&text) + 2);
        frame.render_widget(
            Line::from(vec![
                Span::styled(pointer, theme.accent()),
                Span::raw(text),
                Span::raw(" ".repeat(pad)),
                Span::styled(filter_menu::item_key(i), theme.dim()),
            ]),
            line_area,
        );
        if i == menu.cursor {
            frame.buffer_mut().set_style(line_area, theme.selection());
        }
        screen
            .targets
            .push((area(line_area), Target::FilterItem(i)));
    }
    let shown = filter.count(app.facts());
    let summary = if filter.is_active() {
        format!("{shown} of {} nodes match", app.strategy.len())
    } else {
        format!("all {} nodes shown", app.strategy.len())
    };
    if let Some(line_area) = row(inner, values.len() + 1) {
        frame.render_widget(Line::styled(fit(&summary, width), theme.dim()), line_area);
    }
}
