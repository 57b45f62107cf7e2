//! The help overlay, generated from the keymap in force and the actions' docs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use crate::app::App;
use crate::app::overlays::help::sections::{HelpEntry, HelpSection, help_sections};
use crate::app::screen::Screen;
use crate::app::text::wrap::{text_width, wrap};
use crate::ui::text::{centered, fit, row};
use crate::ui::{Theme, overlay};

/// The widest key column; longer key lists are cut.
const KEYS_MAX: usize = 26;
/// The action-name column, shown when the overlay is wide enough.
const NAME_WIDTH: usize = 22;

pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    scroll: usize,
    theme: &Theme,
    screen: &mut Screen,
) {
    let rect = centered(
        body,
        body.width.saturating_sub(4).min(110),
        body.height.saturating_sub(2),
    );
    if rect.is_empty() {
        return;
    }
    // Nothing of the screen behind shows through beside the list: a strip
    // of the tree or the text at its edges reads as part of the help.
    frame.render_widget(Clear, body);
    let inner = overlay(frame, rect, " Keys · esc closes ", theme, screen);
    screen.help_lines = inner.height as usize;
    if inner.is_empty() {
        return;
    }
    let lines = lines(app, inner.width as usize, theme);
    screen.help_total = lines.len();
    let height = inner.height as usize;
    let scroll = scroll.min(lines.len().saturating_sub(height));
    for (i, line) in lines.into_iter().skip(scroll).take(height).enumerate() {
        if let Some(line_area) = row(inner, i) {
            frame.render_widget(line, line_area);
        }
    }
}

/// Every line of the help at `width`, descriptions wrapped under themselves.
fn lines(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut sections = help_sections(&app.keymap, &app.review_keymap);
    // In a review, its keys come first: they are what the meeting needs.
    if app.review.is_some()
        && let Some(at) = sections
            .iter()
            .position(|(section, _)| *section == HelpSection::Reviewing)
    {
        let reviewing = sections.remove(at);
        sections.insert(0, reviewing);
    }
    let keys_width = sections
        .iter()
        .flat_map(|(_, entries)| entries.iter().map(|e| text_width(&e.keys.join(", "))))
        .max()
        .unwrap_or(0)
        .min(KEYS_MAX)
        .min(width / 3)
        + 2;
    let show_names = width >= keys_width + NAME_WIDTH + 40;
    let indent = keys_width + if show_names { NAME_WIDTH } else { 0 };
    let text_width_left = width.saturating_sub(indent).max(8);
    let mut out: Vec<Line<'static>> = Vec::new();
    for (section, entries) in &sections {
        out.push(Line::styled(section.title(), theme.accent()));
        for HelpEntry {
            keys,
            action: name,
            what,
        } in entries
        {
            let keys = fit(&keys.join(", "), keys_width - 2);
            let pad = " ".repeat((keys_width - 2).saturating_sub(text_width(&keys)));
            let mut first = vec![Span::styled(format!("  {keys}{pad}"), theme.text())];
            if show_names {
                first.push(Span::styled(
                    format!("{:<NAME_WIDTH$}", fit(name, NAME_WIDTH - 1)),
                    theme.dim(),
                ));
            }
            for (i, range) in wrap(what, text_width_left).into_iter().enumerate() {
                let text = Span::raw(what[range].to_owned());
                if i == 0 {
                    first.push(text);
                    out.push(Line::from(std::mem::take(&mut first)));
                } else {
                    out.push(Line::from(vec![Span::raw(" ".repeat(indent)), text]));
                }
            }
        }
        out.push(Line::default());
    }
    out
}
