//! The cascade as a Mermaid flowchart, left to right with a subgraph per
//! intent, ids and status in each box, coloured by review status, with a
//! legend; `--depth` cuts it for a slide. Paste it in
//! a ```` ```mermaid ```` block on GitHub or in a docs site.
//!
//! Node ids are generated (`n0`, `n1`, …) rather than taken from the file, so
//! no id can be a Mermaid keyword (`end`) or contain syntax; only labels carry
//! file text, always through [`escape::mermaid`].

use std::fmt::{self, Write};

use super::escape;
use super::outline::{Entry, Outline};
use crate::model::Status;

/// Renders `outline` as a left-to-right flowchart, one subgraph per intent,
/// down to cascade level `depth` (0 is the vision alone; `None`, every level).
pub fn render(outline: &Outline<'_>, depth: Option<usize>) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = flowchart(&mut out, outline, depth.unwrap_or(usize::MAX));
    out
}

fn flowchart(out: &mut String, outline: &Outline<'_>, depth: usize) -> fmt::Result {
    // A comment carries no file text: Mermaid reads directives in comments.
    writeln!(
        out,
        "%% strata export: the strategy cascade as of {}",
        outline.as_of
    )?;
    writeln!(out, "flowchart LR")?;
    let shown = |e: &Entry<'_>| e.node.level.depth() <= depth;
    // An intent's subgraph holds it and everything under it; with intents
    // alone on the slide, there is nothing to group.
    let grouped = depth >= 2;
    let mut open = false;
    for (i, entry) in outline.linked().iter().enumerate() {
        if !shown(entry) {
            continue;
        }
        if grouped && entry.depth == 1 {
            if open {
                writeln!(out, "    end")?;
            }
            writeln!(
                out,
                "    subgraph s{i}[\"{}\"]",
                escape::mermaid(&entry.node.key())
            )?;
            open = true;
        }
        let indent = if open && entry.depth >= 1 {
            "        "
        } else {
            "    "
        };
        node(out, indent, i, entry)?;
    }
    if open {
        writeln!(out, "    end")?;
    }
    let offset = outline.linked().len();
    if outline.unlinked().iter().any(shown) {
        writeln!(
            out,
            "    subgraph unlinked[\"Not linked: the parent they name does not exist\"]"
        )?;
        for (i, entry) in outline.unlinked().iter().enumerate() {
            if shown(entry) {
                node(out, "        ", offset + i, entry)?;
            }
        }
        writeln!(out, "    end")?;
    }
    for (i, entry) in outline.entries().iter().enumerate() {
        if !shown(entry) {
            continue;
        }
        if let Some(parent) = entry.parent.and_then(|p| outline.position(p)) {
            writeln!(out, "    n{parent} --> n{i}")?;
        }
    }
    writeln!(out, "    subgraph legend[\"Review status\"]")?;
    for (i, status) in Status::ALL.into_iter().enumerate() {
        writeln!(out, "        legend{i}[\"{status}\"]")?;
    }
    writeln!(out, "    end")?;
    for status in Status::ALL {
        writeln!(out, "    classDef {} {}", class(status), style(status))?;
    }
    for (i, status) in Status::ALL.into_iter().enumerate() {
        let mut members: Vec<String> = outline
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.node.doc.status == status && shown(e))
            .map(|(i, _)| format!("n{i}"))
            .collect();
        members.push(format!("legend{i}"));
        writeln!(out, "    class {} {}", members.join(","), class(status))?;
    }
    Ok(())
}

/// A box: the level and the id, the title, the status.
fn node(out: &mut String, indent: &str, i: usize, entry: &Entry<'_>) -> fmt::Result {
    writeln!(
        out,
        "{indent}n{i}[\"{} · {}<br/>{}<br/>{}\"]",
        entry.node.level.title(),
        escape::mermaid(&entry.node.key()),
        escape::mermaid(entry.title()),
        entry.node.doc.status
    )
}

/// The class name for `status`: Mermaid class names cannot contain `-`.
fn class(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft",
        Status::InReview => "inReview",
        Status::Approved => "approved",
        Status::ChangesRequested => "changesRequested",
        Status::Retired => "retired",
    }
}

/// The colours for `status`, readable on GitHub's light and dark themes
/// because each sets its own text colour.
fn style(status: Status) -> &'static str {
    match status {
        Status::Draft => "fill:#f3f4f6,stroke:#6b7280,color:#111827",
        Status::InReview => "fill:#dbeafe,stroke:#1d4ed8,color:#1e3a8a",
        Status::Approved => "fill:#dcfce7,stroke:#15803d,color:#14532d",
        Status::ChangesRequested => "fill:#fee2e2,stroke:#b91c1c,color:#7f1d1d",
        Status::Retired => "fill:#f5f5f4,stroke:#a8a29e,color:#57534e,stroke-dasharray:4 3",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Level, Node, Strategy};

    #[test]
    fn hostile_titles_stay_inside_their_labels() {
        let mut s = Strategy::new("Acme");
        let mut vision = Node::new(Level::Vision, "vision");
        vision.doc.title = "end\"] --> x[\"<img src=x onerror=alert(1)>".into();
        s.add(vision);
        let mut intent = Node::new(Level::Intent, "end");
        intent.doc.status = Status::Approved;
        s.add(intent);
        let out = render(
            &Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap()),
            None,
        );
        let expected = "\
%% strata export: the strategy cascade as of 2026-11-01
flowchart LR
    n0[\"Vision · vision<br/>end#quot;#93; --#gt; x#91;#quot;#lt;img src=x onerror=alert#40;1#41;#gt;<br/>draft\"]
    subgraph s1[\"intents.end\"]
        n1[\"Strategic intent · intents.end<br/>#40;untitled#41;<br/>approved\"]
    end
    n0 --> n1
";
        assert!(out.starts_with(expected), "{out}");
        assert!(out.contains("    class n0,legend0 draft\n"));
        assert!(out.contains("    class n1,legend2 approved\n"));
    }

    #[test]
    fn depth_cuts_the_tree_for_a_slide() {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        s.add(Node::new(Level::Intent, "grow"));
        s.add(Node::child_of(Level::Initiative, "fast", "grow"));
        s.relink();
        let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
        let cut = render(&outline, Some(1));
        assert!(cut.contains("intents.grow") && !cut.contains("initiatives.fast"));
        assert!(!cut.contains("subgraph s1"), "{cut}");
        assert!(!cut.contains("n2"), "{cut}");
        let whole = render(&outline, None);
        assert!(whole.contains("subgraph s1") && whole.contains("n1 --> n2"));
    }
}
