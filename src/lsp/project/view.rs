//! What a project shows and where: each file's problems and findings at
//! their bytes, and the nodes, fields and tables at a place in a file.

use std::ops::Range;

use super::Project;
use crate::lint::Diagnostic;
use crate::lsp::part::Kind;
use crate::model::{Node, NodeId};
use crate::store::Problem;

impl Project {
    /// The loader's problems to show in file `p`: while the files do not
    /// load (as the loader read them, or a table as re-read), why, file by
    /// file; else its warnings and, in the vision's file, mistakes in
    /// `[lint]`. Spans are in the file.
    pub fn problems(&self, p: usize) -> Vec<(Range<usize>, &Problem)> {
        if let Some(broken) = &self.broken {
            return broken[p].iter().map(|e| (e.span.clone(), e)).collect();
        }
        let blocked = self.shows_errors(p);
        let part = &self.parts[p];
        (0..part.chunks.len())
            .flat_map(|i| {
                let chunk = &part.chunks[i];
                let shown = if blocked {
                    &chunk.errors
                } else {
                    &chunk.warnings
                };
                shown.iter().map(move |w| (part.absolute(i, &w.span), w))
            })
            .collect()
    }

    /// True while the files do not load as written: then every file shows
    /// only why (the one whose table is broken) or nothing, as `strata
    /// lint` prints no findings for a strategy it cannot read.
    pub fn shows_errors(&self, _p: usize) -> bool {
        self.broken.is_some()
            || self
                .parts
                .iter()
                .any(|part| part.chunks.iter().any(|c| !c.errors.is_empty()))
    }

    /// The findings on the nodes of file `p`, each with the file bytes it
    /// points at; none while the file does not load.
    pub fn findings(&self, p: usize) -> Vec<(Range<usize>, &Diagnostic)> {
        self.findings_in(p, 0..self.parts[p].chunks.len())
    }

    /// The findings that may lie in the bytes `span` of file `p`: those of
    /// the tables the span touches (a finding points inside its node's
    /// table), so a hover in a 5,000-node file places a few, not thousands.
    pub fn findings_near(&self, p: usize, span: Range<usize>) -> Vec<(Range<usize>, &Diagnostic)> {
        let part = &self.parts[p];
        match (part.chunk_at(span.start), part.chunk_at(span.end)) {
            (Some(first), Some(last)) => self.findings_in(p, first..last + 1),
            _ => Vec::new(),
        }
    }

    fn findings_in(&self, p: usize, chunks: Range<usize>) -> Vec<(Range<usize>, &Diagnostic)> {
        if self.shows_errors(p) {
            return Vec::new();
        }
        let part = &self.parts[p];
        let mut out = Vec::new();
        for i in chunks {
            let chunk = &part.chunks[i];
            for &(id, local) in &chunk.nodes {
                for d in self.findings.get(id.index()).into_iter().flatten() {
                    out.push((part.locate(i, local, d.field, d.range.clone()), d));
                }
            }
        }
        out
    }

    /// The node whose table holds byte `offset` of file `p`: for a file
    /// read whole, the node whose header or fields hold it.
    pub fn node_at(&self, p: usize, offset: usize) -> Option<NodeId> {
        let part = &self.parts[p];
        let i = part.chunk_at(offset)?;
        let chunk = &part.chunks[i];
        if chunk.kind != Kind::Whole {
            return chunk.nodes.first().map(|&(id, _)| id);
        }
        chunk
            .nodes
            .iter()
            .filter(|&&(_, local)| {
                chunk
                    .source
                    .header(local)
                    .is_some_and(|h| h.start <= offset)
            })
            .max_by_key(|&&(_, local)| chunk.source.header(local).map(|h| h.start))
            .map(|&(id, _)| id)
    }

    /// The file bytes of `node`'s `field` as written (quotes included).
    pub fn field_span(
        &self,
        node: NodeId,
        field: crate::model::Field,
    ) -> Option<(usize, Range<usize>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let span = part.chunks[home.chunk].source.field(home.local, field)?;
        Some((home.part, part.absolute(home.chunk, &span)))
    }

    /// The file bytes of `node`'s table key (`x` in `[intents.x]`).
    pub fn header_span(&self, node: NodeId) -> Option<(usize, Range<usize>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let span = part.chunks[home.chunk].source.header(home.local)?;
        Some((home.part, part.absolute(home.chunk, &span)))
    }

    /// The text a change to `node` is patched into, with the nodes that text
    /// holds: its table, or the whole file when it is read whole.
    pub fn scope(&self, node: NodeId) -> Option<(usize, Range<usize>, Vec<NodeId>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let chunk = &part.chunks[home.chunk];
        let span = chunk.start..part.end(home.chunk);
        Some((
            home.part,
            span,
            chunk.nodes.iter().map(|&(id, _)| id).collect(),
        ))
    }

    /// The stretch of file `p` that `node`'s table spans (its header line
    /// for a file read whole).
    pub fn table_span(&self, node: NodeId) -> Option<(usize, Range<usize>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let chunk = &part.chunks[home.chunk];
        if chunk.kind == Kind::Whole {
            return self.header_span(node);
        }
        Some((home.part, chunk.start..part.end(home.chunk)))
    }

    /// The nodes of file `p`, in file order.
    pub fn nodes_in(&self, p: usize) -> Vec<NodeId> {
        self.parts[p]
            .chunks
            .iter()
            .flat_map(|c| c.nodes.iter().map(|&(id, _)| id))
            .filter(|&id| self.strategy.get(id).is_some())
            .collect()
    }

    /// A node's content, as the model holds it.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.strategy.get(id)
    }
}
