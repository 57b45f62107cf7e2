//! Changing the cascade's shape from the tree: add, rename, reorder,
//! reparent, delete. Each starts from the selected node and ends in one
//! undoable edit; the ones that need words (a title, an id), a choice (a new
//! parent) or a second thought open an overlay, whose answer comes back to
//! the methods at the end of this file.

use super::overlays::Layer;
use super::overlays::confirm::Confirm;
use super::overlays::parent_picker::ParentPicker;
use super::overlays::prompt::{Prompt, PromptKind};
use super::{App, Effect};
use crate::model::{self, Edit, Level, NodeId, is_valid_id};
use crate::sanitize;

impl App {
    /// Asks for the title of a new node under the selection (`sibling`: under its parent).
    pub(in crate::app) fn start_add(&mut self, sibling: bool) {
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
    pub(in crate::app) fn start_rename(&mut self) {
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
    pub(in crate::app) fn move_node(&mut self, up: bool) {
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
    pub(in crate::app) fn start_delete(&mut self) {
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

    /// Opens the list of possible parents for the selection.
    pub(in crate::app) fn start_reparent(&mut self) {
        let Some(node) = self.tree.selected() else {
            return;
        };
        let level = self.strategy.node(node).level;
        // Intents always sit under the one vision: there is nowhere else to go.
        let Some(parent_level) = level.parent().filter(|_| level.parent_key().is_some()) else {
            self.notice = Some(match level.parent() {
                None => "the vision is the top of the cascade; it has no parent to move to".into(),
                Some(_) => format!(
                    "{} always sits under the vision; K / J reorder it",
                    level.with_article()
                ),
            });
            return;
        };
        let parents: Vec<NodeId> = self
            .strategy
            .cascade()
            .into_iter()
            .map(|(id, _)| id)
            .filter(|&id| self.strategy.node(id).level == parent_level)
            .collect();
        let cursor = self
            .strategy
            .parent(node)
            .and_then(|p| parents.iter().position(|&c| c == p))
            .unwrap_or(0);
        self.layers.push(Layer::Reparent(ParentPicker {
            node,
            parents,
            cursor,
        }));
    }

    /// How many nodes sit below `node`.
    fn descendants(&self, node: NodeId) -> usize {
        let mut stack = self.strategy.children(node).to_vec();
        let mut count = 0;
        while let Some(next) = stack.pop() {
            count += 1;
            stack.extend_from_slice(self.strategy.children(next));
        }
        count
    }
}

// The answers of the overlays opened above: a new node's title and id, a
// new id, a yes to delete, a parent picked.
impl App {
    /// The title of a new node under `parent` was typed: ask for its id,
    /// suggesting one made from the title.
    pub(in crate::app) fn name_new_node(
        &mut self,
        parent: NodeId,
        title: &str,
    ) -> Result<Vec<Effect>, String> {
        let title = title.trim().to_owned();
        if title.is_empty() {
            return Err("a node needs a title".into());
        }
        let Some((_, Edit::Insert { value, .. })) =
            model::add_child(&self.strategy, parent, &title)
        else {
            self.notice = Some("options have no children".into());
            return Ok(Vec::new());
        };
        self.layers.push(Layer::Prompt(Prompt::new(
            PromptKind::NewId(parent, title),
            &value.id,
        )));
        Ok(Vec::new())
    }

    /// Adds the node titled `title` under `parent` with the id typed.
    pub(in crate::app) fn add_node(
        &mut self,
        parent: NodeId,
        title: &str,
        id: &str,
    ) -> Result<Vec<Effect>, String> {
        let id = id.trim().to_owned();
        let Some((
            node,
            Edit::Insert {
                mut value, index, ..
            },
        )) = model::add_child(&self.strategy, parent, title)
        else {
            return Ok(Vec::new());
        };
        if let Some(why) = self.id_problem(value.level, &id, None) {
            return Err(why);
        }
        value.id = id;
        self.commit(Edit::Insert { node, value, index })
            .map_err(|error| error.to_string())?;
        self.jump_to(node);
        self.notice = Some("added; e edits its text".into());
        Ok(Vec::new())
    }

    /// Gives `node` the id typed; references follow.
    pub(in crate::app) fn rename_node(
        &mut self,
        node: NodeId,
        id: &str,
    ) -> Result<Vec<Effect>, String> {
        let id = id.trim().to_owned();
        let Some(current) = self.strategy.get(node) else {
            return Ok(Vec::new());
        };
        if id == current.id {
            return Ok(Vec::new());
        }
        if let Some(why) = self.id_problem(current.level, &id, Some(node)) {
            return Err(why);
        }
        let step = model::rename(&self.strategy, node, &id);
        self.commit(step).map_err(|error| error.to_string())?;
        self.notice = Some("renamed; references follow".into());
        Ok(Vec::new())
    }

    /// Deletes `node` and everything below it (the user said yes).
    pub(in crate::app) fn delete_node(&mut self, node: NodeId) {
        let step = model::delete(&self.strategy, node, true);
        if let Err(error) = self.commit(step) {
            self.notice = Some(format!("not deleted: {error}"));
        } else {
            self.notice = Some("deleted; u brings it back".into());
        }
    }

    /// Moves `node` under `parent` (picked from the list `m` opens).
    pub(in crate::app) fn reparent(&mut self, node: NodeId, parent: NodeId) {
        if self.strategy.parent(node) == Some(parent) {
            return;
        }
        let id = self.strategy.node(parent).id.clone();
        match self.commit(Edit::SetParent {
            node,
            parent: Some(id),
        }) {
            Ok(()) => {
                self.jump_to(node);
                self.notice = Some("moved; u puts it back".into());
            }
            Err(error) => self.notice = Some(format!("not moved: {error}")),
        }
    }

    /// Why `id` cannot be used at `level`, if it cannot.
    fn id_problem(&self, level: Level, id: &str, except: Option<NodeId>) -> Option<String> {
        if !is_valid_id(id) {
            return Some(format!(
                "`{}` is not a usable id: use lowercase letters, digits and dashes",
                sanitize::line(id)
            ));
        }
        match self.strategy.find(level, id) {
            Some(other) if Some(other) != except => Some(format!(
                "`{id}` is already used by another {}",
                level.name()
            )),
            _ => None,
        }
    }
}
