//! What every export shows, worked out once: the nodes in reading order, where
//! each sits, what it ladders up to, and how it reviews.
//!
//! The renderers only lay this out, so the four formats cannot disagree about
//! order, anchors, parents or grades.

use std::collections::HashSet;

use super::escape;
use crate::lint::{Diagnostic, Severity};
use crate::lint::{Scorecard, scorecard};
use crate::model::progress::{MetricProgress, NodeProgress, Progress};
use crate::model::{Date, Level, Node, NodeId, Strategy};

/// The strategy arranged for reading.
#[derive(Debug)]
pub struct Outline<'a> {
    /// The strategy being exported.
    pub strategy: &'a Strategy,
    /// The day the diagnostics were computed for.
    pub as_of: Date,
    /// Every node's progress, when the export shows it.
    progress: Option<&'a Progress>,
    entries: Vec<Entry<'a>>,
    /// Where the nodes that do not ladder up to the vision begin in `entries`.
    first_unlinked: usize,
    /// `entries` position by [`NodeId::index`], for following parent links.
    position: Vec<Option<usize>>,
    /// Each entry's children, as positions in `entries`, in reading order.
    children: Vec<Vec<usize>>,
}

/// One node as the exports show it.
#[derive(Debug)]
pub struct Entry<'a> {
    /// The node's id.
    pub id: NodeId,
    /// The node itself.
    pub node: &'a Node,
    /// Its depth in the tree it belongs to: the vision and each unlinked root are 0.
    pub depth: usize,
    /// The node it ladders up to, when that resolves.
    pub parent: Option<NodeId>,
    /// Its fragment identifier, safe in HTML, URLs and Markdown.
    pub anchor: String,
    /// Its findings, in the linter's order.
    pub diagnostics: Vec<&'a Diagnostic>,
    /// Its grades on the four criteria.
    pub scorecard: Scorecard,
}

impl<'a> Outline<'a> {
    /// Arranges `strategy` with the findings in `diagnostics` (for any nodes,
    /// in any order) attached to their nodes.
    pub fn new(strategy: &'a Strategy, diagnostics: &'a [Diagnostic], as_of: Date) -> Outline<'a> {
        // Tables indexed by `NodeId::index` need a slot for the highest live id.
        let slots = strategy
            .iter()
            .map(|(id, _)| id.index() + 1)
            .max()
            .unwrap_or(0);
        let mut order = strategy.cascade();
        let mut seen = vec![false; slots];
        for (id, _) in &order {
            seen[id.index()] = true;
        }
        // A node can be in no tree at all (a second vision); it still gets exported.
        let strays: Vec<(NodeId, usize)> = strategy
            .iter()
            .filter(|(id, _)| !seen[id.index()])
            .map(|(id, _)| (id, 0))
            .collect();
        order.extend(strays);

        let mut by_node: Vec<Vec<&Diagnostic>> = vec![Vec::new(); slots];
        for diagnostic in diagnostics {
            if let Some(list) = by_node.get_mut(diagnostic.node.index()) {
                list.push(diagnostic);
            }
        }

