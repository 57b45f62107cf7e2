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
    let rect = centered(body, 64, 9);
    if rect.is_empty() {
        return;
    }
    let title = match *question {
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
    let choices: Vec<Span<'_>> = confirm::shown_choices(question)
        .flat_map(|(key, what)| {
            [
                Span::styled(format!(" {key} "), theme.accent()),
                Span::raw(format!("{what}  ")),
            ]
        })
        .collect();
    let text = vec![
        Line::raw(confirm::message(app, question)),
        Line::raw(""),
        Line::from(choices),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), inner);
}
