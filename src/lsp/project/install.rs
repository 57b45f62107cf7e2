//! Putting re-read tables into the model: nodes changed in place (the same
//! id, the same place in file order), removed, or added where their table
//! stands; and what changed, for the relint.

use std::ops::Range;

use super::Project;
use crate::lsp::part::{Chunk, Cut};
use crate::lsp::relint::Touched;
use crate::model::NodeId;

impl Project {
    /// Puts the tables `cuts`, re-read from chunks `replace` of file `p`,
    /// into the model. False when they cannot be placed without the loader
    /// (a node key used twice, a new table that does not load).
    pub(super) fn install(
        &mut self,
        p: usize,
        replace: Range<usize>,
        cuts: Vec<Cut>,
        touched: &mut Touched,
    ) -> bool {
        let old: Vec<(usize, NodeId)> = replace
            .clone()
            .filter_map(|i| Some((i, self.parts[p].chunks[i].nodes.first()?.0)))
            .collect();
        let pairs = pair(&self.parts[p].chunks, &old, &cuts);
        // Nodes no table holds any more go first, so their keys are free.
        for &(_, id) in old.iter().filter(|(_, id)| !pairs.contains(&Some(*id))) {
            touched.before(&self.strategy, id);
            self.strategy.remove(id);
            touched.changed(id, true);
        }
        let mut chunks = Vec::with_capacity(cuts.len());
        let mut placed: Option<NodeId> = self.node_before(p, replace.start);
        for (cut, old_id) in cuts.into_iter().zip(pairs) {
            let mut chunk = Chunk::new(cut.start, cut.kind);
            match (cut.read, old_id) {
                (Some(Ok(loaded)), id) => {
                    let Some((local, node)) =
                        loaded.strategy.iter().next().map(|(l, n)| (l, n.clone()))
                    else {
                        return false;
                    };
                    let id = match id {
                        Some(id) => {
                            let old = self.strategy.node(id);
                            if *old != node {
                                let renamed = old.id != node.id || old.level != node.level;
                                touched.before(&self.strategy, id);
                                if !self.strategy.replace(id, node) {
                                    return false;
                                }
                                touched.changed(id, renamed);
                            }
                            id
                        }
                        None => {
                            if self.strategy.find(node.level, &node.id).is_some() {
                                return false;
                            }
                            let id = self.strategy.next_id();
                            let at = placed
                                .and_then(|prev| self.strategy.position(prev))
                                .map_or_else(|| self.first_position_after(p), |i| i + 1);
                            if !self.strategy.insert_at(id, node, at) {
                                return false;
                            }
                            touched.changed(id, true);
                            id
                        }
                    };
                    chunk.nodes.push((id, local));
                    chunk.source = loaded.source;
                    chunk.warnings = loaded.warnings;
                    placed = Some(id);
                }
                (Some(Err(errors)), Some(id)) => {
                    // The node keeps what it last loaded with; the file shows the errors.
                    let Some(&(previous, _)) = old.iter().find(|(_, o)| *o == id) else {
                        return false;
                    };
                    let before = &self.parts[p].chunks[previous];
                    chunk.nodes = before.nodes.clone();
                    chunk.source = before.source.clone();
                    chunk.errors = errors;
                    placed = Some(id);
                }
                _ => return false,
            }
            chunks.push(chunk);
        }
        self.parts[p].chunks.splice(replace, chunks);
        self.rehome(p);
        true
    }

    /// The last node of file `p` before chunk `chunk`, or of the files before it.
    fn node_before(&self, p: usize, chunk: usize) -> Option<NodeId> {
        let own = self.parts[p].chunks[..chunk].iter().rev();
        let earlier = self.parts[..p]
            .iter()
            .rev()
            .flat_map(|part| part.chunks.iter().rev());
        own.chain(earlier)
            .find_map(|c| c.nodes.last())
            .map(|&(id, _)| id)
    }

    /// Where in file order a node goes that has no node before it: before
    /// the first node of file `p` and the files after it.
    fn first_position_after(&self, p: usize) -> usize {
        self.parts[p..]
            .iter()
            .flat_map(|part| part.chunks.iter())
            .flat_map(|c| c.nodes.iter())
            .find_map(|&(id, _)| self.strategy.position(id))
            .unwrap_or(0)
    }
}

/// Which old node each re-read table is: by place when as many tables come
/// back as went, else by key.
fn pair(chunks: &[Chunk], old: &[(usize, NodeId)], cuts: &[Cut]) -> Vec<Option<NodeId>> {
    if old.len() == cuts.len() {
        return old.iter().map(|&(_, id)| Some(id)).collect();
    }
    let mut free: Vec<(usize, NodeId)> = old.to_vec();
    cuts.iter()
        .map(|cut| {
            let at = free.iter().position(|&(i, _)| chunks[i].kind == cut.kind)?;
            Some(free.remove(at).1)
        })
        .collect()
}
