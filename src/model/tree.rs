//! The cascade as an arena tree: nodes by index, links rebuilt from the ids the
//! file names, so a dangling parent is data to report rather than a crash.
//! A node itself is `node.rs`; finding one by the name a person types is
//! `find.rs`.

use std::collections::HashMap;

use super::{CheckIn, Date, Level, Node, Review, TwoPager};

/// A node's index in the arena; stable for the life of a [`Strategy`], so
/// diagnostics and the UI can hold on to it across edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);

impl NodeId {
    /// The arena index, for tables indexed by node.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
struct Links {
    parent: Option<NodeId>,
    children: Vec<NodeId>,
}

/// The whole strategy: company facts and the cascade of nodes.
#[derive(Debug, Clone, Default)]
pub struct Strategy {
    /// The company whose strategy this is.
    pub company: String,
    /// The day horizons are measured from; `None` means today.
    pub as_of: Option<Date>,
    /// Boxed, so an empty slot costs a pointer: a team file's share of a
    /// large strategy (`subset`) keeps every slot, mostly empty.
    nodes: Vec<Option<Box<Node>>>,
    /// Live nodes in file order; sibling order is the order they appear here.
    sequence: Vec<NodeId>,
    links: Vec<Links>,
    /// Each level's ids, in Unicode NFC ([`normal_id`]), to the first node
    /// that has it: `café` written with `é` or with `e` and a combining
    /// accent is one id.
    by_id: HashMap<(Level, String), NodeId>,
    vision: Option<NodeId>,
}

/// `id` in Unicode normalization form C, the form ids are compared in: two
/// ids that differ only in how an accented letter is composed are one id.
/// (Two nodes whose ids are equal so are a lint error, `duplicate-id`,
/// rather than a load error: a file that loaded once always loads.)
pub fn normal_id(id: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if id.is_ascii() || is_nfc_quick(id.chars()) == IsNormalized::Yes {
        return std::borrow::Cow::Borrowed(id);
    }
    std::borrow::Cow::Owned(id.nfc().collect())
}

fn id_key(level: Level, id: &str) -> (Level, String) {
    (level, normal_id(id).into_owned())
}

/// Two strategies are equal when they hold the same nodes in the same slots
/// and order; empty slots left at the end by removed nodes (an undone add)
/// do not count. Links and the id index are derived, so they are not compared.
impl PartialEq for Strategy {
    fn eq(&self, other: &Strategy) -> bool {
        fn live(nodes: &[Option<Box<Node>>]) -> &[Option<Box<Node>>] {
            let end = nodes.iter().rposition(Option::is_some).map_or(0, |i| i + 1);
            &nodes[..end]
        }
        self.company == other.company
            && self.as_of == other.as_of
            && self.sequence == other.sequence
            && live(&self.nodes) == live(&other.nodes)
    }
}

impl Strategy {
    /// An empty strategy for `company`.
    pub fn new(company: impl Into<String>) -> Strategy {
        Strategy {
            company: company.into(),
            ..Strategy::default()
        }
    }

    /// Adds a node at the end of its siblings and links it.
    pub fn add(&mut self, node: Node) -> NodeId {
        let id = self.push_unlinked(node);
        self.relink();
        id
    }

    /// Adds a node without rebuilding links: for loading many nodes, followed by
    /// one [`Strategy::relink`].
    pub fn push_unlinked(&mut self, node: Node) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.by_id.entry(id_key(node.level, &node.id)).or_insert(id);
        if node.level == Level::Vision && self.vision.is_none() {
            self.vision = Some(id);
        }
        self.nodes.push(Some(Box::new(node)));
        self.links.push(Links::default());
        self.sequence.push(id);
        id
    }

    /// The id the next added node will get.
    pub fn next_id(&self) -> NodeId {
        NodeId(self.nodes.len() as u32)
    }

    /// Where `id` stands in file order, if it is live.
    pub fn position(&self, id: NodeId) -> Option<usize> {
        self.sequence.iter().position(|&s| s == id)
    }

    /// Puts `node` at arena slot `id` and at `index` in file order: a new node
    /// (`id` is [`Strategy::next_id`]) or a removed one coming back (undo).
    /// Returns false, changing nothing, if the slot is taken or the level
    /// already has a node with that id.
    pub fn insert_at(&mut self, id: NodeId, node: Node, index: usize) -> bool {
        let free = self.nodes.get(id.index()).is_none_or(Option::is_none);
        if !free || self.by_id.contains_key(&id_key(node.level, &node.id)) {
            return false;
        }
        // Slots past the end are free: undo may restore a node whose slot was
        // trimmed away when the nodes after it were removed.
        if id.index() >= self.nodes.len() {
            self.nodes.resize_with(id.index() + 1, || None);
            self.links.resize_with(id.index() + 1, Links::default);
        }
        self.by_id.insert(id_key(node.level, &node.id), id);
        if node.level == Level::Vision && self.vision.is_none() {
            self.vision = Some(id);
        }
        self.nodes[id.index()] = Some(Box::new(node));
        self.sequence.insert(index.min(self.sequence.len()), id);
        self.relink();
        true
    }

