//! Changes to the strategy as data. Applying an edit returns its exact
//! inverse, so undo and redo are just more edits, and every change the UI
//! makes (structure included) is recorded the same way.

use super::{CheckIn, Level, Node, NodeId, Review, Strategy, TwoPager};

/// One change to the strategy.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Replace a node's two-pager.
    SetDoc {
        /// The node.
        node: NodeId,
        /// Its new two-pager.
        doc: Box<TwoPager>,
    },
    /// Replace a node's review records (recording a decision appends one).
    SetReviews {
        /// The node.
        node: NodeId,
        /// Its records, oldest first.
        reviews: Vec<Review>,
    },
    /// Replace a node's check-ins (recording one appends it, a fix replaces it).
    SetCheckins {
        /// The node.
        node: NodeId,
        /// Its check-ins, in file order.
        checkins: Vec<CheckIn>,
    },
    /// Give a node a new id (only the node; see [`rename`] for references).
    SetId {
        /// The node.
        node: NodeId,
        /// The new id.
        id: String,
    },
    /// Point a node at another parent, by the parent's id.
    SetParent {
        /// The node.
        node: NodeId,
        /// The parent's id, or none.
        parent: Option<String>,
    },
    /// Move a node to a place in file order (which decides sibling order).
    Move {
        /// The node.
        node: NodeId,
        /// Its index in file order.
        index: usize,
    },
    /// Put a node into the strategy (a new one, or a removed one restored).
    Insert {
        /// The arena slot it takes.
        node: NodeId,
        /// The node.
        value: Box<Node>,
        /// Its index in file order.
        index: usize,
    },
    /// Take a node out.
    Remove {
        /// The node.
        node: NodeId,
    },
    /// Name the company whose strategy this is (`[company] name`).
    SetCompany {
        /// The company's new name.
        company: String,
    },
    /// Several edits that are one step for the user.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied; the strategy is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The node is not (or no longer) in the strategy.
    NoSuchNode,
    /// Another node of the same level already has that id.
    IdTaken(String),
    /// An id must be non-empty, without spaces, dots or quotes.
    BadId(String),
    /// The vision cannot be deleted: every strategy has exactly one.
    VisionRequired,
    /// The vision is always `[vision]`; it has no id to change.
    VisionHasNoId,
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NoSuchNode => f.write_str("that node is no longer in the strategy"),
            EditError::IdTaken(id) => write!(f, "the id `{id}` is already used at this level"),
            EditError::VisionRequired => f.write_str(
                "the vision cannot be deleted: a strategy has exactly one; edit it instead",
            ),
            EditError::VisionHasNoId => {
                f.write_str("the vision is always [vision]; it has no id to rename")
            }
            EditError::BadId(id) => write!(
                f,
                "`{id}` is not a usable id: use lowercase letters, digits and dashes"
            ),
        }
    }
}

impl Strategy {
    /// Applies `edit` and returns the edit that undoes it. On error nothing changed.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::SetDoc { node, doc } => {
                let slot = self.get(node).ok_or(EditError::NoSuchNode)?;
                let before = Box::new(slot.doc.clone());
                *self.doc_mut(node) = *doc;
                Ok(Edit::SetDoc { node, doc: before })
            }
            Edit::SetReviews { node, reviews } => {
                self.get(node).ok_or(EditError::NoSuchNode)?;
                let before = std::mem::replace(self.reviews_mut(node), reviews);
                Ok(Edit::SetReviews {
                    node,
                    reviews: before,
                })
            }
            Edit::SetCheckins { node, checkins } => {
                self.get(node).ok_or(EditError::NoSuchNode)?;
                let before = std::mem::replace(self.checkins_mut(node), checkins);
                Ok(Edit::SetCheckins {
                    node,
                    checkins: before,
                })
            }
            Edit::SetId { node, id } => {
                if self.vision() == Some(node) {
                    return Err(EditError::VisionHasNoId);
                }
                let before = self.get(node).ok_or(EditError::NoSuchNode)?.id.clone();
                if !is_valid_id(&id) {
                    return Err(EditError::BadId(id));
                }
                if !self.set_id(node, &id) {
                    return Err(EditError::IdTaken(id));
                }
                Ok(Edit::SetId { node, id: before })
            }
            Edit::SetParent { node, parent } => {
                let before = self
                    .get(node)
                    .ok_or(EditError::NoSuchNode)?
                    .parent_ref
                    .clone();
                self.set_parent_ref(node, parent);
                Ok(Edit::SetParent {
                    node,
                    parent: before,
                })
            }
            Edit::Move { node, index } => {
                let before = self.position(node).ok_or(EditError::NoSuchNode)?;
                self.move_to(node, index);
                Ok(Edit::Move {
                    node,
                    index: before,
                })
            }
            Edit::Insert { node, value, index } => {
                let id = value.id.clone();
                if self.insert_at(node, *value, index) {
                    Ok(Edit::Remove { node })
                } else {
                    Err(EditError::IdTaken(id))
                }
            }
            Edit::Remove { node } => {
                if self.vision() == Some(node) {
                    return Err(EditError::VisionRequired);
                }
                let index = self.position(node).ok_or(EditError::NoSuchNode)?;
                let value = self.remove(node).ok_or(EditError::NoSuchNode)?;
                Ok(Edit::Insert {
                    node,
                    value: Box::new(value),
                    index,
                })
            }
            Edit::SetCompany { company } => {
                let before = std::mem::replace(&mut self.company, company);
                Ok(Edit::SetCompany { company: before })
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match self.apply(edit) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // Roll back what this batch already did, so a batch is all or nothing.
                            for inverse in inverses.into_iter().rev() {
                                let _ = self.apply(inverse);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}

/// True for ids that work as TOML bare keys and read well in the CLI.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The longest id [`id_from_title`] makes: long enough for four or five
/// words, short enough to sit beside a title in the tree.
pub const GENERATED_ID_MAX: usize = 32;

/// Small words an id should not end on ("…-switch-from-their").
const TRAILING_FILLER: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its", "of", "on", "or",
    "our", "so", "than", "that", "the", "their", "them", "to", "with", "your",
];

