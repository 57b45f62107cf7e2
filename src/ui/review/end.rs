//! The end-of-meeting screen: what the session decided (its summary, as
//! the notes will read), and the keys to go back to an undecided node,
//! write the notes beside the file, or quit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::Action;
use crate::app::App;
use crate::app::review::ReviewMode;
use crate::ui::{Theme, pane};

pub(super) fn draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    app: &App,
    review: &ReviewMode,
    theme: &Theme,
) {
    let decided = review.decided(&app.strategy);
    let total = review.queue.len();
    let title = format!(" The review is over: {decided} of {total} decided ");
    let inner = pane(frame, rect, &title, true, theme);
    let [keys, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(inner);
    let key = |action: Action| {
        app.review_keymap
            .keys_for(action)
            .first()
            .cloned()
            .unwrap_or_else(|| action.name().to_owned())
    };
    let mut choices = Vec::new();
    if decided < total {
        choices.push(format!(
            "{} back to an undecided node",
            key(Action::NextUndecided)
        ));
    }
    choices.push(format!(
        "{} back to the last node",
        key(Action::PreviousNode)
    ));
    choices.push(format!(
        "{} write the notes to a file",
        key(Action::WriteNotes)
    ));
    choices.push(format!(
        "{} quit (the summary is printed)",
        key(Action::Quit)
    ));
    frame.render_widget(
        Paragraph::new(Line::styled(choices.join(" · "), theme.accent())).wrap(Wrap { trim: true }),
        keys,
    );
    // The notes are sanitized and escaped Markdown already.
    let notes = review.end_notes.as_deref().unwrap_or("");
    let lines: Vec<Line<'static>> = notes
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                Line::styled(l.to_owned(), theme.title())
            } else {
                Line::raw(l.to_owned())
            }
        })
        .collect();
    let scroll = u16::try_from(app.reading.scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
}
