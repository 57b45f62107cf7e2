//! The review screen: one node at a time. A progress line on top; the
//! two-pager with its scorecard and diagnostics on the left; on the right
//! the parent it rolls up to, what changed since `--since`, and the review
//! records already on the node, or, with `o`, the old text beside the new.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{LineGauge, Paragraph, Wrap};

use super::text::fit;
use super::{Theme, draw_document_side, level_mark, pane};
use crate::app::App;
use crate::app::review::ReviewMode;
use crate::app::screen::Screen;
use crate::app::text::wrap::text_width;
use crate::lint::Grade;
use crate::lint::Severity;
use crate::model::{Field, NodeId, TwoPager, first_sentence};
use crate::sanitize;

/// Review records shown on the right, most recent last.
const RECORDS_SHOWN: usize = 6;

pub(super) fn draw(
    frame: &mut Frame<'_>,
    body: Rect,
    app: &App,
    review: &ReviewMode,
    theme: &Theme,
    screen: &mut Screen,
) {
    if body.height < 3 {
        return;
    }
    let [top, main] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
    progress(frame, top, app, review, theme);
    let Some(node) = review.current() else {
        let inner = pane(frame, main, " Review ", false, theme);
        frame.render_widget(
            Paragraph::new("No node matches this review. q quits.").style(theme.dim()),
            inner,
        );
        return;
    };
    // The records (or the old text) sit beside the two-pager when there is
    // room, below it on a narrow terminal, and on a short one the old text,
    // when asked for, takes the two-pager's place.
    let [left, right] = if main.width >= 90 {
        Layout::horizontal([Constraint::Min(1), Constraint::Length(main.width * 2 / 5)]).areas(main)
    } else if main.height >= 16 {
        Layout::vertical([Constraint::Min(1), Constraint::Length(main.height * 2 / 5)]).areas(main)
    } else if review.show_old {
        [Rect::default(), main]
    } else {
        [main, Rect::default()]
    };
    if !left.is_empty() {
        draw_document_side(frame, left, app, theme, screen);
    }
    if right.is_empty() {
        return;
    }
    let old = review
        .since
        .as_ref()
        .and_then(|since| since.changes.get(&node))
        .and_then(|change| {
            change
                .old
                .as_ref()
                .map(|old| (since_label(review), change, old))
        });
    match old {
        Some((label, change, before)) if review.show_old => {
            let title = format!(" Before {label} ");
            let inner = pane(frame, right, &title, false, theme);
            let lines = old_text(before, &change.sections, theme);
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
        _ => context(frame, right, app, review, node, theme),
    }
}

/// `Review 3/12 · intent · ━━━━──── 4/12 decided · as Dana`.
fn progress(frame: &mut Frame<'_>, rect: Rect, app: &App, review: &ReviewMode, theme: &Theme) {
    let decided = review.decided(&app.strategy);
    let total = review.queue.len();
    let mut left = format!(" Review {}/{total}", (review.at + 1).min(total));
    if !review.description.is_empty() {
        left.push_str(&format!(" · {}", sanitize::line(&review.description)));
    }
    // `strata review --since REV` already says "since REV" in its description.
    if review.since.is_some() && review.description.is_empty() {
        left.push_str(&format!(" · changed since {}", since_label(review)));
    }
    let right = format!(" as {} ", sanitize::line(&review.reviewer));
    let gauge_width = (rect.width as usize)
        .saturating_sub(text_width(&left) + text_width(&right) + 1)
        .clamp(0, 40) as u16;
    let [text, _gap, gauge, who] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(gauge_width),
        Constraint::Length(text_width(&right) as u16),
    ])
    .areas(rect);
    frame.render_widget(
        Span::styled(fit(&left, text.width as usize), theme.accent()),
        text,
    );
    let ratio = if total == 0 {
        0.0
    } else {
        decided as f64 / total as f64
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio)
            .label(format!("{decided}/{total} decided "))
            .filled_style(theme.grade(Grade::Pass))
            .unfilled_style(theme.dim()),
        gauge,
    );
    frame.render_widget(Span::styled(right, theme.dim()), who);
}

fn since_label(review: &ReviewMode) -> String {
    review
        .since
        .as_ref()
        .map(|s| sanitize::line(&s.revision).into_owned())
        .unwrap_or_default()
}