        // The vision's tree is first and ends where the next root begins.
        let first_unlinked = match strategy.vision() {
            Some(_) => order
                .iter()
                .skip(1)
                .position(|&(_, depth)| depth == 0)
                .map_or(order.len(), |i| i + 1),
            None => 0,
        };
        let mut anchors = HashSet::new();
        let mut position = vec![None; slots];
        let entries: Vec<Entry<'a>> = order
            .into_iter()
            .enumerate()
            .map(|(i, (id, depth))| {
                position[id.index()] = Some(i);
                let node = strategy.node(id);
                let diagnostics = std::mem::take(&mut by_node[id.index()]);
                Entry {
                    id,
                    node,
                    depth,
                    parent: strategy.parent(id),
                    anchor: unique_anchor(&mut anchors, &node.key()),
                    scorecard: scorecard(diagnostics.iter().copied()),
                    diagnostics,
                }
            })
            .collect();
        let mut children = vec![Vec::new(); entries.len()];
        for (i, entry) in entries.iter().enumerate() {
            if let Some(p) = entry.parent.and_then(|p| position[p.index()]) {
                children[p].push(i);
            }
        }
        Outline {
            strategy,
            as_of,
            progress: None,
            entries,
            first_unlinked,
            position,
            children,
        }
    }

    /// The same outline showing `progress` (measured for the same strategy).
    pub fn measured(self, progress: &'a Progress) -> Outline<'a> {
        Outline {
            progress: Some(progress),
            ..self
        }
    }

    /// The progress of `entry`'s node, when the outline shows progress.
    pub fn progress_of(&self, entry: &Entry<'a>) -> Option<&'a NodeProgress> {
        self.progress?.node(entry.id)
    }

    /// The progress of `entry`'s metrics that are tracked (have a check-in
    /// or a `start`), by metric index; empty when none is.
    pub fn tracked(&self, entry: &Entry<'a>) -> Vec<Option<&'a MetricProgress>> {
        let node = entry.node;
        let tracked = |i: usize| {
            let metric = &node.doc.metrics[i];
            metric.start.is_some() || node.checkins.iter().any(|c| c.metric == metric.name)
        };
        let Some(progress) = self.progress_of(entry) else {
            return Vec::new();
        };
        if !(0..node.doc.metrics.len()).any(tracked) {
            return Vec::new();
        }
        (0..node.doc.metrics.len())
            .map(|i| progress.metrics.get(i).filter(|_| tracked(i)))
            .collect()
    }

    /// Every node in reading order: the cascade depth first from the vision,
    /// then the unlinked nodes.
    pub fn entries(&self) -> &[Entry<'a>] {
        &self.entries
    }

    /// The vision and everything that ladders up to it, depth first.
    pub fn linked(&self) -> &[Entry<'a>] {
        &self.entries[..self.first_unlinked]
    }

    /// Nodes whose parent does not exist, each followed by its own subtree.
    pub fn unlinked(&self) -> &[Entry<'a>] {
        &self.entries[self.first_unlinked..]
    }

    /// Where `id` is in [`Outline::entries`].
    pub fn position(&self, id: NodeId) -> Option<usize> {
        self.position.get(id.index()).copied().flatten()
    }

    /// The entry for `id`.
    pub fn entry(&self, id: NodeId) -> Option<&Entry<'a>> {
        self.entries.get(self.position(id)?)
    }

    /// The entries that ladder up to `entry`, in reading order.
    pub fn children_of<'o>(&'o self, entry: &Entry<'a>) -> impl Iterator<Item = &'o Entry<'a>> {
        let list = self
            .position(entry.id)
            .and_then(|p| self.children.get(p))
            .map_or(&[][..], Vec::as_slice);
        list.iter().map(|&i| &self.entries[i])
    }

    /// The entry `entry` ladders up to, if its parent exists.
    pub fn parent_of(&self, entry: &Entry<'a>) -> Option<&Entry<'a>> {
        self.entry(entry.parent?)
    }

    /// How `entry` connects to the level above it.
    pub fn ladders_up<'o>(&'o self, entry: &Entry<'a>) -> LaddersUp<'o, 'a> {
        if let Some(parent) = self.parent_of(entry) {
            return LaddersUp::To(parent);
        }
        let node = entry.node;
        match (
            node.level.parent(),
            node.level.parent_key(),
            &node.parent_ref,
        ) {
            (None, _, _) => LaddersUp::Top,
            (Some(level), Some(key), Some(name)) => LaddersUp::Missing { key, name, level },
            (Some(_), Some(key), None) => LaddersUp::Unnamed { key },
            (Some(_), None, _) => LaddersUp::NoVision,
        }
    }

    /// How many findings of `severity` the whole strategy has.
    pub fn count(&self, severity: Severity) -> usize {
        self.entries.iter().map(|e| e.count(severity)).sum()
    }
}

impl Entry<'_> {
    /// The title to show: `(untitled)` rather than nothing.
    pub fn title(&self) -> &str {
        match self.node.doc.title.trim() {
            "" => "(untitled)",
            title => title,
        }
    }

    /// How many of this node's findings are at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// How a node connects to the level above it: what the exports say under its title.
