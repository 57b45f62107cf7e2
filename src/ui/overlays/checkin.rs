//! The check-in form: the metric (with what it promises and its last value),
//! the value, the note and the day, the cursor in the box being typed in,
//! and why the last enter was refused.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::overlays::checkin::{CheckinForm, Entry};
use crate::app::screen::Screen;
use crate::lint::Severity;
use crate::model::progress::text::percent;
use crate::sanitize;
use crate::ui::text::{centered, fit, one_line, row};
use crate::ui::{Theme, overlay};

const LABEL: usize = 8;

/// Draws the form over `body`.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    form: &CheckinForm,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(body, 76, 10);
    if rect.is_empty() {
        return;
    }
    let Some(node) = app.strategy.get(form.node) else {
        return;
    };
    let title = format!(" Check in · {} ", sanitize::line(&node.key()));
    let inner = overlay(frame, rect, &title, theme, screen);
    let width = inner.width as usize;
    let metrics = &node.doc.metrics;
    let Some(metric) = metrics.get(form.metric) else {
        return;
    };
    let count = format!(" {}/{}", form.metric + 1, metrics.len());
    let name = fit(
        &sanitize::line(&metric.name),
        width.saturating_sub(LABEL + count.chars().count()),
    );
    if let Some(line) = row(inner, 0) {
        frame.render_widget(
            Line::from(vec![
                Span::styled(format!("{:<LABEL$}", "Metric"), theme.dim()),
                Span::styled(name, theme.title()),
                Span::styled(count, theme.dim()),
            ]),
            line,
        );
    }
    // What the metric promises and where it stands, to type the value against.
    let measured = app
        .progress
        .node(form.node)
        .and_then(|p| p.metrics.get(form.metric));
    let value = |v: &Option<String>| sanitize::line(v.as_deref().unwrap_or("?")).into_owned();
    let by = metric
        .by
        .as_deref()
        .map(|b| format!(" by {}", sanitize::line(b)))
        .unwrap_or_default();
    let mut context = format!(
        "{} → {}{by}",
        value(&metric.baseline),
        value(&metric.target)
    );
    if let Some(m) = measured
        && let Some(c) = m.current.and_then(|i| node.checkins.get(i))
    {
        context.push_str(&format!(" · last {} on {}", sanitize::line(&c.value), c.on));
        if let Some(p) = m.progress {
            context.push_str(&format!(" ({}, {})", percent(p), m.health.label()));
        }
    }
    if let Some(line) = row(inner, 1) {
        frame.render_widget(Span::styled(fit(&context, width), theme.dim()), line);
    }
    for (i, entry) in Entry::ALL.into_iter().enumerate() {
        let Some(line) = row(inner, 3 + i) else {
            break;
        };
        let chosen = entry == form.entry;
        let label_style = if chosen { theme.accent() } else { theme.dim() };
        frame.render_widget(
            Span::styled(format!("{:<LABEL$}", entry.label()), label_style),
            line,
        );
        let text_area = Rect {
            x: line.x + LABEL as u16,
            width: line.width.saturating_sub(LABEL as u16),
            ..line
        };
        let (shown, x) = one_line(form.text(entry), text_area.width as usize);
        frame.render_widget(Span::styled(shown, theme.text()), text_area);
        if chosen {
            frame.set_cursor_position(Position::new(text_area.x + x as u16, text_area.y));
        }
    }
    if let (Some(error), Some(line)) = (&form.error, row(inner, 7)) {
        let style = if form.fix {
            theme.severity(Severity::Warning)
        } else {
            theme.severity(Severity::Error)
        };
        frame.render_widget(
            Span::styled(fit(&sanitize::line(error), width), style),
            line,
        );
    }
}
