//! The cascade as the rows of a tree: folding, filtering, the "not linked"
//! group for orphans, and a cursor that only ever rests on a node.

use std::collections::HashSet;

use super::filter::{Facts, Filter};
use crate::model::NodeId;

/// One line of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A node of the cascade.
    Node {
        /// Which node.
        id: NodeId,
        /// How deep it is; orphans start again at 0.
        depth: usize,
        /// Whether it has children (so it can fold).
        has_children: bool,
        /// Whether its children are shown.
        open: bool,
        /// Shown only because a descendant matches the filter.
        context: bool,
    },
    /// The heading over nodes whose parent is missing.
    NotLinked,
}

impl Row {
    /// The node on this row, if it is one.
    pub fn node(self) -> Option<NodeId> {
        match self {
            Row::Node { id, .. } => Some(id),
            Row::NotLinked => None,
        }
    }
}

/// The tree's state: what is folded, the rows that result, and the cursor.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// Nodes whose children are hidden.
    pub folded: HashSet<NodeId>,
    /// The rows as shown, rebuilt whenever folding or the filter changes.
    pub rows: Vec<Row>,
    /// Index into `rows` of the selected row (always a node row when there is one).
    pub cursor: usize,
    /// The first row shown; kept so the cursor stays in view.
    pub offset: usize,
}

impl Tree {
    /// The selected node.
    pub fn selected(&self) -> Option<NodeId> {
        self.rows.get(self.cursor).and_then(|r| r.node())
    }

    /// Rebuilds the rows, keeping the selection on the same node when it is
    /// still shown, or on the nearest row otherwise.
    pub fn rebuild(&mut self, facts: Facts<'_>, filter: &Filter) {
        let selected = self.selected();
        self.rows = rows(facts, filter, &self.folded);
        let found = selected.and_then(|id| self.rows.iter().position(|r| r.node() == Some(id)));
        self.cursor = found.unwrap_or(self.cursor.min(self.rows.len().saturating_sub(1)));
        self.settle(1);
    }

    /// Moves the cursor to `index`, then off a heading in the direction of `toward`.
    pub fn set_cursor(&mut self, index: usize, toward: isize) {
        self.cursor = index.min(self.rows.len().saturating_sub(1));
        self.settle(toward);
    }

    /// Moves the cursor by `delta` node rows.
    pub fn move_by(&mut self, delta: isize) {
        let target = self.cursor.saturating_add_signed(delta);
        self.set_cursor(target, delta.signum());
    }

    /// Selects `id` if it has a row; returns whether it did.
    pub fn select(&mut self, id: NodeId) -> bool {
        match self.rows.iter().position(|r| r.node() == Some(id)) {
            Some(index) => {
                self.cursor = index;
                true
            }
            None => false,
        }
    }

    /// Skips heading rows, preferring `toward` (+1 down, -1 up) and falling back the other way.
    fn settle(&mut self, toward: isize) {
        if self
            .rows
            .get(self.cursor)
            .is_some_and(|r| r.node().is_some())
        {
            return;
        }
        let step = if toward < 0 { -1 } else { 1 };
        for direction in [step, -step] {
            let mut i = self.cursor as isize;
            while i >= 0 && (i as usize) < self.rows.len() {
                if self.rows[i as usize].node().is_some() {
                    self.cursor = i as usize;
                    return;
                }
                i += direction;
            }
        }
    }
}

/// The rows for the cascade under `filter` with `folded` nodes closed.
///
/// A filtered tree keeps the ancestors of matching nodes (marked `context`)
/// so the shape of the cascade stays readable.
pub fn rows(facts: Facts<'_>, filter: &Filter, folded: &HashSet<NodeId>) -> Vec<Row> {
    let strategy = facts.strategy;
    let cascade = strategy.cascade();
    let shown = filter.is_active().then(|| {
        let mut matched: HashSet<NodeId> = HashSet::new();
        let mut keep: HashSet<NodeId> = HashSet::new();
        // Reversed pre-order meets every node after all of its descendants.
        for &(id, _) in cascade.iter().rev() {
            if filter.matches(facts, id) {
                matched.insert(id);
                keep.insert(id);
            }
            if keep.contains(&id)
                && let Some(parent) = strategy.parent(id)
            {
                keep.insert(parent);
            }
        }
        (matched, keep)
    });
    let mut out = Vec::new();
    let mut hide_below: Option<usize> = None;
    let mut in_orphans = false;
    for (id, depth) in cascade {
        if let Some(limit) = hide_below {
            if depth > limit {
                continue;
            }
            hide_below = None;
        }
        let is_orphan_root = depth == 0 && strategy.vision() != Some(id);
        if let Some((_, keep)) = &shown
            && !keep.contains(&id)
        {
            if is_orphan_root {
                hide_below = Some(depth);
            }
            continue;
        }
        if is_orphan_root && !in_orphans {
            in_orphans = true;
            out.push(Row::NotLinked);
        }
        let children = strategy.children(id);
        let has_children = match &shown {
            Some((_, keep)) => children.iter().any(|c| keep.contains(c)),
            None => !children.is_empty(),
        };
        let open = has_children && !folded.contains(&id);
        if !open {
            hide_below = Some(depth);
        }
        out.push(Row::Node {
            id,
            depth,
            has_children,
            open,
            context: shown
                .as_ref()
                .is_some_and(|(matched, _)| !matched.contains(&id)),
        });
    }
    out
}

