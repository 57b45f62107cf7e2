//! A question and its answers, centred: the answers come from the
//! question's one table (`app/overlays/confirm.rs`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::App;
use crate::app::overlays::confirm::{self, Confirm};
use crate::app::screen::Screen;
use crate::ui::text::centered;
use crate::ui::{Theme, overlay};

/// A question and its choices, centred.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    question: &Confirm,
    theme: &Theme,
    screen: &mut Screen,
) {
    if *question == Confirm::MergeConflict {
        return draw_conflicts(frame, body, app, question, theme, screen);
    }
    let rect = centered(body, 64, 9);
    if rect.is_empty() {
        return;
    }
    let title = match *question {
        Confirm::MergeConflict => " Changed on both sides ",
        Confirm::QuitUnsaved => " Unsaved edits ",
        Confirm::ChangedOnDisk => " Changed on disk ",
        Confirm::ReadOnly { .. } => " Read-only ",
        Confirm::ReloadDiscards => " Reload ",
        Confirm::Delete(_) | Confirm::DeleteWithChildren(..) | Confirm::DeleteSubtree(..) => {
            " Delete "
        }
        Confirm::Recover(_) => " Unsaved edits from an earlier session ",
        Confirm::DiscardRecovered => " Discard for good? ",
        Confirm::MarkdownProblem(_) => " The edited two-pager does not read back ",
        Confirm::QuitDropsDrafts => " Editor text would be lost ",
    };
    let inner = overlay(frame, rect, title, theme, screen);
    let text = vec![
        Line::raw(confirm::message(app, question)),
        Line::raw(""),
        choices(question, theme),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
}

fn choices(question: &Confirm, theme: &Theme) -> Line<'static> {
    let spans: Vec<Span<'static>> = confirm::shown_choices(question)
        .flat_map(|(key, what)| {
            [
                Span::styled(format!(" {key} "), theme.accent()),
                Span::raw(format!("{what}  ")),
            ]
        })
        .collect();
    Line::from(spans)
}

/// The merge question: both sides' texts of every conflict, as wide and as
/// tall as the screen allows, with the answers always on the last line.
fn draw_conflicts(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    question: &Confirm,
    theme: &Theme,
    screen: &mut Screen,
) {
    let message = confirm::message(app, question);
    let lines: Vec<Line<'_>> = message.lines().map(Line::raw).collect();
    let width = body.width.saturating_sub(4).min(100);
    // Room for the lines as wrapped, the blank line and the answers.
    let text_width = usize::from(width.saturating_sub(2)).max(1);
    let wrapped: usize = message
        .lines()
        .map(|line| line.chars().count().div_ceil(text_width).max(1))
        .sum();
    let height = u16::try_from(wrapped + 4).unwrap_or(u16::MAX);
    let rect = centered(body, width, height.min(body.height.saturating_sub(2)));
    if rect.is_empty() {
        return;
    }
    let inner = overlay(frame, rect, " Changed on both sides ", theme, screen);
    let answers = inner.height.saturating_sub(1);
    let text = Rect {
        height: answers.saturating_sub(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
    let last = Rect {
        y: inner.y + answers,
        height: inner.height.min(1),
        ..inner
    };
    frame.render_widget(Paragraph::new(choices(question, theme)), last);
}
