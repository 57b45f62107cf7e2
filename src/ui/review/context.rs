//! The column beside the two-pager under review: the parent it rolls up
//! to, the nodes below it (an intent's initiatives, an initiative's
//! options) with status, lint and progress, what changed since
//! `--since`, the open action items, and the records so far.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{section_name, since_label};
use crate::app::App;
use crate::app::review::ReviewMode;
use crate::lint::{Grade, Severity};
use crate::model::progress::text::percent;
use crate::model::{NodeId, first_sentence, open_actions};
use crate::sanitize;
use crate::ui::{Theme, level_mark, pane};

/// Review records shown, most recent last.
const RECORDS_SHOWN: usize = 6;

/// Nodes below listed before "… and N more".
const CHILDREN_SHOWN: usize = 8;

/// The right-hand column: the parent, what changed, the records so far.
pub(super) fn draw(
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
    children(&mut lines, app, node, theme);
    actions(&mut lines, app, node, theme);
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

/// The nodes directly below `node`, each with its status, lint and progress.
fn children(lines: &mut Vec<Line<'static>>, app: &App, node: NodeId, theme: &Theme) {
    let below = app.strategy.children(node);
    if below.is_empty() {
        return;
    }
    let level = match app.strategy.get(below[0]) {
        Some(n) if below.len() == 1 => n.level.name(),
        Some(n) => n.level.table(),
        None => "nodes",
    };
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Below it: {} {level}", below.len()),
        theme.accent(),
    ));
    for &child in below.iter().take(CHILDREN_SHOWN) {
        let Some(n) = app.strategy.get(child) else {
            continue;
        };
        let counts = app.findings.counts(child);
        let (lint, lint_style) = if counts.errors > 0 {
            (
                format!("✗{}", counts.errors),
                theme.severity(Severity::Error),
            )
        } else if counts.warnings > 0 {
            (
                format!("!{}", counts.warnings),
                theme.severity(Severity::Warning),
            )
        } else {
            ("✓".to_owned(), theme.grade(Grade::Pass))
        };
        let progress = app
            .progress
            .node(child)
            .and_then(|p| p.progress)
            .map(|p| format!(" · {}", percent(p)))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", level_mark(n.level)), theme.accent()),
            Span::raw(sanitize::line(&n.doc.title).into_owned()),
        ]));
        lines.push(Line::from(vec![
            Span::styled(format!("  {}{progress} · ", n.doc.status), theme.dim()),
            Span::styled(lint, lint_style),
        ]));
    }
    if below.len() > CHILDREN_SHOWN {
        lines.push(Line::styled(
            format!("… and {} more", below.len() - CHILDREN_SHOWN),
            theme.dim(),
        ));
    }
}

/// The node's open action items, overdue ones marked.
fn actions(lines: &mut Vec<Line<'static>>, app: &App, node: NodeId, theme: &Theme) {
    let Some(n) = app.strategy.get(node) else {
        return;
    };
    let open = open_actions(&n.reviews);
    if open.is_empty() {
        return;
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Open action items: {} (X closes one)", open.len()),
        theme.accent(),
    ));
    for item in open {
        let due = item
            .item
            .due
            .map(|d| format!(", due {d}"))
            .unwrap_or_default();
        let style = if item.is_overdue(app.today) {
            theme.severity(Severity::Error)
        } else {
            theme.text()
        };
        lines.push(Line::styled(
            format!(
                "☐ {} ({}{due}){}",
                sanitize::line(&item.item.what),
                sanitize::line(&item.item.owner),
                if item.is_overdue(app.today) {
                    " overdue"
                } else {
                    ""
                }
            ),
            style,
        ));
    }
}