/// The first row to show so that `cursor` is on screen with `margin` rows
/// around it where possible (vim's `scrolloff`).
pub fn keep_visible(
    offset: usize,
    cursor: usize,
    height: usize,
    len: usize,
    margin: usize,
) -> usize {
    if height == 0 {
        return cursor.min(offset);
    }
    let margin = margin.min(height.saturating_sub(1) / 2);
    let mut offset = offset;
    if cursor < offset + margin {
        offset = cursor.saturating_sub(margin);
    }
    if cursor + margin >= offset + height {
        offset = (cursor + margin + 1).saturating_sub(height);
    }
    offset.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::findings::Findings;
    use crate::model::progress::{Measure, Progress, Thresholds};
    use crate::model::{Level, Node, Strategy};

    fn progress(s: &Strategy) -> Progress {
        let day = crate::model::Date::new(2026, 11, 1).unwrap();
        Progress::compute(s, Measure::file(day, day), Thresholds::default())
    }

    fn facts<'a>(s: &'a Strategy, findings: &'a Findings, progress: &'a Progress) -> Facts<'a> {
        Facts {
            strategy: s,
            findings,
            progress,
        }
    }

    fn sample() -> Strategy {
        let mut s = Strategy::new("Acme");
        s.push_unlinked(Node::new(Level::Vision, "vision"));
        s.push_unlinked(Node::new(Level::Intent, "grow"));
        s.push_unlinked(Node::child_of(Level::Initiative, "slow", "grow"));
        s.push_unlinked(Node::child_of(Level::Option, "fast", "slow"));
        s.push_unlinked(Node::child_of(Level::Option, "lost", "nowhere"));
        s.relink();
        s
    }

    fn ids(s: &Strategy, rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| match r {
                Row::Node { id, context, .. } => {
                    format!("{}{}", s.node(*id).id, if *context { "*" } else { "" })
                }
                Row::NotLinked => "--".into(),
            })
            .collect()
    }

    #[test]
    fn orphans_come_under_their_own_heading() {
        let s = sample();
        let r = rows(
            facts(&s, &Findings::default(), &progress(&s)),
            &Filter::default(),
            &HashSet::new(),
        );
        assert_eq!(
            ids(&s, &r),
            ["vision", "grow", "slow", "fast", "--", "lost"]
        );
    }

    #[test]
    fn folding_hides_descendants_only() {
        let s = sample();
        let grow = s.find(Level::Intent, "grow").unwrap();
        let r = rows(
            facts(&s, &Findings::default(), &progress(&s)),
            &Filter::default(),
            &HashSet::from([grow]),
        );
        assert_eq!(ids(&s, &r), ["vision", "grow", "--", "lost"]);
    }

    #[test]
    fn filters_keep_ancestors_as_context() {
        let mut s = sample();
        let fast = s.find(Level::Option, "fast").unwrap();
        s.doc_mut(fast).owner = "Dana".into();
        let filter = Filter {
            owner: Some("Dana".into()),
            ..Filter::default()
        };
        let r = rows(
            facts(&s, &Findings::default(), &progress(&s)),
            &filter,
            &HashSet::new(),
        );
        assert_eq!(ids(&s, &r), ["vision*", "grow*", "slow*", "fast"]);
    }

    #[test]
    fn the_cursor_never_rests_on_a_heading() {
        let s = sample();
        let mut tree = Tree::default();
        tree.rebuild(
            facts(&s, &Findings::default(), &progress(&s)),
            &Filter::default(),
        );
        tree.set_cursor(4, 1);
        assert_eq!(tree.cursor, 5);
        tree.set_cursor(4, -1);
        assert_eq!(tree.cursor, 3);
        tree.move_by(100);
        assert_eq!(tree.cursor, 5);
    }

    #[test]
    fn keep_visible_scrolls_with_a_margin() {
        assert_eq!(keep_visible(0, 0, 10, 100, 2), 0);
        assert_eq!(keep_visible(0, 9, 10, 100, 2), 2);
        assert_eq!(keep_visible(50, 10, 10, 100, 2), 8);
        assert_eq!(keep_visible(0, 99, 10, 100, 2), 90);
        assert_eq!(keep_visible(5, 3, 0, 100, 2), 3);
    }
}
