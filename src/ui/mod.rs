//! Drawing: a pure function of the [`App`] (and the theme) onto a frame.
//!
//! [`draw`] reads the state, draws only what is visible, and returns the
//! [`Screen`] it laid out (where each pane and row went) so the app can
//! resolve clicks and page sizes against what the user actually sees.

mod diagnostics;
mod document;
mod overlays;
mod review;
mod rollup;
mod scorecard;
mod status;
mod text;
mod theme;
mod tree;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Clear};

pub use theme::{ColorError, ROLES, Theme};

use crate::app::screen::{Screen, Target};
use crate::app::{App, Focus, View};
use crate::model::Level;

/// Below this width the browser shows one pane at a time.
const TWO_PANES: u16 = 50;

/// Draws `app` on `frame` and returns where everything went.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) -> Screen {
    let mut screen = Screen::default();
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return screen;
    }
    let [body, status_row] = if area.height >= 2 {
        // A long notice takes rows from the body, never more than a third.
        let status = status::height(app, area.width).min((area.height / 3).max(1));
        Layout::vertical([Constraint::Min(1), Constraint::Length(status)]).areas(area)
    } else {
        [Rect::default(), area]
    };

    let two_panes = body.width >= TWO_PANES;
    let (left, right) = if two_panes {
        let tree_width = app.look.tree_width(body.width);
        let [left, right] =
            Layout::horizontal([Constraint::Length(tree_width), Constraint::Min(1)]).areas(body);
        (left, right)
    } else if app.focus == Focus::Tree {
        (body, Rect::default())
    } else {
        (Rect::default(), body)
    };

    if let Some(review) = &app.review {
        review::draw(frame, body, app, review, theme, &mut screen);
    } else {
        tree::draw(frame, left, app, theme, &mut screen);
        match app.view {
            View::Document => draw_document_side(frame, right, app, theme, &mut screen),
            View::Rollup { cursor } => rollup::draw(frame, right, app, cursor, theme, &mut screen),
        }
    }

    let areas = overlays::Areas {
        body,
        left,
        right,
        two_panes,
    };
    overlays::draw(frame, app, &areas, theme, &mut screen);
    if !app.pending.is_empty() {
        status::which_key(frame, body, app, theme);
    }
    status::draw(frame, status_row, app, theme);
    screen
}

/// The two-pager with its scorecard on top and its diagnostics below.
fn draw_document_side(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App,
    theme: &Theme,
    screen: &mut Screen,
) {
    if area.is_empty() {
        return;
    }
    let diagnostics = app.shown_diagnostics();
    let [doc_area, diag_area] = if diagnostics.is_empty() {
        [area, Rect::default()]
    } else {
        let wanted = diagnostics::height(diagnostics, area.width.saturating_sub(2));
        let cap = (area.height / 3).max(3);
        let height = (wanted + 2).min(cap).min(area.height.saturating_sub(3));
        Layout::vertical([Constraint::Min(1), Constraint::Length(height)]).areas(area)
    };
    document::draw(frame, doc_area, app, theme, screen);
    diagnostics::draw(frame, diag_area, app, theme, screen);
}

/// A bordered pane with a title, brighter when focused; returns its inside.
fn pane(frame: &mut Frame<'_>, area: Rect, title: &str, focused: bool, theme: &Theme) -> Rect {
    let block = Block::bordered()
        .border_style(theme.border(focused))
        .title(text::fit(title, area.width.saturating_sub(2) as usize));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Clears `area` and draws an overlay frame around it; returns its inside.
fn overlay(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    theme: &Theme,
    screen: &mut Screen,
) -> Rect {
    frame.render_widget(Clear, area);
    screen.targets.push((text::area(area), Target::Overlay));
    pane(frame, area, title, true, theme)
}

/// The mark that tells levels apart in the tree and the roll-up.
pub fn level_mark(level: Level) -> &'static str {
    match level {
        Level::Vision => "◆",
        Level::Intent => "■",
        Level::Initiative => "▲",
        Level::Option => "●",
    }
}
