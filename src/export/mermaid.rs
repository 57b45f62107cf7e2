//! The cascade as a Mermaid flowchart, coloured by review status: paste it in
//! a ```` ```mermaid ```` block on GitHub or in a docs site.
//!
//! Node ids are generated (`n0`, `n1`, …) rather than taken from the file, so
//! no id can be a Mermaid keyword (`end`) or contain syntax; only labels carry
//! file text, always through [`escape::mermaid`].

use std::fmt::{self, Write};

use super::escape;
use super::outline::{Entry, Outline};
use crate::model::Status;

/// Renders `outline` as a `flowchart TD`.
pub fn render(outline: &Outline<'_>) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = flowchart(&mut out, outline);
    out
}

fn flowchart(out: &mut String, outline: &Outline<'_>) -> fmt::Result {
    // A comment carries no file text: Mermaid reads directives in comments.
    writeln!(
        out,
        "%% strata export: the strategy cascade as of {}",
        outline.as_of
    )?;
    writeln!(out, "flowchart TD")?;
    for (i, entry) in outline.linked().iter().enumerate() {
        node(out, "    ", i, entry)?;
    }
    let offset = outline.linked().len();
    if !outline.unlinked().is_empty() {
        writeln!(
            out,
            "    subgraph unlinked[\"Not linked: the parent they name does not exist\"]"
        )?;
        for (i, entry) in outline.unlinked().iter().enumerate() {
            node(out, "        ", offset + i, entry)?;
        }
        writeln!(out, "    end")?;
    }
    for (i, entry) in outline.entries().iter().enumerate() {
        if let Some(parent) = entry.parent.and_then(|p| outline.position(p)) {
            writeln!(out, "    n{parent} --> n{i}")?;
        }
    }
    for status in Status::ALL {
        writeln!(out, "    classDef {} {}", class(status), style(status))?;
    }
    for status in Status::ALL {
        let members: Vec<String> = outline
            .entries()
            .iter()
            .enumerate()
            .filter(|(_, e)| e.node.doc.status == status)
            .map(|(i, _)| format!("n{i}"))
            .collect();
        if !members.is_empty() {
            writeln!(out, "    class {} {}", members.join(","), class(status))?;
        }
    }
    Ok(())
}

fn node(out: &mut String, indent: &str, i: usize, entry: &Entry<'_>) -> fmt::Result {
    writeln!(
        out,
        "{indent}n{i}[\"{}<br/>{}\"]",
        entry.node.level.title(),
        escape::mermaid(entry.title())
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
        let out = render(&Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap()));
        let expected = "\
%% strata export: the strategy cascade as of 2026-11-01
flowchart TD
    n0[\"Vision<br/>end#quot;#93; --#gt; x#91;#quot;#lt;img src=x onerror=alert#40;1#41;#gt;\"]
    n1[\"Strategic intent<br/>#40;untitled#41;\"]
    n0 --> n1
";
        assert!(out.starts_with(expected), "{out}");
        assert!(out.contains("    class n0 draft\n    class n1 approved\n"));
    }
}
