//! A diagnostic with its place in the file (for a directory, in the file
//! its node lives in): what every output format needs.

use std::ops::Range;

use crate::lint::Diagnostic;
use crate::model::{Level, Strategy};
use crate::store::{LineIndex, PartFile, Position, Workspace};

/// A diagnostic, its node's key and level, and the file position of the flagged text.
#[derive(Debug, Clone)]
pub struct Located<'d> {
    /// The finding.
    pub diagnostic: &'d Diagnostic,
    /// `vision` or `<table>.<id>`.
    pub node: String,
    /// The node's level.
    pub level: Level,
    /// The file the node is in, as shown in messages.
    pub path: String,
    /// That file's text.
    pub text: &'d str,
    /// Bytes of the file the finding points at.
    pub span: Range<usize>,
    /// Where the span starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

impl<'d> Located<'d> {
    /// Places every diagnostic in its file, in the engine's order.
    pub fn all(
        workspace: &'d Workspace,
        strategy: &Strategy,
        diagnostics: &'d [Diagnostic],
    ) -> Vec<Located<'d>> {
        let indexes: Vec<LineIndex> = workspace
            .files()
            .iter()
            .map(|f| LineIndex::new(f.text()))
            .collect();
        let index_of = |file: &PartFile| {
            let at = workspace
                .files()
                .iter()
                .position(|f| std::ptr::eq(f, file))
                .unwrap_or(0);
            &indexes[at]
        };
        diagnostics
            .iter()
            .map(|d| {
                let node = strategy.node(d.node);
                let (file, span) = workspace.locate(d.node, d.field, d.range.clone());
                let (text, index) = (file.text(), index_of(file));
                Located {
                    diagnostic: d,
                    node: node.key(),
                    level: node.level,
                    path: super::super::open::display(file.path()),
                    text,
                    start: index.position(text, span.start),
                    end: index.position(text, span.end),
                    span,
                }
            })
            .collect()
    }
}
