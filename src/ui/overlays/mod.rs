//! Drawing the overlays, one file each, as `app/overlays/` holds them: the
//! stack is drawn bottom to top, so the topmost overlay is on top.

mod checkin;
mod confirm;
mod filter_menu;
mod help;
mod load_problems;
mod parent_picker;
mod prompt;
mod search;
mod section_picker;
mod text_box;

use ratatui::Frame;
use ratatui::layout::Rect;

use super::Theme;
use crate::app::App;
use crate::app::overlays::Layer;
use crate::app::screen::Screen;

/// Where the frame's parts went, for overlays that sit over one of them.
pub(super) struct Areas {
    /// Everything above the status bar.
    pub body: Rect,
    /// The tree's side, or all of `body` when it shows one pane.
    pub left: Rect,
    /// The two-pager's side; empty when only the tree shows.
    pub right: Rect,
    /// True when both sides show.
    pub two_panes: bool,
}

/// Draws every overlay of `app`, bottom to top.
pub(super) fn draw(
    frame: &mut Frame<'_>,
    app: &App,
    areas: &Areas,
    theme: &Theme,
    screen: &mut Screen,
) {
    let body = areas.body;
    for layer in &app.layers {
        match layer {
            Layer::Search(search) => {
                let panel = if areas.two_panes { areas.left } else { body };
                search::draw(frame, panel, app, search, theme, screen);
            }
            Layer::Filter(menu) => filter_menu::draw(frame, body, app, menu, theme, screen),
            Layer::Help(help) => help::draw(frame, body, app, help.scroll, theme, screen),
            Layer::Confirm(question) => confirm::draw(frame, body, app, question, theme, screen),
            Layer::Prompt(prompt) => prompt::draw(frame, body, prompt, theme, screen),
            Layer::Pick(picker) => section_picker::draw(frame, body, picker, theme, screen),
            Layer::Reparent(picker) => parent_picker::draw(frame, body, app, picker, theme, screen),
            Layer::Editor(editor) => {
                let area = if areas.right.is_empty() {
                    body
                } else {
                    areas.right
                };
                text_box::editor(frame, area, app, editor, theme, screen)
            }
            Layer::Note(note) => text_box::note(frame, body, app, note, theme, screen),
            Layer::Checkin(form) => checkin::draw(frame, body, app, form, theme, screen),
            Layer::LoadProblems(panel) => {
                load_problems::draw(frame, body, app, panel.scroll, theme, screen)
            }
        }
    }
}
