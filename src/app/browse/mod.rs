//! Moving through the panes: the cascade tree (folds, filter), the
//! two-pager laid out for the screen, the diagnostics and the roll-up.
//! Each key of normal mode that moves something ends up in a method here.

pub mod document;
pub mod filter;
pub mod look;
pub mod prose;
pub mod tree;

use super::{App, Effect, Focus, View};
use crate::model::NodeId;
use filter::Filter;
use tree::{Row, keep_visible};

/// Rows kept between the cursor and the edge of the tree (vim's `scrolloff`).
pub const MARGIN: usize = 2;

impl App {
    /// `t`: titles beside the ids, or ids alone; remembered.
    pub(in crate::app) fn toggle_titles(&mut self) -> Vec<Effect> {
        self.look.titles = !self.look.titles;
        self.notice = Some(
            if self.look.titles {
                "the tree shows titles beside ids"
            } else {
                "the tree shows ids only"
            }
            .to_owned(),
        );
        vec![Effect::RememberLook(self.look)]
    }

    /// `<` and `>`: the tree a step narrower or wider; remembered.
    pub(in crate::app) fn step_tree_width(&mut self, wider: bool) -> Vec<Effect> {
        let next = self.look.step(wider);
        if next == self.look {
            let end = if wider { "widest" } else { "narrowest" };
            self.notice = Some(format!("the tree is as {end} as it goes"));
            return Vec::new();
        }
        self.look = next;
        vec![Effect::RememberLook(self.look)]
    }

    /// Lines a page key moves in the focused pane.
    pub(in crate::app) fn page(&self) -> usize {
        let rows = match self.focus {
            Focus::Tree => self.screen.tree_rows,
            Focus::Document => self.screen.document_lines,
            Focus::Diagnostics | Focus::Rollup => 4,
        };
        rows.saturating_sub(1).max(1)
    }

