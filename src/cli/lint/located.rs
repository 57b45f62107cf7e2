//! A diagnostic with its place in the file (for a directory, in the file
//! its node lives in): what every output format needs. Each file's lines
//! are indexed once, so placing a finding costs a binary search, whatever
//! the size of the file.

use std::ops::Range;
use std::path::Path;

use crate::lint::Diagnostic;
use crate::model::{Level, Strategy};
use crate::store::{LineIndex, Position, Workspace};

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
    pub path: &'d str,
    /// The same file as a path, for tools that need it whole (SARIF's URI).
    pub file: &'d Path,
    /// That file's text.
    pub text: &'d str,
    /// That file's lines.
    pub index: &'d LineIndex,
    /// Bytes of the file the finding points at.
    pub span: Range<usize>,
    /// Where the span starts.
    pub start: Position,
    /// Where it ends.
    pub end: Position,
}

/// The files of a strategy, each with its lines indexed and its path as shown.
pub struct Places<'w> {
    workspace: &'w Workspace,
    strategy: &'w Strategy,
    indexes: Vec<LineIndex>,
    paths: Vec<String>,
}

impl<'w> Places<'w> {
    /// Indexes every file of `workspace` once.
    pub fn new(workspace: &'w Workspace, strategy: &'w Strategy) -> Places<'w> {
        let files = workspace.files();
        Places {
            workspace,
            strategy,
            indexes: files.iter().map(|f| LineIndex::new(f.text())).collect(),
            paths: files
                .iter()
                .map(|f| super::super::open::display(f.path()))
                .collect(),
        }
    }

    /// Places one diagnostic in its file.
    pub fn locate<'d>(&'d self, diagnostic: &'d Diagnostic) -> Located<'d> {
        let node = self.strategy.node(diagnostic.node);
        let (file, span) =
            self.workspace
                .locate(diagnostic.node, diagnostic.field, diagnostic.range.clone());
        let at = self
            .workspace
            .files()
            .iter()
            .position(|f| std::ptr::eq(f, file))
            .unwrap_or(0);
        let (text, index) = (file.text(), &self.indexes[at]);
        Located {
            diagnostic,
            node: node.key(),
            level: node.level,
            path: &self.paths[at],
            file: file.path(),
            text,
            index,
            start: index.position(text, span.start),
            end: index.position(text, span.end),
            span,
        }
    }
}
