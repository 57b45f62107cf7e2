//! Hover: on a finding, the rule's explanation as `strata rules NAME`
//! prints it; on a parent id (`intent = "x"`), that parent's title, level,
//! status and horizon.

use std::ops::Range;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::project::Project;
use crate::lint;
use crate::model::{Field, NodeId, first_sentence};
use crate::sanitize;

/// What to show at byte `offset` of file `p`.
pub fn hover(project: &Project, p: usize, offset: usize, rules: Option<&str>) -> Option<Hover> {
    let (text, span) =
        findings_at(project, p, offset, rules).or_else(|| parent_at(project, p, offset))?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(project.parts[p].text.range(&span)),
    })
}

/// The findings whose text holds `offset`: each one's message and help,
/// then its rule's documentation.
fn findings_at(
    project: &Project,
    p: usize,
    offset: usize,
    rules: Option<&str>,
) -> Option<(String, Range<usize>)> {
    let here: Vec<_> = project
        .findings_near(p, offset..offset)
        .into_iter()
        .filter(|(span, _)| span.start <= offset && offset <= span.end)
        .collect();
    let first = here.first()?.0.clone();
    let span = here.iter().fold(first, |all, (span, _)| {
        all.start.min(span.start)..all.end.max(span.end)
    });
    let mut out = String::new();
    let mut explained: Vec<&str> = Vec::new();
    for (_, d) in &here {
        out.push_str(&format!(
            "**{}** · {} · {}: {}\n\n{}\n\n",
            d.rule,
            d.severity,
            d.criterion,
            markdown_text(&d.message),
            markdown_text(&d.help)
        ));
    }
    for (_, d) in &here {
        if explained.contains(&d.rule) {
            continue;
        }
        explained.push(d.rule);
        if let Some(doc) = lint::explain(d.rule) {
            out.push_str("---\n\n");
            out.push_str(&doc.replace("\n## ", "\n### "));
            if let Some(base) = rules {
                out.push_str(&format!(
                    "\n[{} in docs/rules.md]({base}#{})\n\n",
                    d.rule, d.rule
                ));
            }
        }
    }
    Some((out.trim_end().to_owned(), span))
}

/// The parent a `intent = "…"` or `initiative = "…"` value at `offset` names.
fn parent_at(project: &Project, p: usize, offset: usize) -> Option<(String, Range<usize>)> {
    let (node, span) = parent_ref_at(project, p, offset)?;
    let Some(parent) = named_parent(project, node) else {
        let named = project.node(node)?.parent_ref.clone().unwrap_or_default();
        return Some((format!("No node is called `{}`", code_text(&named)), span));
    };
    let n = project.node(parent)?;
    let mut out = format!(
        "**{}** `{}`\n\n{}\n\n",
        n.level.title(),
        code_text(&n.id),
        markdown_text(&n.doc.title)
    );
    let mut facts = vec![format!("status: {}", n.doc.status.as_str())];
    if let Some(h) = n.doc.horizon {
        facts.push(format!("horizon: {h}"));
    }
    if !n.doc.owner.is_empty() {
        facts.push(format!("owner: {}", markdown_text(&n.doc.owner)));
    }
    out.push_str(&facts.join(" · "));
    if !n.doc.future.is_empty() {
        out.push_str(&format!(
            "\n\n{}",
            markdown_text(&first_sentence(&n.doc.future))
        ));
    }
    if let Some(home) = project.home(parent)
        && home.part != p
    {
        let file = project.parts[home.part].path.display().to_string();
        out.push_str(&format!("\n\nin `{}`", code_text(&file)));
    }
    Some((out, span))
}

/// The node whose parent value holds byte `offset` of file `p`, and that
/// value's bytes.
pub fn parent_ref_at(project: &Project, p: usize, offset: usize) -> Option<(NodeId, Range<usize>)> {
    let node = project.node_at(p, offset)?;
    let (part, span) = project.field_span(node, Field::Parent)?;
    (part == p && span.start <= offset && offset <= span.end).then_some((node, span))
}

/// The node that `node`'s parent value names, if there is one at the level above.
pub fn named_parent(project: &Project, node: NodeId) -> Option<NodeId> {
    let n = project.node(node)?;
    let level = n.level.parent()?;
    project
        .strategy()
        .find(level, n.parent_ref.as_deref()?.trim())
}

/// A colleague's text for Markdown: cleaned for the terminal an editor may
/// run in, with the characters Markdown would act on escaped.
pub fn markdown_text(text: &str) -> String {
    let clean = sanitize::line(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if "\\`*_{}[]()<>#+-.!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A colleague's text inside a Markdown code span.
fn code_text(text: &str) -> String {
    sanitize::line(text).replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_in_colleagues_text_is_inert() {
        assert_eq!(
            markdown_text("[click](http://x) *now*\u{1b}[31m"),
            "\\[click\\]\\(http://x\\) \\*now\\*␛\\[31m"
        );
    }
}