#[derive(Debug, Clone, Copy)]
pub enum LaddersUp<'o, 'a> {
    /// It is the top of the cascade: the vision.
    Top,
    /// It ladders up to this entry.
    To(&'o Entry<'a>),
    /// Its `key = "name"` names no node at `level`.
    Missing {
        /// The key that names the parent (`initiative`).
        key: &'static str,
        /// The id it names.
        name: &'a str,
        /// The level the parent should be at.
        level: Level,
    },
    /// It has no `key` naming its parent.
    Unnamed {
        /// The key it should have (`intent`).
        key: &'static str,
    },
    /// It is an intent, and the file has no vision for it to ladder up to.
    NoVision,
}

/// The anchor for `key`, made unique: keys are unique in a loaded file, but a
/// strategy built in code can hold a second vision.
fn unique_anchor(taken: &mut HashSet<String>, key: &str) -> String {
    let base = escape::anchor(key);
    let mut anchor = base.clone();
    let mut n = 1;
    // `_<digits>` at the end never comes out of `escape::anchor`, whose
    // underscores always come in pairs around a code point.
    while !taken.insert(anchor.clone()) {
        n += 1;
        anchor = format!("{base}_{n}");
    }
    anchor
}

/// "1 error", "2 warnings": a count with its noun.
pub fn counted(n: usize, severity: Severity) -> String {
    let noun = severity.as_str();
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Date {
        Date::new(2026, 11, 1).unwrap()
    }
    use crate::lint::Criterion;
    use crate::model::Field;

    fn strategy() -> Strategy {
        let mut s = Strategy::new("Acme");
        s.push_unlinked(Node::new(Level::Vision, "vision"));
        s.push_unlinked(Node::new(Level::Intent, "grow"));
        s.push_unlinked(Node::child_of(Level::Option, "lost", "nowhere"));
        s.push_unlinked(Node::child_of(Level::Initiative, "slow", "grow"));
        s.push_unlinked(Node::new(Level::Vision, "second"));
        s.relink();
        s
    }

    fn keys(entries: &[Entry<'_>]) -> Vec<String> {
        entries.iter().map(|e| e.node.key()).collect()
    }

    #[test]
    fn linked_nodes_come_first_then_orphans_then_strays() {
        let s = strategy();
        let outline = Outline::new(&s, &[], day());
        assert_eq!(
            keys(outline.linked()),
            ["vision", "intents.grow", "initiatives.slow"]
        );
        assert_eq!(keys(outline.unlinked()), ["options.lost", "vision"]);
        assert_eq!(outline.unlinked()[1].anchor, "vision_2");
        let slow = &outline.linked()[2];
        assert_eq!(
            outline.parent_of(slow).map(|e| e.node.key()),
            Some("intents.grow".into())
        );
        assert_eq!(slow.anchor, "initiatives-slow");
    }

    #[test]
    fn a_strategy_without_a_vision_is_all_unlinked() {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Intent, "grow"));
        let outline = Outline::new(&s, &[], day());
        assert!(outline.linked().is_empty());
        assert_eq!(keys(outline.unlinked()), ["intents.grow"]);
    }

    #[test]
    fn findings_attach_to_their_nodes() {
        let s = strategy();
        let grow = s.find(Level::Intent, "grow").unwrap();
        let found = [Diagnostic {
            rule: "vague-future",
            criterion: Criterion::Concrete,
            severity: Severity::Error,
            node: grow,
            field: Field::Future,
            range: 0..0,
            message: String::new(),
            help: String::new(),
        }];
        let outline = Outline::new(&s, &found, day());
        let entry = outline.entry(grow).unwrap();
        assert_eq!(entry.count(Severity::Error), 1);
        assert_eq!(outline.count(Severity::Error), 1);
        assert_eq!(outline.count(Severity::Warning), 0);
        assert_eq!(entry.scorecard.overall().as_str(), "fail");
        assert_eq!(counted(1, Severity::Error), "1 error");
        assert_eq!(counted(0, Severity::Warning), "0 warnings");
    }
}