    /// Takes the node at `id` out; its children stay and become orphans.
    pub fn remove(&mut self, id: NodeId) -> Option<Node> {
        let node = *self.nodes.get_mut(id.index())?.take()?;
        self.unindex(id, node.level, &node.id);
        if self.vision == Some(id) {
            self.vision = None;
        }
        // The slot stays empty rather than being reused: ids held by saves,
        // diagnostics and the UI must never come to name a different node.
        self.sequence.retain(|&s| s != id);
        self.relink();
        Some(node)
    }

    /// Gives `id` a new id; false if another node of its level has it.
    /// Nodes that name the old id as their parent are not changed here.
    pub fn set_id(&mut self, id: NodeId, new_id: &str) -> bool {
        let Some(node) = self.nodes.get_mut(id.index()).and_then(Option::as_mut) else {
            return false;
        };
        if node.id == new_id {
            return true;
        }
        let key = id_key(node.level, new_id);
        if self.by_id.get(&key).is_some_and(|&owner| owner != id) {
            return false;
        }
        let level = node.level;
        let old = std::mem::replace(&mut node.id, new_id.to_owned());
        self.unindex(id, level, &old);
        self.by_id.insert(key, id);
        self.relink();
        true
    }

    /// Takes `id`'s old id (`old`, at `level`) out of the index; if another
    /// node has the same id once normalized, it answers to it now.
    fn unindex(&mut self, id: NodeId, level: Level, old: &str) {
        let key = id_key(level, old);
        if self.by_id.get(&key) != Some(&id) {
            return;
        }
        self.by_id.remove(&key);
        let heir = self.sequence.iter().copied().find(|&other| {
            other != id
                && self.nodes[other.index()]
                    .as_ref()
                    .is_some_and(|n| n.level == level && normal_id(&n.id) == key.1)
        });
        if let Some(heir) = heir {
            self.by_id.insert(key, heir);
        }
    }

    /// Puts `node` in the place of the node at `id` (the same slot and the
    /// same place in file order), under its own level and id: a table read
    /// again after an edit. Returns false, changing nothing, if `id` is not
    /// live or another node of `node`'s level already has its id (compared
    /// in NFC, as every id is).
    pub fn replace(&mut self, id: NodeId, node: Node) -> bool {
        let Some(old) = self.get(id) else {
            return false;
        };
        let key = id_key(node.level, &node.id);
        if self.by_id.get(&key).is_some_and(|&other| other != id) {
            return false;
        }
        let (old_level, old_id) = (old.level, old.id.clone());
        self.unindex(id, old_level, &old_id);
        self.by_id.insert(key, id);
        if self.vision == Some(id) && node.level != Level::Vision {
            self.vision = None;
        }
        if node.level == Level::Vision && self.vision.is_none() {
            self.vision = Some(id);
        }
        self.nodes[id.index()] = Some(Box::new(node));
        self.relink();
        true
    }

    /// Points `id` at another parent (by the parent's id).
    pub fn set_parent_ref(&mut self, id: NodeId, parent: Option<String>) {
        if let Some(node) = self.nodes.get_mut(id.index()).and_then(Option::as_mut) {
            node.parent_ref = parent;
            self.relink();
        }
    }

    /// Moves `id` to `index` in file order (which sets sibling order).
    pub fn move_to(&mut self, id: NodeId, index: usize) {
        if let Some(from) = self.position(id) {
            self.sequence.remove(from);
            self.sequence.insert(index.min(self.sequence.len()), id);
            self.relink();
        }
    }

    /// Puts the live nodes in `order` (which sets sibling order), relinking
    /// once. Returns false, changing nothing, unless `order` holds every live
    /// node exactly once.
    pub fn reorder(&mut self, order: &[NodeId]) -> bool {
        if order == self.sequence.as_slice() {
            return true;
        }
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        let mut live = self.sequence.clone();
        live.sort_unstable();
        if sorted != live {
            return false;
        }
        self.sequence = order.to_vec();
        self.relink();
        true
    }

