//! A diagnostic with its place in the file: what every output format needs.

use std::ops::Range;

use crate::lint::Diagnostic;
use crate::model::{Level, Strategy};
use crate::store::{LineIndex, Position, StrategyFile};

/// A diagnostic, its node's key and level, and the file position of the flagged text.
#[derive(Debug, Clone)]
pub struct Located<'d> {
    /// The finding.
    pub diagnostic: &'d Diagnostic,
    /// `vision` or `<table>.<id>`.
    pub node: String,
    /// The node's level.
    pub level: Level,
    /// Bytes of the file the finding points at.
    pub span: Range<usize>,
    /// Where the span starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

impl<'d> Located<'d> {
    /// Places every diagnostic in the file, in the engine's order.
    pub fn all(
        file: &StrategyFile,
        strategy: &Strategy,
        diagnostics: &'d [Diagnostic],
    ) -> Vec<Located<'d>> {
        let text = file.text();
        let index = LineIndex::new(text);
        diagnostics
            .iter()
            .map(|d| {
                let node = strategy.node(d.node);
                let span = file.source.locate(text, d.node, d.field, d.range.clone());
                Located {
                    diagnostic: d,
                    node: node.key(),
                    level: node.level,
                    start: index.position(text, span.start),
                    end: index.position(text, span.end),
                    span,
                }
            })
            .collect()
    }
}
