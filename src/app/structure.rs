//! Changing the cascade's shape from the tree: add, rename, reorder, delete.
//! Each starts from the selected node and ends in one undoable edit; the
//! ones that need words (a title, an id) or a second thought open a layer.

use super::dialog::{Confirm, Prompt, PromptKind};
use super::{App, Layer};
use crate::model::{self, Level};

impl App {
    /// Asks for the title of a new node under the selection (`sibling`: under its parent).
    pub(super) fn start_add(&mut self, sibling: bool) {
        let Some(selected) = self.tree.selected() else {
            return;
        };
        let parent = if sibling {
            match self.strategy.parent(selected) {
                Some(parent) => parent,
                None => {
                    self.notice = Some(match self.strategy.node(selected).level {
                        Level::Vision => "the vision has no siblings; a adds an intent".into(),
                        _ => "this node has no parent to add under".into(),
                    });
                    return;
                }
            }
        } else {
            selected
        };
        if self.strategy.node(parent).level.child().is_none() {
            self.notice = Some("options are the last level: they have no children".into());
            return;
        }
        self.layers
            .push(Layer::Prompt(Prompt::new(PromptKind::NewTitle(parent), "")));
    }

    /// Asks for a new id for the selection.
    pub(super) fn start_rename(&mut self) {
        let Some(selected) = self.tree.selected() else {
            return;
        };
        if self.strategy.vision() == Some(selected) {
            self.notice = Some("the vision is always [vision]; it has no id to rename".into());
            return;
        }
        let id = self.strategy.node(selected).id.clone();
        self.layers.push(Layer::Prompt(Prompt::new(
            PromptKind::Rename(selected),
            &id,
        )));
    }

    /// Swaps the selection with its previous (`up`) or next sibling.
    pub(super) fn move_node(&mut self, up: bool) {
        let Some(selected) = self.tree.selected() else {
            return;
        };
        match model::move_among_siblings(&self.strategy, selected, up) {
            Some(step) => {
                if let Err(error) = self.commit(step) {
                    self.notice = Some(format!("not moved: {error}"));
                }
            }
            None if self.strategy.node(selected).level.parent().is_none() => {
                self.notice =
                    Some("the vision stands alone at the top; there is nothing to reorder".into())
            }
            None => {
                self.notice = Some(if up {
                    "already the first of its siblings".into()
                } else {
                    "already the last of its siblings".into()
                })
            }
        }
    }

    /// Asks before deleting the selection; twice when nodes sit below it.
    pub(super) fn start_delete(&mut self) {
        let Some(selected) = self.tree.selected() else {
            return;
        };
        if self.strategy.vision() == Some(selected) {
            self.notice = Some(
                "the vision cannot be deleted: a strategy has exactly one; edit it instead".into(),
            );
            return;
        }
        let below = self.descendants(selected);
        let question = if below == 0 {
            Confirm::Delete(selected)
        } else {
            Confirm::DeleteWithChildren(selected, below)
        };
        self.layers.push(Layer::Confirm(question));
    }

    /// How many nodes sit below `node`.
    fn descendants(&self, node: model::NodeId) -> usize {
        let mut stack = self.strategy.children(node).to_vec();
        let mut count = 0;
        while let Some(next) = stack.pop() {
            count += 1;
            stack.extend_from_slice(self.strategy.children(next));
        }
        count
    }
}
