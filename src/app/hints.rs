//! The key hints in the status bar, computed from what is possible right now
//! and from the keymap in force, so a hint never names a key that does
//! nothing or a key the user rebound (gitui's command bar).

use super::browse::tree::Row;
use super::keys::keymap::Lookup;
use super::keys::sequence_to_string;
use super::keys::table::Hint;
use super::overlays;
use super::{Action, App, Focus, View};

/// The hints for the current state, most useful first.
pub fn hints(app: &App) -> Vec<Hint> {
    let mut out = Hints {
        app,
        hints: Vec::new(),
    };
    if !app.pending.is_empty() {
        if let Lookup::Pending(next) = app.active_keymap().lookup(&app.pending) {
            let prefix = sequence_to_string(&app.pending);
            for (key, what) in next {
                out.fixed(&format!("{prefix} {key}"), &what);
            }
        }
        out.fixed("esc", "cancel");
        return out.hints;
    }
    if let Some(hints) = overlays::hints(app) {
        return hints;
    }
    if app.review.is_some() {
        reviewing(&mut out);
    } else {
        normal(&mut out);
    }
    out.hints
}

fn normal(out: &mut Hints<'_>) {
    let app = out.app;
    let row = app.tree.rows.get(app.tree.cursor).copied();
    let movement = match app.focus {
        Focus::Tree => "move",
        Focus::Document => "scroll",
        Focus::Diagnostics => "diagnostic",
        Focus::Rollup => "level",
    };
    if app.focus == Focus::Document || !app.tree.rows.is_empty() {
        out.pair(Action::MoveDown, Action::MoveUp, movement);
    }
    match (app.focus, row) {
        (
            Focus::Tree,
            Some(Row::Node {
                has_children: true,
                open: true,
                ..
            }),
        ) => out.action(Action::Collapse, "fold"),
        (
            Focus::Tree,
            Some(Row::Node {
                has_children: true,
                open: false,
                ..
            }),
        ) => out.action(Action::Expand, "unfold"),
        (Focus::Rollup, _) => out.action(Action::Activate, "open level"),
        _ => {}
    }
    // Early: on a narrow screen only one pane shows, and Tab is the way to the other.
    if app.panes().len() > 1 {
        out.action(Action::FocusNext, "pane");
    }
    if app.view == View::Document && !app.shown_diagnostics().is_empty() {
        out.pair(
            Action::NextDiagnostic,
            Action::PreviousDiagnostic,
            "diagnostics",
        );
    }
    match app.view {
        View::Document if app.tree.selected().is_some() => {
            out.action(Action::ToggleRollup, "roll-up")
        }
        View::Rollup { .. } => out.action(Action::ToggleRollup, "back"),
        View::Document => {}
    }
    // While loading found problems, the way to read them stays in view.
    if !app.load_problems.is_empty() {
        out.action(Action::LoadProblems, "load problems");
    }
    out.action(Action::Search, "search");
    edits(out);
    // With one result, n only helps once the selection has moved away from it.
    if let Some(search) = app
        .search
        .last
        .as_ref()
        .filter(|s| s.nodes.len() > 1 || app.tree.selected() != s.nodes.get(s.at).copied())
    {
        let label = format!("match {}/{}", search.at + 1, search.nodes.len());
        out.pair(Action::NextMatch, Action::PreviousMatch, &label);
    }
    out.action(Action::Filter, "filter");
    if app.filter.is_active() {
        out.action(Action::ClearFilter, "clear filter");
    }
    out.action(Action::Quit, "quit");
    // Last, so the status bar keeps it when space runs out: it leads to the rest.
    out.action(Action::Help, "help");
}

/// Review mode: the decisions first, then moving through the queue.
fn reviewing(out: &mut Hints<'_>) {
    let app = out.app;
    if app.review.as_ref().is_some_and(|r| r.finished) {
        out.action(Action::NextUndecided, "undecided");
        out.action(Action::PreviousNode, "last node");
        out.action(Action::WriteNotes, "write notes");
        out.action(Action::Quit, "quit");
        return;
    }
    if app.shown_node().is_some() {
        out.action(Action::Approve, "approve");
        out.action(Action::RequestChanges, "changes");
        out.action(Action::Discuss, "discuss");
        out.action(Action::Comment, "comment");
        out.action(Action::AddActionItem, "action item");
        out.action(Action::Skip, "skip");
        out.pair(Action::NextNode, Action::PreviousNode, "next/prev");
        out.action(Action::NextUndecided, "undecided");
        out.action(Action::ToggleRollup, "roll-up");
    }
    let changed = app.review.as_ref().is_some_and(|r| {
        r.since.as_ref().is_some_and(|since| {
            app.shown_node()
                .and_then(|node| since.changes.get(&node))
                .is_some_and(|change| !change.is_new())
        })
    });
    if changed {
        out.action(Action::ToggleOldText, "old text");
    }
    out.pair(Action::MoveDown, Action::MoveUp, "scroll");
    if !app.history.undo.is_empty() {
        out.action(Action::Undo, "undo");
    }
    out.action(Action::Quit, "quit");
    out.action(Action::Help, "help");
}

/// The editing keys that do something for the selection right now.
fn edits(out: &mut Hints<'_>) {
    let app = out.app;
    if app.view != View::Document {
        return;
    }
    if app.shown_node().is_some() {
        out.action(Action::Edit, "edit");
    }
    if let Some(id) = app.tree.selected().filter(|_| app.focus == Focus::Tree) {
        let node = app.strategy.node(id);
        if node.level.child().is_some() {
            out.action(Action::AddChild, "add");
        }
        if app.strategy.vision() != Some(id) {
            out.action(Action::Delete, "delete");
        }
    }
    if !app.history.undo.is_empty() {
        out.action(Action::Undo, "undo");
    }
    if !app.history.redo.is_empty() {
        out.action(Action::Redo, "redo");
    }
    if app.is_dirty() {
        out.action(Action::Save, "save");
    }
    if app.shown_node().is_some() {
        out.action(Action::EditInEditor, "$EDITOR");
    }
    // Reading a two-pager whose metrics can be checked in.
    if app.focus == Focus::Document
        && app
            .shown_node()
            .is_some_and(|id| !app.strategy.node(id).doc.metrics.is_empty())
    {
        out.action(Action::CheckIn, "check in");
    }
}

struct Hints<'a> {
    app: &'a App,
    hints: Vec<Hint>,
}

impl Hints<'_> {
    fn fixed(&mut self, keys: &str, label: &str) {
        self.hints.push(Hint::new(keys, label));
    }

    fn action(&mut self, action: Action, label: &str) {
        if let Some(keys) = self.app.active_keymap().hint_key(action) {
            self.fixed(&keys, label);
        }
    }

    /// One hint for two opposite actions: `j/k move`.
    fn pair(&mut self, forward: Action, back: Action, label: &str) {
        let keys = [forward, back]
            .iter()
            .filter_map(|&a| self.app.active_keymap().hint_key(a))
            .collect::<Vec<_>>()
            .join("/");
        if !keys.is_empty() {
            self.fixed(&keys, label);
        }
    }
}