    /// The nodes `keep` selects, under the same ids and in the same order,
    /// with the same company and date: one file's share of a strategy split
    /// across files. Links are rebuilt among the kept nodes only.
    pub fn subset(&self, keep: impl Fn(NodeId) -> bool) -> Strategy {
        let nodes: Vec<Option<Box<Node>>> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, node)| node.as_ref().filter(|_| keep(NodeId(i as u32))).cloned())
            .collect();
        let mut out = Strategy {
            company: self.company.clone(),
            as_of: self.as_of,
            sequence: self
                .sequence
                .iter()
                .copied()
                .filter(|&id| keep(id))
                .collect(),
            links: vec![Links::default(); nodes.len()],
            by_id: self
                .by_id
                .iter()
                .filter(|(_, id)| keep(**id))
                .map(|(key, id)| (key.clone(), *id))
                .collect(),
            vision: self.vision.filter(|&id| keep(id)),
            nodes,
        };
        out.relink();
        out
    }

    /// Rebuilds parent and child links from the ids the nodes name.
    pub fn relink(&mut self) {
        for links in &mut self.links {
            *links = Links::default();
        }
        for &id in &self.sequence {
            let Some(parent) = self.resolve_parent(id) else {
                continue;
            };
            self.links[id.index()].parent = Some(parent);
            self.links[parent.index()].children.push(id);
        }
    }

    fn resolve_parent(&self, id: NodeId) -> Option<NodeId> {
        let node = self.nodes[id.index()].as_ref()?;
        match node.level {
            Level::Vision => None,
            Level::Intent => self.vision,
            level => {
                let parent_level = level.parent()?;
                let name = node.parent_ref.as_ref()?;
                self.find(parent_level, name)
            }
        }
    }

    /// The node at `id`.
    ///
    /// # Panics
    /// If `id` was removed: ids come from this strategy's own queries, so a
    /// removed id here is a bug in the caller, not bad input.
    pub fn node(&self, id: NodeId) -> &Node {
        self.get(id).expect("NodeId refers to a removed node")
    }

    /// The node at `id`, or `None` if it has been removed.
    pub fn get(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.index()).and_then(Option::as_deref)
    }

    /// The review records of `id`, for recording a decision; links do not depend on them.
    ///
    /// # Panics
    /// As [`Strategy::node`].
    pub fn reviews_mut(&mut self, id: NodeId) -> &mut Vec<Review> {
        &mut self.nodes[id.index()]
            .as_mut()
            .expect("NodeId refers to a removed node")
            .reviews
    }

    /// The check-ins of `id`, for recording one; links do not depend on them.
    ///
    /// # Panics
    /// As [`Strategy::node`].
    pub fn checkins_mut(&mut self, id: NodeId) -> &mut Vec<CheckIn> {
        &mut self.nodes[id.index()]
            .as_mut()
            .expect("NodeId refers to a removed node")
            .checkins
    }

    /// The two-pager at `id`, for editing; links do not depend on it.
    ///
    /// # Panics
    /// As [`Strategy::node`].
    pub fn doc_mut(&mut self, id: NodeId) -> &mut TwoPager {
        &mut self.nodes[id.index()]
            .as_mut()
            .expect("NodeId refers to a removed node")
            .doc
    }

    /// The single vision, if the strategy has one.
    pub fn vision(&self) -> Option<NodeId> {
        self.vision
    }

    /// The node `id` ladders up to, if it resolves.
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.links.get(id.index()).and_then(|l| l.parent)
    }

    /// The nodes that ladder up to `id`, in file order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        self.links
            .get(id.index())
            .map_or(&[], |l| l.children.as_slice())
    }

    /// The chain from `id` up to the vision, `id` first: how it ladders up.
    pub fn path_to_vision(&self, id: NodeId) -> Vec<NodeId> {
        let mut path = vec![id];
        let mut at = id;
        while let Some(parent) = self.parent(at) {
            // Levels strictly rise along parent links, so this ends in at most four steps.
            path.push(parent);
            at = parent;
        }
        path
    }

    /// The node with `id` at `level`, ids compared in Unicode NFC (the first
    /// such node, should two have the same normalized id).
    pub fn find(&self, level: Level, id: &str) -> Option<NodeId> {
        self.by_id.get(&id_key(level, id)).copied()
    }

    /// Every live node in file order.
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.sequence.iter().map(|&id| (id, self.node(id)))
    }

    /// Number of live nodes.
    pub fn len(&self) -> usize {
        self.sequence.len()
    }

    /// True when there are no nodes at all.
    pub fn is_empty(&self) -> bool {
        self.sequence.is_empty()
    }

    /// The nodes at `level`, in file order.
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = NodeId> + '_ {
        self.iter()
            .filter(move |(_, node)| node.level == level)
            .map(|(id, _)| id)
    }

    /// Nodes whose parent does not resolve: they still load so they can be fixed.
    pub fn orphans(&self) -> Vec<NodeId> {
        self.iter()
            .filter(|(id, node)| node.level != Level::Vision && self.parent(*id).is_none())
            .map(|(id, _)| id)
            .collect()
    }

    /// Every node in cascade order: depth first from the vision (each
    /// initiative followed by its options), then orphans with their subtrees.
    pub fn cascade(&self) -> Vec<(NodeId, usize)> {
        let mut out = Vec::with_capacity(self.len());
        let roots = self.vision.into_iter().chain(self.orphans());
        for root in roots {
            let mut stack = vec![(root, 0usize)];
            while let Some((id, depth)) = stack.pop() {
                out.push((id, depth));
                for &child in self.children(id).iter().rev() {
                    stack.push((child, depth + 1));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