/// A readable, unique id for a new node at `level`, made from its title:
/// whole words only, at most [`GENERATED_ID_MAX`] characters, never ending
/// on a filler word ("French bakers will not switch from their ovens"
/// becomes `french-bakers-will-not-switch`).
pub fn id_from_title(strategy: &Strategy, level: Level, title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .map(|word| {
            word.chars()
                .flat_map(char::to_lowercase)
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut slug = if words.is_empty() {
        vec![level.name().to_owned()]
    } else {
        words
    };
    // A single word longer than the limit is cut: there is no boundary to keep.
    if let Some(first) = slug.first_mut() {
        first.truncate(GENERATED_ID_MAX);
    }
    let fits = |words: &[String], extra: usize| {
        words.iter().map(String::len).sum::<usize>() + words.len().saturating_sub(1) + extra
            <= GENERATED_ID_MAX
    };
    let whole = |words: &mut Vec<String>, extra: usize| {
        while words.len() > 1 && !fits(words, extra) {
            words.pop();
        }
        while words.len() > 1
            && words
                .last()
                .is_some_and(|w| TRAILING_FILLER.contains(&w.as_str()))
        {
            words.pop();
        }
    };
    whole(&mut slug, 0);
    let mut candidate = slug.join("-");
    let mut n = 2;
    while strategy.find(level, &candidate).is_some() {
        let suffix = format!("-{n}");
        let mut words = slug.clone();
        whole(&mut words, suffix.len());
        let mut base = words.join("-");
        base.truncate(GENERATED_ID_MAX - suffix.len());
        candidate = format!("{base}{suffix}");
        n += 1;
    }
    candidate
}

/// Renames a node and every reference to it, as one undoable step.
pub fn rename(strategy: &Strategy, node: NodeId, new_id: &str) -> Edit {
    let mut edits = vec![Edit::SetId {
        node,
        id: new_id.to_owned(),
    }];
    for &child in strategy.children(node) {
        edits.push(Edit::SetParent {
            node: child,
            parent: Some(new_id.to_owned()),
        });
    }
    Edit::Batch(edits)
}

/// Adds a node with `title` under `parent` (at the end of its siblings).
/// `None` when the parent's level has no children (an option).
pub fn add_child(strategy: &Strategy, parent: NodeId, title: &str) -> Option<(NodeId, Edit)> {
    let parent_node = strategy.get(parent)?;
    let level = parent_node.level.child()?;
    let mut node = Node::new(level, id_from_title(strategy, level, title));
    node.doc.title = title.to_owned();
    if level.parent_key().is_some() {
        node.parent_ref = Some(parent_node.id.clone());
    }
    // At the end of its level in file order, so the file keeps its sections.
    let index = strategy
        .iter()
        .enumerate()
        .filter(|(_, (_, n))| n.level == level)
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(strategy.len());
    let id = strategy.next_id();
    Some((
        id,
        Edit::Insert {
            node: id,
            value: Box::new(node),
            index,
        },
    ))
}

/// Deletes a node; with `with_children`, its whole subtree too (deepest first).
pub fn delete(strategy: &Strategy, node: NodeId, with_children: bool) -> Edit {
    let mut doomed = vec![node];
    if with_children {
        let mut i = 0;
        while i < doomed.len() {
            doomed.extend_from_slice(strategy.children(doomed[i]));
            i += 1;
        }
    }
    Edit::Batch(
        doomed
            .into_iter()
            .rev()
            .map(|node| Edit::Remove { node })
            .collect(),
    )
}

/// Swaps a node with its previous (`up`) or next sibling; `None` at either end.
pub fn move_among_siblings(strategy: &Strategy, node: NodeId, up: bool) -> Option<Edit> {
    let siblings: Vec<NodeId> = match strategy.parent(node) {
        Some(parent) => strategy.children(parent).to_vec(),
        // Orphans are siblings only within their level: the file keeps one
        // section per level, so no other order could be saved.
        None => {
            let level = strategy.get(node)?.level;
            strategy
                .orphans()
                .into_iter()
                .filter(|&o| strategy.node(o).level == level)
                .collect()
        }
    };
    let at = siblings.iter().position(|&s| s == node)?;
    let other = if up {
        siblings.get(at.checked_sub(1)?)?
    } else {
        siblings.get(at + 1)?
    };
    let index = strategy.position(*other)?;
    Some(Edit::Move { node, index })
}

#[cfg(test)]
mod tests;
