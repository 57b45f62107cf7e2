//! Code actions on findings: allow the rule on this node (an `allow` entry
//! whose reason the writer then gives), and a quick fix where the fix is
//! mechanical: a horizon outside its level's window moved to the nearest
//! month inside it.
//!
//! Every edit goes through the saver (`store::patch`, `toml_edit`), applied
//! to the node's table alone, so comments, key order and the rest of the
//! file stay as they are; the editor gets the smallest text edit that
//! turns the old table into the new one.

use std::collections::HashMap;
use std::ops::Range;

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, WorkspaceEdit};

use super::diagnostics::from_finding;
use super::project::Project;
use super::uri;
use crate::lint::Diagnostic;
use crate::model::{Allow, Field, Horizon, Node, NodeId};
use crate::store;

/// The actions for the findings of file `p` that overlap the bytes `range`.
pub fn code_actions(
    project: &Project,
    p: usize,
    range: Range<usize>,
    rules: Option<&str>,
) -> Vec<CodeActionOrCommand> {
    let part = &project.parts[p];
    let Some(file) = uri::from_path(&part.path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut offered: Vec<(NodeId, &str)> = Vec::new();
    for (span, d) in project.findings_near(p, range.clone()) {
        let overlaps = span.start <= range.end && range.start <= span.end;
        if !overlaps || offered.contains(&(d.node, d.rule)) {
            continue;
        }
        offered.push((d.node, d.rule));
        let Some(node) = project.node(d.node) else {
            continue;
        };
        let shown = from_finding(&part.text, &span, d, &node.key(), rules);
        if d.field == Field::Horizon
            && let Some((horizon, why)) = horizon_fix(project, node)
            && let Some(edit) = patch_node(project, d.node, |n| n.doc.horizon = Some(horizon))
        {
            out.push(action(
                format!("Set horizon to {horizon} ({why})"),
                &file,
                edit,
                &shown,
                true,
            ));
        }
        if !node.allow.iter().any(|a| a.rule == d.rule) {
            let allow = Allow {
                rule: d.rule.to_owned(),
                reason: String::new(),
            };
            if let Some(edit) = patch_node(project, d.node, |n| n.allow.push(allow)) {
                out.push(action(
                    allow_title(d, &node.key()),
                    &file,
                    edit,
                    &shown,
                    false,
                ));
            }
        }
    }
    out
}

fn allow_title(d: &Diagnostic, key: &str) -> String {
    format!(
        "Allow `{}` on {} (then write the reason a reviewer will read)",
        d.rule,
        crate::sanitize::line(key)
    )
}

fn action(
    title: String,
    file: &lsp_types::Uri,
    edit: TextEdit,
    diagnostic: &lsp_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(file.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// The nearest horizon inside `node`'s level window, when its own is outside
/// it (and not past: when a late goal is due is a decision, not a fix).
fn horizon_fix(project: &Project, node: &Node) -> Option<(Horizon, String)> {
    let horizon = node.doc.horizon?;
    let as_of = project.as_of;
    let months = horizon.months_from(as_of);
    let (min, max) = project.config.horizon(node.level);
    if months < 0 || (min..=max).contains(&months) {
        return None;
    }
    let target = if months > max { max } else { min };
    let month_of = |months: i32| {
        let total = as_of.year * 12 + i32::from(as_of.month) - 1 + months;
        Horizon {
            year: total.div_euclid(12),
            month: Some(total.rem_euclid(12) as u8 + 1),
        }
    };
    let mut fixed = month_of(target);
    // A horizon written as a year stays a year when a year fits.
    if horizon.month.is_none() {
        let year = Horizon {
            year: fixed.year,
            month: None,
        };
        if (min..=max).contains(&year.months_from(as_of)) {
            fixed = year;
        }
    }
    let why = format!(
        "{min}-{max} months from {as_of} for {}",
        node.level.with_article()
    );
    Some((fixed, why))
}

/// The text edit that makes `change` to node `id`, patched into its table
/// (or its file, when the file is read whole) by the saver.
fn patch_node(project: &Project, id: NodeId, change: impl FnOnce(&mut Node)) -> Option<TextEdit> {
    let (p, span, nodes) = project.scope(id)?;
    let part = &project.parts[p];
    let baseline = project.strategy().subset(|n| nodes.contains(&n));
    let mut current = baseline.clone();
    let mut node = current.get(id)?.clone();
    change(&mut node);
    if !current.replace(id, node) {
        return None;
    }
    let old = &part.text.as_str()[span.clone()];
    let new = store::patch(old, &baseline, &current).ok()?;
    let (keep_start, keep_end) = common_ends(old, &new);
    Some(TextEdit {
        range: part
            .text
            .range(&(span.start + keep_start..span.end - keep_end)),
        new_text: new[keep_start..new.len() - keep_end].to_owned(),
    })
}

/// How many bytes `a` and `b` share at the start and, after that, at the
/// end, on character boundaries.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let mut start = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(start) || !b.is_char_boundary(start) {
        start -= 1;
    }
    let room = a.len().min(b.len()) - start;
    let mut end = a
        .bytes()
        .rev()
        .zip(b.bytes().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while !a.is_char_boundary(a.len() - end) || !b.is_char_boundary(b.len() - end) {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_ends_leave_only_what_changed() {
        let a = "title = \"x\"\n";
        let b = "title = \"x\"\nallow = []\n";
        let (s, e) = common_ends(a, b);
        assert_eq!(&b[s..b.len() - e], "allow = []\n");
        let (s, e) = common_ends("aéb", "aèb");
        assert_eq!((s, e), (1, 1));
    }
}
