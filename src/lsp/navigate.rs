//! Moving around the cascade: go to the parent a node names (across files),
//! complete a parent id as it is typed, and the file's outline as the
//! cascade (vision, intents, initiatives, options).

use std::collections::HashMap;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, DocumentSymbol, Location, SymbolKind,
    TextEdit,
};

use super::hover::{named_parent, parent_ref_at};
use super::part::Kind;
use super::project::Project;
use super::uri;
use crate::model::{Level, NodeId};
use crate::sanitize;

/// Where the parent named at byte `offset` of file `p` is defined.
pub fn definition(project: &Project, p: usize, offset: usize) -> Option<Location> {
    let (node, _) = parent_ref_at(project, p, offset)?;
    let parent = named_parent(project, node)?;
    let (part, span) = project.header_span(parent)?;
    let file = &project.parts[part];
    Some(Location {
        uri: uri::from_path(&file.path)?,
        range: file.text.range(&span),
    })
}

/// The parent ids that fit where the cursor is, when it is inside the value
/// of an `intent = "…"` or `initiative = "…"` being typed.
pub fn completion(project: &Project, p: usize, offset: usize) -> Option<Vec<CompletionItem>> {
    let part = &project.parts[p];
    let line = part.text.line_before(offset);
    let (key, typed) = parent_value_being_typed(line)?;
    let level = match key {
        "intent" => Level::Intent,
        _ => Level::Initiative,
    };
    // Only in a table whose parent key this is (a file read whole: anywhere).
    let chunk = &part.chunks[part.chunk_at(offset)?];
    let fits = match &chunk.kind {
        Kind::Node(own, _) => own.parent() == Some(level),
        Kind::Whole => true,
        _ => false,
    };
    if !fits {
        return None;
    }
    let range = part.text.range(&(offset - typed.len()..offset));
    let strategy = project.strategy();
    Some(
        strategy
            .at_level(level)
            .filter_map(|id| strategy.get(id))
            .map(|n| CompletionItem {
                label: sanitize::line(&n.id).into_owned(),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(sanitize::line(&n.doc.title).into_owned()),
                filter_text: Some(n.id.clone()),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                    range,
                    new_text: n.id.clone(),
                })),
                ..CompletionItem::default()
            })
            .collect(),
    )
}

/// `("intent", "win-m")` for a line ending `intent = "win-m`.
fn parent_value_being_typed(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let key = ["initiative", "intent"]
        .into_iter()
        .find(|k| line.starts_with(k))?;
    let rest = line[key.len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let typed = rest.strip_prefix('"').or_else(|| rest.strip_prefix('\''))?;
    (!typed.contains(['"', '\''])).then_some((key, typed))
}

/// The nodes of file `p` as the cascade: each under its parent when the
/// parent is in the same file, else at the top.
#[allow(deprecated)] // `DocumentSymbol::deprecated` must be named to build one.
pub fn symbols(project: &Project, p: usize) -> Vec<DocumentSymbol> {
    let nodes = project.nodes_in(p);
    let strategy = project.strategy();
    let text = &project.parts[p].text;
    let mut built: HashMap<NodeId, DocumentSymbol> = HashMap::new();
    let mut order = Vec::new();
    for &id in &nodes {
        let (Some(node), Some((_, range)), Some((_, header))) = (
            strategy.get(id),
            project.table_span(id),
            project.header_span(id),
        ) else {
            continue;
        };
        let range = text.range(&(range.start.min(header.start)..range.end.max(header.end)));
        built.insert(
            id,
            DocumentSymbol {
                name: sanitize::line(&node.id).into_owned(),
                detail: Some(sanitize::line(&node.doc.title).into_owned()),
                kind: match node.level {
                    Level::Vision => SymbolKind::NAMESPACE,
                    Level::Intent => SymbolKind::MODULE,
                    Level::Initiative => SymbolKind::CLASS,
                    Level::Option => SymbolKind::FUNCTION,
                },
                tags: None,
                deprecated: None,
                range,
                selection_range: text.range(&header),
                children: None,
            },
        );
        order.push(id);
    }
    // Deepest first, so each symbol is complete when it joins its parent.
    order.sort_by_key(|&id| std::cmp::Reverse(strategy.get(id).map_or(0, |n| n.level.depth())));
    let mut roots = Vec::new();
    for id in order {
        let Some(symbol) = built.remove(&id) else {
            continue;
        };
        match strategy
            .parent(id)
            .and_then(|parent| built.get_mut(&parent))
        {
            Some(parent) => parent.children.get_or_insert_with(Vec::new).push(symbol),
            None => roots.push((id, symbol)),
        }
    }
    // Children were added deepest level first; put every list in file order.
    let place: HashMap<NodeId, usize> = nodes.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut roots: Vec<DocumentSymbol> = {
        roots.sort_by_key(|(id, _)| place.get(id).copied());
        roots.into_iter().map(|(_, s)| s).collect()
    };
    for root in &mut roots {
        sort_children(root);
    }
    roots
}

fn sort_children(symbol: &mut DocumentSymbol) {
    if let Some(children) = &mut symbol.children {
        children.sort_by_key(|c| {
            (
                c.selection_range.start.line,
                c.selection_range.start.character,
            )
        });
        for child in children {
            sort_children(child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parent_value_is_recognised_while_typed() {
        assert_eq!(
            parent_value_being_typed("intent = \"win-m"),
            Some(("intent", "win-m"))
        );
        assert_eq!(
            parent_value_being_typed("  initiative='"),
            Some(("initiative", ""))
        );
        assert_eq!(parent_value_being_typed("intent = \"done\" "), None);
        assert_eq!(parent_value_being_typed("title = \"x"), None);
    }
}