/// The right-hand column: the parent, what changed, the records so far.
fn context(
    frame: &mut Frame<'_>,
    rect: Rect,
    app: &App,
    review: &ReviewMode,
    node: NodeId,
    theme: &Theme,
) {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let heading = |text: &str| Line::styled(text.to_owned(), theme.accent());
    lines.push(heading("Rolls up to"));
    match app.strategy.parent(node).and_then(|p| app.strategy.get(p)) {
        Some(parent) => {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", level_mark(parent.level)), theme.accent()),
                Span::styled(
                    sanitize::line(&parent.doc.title).into_owned(),
                    theme.title(),
                ),
            ]));
            lines.push(Line::styled(
                format!(
                    "{} · {} · {}",
                    sanitize::line(&parent.key()),
                    sanitize::line(&parent.doc.owner),
                    parent.doc.status
                ),
                theme.dim(),
            ));
            let future = first_sentence(&parent.doc.future);
            if !future.is_empty() {
                lines.push(Line::raw(sanitize::line(&future).into_owned()));
            }
        }
        None if app.strategy.vision() == Some(node) => {
            lines.push(Line::styled("the vision is the top", theme.dim()))
        }
        None => lines.push(Line::styled(
            "nothing: its parent is missing",
            theme.severity(Severity::Warning),
        )),
    }
    if let Some(since) = &review.since {
        lines.push(Line::raw(""));
        lines.push(heading(&format!("Since {}", since_label(review))));
        match since.changes.get(&node) {
            Some(change) if change.is_new() => {
                lines.push(Line::styled("new node", theme.severity(Severity::Warning)))
            }
            Some(change) => {
                let names: Vec<&str> = change.sections.iter().map(|f| section_name(*f)).collect();
                lines.push(Line::styled(
                    format!("changed: {}", names.join(", ")),
                    theme.severity(Severity::Warning),
                ));
                lines.push(Line::styled(
                    "o shows the old text beside the new",
                    theme.dim(),
                ));
            }
            None => lines.push(Line::styled("unchanged", theme.dim())),
        }
    }
    lines.push(Line::raw(""));
    lines.push(heading("Reviews"));
    let records = app.strategy.get(node).map_or(&[][..], |n| &n.reviews);
    if records.is_empty() {
        lines.push(Line::styled("none yet", theme.dim()));
    }
    let skipped = records.len().saturating_sub(RECORDS_SHOWN);
    if skipped > 0 {
        lines.push(Line::styled(format!("… {skipped} earlier"), theme.dim()));
    }
    for record in &records[skipped..] {
        lines.push(Line::from(vec![
            Span::styled(
                format!("{} ", record.decision),
                decision_style(record.decision, theme),
            ),
            Span::styled(
                format!("{} · {}", sanitize::line(&record.by), record.on),
                theme.dim(),
            ),
        ]));
        for text in [Some(&record.comment), record.reason.as_ref()]
            .into_iter()
            .flatten()
        {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                lines.push(Line::raw(format!("  {}", sanitize::line(line))));
            }
        }
    }
    let inner = pane(frame, rect, " Context ", false, theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn decision_style(decision: crate::model::Decision, theme: &Theme) -> ratatui::style::Style {
    use crate::model::Decision;
    match decision {
        Decision::Approve => theme.grade(Grade::Pass),
        Decision::RequestChanges => theme.severity(Severity::Error),
        Decision::Discuss => theme.severity(Severity::Warning),
        Decision::Comment => theme.accent(),
    }
}

/// The old text of each changed section, headed like the document.
fn old_text(before: &TwoPager, sections: &[Field], theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for &field in sections {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(section_name(field).to_owned(), theme.accent()));
        let text = match field {
            Field::Horizon => before.horizon.map(|h| h.to_string()).unwrap_or_default(),
            Field::WillNotList => before
                .will_not
                .iter()
                .map(|item| format!("• {item}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Field::Metrics => before
                .metrics
                .iter()
                .map(|m| format!("• {}", m.summary()))
                .collect::<Vec<_>>()
                .join("\n"),
            other => before.text(other).unwrap_or_default().to_owned(),
        };
        if text.trim().is_empty() {
            lines.push(Line::styled("(empty)", theme.dim()));
        }
        for line in text.lines() {
            lines.push(Line::raw(sanitize::line(line).into_owned()));
        }
    }
    lines
}

/// A section's name as the document heads it.
pub(super) fn section_name(field: Field) -> &'static str {
    match field {
        Field::Title => "Title",
        Field::Owner => "Owner",
        Field::Horizon => "Horizon",
        Field::Today => "Today",
        Field::Future => "Future",
        Field::WillNotList | Field::WillNot(_) => "Will not",
        Field::Metrics | Field::Metric(..) => "Metrics",
        Field::Notes => "Notes",
        _ => "Other",
    }
}

/// The sections of the shown node that changed since `--since`, when reviewing.
pub(super) fn changed_sections(app: &App, node: NodeId) -> &[Field] {
    app.review
        .as_ref()
        .and_then(|r| r.since.as_ref())
        .and_then(|since| since.changes.get(&node))
        .map_or(&[], |change| change.sections.as_slice())
}
