//! Undo and redo: every change is an [`Edit`] applied through
//! [`Strategy::apply`](crate::model::Strategy::apply), and its inverse is
//! what undo applies. A new change forgets what could be redone.

use crate::model::{Edit, NodeId};

/// The edits that undo and redo the user's steps, most recent last.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    /// Inverses of the steps taken, to undo them.
    pub undo: Vec<Edit>,
    /// Inverses of the steps undone, to redo them.
    pub redo: Vec<Edit>,
}

impl History {
    /// Records a new step by its inverse; what was undone can no longer be redone.
    pub fn record(&mut self, inverse: Edit) {
        self.undo.push(inverse);
        self.redo.clear();
    }
}

/// Every node an edit names, nested batches included.
pub fn nodes_of(edit: &Edit, out: &mut Vec<NodeId>) {
    match edit {
        Edit::SetDoc { node, .. }
        | Edit::SetReviews { node, .. }
        | Edit::SetCheckins { node, .. }
        | Edit::SetId { node, .. }
        | Edit::SetParent { node, .. }
        | Edit::Move { node, .. }
        | Edit::Insert { node, .. }
        | Edit::Remove { node } => out.push(*node),
        // The company is no node's: the tree's heading reads it when drawn.
        Edit::SetCompany { .. } => {}
        Edit::Batch(edits) => edits.iter().for_each(|e| nodes_of(e, out)),
    }
}

/// True when the edit only changes text, not the shape of the cascade.
pub fn is_text_only(edit: &Edit) -> bool {
    match edit {
        Edit::SetDoc { .. }
        | Edit::SetReviews { .. }
        | Edit::SetCheckins { .. }
        | Edit::SetCompany { .. } => true,
        Edit::Batch(edits) => edits.iter().all(is_text_only),
        _ => false,
    }
}