    pub(in crate::app) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Tree => self.tree.move_by(delta),
            Focus::Document => self.scroll_by(delta),
            Focus::Diagnostics => {
                let count = self.shown_diagnostics().len();
                let at = self.reading.diagnostic.unwrap_or(0);
                let next = clamp_step(at, delta, count);
                self.show_diagnostic(next);
            }
            Focus::Rollup => {
                let count = self.chain().len();
                if let View::Rollup { cursor } = &mut self.view {
                    *cursor = clamp_step(*cursor, delta, count);
                }
            }
        }
    }

    /// Scrolls the two-pager, stopping where its last line reaches the bottom.
    fn scroll_by(&mut self, delta: isize) {
        let max = self.max_scroll();
        self.reading.scroll = self.reading.scroll.saturating_add_signed(delta).min(max);
    }

    fn max_scroll(&self) -> usize {
        let Some(node) = self.shown_node() else {
            return 0;
        };
        // Before the first frame there is no width to wrap to, and nothing to clamp against.
        if self.screen.document_width == 0 {
            return usize::MAX;
        }
        let (_, wrapped) = self.wrapped(node, self.screen.document_width);
        wrapped
            .lines
            .len()
            .saturating_sub(self.screen.document_lines.max(1))
    }

    fn selected_row(&self) -> Option<Row> {
        self.tree.rows.get(self.tree.cursor).copied()
    }

    pub(in crate::app) fn collapse(&mut self) {
        if self.focus != Focus::Tree {
            return;
        }
        match self.selected_row() {
            Some(Row::Node { id, open: true, .. }) => {
                self.tree.folded.insert(id);
                self.rebuild_tree();
            }
            Some(Row::Node { id, .. }) => {
                if let Some(parent) = self.strategy.parent(id) {
                    self.tree.select(parent);
                }
            }
            _ => {}
        }
    }

    pub(in crate::app) fn expand(&mut self) {
        if self.focus != Focus::Tree {
            return;
        }
        match self.selected_row() {
            Some(Row::Node {
                id,
                has_children: true,
                open: false,
                ..
            }) => {
                self.tree.folded.remove(&id);
                self.rebuild_tree();
            }
            Some(Row::Node { open: true, .. }) => self.tree.move_by(1),
            _ => {}
        }
    }

    pub(in crate::app) fn activate(&mut self) {
        match (self.focus, self.view) {
            (Focus::Tree, _) => match self.selected_row() {
                Some(Row::Node {
                    id,
                    has_children: true,
                    open,
                    ..
                }) => {
                    if open {
                        self.tree.folded.insert(id);
                    } else {
                        self.tree.folded.remove(&id);
                    }
                    self.rebuild_tree();
                }
                Some(Row::Node { .. }) if self.view == View::Document => {
                    self.focus = Focus::Document
                }
                _ => {}
            },
            (Focus::Rollup, View::Rollup { cursor }) => {
                if let Some(&node) = self.chain().get(cursor) {
                    self.view = View::Document;
                    self.jump_to(node);
                    self.focus = Focus::Tree;
                }
            }
            (Focus::Diagnostics, _) => {
                let at = self.reading.diagnostic.unwrap_or(0);
                self.show_diagnostic(at);
            }
            _ => {}
        }
    }

    pub(in crate::app) fn cycle_focus(&mut self, step: isize) {
        let panes = self.panes();
        let at = panes.iter().position(|&p| p == self.focus).unwrap_or(0);
        let next = (at as isize + step).rem_euclid(panes.len() as isize) as usize;
        self.focus = panes[next];
        if self.focus == Focus::Diagnostics && self.reading.diagnostic.is_none() {
            self.show_diagnostic(0);
        }
    }

    pub(in crate::app) fn toggle_rollup(&mut self) {
        match self.view {
            View::Document => {
                self.view = View::Rollup { cursor: 0 };
                self.focus = Focus::Rollup;
            }
            View::Rollup { .. } => {
                self.view = View::Document;
                self.focus = Focus::Tree;
            }
        }
    }

    /// Selects the diagnostic `index` of the shown node and scrolls the text
    /// so the span it points at is in view, a few lines from the top.
    pub(in crate::app) fn show_diagnostic(&mut self, index: usize) {
        let Some(node) = self.shown_node() else {
            return;
        };
        let count = self.findings.for_node(node).len();
        if count == 0 {
            self.reading.diagnostic = None;
            return;
        }
        let index = index.min(count - 1);
        self.reading.diagnostic = Some(index);
        if self.screen.document_width == 0 {
            return;
        }
        let (_, wrapped) = self.wrapped(node, self.screen.document_width);
        let line = wrapped.diagnostic_lines.get(index).copied().unwrap_or(0);
        let height = self.screen.document_lines.max(1);
        let visible = self.reading.scroll..self.reading.scroll + height;
        if !visible.contains(&line) {
            self.reading.scroll = line.saturating_sub(height / 3);
        }
        self.reading.scroll = self.reading.scroll.min(self.max_scroll());
    }

    pub(in crate::app) fn step_diagnostic(&mut self, step: isize) {
        let count = self.shown_diagnostics().len();
        if count == 0 {
            return;
        }
        let next = match self.reading.diagnostic {
            None if step > 0 => 0,
            None => count - 1,
            Some(at) => clamp_step(at, step, count),
        };
        self.show_diagnostic(next);
    }

    pub(in crate::app) fn step_problem_node(&mut self, step: isize) {
        let order: Vec<NodeId> = self
            .strategy
            .cascade()
            .into_iter()
            .map(|(id, _)| id)
            .filter(|&id| self.filter.matches(self.facts(), id) || !self.filter.is_active())
            .collect();
        let here = self
            .tree
            .selected()
            .and_then(|id| order.iter().position(|&o| o == id))
            .unwrap_or(0);
        let has_problem = |id: NodeId| {
            let counts = self.findings.counts(id);
            counts.errors + counts.warnings > 0
        };
        let len = order.len();
        let found = (1..=len)
            .map(|i| (here as isize + step * i as isize).rem_euclid(len.max(1) as isize) as usize)
            .map(|i| order[i])
            .find(|&id| has_problem(id));
        match found {
            Some(node) => self.jump_to(node),
            None => self.notice = Some("no node has errors or warnings".into()),
        }
    }

    pub(in crate::app) fn collapse_all(&mut self) {
        let selected = self.tree.selected();
        for (id, _) in self.strategy.iter() {
            if Some(id) != self.strategy.vision() && !self.strategy.children(id).is_empty() {
                self.tree.folded.insert(id);
            }
        }
        self.rebuild_tree();
        if let Some(id) = selected {
            self.select_or_ancestor(id);
        }
    }

    pub(in crate::app) fn cancel(&mut self) {
        if let View::Rollup { .. } = self.view {
            self.toggle_rollup();
        } else if self.reading.diagnostic.is_some() {
            self.reading.diagnostic = None;
            if self.focus == Focus::Diagnostics {
                self.focus = Focus::Document;
            }
        } else if self.search.last.is_some() {
            self.search.last = None;
        }
    }

    /// Selects `id` in the tree, unfolding its ancestors and, when the filter
    /// hides it, clearing the filter (with a notice saying so).
    pub(in crate::app) fn jump_to(&mut self, id: NodeId) {
        let mut at = id;
        while let Some(parent) = self.strategy.parent(at) {
            self.tree.folded.remove(&parent);
            at = parent;
        }
        self.rebuild_tree();
        if !self.tree.select(id) && self.filter.is_active() {
            self.filter = Filter::default();
            self.rebuild_tree();
            self.tree.select(id);
            self.notice = Some("filter cleared to show the node".into());
        }
        self.sync_reading();
        self.keep_tree_cursor_visible();
    }

    /// Selects `id`, or its nearest ancestor that has a row.
    fn select_or_ancestor(&mut self, id: NodeId) {
        for node in self.strategy.path_to_vision(id) {
            if self.tree.select(node) {
                return;
            }
        }
    }

    /// Replaces the filter; unfolds nodes that hold matches so they show.
    pub(in crate::app) fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        if self.filter.is_active() {
            let selected = self.tree.selected();
            let unfolded = tree::rows(self.facts(), &self.filter, &Default::default());
            for row in unfolded {
                if let Row::Node {
                    id, context: true, ..
                } = row
                {
                    self.tree.folded.remove(&id);
                }
            }
            self.rebuild_tree();
            if let Some(id) = selected
                && self.tree.selected() != Some(id)
            {
                self.select_or_ancestor(id);
            }
        } else {
            self.rebuild_tree();
        }
        self.keep_tree_cursor_visible();
    }

    /// Scrolls the tree so the cursor is on screen.
    pub(in crate::app) fn keep_tree_cursor_visible(&mut self) {
        self.tree.offset = keep_visible(
            self.tree.offset,
            self.tree.cursor,
            self.screen.tree_rows,
            self.tree.rows.len(),
            MARGIN,
        );
    }
}

/// `at + delta` kept within `0..count`.
fn clamp_step(at: usize, delta: isize, count: usize) -> usize {
    at.saturating_add_signed(delta).min(count.saturating_sub(1))
}
