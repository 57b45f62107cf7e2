//! `update`: one action in, a new state and its effects out. Pure: no
//! terminal, no IO, so every key is a unit test away. Each action is done
//! by a method or function of the room it belongs to; this is the switch.

use super::browse::filter::Filter;
use super::overlays::{filter_menu, help, load_problems, search, section_picker};
use super::{Action, App, Effect, review};

/// Applies `action` to `app`; returns what the shell must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if let Some(effects) = review::update(app, action) {
        app.sync_reading();
        return effects;
    }
    let mut effects = Vec::new();
    match action {
        Action::Quit => effects = app.request_quit(),
        Action::MoveDown => app.move_by(1),
        Action::MoveUp => app.move_by(-1),
        Action::PageDown => app.move_by(app.page() as isize),
        Action::PageUp => app.move_by(-(app.page() as isize)),
        Action::HalfPageDown => app.move_by((app.page() / 2).max(1) as isize),
        Action::HalfPageUp => app.move_by(-((app.page() / 2).max(1) as isize)),
        Action::GoTop => app.move_by(isize::MIN / 2),
        Action::GoBottom => app.move_by(isize::MAX / 2),
        Action::Collapse => app.collapse(),
        Action::Expand => app.expand(),
        Action::Activate => app.activate(),
        Action::FocusNext => app.cycle_focus(1),
        Action::FocusPrevious => app.cycle_focus(-1),
        Action::ToggleRollup => app.toggle_rollup(),
        Action::Search => search::open(app),
        Action::NextMatch => search::step(app, 1),
        Action::PreviousMatch => search::step(app, -1),
        Action::Filter => filter_menu::open(app),
        Action::ClearFilter => app.set_filter(Filter::default()),
        Action::ToggleTitles => effects = app.toggle_titles(),
        Action::NarrowTree => effects = app.step_tree_width(false),
        Action::WidenTree => effects = app.step_tree_width(true),
        Action::LoadProblems => load_problems::open(app),
        Action::NextDiagnostic => app.step_diagnostic(1),
        Action::PreviousDiagnostic => app.step_diagnostic(-1),
        Action::NextProblemNode => app.step_problem_node(1),
        Action::PreviousProblemNode => app.step_problem_node(-1),
        Action::ExpandAll => {
            app.tree.folded.clear();
            app.rebuild_tree();
        }
        Action::CollapseAll => app.collapse_all(),
        Action::Cancel => app.cancel(),
        Action::Help => help::open(app),
        Action::Edit => section_picker::open(app),
        Action::EditInEditor => effects = app.open_external(),
        Action::Undo => app.undo(),
        Action::Redo => app.redo(),
        Action::Save => effects.push(Effect::Save),
        Action::AddChild => app.start_add(false),
        Action::AddSibling => app.start_add(true),
        Action::RenameId => app.start_rename(),
        Action::Reparent => app.start_reparent(),
        Action::MoveNodeUp => app.move_node(true),
        Action::MoveNodeDown => app.move_node(false),
        Action::Delete => app.start_delete(),
        Action::CheckIn => app.start_checkin(),
        Action::StartReview
        | Action::Approve
        | Action::RequestChanges
        | Action::Discuss
        | Action::Comment
        | Action::Skip
        | Action::NextNode
        | Action::PreviousNode
        | Action::NextUndecided
        | Action::ToggleOldText
        | Action::AddActionItem
        | Action::CloseActionItem
        | Action::WriteNotes => review::update_browsing(app, action),
    }
    app.sync_reading();
    app.keep_tree_cursor_visible();
    effects
}
