//! Changing the strategy from the browser: apply an edit, remember its
//! inverse, relint what it touched, and keep the tree and caches in step.
//! Every change made anywhere in the app goes through [`App::commit`] (or,
//! for the section editor's live draft, `App::apply_preview`).

pub mod history;
pub mod section;

use super::App;
use crate::lint;
use crate::model::{Edit, EditError, NodeId};
use history::{is_text_only, nodes_of};

impl App {
    /// Applies `edit` as one undoable step. On error nothing changed.
    pub fn commit(&mut self, edit: Edit) -> Result<(), EditError> {
        let inverse = self.apply_tracked(edit)?;
        self.history.record(inverse);
        self.refresh_dirty();
        Ok(())
    }

    /// Undoes the last step; says so when there is none.
    pub(in crate::app) fn undo(&mut self) {
        match self.history.undo.pop() {
            Some(edit) => match self.apply_tracked(edit) {
                Ok(inverse) => {
                    self.history.redo.push(inverse);
                    self.notice = Some("undone".into());
                }
                Err(error) => self.notice = Some(format!("cannot undo: {error}")),
            },
            None => self.notice = Some("nothing to undo".into()),
        }
        self.refresh_dirty();
    }

    /// Redoes the last undone step.
    pub(in crate::app) fn redo(&mut self) {
        match self.history.redo.pop() {
            Some(edit) => match self.apply_tracked(edit) {
                Ok(inverse) => {
                    self.history.undo.push(inverse);
                    self.notice = Some("redone".into());
                }
                Err(error) => self.notice = Some(format!("cannot redo: {error}")),
            },
            None => self.notice = Some("nothing to redo".into()),
        }
        self.refresh_dirty();
    }

    /// Applies `edit` without recording it, then relints the nodes it touched
    /// (and their parents and children, for the rules that look at structure).
    pub(in crate::app) fn apply_tracked(&mut self, edit: Edit) -> Result<Edit, EditError> {
        let structural = !is_text_only(&edit);
        let selected = self.tree.selected();
        let mut touched = Vec::new();
        nodes_of(&edit, &mut touched);
        if structural {
            self.add_neighbours(&mut touched);
        }
        let inverse = self.strategy.apply(edit)?;
        self.revision += 1;
        if structural {
            self.add_neighbours(&mut touched);
        }
        touched.sort();
        touched.dedup();
        self.relint(&touched);
        if structural {
            self.remeasure();
        } else {
            self.progress.refresh(&self.strategy, &touched);
        }
        self.layout_changed();
        if structural {
            self.search.strategy_changed();
            self.rebuild_tree();
            // Keep the selection on the same node, or the nearest one still there.
            match selected.filter(|&id| self.strategy.get(id).is_some()) {
                Some(id) => self.jump_to(id),
                None => {
                    let last = self.tree.rows.len().saturating_sub(1);
                    self.tree.cursor = self.tree.cursor.min(last);
                }
            }
        } else if self.filter.is_active() {
            self.rebuild_tree();
        }
        Ok(inverse)
    }

    /// Applies a text-only edit without recording it (the editor's live
    /// draft): relints just that node, so typing stays cheap on big files.
    pub(in crate::app) fn apply_preview(&mut self, edit: Edit) -> Result<Edit, EditError> {
        let mut touched = Vec::new();
        nodes_of(&edit, &mut touched);
        let inverse = self.strategy.apply(edit)?;
        self.revision += 1;
        // Conservative while typing; leaving the editor measures it exactly.
        self.dirty = true;
        self.relint(&touched);
        self.progress.refresh(&self.strategy, &touched);
        self.layout_changed();
        if self.filter.is_active() {
            self.rebuild_tree();
        }
        Ok(inverse)
    }

    fn add_neighbours(&self, touched: &mut Vec<NodeId>) {
        let direct = touched.clone();
        for id in direct {
            if self.strategy.get(id).is_none() {
                continue;
            }
            touched.extend(self.strategy.parent(id));
            touched.extend_from_slice(self.strategy.children(id));
        }
    }

    /// Lints `nodes` again and puts the results in the findings.
    pub(in crate::app) fn relint(&mut self, nodes: &[NodeId]) {
        for &node in nodes {
            let fresh = if self.strategy.get(node).is_some() {
                lint::lint_node(&self.strategy, node, &self.lint_config, self.as_of)
            } else {
                Vec::new()
            };
            self.findings.set_node(node, fresh);
        }
    }

    /// Forgets the laid-out document, so the next frame shows the new text.
    pub(in crate::app) fn layout_changed(&mut self) {
        *self.layout.borrow_mut() = Default::default();
    }

    /// Recomputes whether there is anything to save.
    pub(in crate::app) fn refresh_dirty(&mut self) {
        self.dirty = self.strategy != *self.saved;
    }

    /// True when the strategy differs from the file as last loaded or saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }
}
