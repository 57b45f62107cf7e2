//! The review screen: one node at a time. A progress line on top; the
//! two-pager with its scorecard and diagnostics on the left; on the right
//! the parent it rolls up to, what changed since `--since`, and the review
//! records already on the node, or, with `o`, the old text beside the new.

mod compare;
mod context;
mod end;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::{LineGauge, Paragraph};

use super::text::fit;
use super::{Theme, draw_document_side, pane};
use crate::app::App;
use crate::app::review::{ReviewMode, clock_text};
use crate::app::screen::Screen;
use crate::app::text::wrap::text_width;
use crate::lint::{Grade, Severity};
use crate::model::{Field, NodeId};
use crate::sanitize;

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
    let banner_rows = u16::from(review.banner.is_some());
    let [top, banner, main] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(banner_rows),
        Constraint::Min(1),
    ])
    .areas(body);
    progress(frame, top, app, review, theme);
    if let Some(shown) = &review.banner {
        // Already sanitized when it was made.
        frame.render_widget(
            Span::styled(
                fit(&format!(" {} ", shown.text), banner.width as usize),
                theme.grade(Grade::Pass).add_modifier(Modifier::REVERSED),
            ),
            banner,
        );
    }
    if review.finished {
        end::draw(frame, main, app, review, theme);
        return;
    }
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
    let old = review
        .since
        .as_ref()
        .and_then(|since| since.changes.get(&node))
        .and_then(|change| change.old.as_ref().map(|old| (change, old)));
    if let (Some((change, before)), true, Some(now)) =
        (old, review.show_old, app.strategy.get(node))
    {
        let label = since_label(review);
        compare::draw(
            frame,
            main,
            before,
            &now.doc,
            &change.sections,
            &label,
            theme,
        );
        return;
    }
    if !left.is_empty() {
        if review.show_rollup {
            super::rollup::draw(frame, left, app, 0, theme, screen);
        } else {
            draw_document_side(frame, left, app, theme, screen);
        }
    }
    if !right.is_empty() {
        context::draw(frame, right, app, review, node, theme);
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
    let clock = review.current().and_then(|node| {
        review.clock.timebox.map(|limit| {
            let here = review.clock.ms_on(node);
            (
                format!(
                    " {}/{} here · {} in all ",
                    clock_text(here),
                    clock_text(limit * 1000),
                    clock_text(review.clock.now_ms)
                ),
                review.clock.over(node),
            )
        })
    });
    if let Some((text, _)) = &clock {
        left.push_str(" ·");
        left.push_str(text);
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
    let over = clock.is_some_and(|(_, over)| over);
    let style = if over {
        theme.severity(Severity::Warning)
    } else {
        theme.accent()
    };
    frame.render_widget(Span::styled(fit(&left, text.width as usize), style), text);
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

pub(super) fn since_label(review: &ReviewMode) -> String {
    review
        .since
        .as_ref()
        .map(|s| sanitize::line(&s.revision).into_owned())
        .unwrap_or_default()
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
