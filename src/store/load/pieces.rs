//! Reading a file one table at a time, so that the parser's tokens and its
//! table of the whole file never exist at once (on a 13 MB strategy they
//! held about 4 KB per node on top of the model: docs/performance.md,
//! "Where the memory goes").
//!
//! The tables lexer (`store/tables.rs`) cuts the file at its header lines.
//! Each node's table, with the tables inside it, is parsed on its own when
//! the schema reaches its level; the rest (the keys before the first table,
//! `[company]`, `[lint]`) is parsed as a few small pieces. The schema reads
//! them in a whole file's order and moves each piece's spans to its place in
//! the file, so the model, the source map and the warnings are the same.
//!
//! Anything the cut does not follow cleanly (text the lexer cannot end, a
//! node's table split in two, a level written as one table, a key in two
//! pieces) and any error at all gives up, and the file is parsed whole:
//! that parse is always the judge. The tests (`pieces/tests.rs`) read every
//! fixture both ways.

use std::collections::HashSet;
use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::model::Level;
use crate::store::schema::SchemaReader;
use crate::store::strict::invalid_numbers;
use crate::store::tables::{self, Header};

/// A stretch of the file read on its own.
enum Piece {
    /// Keys and tables that are no node's.
    Top(Range<usize>),
    /// One node's table and the tables inside it.
    Node(Level, String, Range<usize>),
}

/// Reads `text` into `reader` in pieces; false when it must be read whole
/// (then `reader` holds a partial read to throw away).
pub(super) fn read(text: &str, reader: &mut SchemaReader) -> bool {
    let Some(pieces) = cut(text) else {
        return false;
    };
    let mut tops = Vec::new();
    let mut keys = HashSet::new();
    for piece in &pieces {
        let Piece::Top(range) = piece else { continue };
        let Some(root) = parse(&text[range.clone()]) else {
            return false;
        };
        for key in root.keys() {
            let key = key.get_ref().as_ref();
            let a_node = Level::ALL.iter().any(|level| level.table() == key);
            if a_node || !keys.insert(key.to_owned()) {
                return false;
            }
        }
        tops.push((root, range.start));
    }
    let top: Vec<(&DeTable<'_>, usize)> = tops.iter().map(|(root, at)| (root, *at)).collect();
    let level_pieces = pieces
        .iter()
        .any(|p| matches!(p, Piece::Node(level, ..) if *level != Level::Vision));
    let mut nodes = |level: Level, reader: &mut SchemaReader| {
        pieces.iter().all(|piece| match piece {
            Piece::Node(l, id, range) if *l == level => read_node(text, level, id, range, reader),
            _ => true,
        })
    };
    reader.read_pieces(&top, level_pieces, &mut nodes) && reader.errors.is_empty()
}

/// Parses and reads one node's piece; false if it holds anything else.
fn read_node(
    text: &str,
    level: Level,
    id: &str,
    range: &Range<usize>,
    reader: &mut SchemaReader,
) -> bool {
    let Some(root) = parse(&text[range.clone()]) else {
        return false;
    };
    let Some(item) = root.get(level.table()).filter(|_| root.len() == 1) else {
        return false;
    };
    if level == Level::Vision {
        reader.read_vision_at(&root, item, range.start);
        return true;
    }
    let DeValue::Table(table) = item.get_ref() else {
        return false;
    };
    if table.len() != 1 || !table.contains_key(id) {
        return false;
    }
    reader.read_level_at(level, item, range.start);
    true
}

/// A piece's table, if it parses and its numbers are all TOML's.
fn parse(piece: &str) -> Option<DeTable<'_>> {
    let root = DeTable::parse(piece).ok()?.into_inner();
    invalid_numbers(&root, piece).is_empty().then_some(root)
}

/// The file's pieces in order, or `None` where the cut is not clean.
fn cut(text: &str) -> Option<Vec<Piece>> {
    let lexed = tables::lex(text);
    if !lexed.clean_end {
        return None;
    }
    let mut pieces = Vec::new();
    let mut open: Option<(Level, String)> = None;
    let mut start = 0;
    let mut seen = HashSet::new();
    for line in lexed.headers {
        let close = match (&line.header, &open) {
            (Header::Inside(level, id), Some((l, i))) if level == l && id == i => false,
            (Header::Inside(..), _) => return None,
            (Header::Other, None) => false,
            (Header::Other, Some(_)) | (Header::Node(..), _) => true,
        };
        if !close {
            continue;
        }
        pieces.push(piece(open.take(), start..line.start));
        start = line.start;
        if let Header::Node(level, id) = line.header {
            if !seen.insert((level, id.clone())) {
                return None;
            }
            open = Some((level, id));
        }
    }
    pieces.push(piece(open, start..text.len()));
    Some(pieces)
}

fn piece(node: Option<(Level, String)>, range: Range<usize>) -> Piece {
    match node {
        Some((level, id)) => Piece::Node(level, id, range),
        None => Piece::Top(range),
    }
}

#[cfg(test)]
mod tests;
