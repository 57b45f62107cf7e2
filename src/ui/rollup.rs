//! The roll-up: the chain from the selected node up to the vision, one card
//! per level with its owner, horizon, future, metrics and lint state, so a
//! weak link shows at once.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::scorecard::{self, symbol};
use super::text::{area, fit, row};
use super::{Theme, level_mark, pane};
use crate::app::screen::{Screen, Target};
use crate::app::text::wrap::{text_width, wrap};
use crate::app::{App, Focus};
use crate::lint::Grade;
use crate::lint::Severity;
use crate::model::progress::text::{self, percent};
use crate::model::{Level, NodeId, first_sentence};
use crate::sanitize;

/// Longest first sentence shown: a roll-up is a summary, not the document.
const FUTURE_CHARS: usize = 320;

pub(super) fn draw(
    frame: &mut Frame<'_>,
    rect: Rect,
    app: &App,
    cursor: usize,
    theme: &Theme,
    screen: &mut Screen,
) {
    if rect.is_empty() {
        return;
    }
    let chain = app.chain();
    let focused = app.focus == Focus::Rollup;
    let title = match chain.first().and_then(|&id| app.strategy.get(id)) {
        Some(node) => format!(" Roll-up: how {} ladders up ", sanitize::line(&node.id)),
        None => " Roll-up ".to_owned(),
    };
    let inner = pane(frame, rect, &title, focused, theme);
    screen
        .targets
        .push((area(rect), Target::Pane(Focus::Rollup)));
    if inner.is_empty() {
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<(Line<'static>, Option<usize>)> = Vec::new();
    let mut spans_of_card: Vec<(usize, usize)> = Vec::new();
    for (index, &id) in chain.iter().enumerate() {
        if index > 0 {
            lines.push((Line::styled("  ↑", theme.dim()), None));
        }
        let start = lines.len();
        for line in card(app, id, index == cursor, width, theme) {
            lines.push((line, Some(index)));
        }
        spans_of_card.push((start, lines.len()));
    }
    if let Some(&last) = chain.last()
        && let Some(node) = app.strategy.get(last)
        && node.level != Level::Vision
    {
        lines.push((Line::styled("  ↑", theme.dim()), None));
        let named = node.parent_ref.as_deref().map_or_else(
            || "no parent is named".to_owned(),
            |p| format!("`{}` does not exist", sanitize::line(p)),
        );
        let text = format!("✗ the chain breaks here: {named}");
        for r in wrap(&text, width) {
            lines.push((
                Line::styled(text[r].to_owned(), theme.severity(Severity::Error)),
                None,
            ));
        }
    }
    // Show the card under the cursor whole when it fits.
    let height = inner.height as usize;
    let (card_start, card_end) = spans_of_card.get(cursor).copied().unwrap_or((0, 0));
    let offset = if card_end <= height {
        0
    } else {
        card_start.min(card_end - height)
    };
    for (i, (line, card_index)) in lines.into_iter().enumerate().skip(offset).take(height) {
        let Some(line_area) = row(inner, i - offset) else {
            break;
        };
        frame.render_widget(line, line_area);
        if let Some(index) = card_index {
            if index == cursor {
                let style = if focused {
                    theme.selection()
                } else {
                    theme.selection_unfocused()
                };
                frame.buffer_mut().set_style(
                    Rect {
                        width: 1,
                        ..line_area
                    },
                    style,
                );
            }
            screen
                .targets
                .push((area(line_area), Target::RollupLevel(index)));
        }
    }
}

/// One level's card behind a gutter coloured by its lint state. The card
/// under the cursor is shown in full (a heavier gutter marks it without
/// colour); the others are summarised, so the whole chain fits a screen.
fn card(app: &App, id: NodeId, chosen: bool, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(node) = app.strategy.get(id) else {
        return Vec::new();
    };
    let doc = &node.doc;
    let inner = width.saturating_sub(2).max(1);
    let counts = app.findings.counts(id);
    let grade = counts.grade();
    let bar = theme.grade(grade);
    let gutter = || Span::styled(if chosen { "▌ " } else { "│ " }, bar);
    let limit = |full: usize| if chosen { full } else { 1 };
    let mut out = Vec::new();
    let push_wrapped = |out: &mut Vec<Line<'static>>, text: &str, style: Style, lines: usize| {
        let ranges = wrap(text, inner);
        let cut = ranges.len() > lines;
        for (i, r) in ranges.into_iter().take(lines).enumerate() {
            let piece = if cut && i + 1 == lines {
                fit(&format!("{}…", &text[r.start..]), inner)
            } else {
                text[r].to_owned()
            };
            out.push(Line::from(vec![gutter(), Span::styled(piece, style)]));
        }
    };

    let state = match grade {
        Grade::Pass => "✓ no findings".to_owned(),
        _ => {
            let mut parts = Vec::new();
            if counts.errors > 0 {
                parts.push(format!("{} error{}", counts.errors, plural(counts.errors)));
            }
            if counts.warnings > 0 {
                parts.push(format!(
                    "{} warning{}",
                    counts.warnings,
                    plural(counts.warnings)
                ));
            }
            format!("{} {}", symbol(grade), parts.join(", "))
        }
    };
    let key = match node.level {
        Level::Vision => String::new(),
        _ => format!(" · {}", sanitize::line(&node.id)),
    };
    let head = fit(
        &format!("{} {}{key}", level_mark(node.level), node.level.title()),
        inner.saturating_sub(text_width(&state) + 1),
    );
    out.push(Line::from(vec![
        gutter(),
        Span::styled(head.clone(), theme.accent()),
        Span::raw(
            " ".repeat(
                inner
                    .saturating_sub(text_width(&head) + text_width(&state))
                    .max(1),
            ),
        ),
        Span::styled(state, theme.grade(grade)),
    ]));

    let title = if doc.title.is_empty() {
        "(untitled)".to_owned()
    } else {
        sanitize::line(&doc.title).into_owned()
    };
    push_wrapped(&mut out, &title, theme.title(), limit(2));
    let owner = if doc.owner.is_empty() {
        "no owner".to_owned()
    } else {
        sanitize::line(&doc.owner).into_owned()
    };
    let horizon = doc
        .horizon
        .map_or_else(|| "no horizon".to_owned(), |h| h.to_string());
    push_wrapped(
        &mut out,
        &format!("{owner} · {} · {horizon}", doc.status),
        theme.dim(),
        limit(2),
    );

    for item in crate::model::open_actions(&node.reviews)
        .iter()
        .take(limit(3))
    {
        let due = item
            .item
            .due
            .map(|d| format!(", due {d}"))
            .unwrap_or_default();
        let style = if item.is_overdue(app.today) {
            theme.severity(Severity::Error)
        } else {
            theme.severity(Severity::Warning)
        };
        push_wrapped(
            &mut out,
            &format!(
                "☐ action: {} ({}{due})",
                sanitize::line(&item.item.what),
                sanitize::line(&item.item.owner)
            ),
            style,
            1,
        );
    }

    let mut future = first_sentence(&doc.future);
    if future.chars().count() > FUTURE_CHARS {
        future = future.chars().take(FUTURE_CHARS).collect::<String>() + "…";
    }
    let future = if future.is_empty() {
        "(no future written)".to_owned()
    } else {
        sanitize::line(&future).into_owned()
    };
    push_wrapped(
        &mut out,
        &format!("future: {future}"),
        theme.text(),
        limit(4),
    );

    let shown = limit(4);
    if doc.metrics.is_empty() {
        out.push(Line::from(vec![
            gutter(),
            Span::styled("no metrics", theme.dim()),
        ]));
    }
    let measured = app.progress.node(id);
    for (i, metric) in doc.metrics.iter().take(shown).enumerate() {
        let more = match doc.metrics.len().saturating_sub(shown) {
            n if n > 0 && i + 1 == shown => format!(" (+{n} more)"),
            _ => String::new(),
        };
        // The current value, where there is one, after what the metric promises.
        let now = measured
            .and_then(|p| p.metrics.get(i))
            .and_then(|m| Some((m.current?, m.health)))
            .map(|(c, health)| {
                format!(
                    " · now {} ({})",
                    sanitize::line(&node.checkins[c].value),
                    health.label()
                )
            })
            .unwrap_or_default();
        let text = format!("• {}{now}", sanitize::line(&metric.summary()));
        let room = inner.saturating_sub(text_width(&more));
        out.push(Line::from(vec![
            gutter(),
            Span::raw(fit(&text, room)),
            Span::styled(more, theme.dim()),
        ]));
    }
    // Progress at every level, so a weak link in the chain shows at once.
    if let Some(p) = measured {
        let reporting = p.reporting(node.level.child());
        let line = match (p.progress, p.expected) {
            (Some(share), Some(expected)) => {
                let drawn = text::bar(Some(share), Some(expected), 10);
                let rest = format!(
                    " {} · expected {} · {} · {reporting}",
                    percent(share),
                    percent(expected),
                    p.health.label()
                );
                let room = inner.saturating_sub(text_width(&drawn));
                Line::from(vec![
                    gutter(),
                    Span::styled(drawn, theme.health(p.health)),
                    Span::styled(fit(&rest, room), theme.text()),
                ])
            }
            _ => Line::from(vec![
                gutter(),
                Span::styled(
                    fit(&format!("progress: no data · {reporting}"), inner),
                    theme.dim(),
                ),
            ]),
        };
        out.push(line);
    }
    if chosen {
        let mut score = scorecard::line(app, id, inner, theme);
        score.spans.insert(0, gutter());
        out.push(score);
    }
    // The worst finding, so the weak point is named, not only counted.
    if let Some(worst) = app
        .findings
        .for_node(id)
        .iter()
        .filter(|d| d.severity > Severity::Note)
        .min_by_key(|d| std::cmp::Reverse(d.severity))
    {
        let text = format!(
            "{} {}: {}",
            symbol(grade),
            worst.rule,
            sanitize::line(&worst.message)
        );
        out.push(Line::from(vec![
            gutter(),
            Span::styled(fit(&text, inner), theme.severity(worst.severity)),
        ]));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
