//! The strategy as one Markdown document: a table of contents (and, when
//! asked, a Mermaid map), then every two-pager in cascade order, its heading
//! one level deeper per cascade level (vision `##` … options `#####`, so
//! GitHub's outline follows the cascade), then the unlinked nodes.
//!
//! Written for GitHub and CommonMark. Every piece of file text goes through
//! [`escape::markdown`]; anchors are explicit `<a id>` tags, because headings'
//! generated ids differ between renderers and break on duplicate titles.

use std::fmt::{self, Write};

use super::escape::markdown as md;
use super::lint_groups::by_rule;
use super::mermaid;
use super::outline::{Entry, LaddersUp, Outline, counted};
use super::prose::{self, Block};
use super::{Audience, Options};
use crate::lint::Grade;
use crate::lint::Severity;
use crate::model::Status;
use crate::model::progress::text::{metric_summary, percent};

/// Renders `outline` as Markdown with `options` (the audience, the map).
pub fn render(outline: &Outline<'_>, options: Options) -> String {
    let mut out = String::with_capacity(outline.entries().len() * 3000);
    // Writing to a String cannot fail.
    let _ = document(&mut out, outline, options);
    out
}

fn document(out: &mut String, outline: &Outline<'_>, options: Options) -> fmt::Result {
    let audience = options.audience;
    let company = outline.strategy.company.trim();
    if company.is_empty() {
        writeln!(out, "# Strategy")?;
    } else {
        writeln!(out, "# {} strategy", md(company))?;
    }
    write!(
        out,
        "\nAs of {} · {} two-pagers",
        outline.as_of,
        outline.entries().len(),
    )?;
    if audience.shows_workings() {
        write!(
            out,
            " · {} · {} · {}",
            counted(outline.count(Severity::Error), Severity::Error),
            counted(outline.count(Severity::Warning), Severity::Warning),
            counted(outline.count(Severity::Note), Severity::Note),
        )?;
    }
    writeln!(out)?;
    if options.mermaid_map {
        writeln!(out, "\n## Map\n\n```mermaid")?;
        out.push_str(&mermaid::render(outline, options.depth));
        writeln!(out, "```")?;
    }

    writeln!(out, "\n## Contents\n")?;
    for entry in outline.linked() {
        contents_line(out, entry, entry.depth)?;
    }
    if !outline.unlinked().is_empty() {
        writeln!(out, "- [Not linked](#not-linked)")?;
        for entry in outline.unlinked() {
            contents_line(out, entry, entry.depth + 1)?;
        }
    }

    for entry in outline.linked() {
        two_pager(out, outline, entry, audience)?;
    }
    if !outline.unlinked().is_empty() {
        writeln!(out, "\n<a id=\"not-linked\"></a>\n\n## Not linked\n")?;
        writeln!(
            out,
            "These two-pagers name a parent that does not exist, so they do not ladder up to the vision."
        )?;
        for entry in outline.unlinked() {
            two_pager(out, outline, entry, audience)?;
        }
    }
    Ok(())
}

fn contents_line(out: &mut String, entry: &Entry<'_>, indent: usize) -> fmt::Result {
    writeln!(
        out,
        "{:indent$}- [{}: {}](#{})",
        "",
        entry.node.level.title(),
        md(entry.title()),
        entry.anchor,
        indent = indent * 2
    )
}

/// The heading for a node at `level`: `##` for the vision, one `#` more per level.
fn heading(level: crate::model::Level) -> &'static str {
    ["##", "###", "####", "#####"][level.depth().min(3)]
}

fn two_pager(
    out: &mut String,
    outline: &Outline<'_>,
    entry: &Entry<'_>,
    audience: Audience,
) -> fmt::Result {
    let node = entry.node;
    let doc = &node.doc;
    writeln!(out, "\n<a id=\"{}\"></a>\n", entry.anchor)?;
    writeln!(
        out,
        "{} {}: {}\n",
        heading(node.level),
        node.level.title(),
        md(entry.title())
    )?;
    if audience == Audience::Company && doc.status == Status::Draft {
        writeln!(out, "> **Draft:** still being written, not yet reviewed.\n")?;
    }

    writeln!(out, "| Owner | Status | Horizon | Key |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    writeln!(
        out,
        "| {} | {} | {} | {} |",
        or_dash(&md(&doc.owner)),
        doc.status,
        doc.horizon
            .map_or_else(|| "—".to_owned(), |h| h.to_string()),
        md(&node.key()),
    )?;
    if let Some(line) = tracker_line(node) {
        writeln!(out, "\n{line}")?;
    }

    if let Some(line) = ladders_up(outline, entry) {
        writeln!(out, "\n{line}")?;
    }
    if let Some(p) = outline.progress_of(entry).filter(|p| p.health.reports()) {
        let share = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), percent);
        writeln!(out, "\n**Progress**\n")?;
        writeln!(out, "| Progress | Expected | Health | Reporting |")?;
        writeln!(out, "| --- | --- | --- | --- |")?;
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            share(p.progress),
            share(p.expected),
            p.health.label(),
            md(&p.reporting(node.level.child()))
        )?;
    }
    if audience.shows_workings() {
        lint_state(out, entry)?;
        review_records(out, entry)?;
    }

    section(out, "Today", &doc.today)?;
    section(out, "Future", &doc.future)?;
    writeln!(out, "\n**Will not**\n")?;
    if doc.will_not.is_empty() {
        writeln!(out, "*Not written yet.*")?;
    }
    for item in &doc.will_not {
        writeln!(out, "- {}", md(item))?;
    }
    metrics(out, outline, entry)?;
    children(out, outline, entry)?;
    if audience.shows_workings() && !doc.notes.trim().is_empty() {
        section(out, "Notes", &doc.notes)?;
    }
    Ok(())
}

/// "**Tracker:** `PROJ-1` · **Links:** [https://…](<https://…>)": each
/// http(s) link a link, any other text shown as it is.
fn tracker_line(node: &crate::model::Node) -> Option<String> {
    let mut parts = Vec::new();
    if !node.tracker.is_empty() {
        let keys: Vec<String> = node.tracker.iter().map(|k| md(k)).collect();
        parts.push(format!("**Tracker:** {}", keys.join(", ")));
    }
    if !node.links.is_empty() {
        let links: Vec<String> = node
            .links
            .iter()
            .map(|link| match super::escape::web_link(link) {
                Some(href) => format!("[{}](<{href}>)", md(link)),
                None => md(link),
            })
            .collect();
        parts.push(format!("**Links:** {}", links.join(", ")));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The nodes that ladder up to `entry`, each a link with its status.
fn children(out: &mut String, outline: &Outline<'_>, entry: &Entry<'_>) -> fmt::Result {
    let mut kids = outline.children_of(entry).peekable();
    let Some(first) = kids.peek() else {
        return Ok(());
    };
    writeln!(out, "\n**{}s**\n", first.node.level.title())?;
    for child in kids {
        writeln!(
            out,
            "- [{}](#{}) ({})",
            md(child.title()),
            child.anchor,
            child.node.doc.status
        )?;
    }
    Ok(())
}

/// The line that links a node to its parent, or says why it cannot.
fn ladders_up(outline: &Outline<'_>, entry: &Entry<'_>) -> Option<String> {
    Some(match outline.ladders_up(entry) {
        LaddersUp::Top => return None,
        LaddersUp::To(parent) => format!(
            "Ladders up to [{}: {}](#{}).",
            parent.node.level.title(),
            md(parent.title()),
            parent.anchor
        ),
        LaddersUp::Missing { key, name, level } => format!(
            "Ladders up to nothing: {key} = \"{}\" names no {level} in this file.",
            md(name)
        ),
        LaddersUp::Unnamed { key } => format!("Ladders up to nothing: it has no {key} key."),
        LaddersUp::NoVision => "Ladders up to nothing: the file has no vision.".to_owned(),
    })
}

/// The node's review records, oldest first, as a table.
fn review_records(out: &mut String, entry: &Entry<'_>) -> fmt::Result {
    if entry.node.reviews.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n**Reviews**\n")?;
    writeln!(out, "| On | By | Decision | Comment |")?;
    writeln!(out, "| --- | --- | --- | --- |")?;
    for record in &entry.node.reviews {
        let mut comment = md(&record.comment.replace('\n', " "));
        if let Some(reason) = &record.reason {
            let _ = write!(comment, " (approved despite lint errors: {})", md(reason));
        }
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            record.on,
            or_dash(&md(&record.by)),
            record.decision,
            or_dash(comment.trim())
        )?;
    }
    Ok(())
}

/// The node's findings in counts, its scorecard, and each finding.
fn lint_state(out: &mut String, entry: &Entry<'_>) -> fmt::Result {
    writeln!(
        out,
        "\n**Lint:** {} · {} · {}\n",
        counted(entry.count(Severity::Error), Severity::Error),
        counted(entry.count(Severity::Warning), Severity::Warning),
        counted(entry.count(Severity::Note), Severity::Note),
    )?;
    let mut names = String::from("|");
    let mut rule = String::from("|");
    let mut grades = String::from("|");
    for (criterion, grade) in entry.scorecard.iter() {
        write!(names, " {criterion} |")?;
        rule.push_str(" --- |");
        match grade {
            Grade::Pass => write!(grades, " {grade} |")?,
            // Bold so a weak criterion stands out in a long document.
            Grade::Warn | Grade::Fail => write!(grades, " **{grade}** |")?,
        }
    }
    writeln!(out, "{names}\n{rule}\n{grades}")?;
    let groups = by_rule(&entry.diagnostics);
    if groups.is_empty() {
        return Ok(());
    }
    // One line per rule with its count; every finding folded below.
    writeln!(out)?;
    for group in &groups {
        write!(
            out,
            "- **{}** {} × {}",
            group.severity,
            md(group.rule),
            group.findings.len()
        )?;
        match group.shared_help().map(md) {
            Some(help) if !help.is_empty() => writeln!(out, ": *{help}*")?,
            _ => writeln!(out)?,
        }
    }
    writeln!(
        out,
        "\n<details>\n<summary>The findings in full</summary>\n"
    )?;
    for d in &entry.diagnostics {
        write!(
            out,
            "- **{}** ({}, in {}): {}",
            d.severity,
            md(d.rule),
            md(&d.field.label()),
            md(&d.message),
        )?;
        match md(&d.help) {
            help if help.is_empty() => writeln!(out)?,
            // A backslash ending a line is a hard break: the help gets a line of its own.
            help => writeln!(out, "\\\n  *{help}*")?,
        }
    }
    writeln!(out, "\n</details>")
}

/// A section of the two-pager under a bold label: headings are the cascade's.
fn section(out: &mut String, heading: &str, text: &str) -> fmt::Result {
    writeln!(out, "\n**{heading}**\n")?;
    let blocks = prose::blocks(text);
    if blocks.is_empty() {
        return writeln!(out, "*Not written yet.*");
    }
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Paragraph(text) => writeln!(out, "{}", md(text))?,
            Block::List(items) => {
                for item in items {
                    writeln!(out, "- {}", md(item))?;
                }
            }
        }
    }
    Ok(())
}

fn metrics(out: &mut String, outline: &Outline<'_>, entry: &Entry<'_>) -> fmt::Result {
    writeln!(out, "\n**Metrics**\n")?;
    let node = entry.node;
    let metrics = &node.doc.metrics;
    if metrics.is_empty() {
        return writeln!(out, "*Not written yet.*");
    }
    // A two-pager whose metrics are tracked shows where they stand.
    let tracked = outline.tracked(entry);
    if tracked.is_empty() {
        writeln!(out, "| Metric | Baseline | Target | By |")?;
        writeln!(out, "| --- | --- | --- | --- |")?;
    } else {
        writeln!(out, "| Metric | Baseline | Target | By | Now | Progress |")?;
        writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
    }
    let cell = |value: &Option<String>| or_dash(&md(value.as_deref().unwrap_or("")));
    for (i, metric) in metrics.iter().enumerate() {
        let mut row = format!(
            "| {} | {} | {} | {} |",
            or_dash(&md(&metric.name)),
            cell(&metric.baseline),
            cell(&metric.target),
            cell(&metric.by)
        );
        if !tracked.is_empty() {
            let measured = tracked.get(i).copied().flatten();
            let now = measured
                .and_then(|m| m.current)
                .and_then(|c| node.checkins.get(c))
                .map_or_else(
                    || "—".to_owned(),
                    |c| format!("{} ({})", md(&c.value), c.on),
                );
            let standing = measured.map_or_else(|| "—".to_owned(), |m| md(&metric_summary(m)));
            row.push_str(&format!(" {now} | {standing} |"));
        }
        writeln!(out, "{row}")?;
    }
    Ok(())
}

/// An em dash for an empty cell, so a table row never collapses.
fn or_dash(escaped: &str) -> String {
    if escaped.is_empty() {
        "—".to_owned()
    } else {
        escaped.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Level, Metric, Node, Strategy};

    fn hostile() -> Strategy {
        let mut s = Strategy::new("Evil | Corp");
        let mut vision = Node::new(Level::Vision, "vision");
        vision.doc.title = "# <b>Bold</b> | take over".into();
        vision.doc.future = "---\n\n```\nfenced\n\n1. listed\n<script>x</script>".into();
        vision.doc.metrics = vec![Metric {
            name: "a|b".into(),
            baseline: Some("\u{1b}[31m".into()),
            ..Metric::default()
        }];
        s.add(vision);
        s
    }

    #[test]
    fn the_map_stays_inside_its_fence() {
        let mut s = hostile();
        s.add(Node::new(Level::Intent, "x\n```\n<script>"));
        let options = Options {
            mermaid_map: true,
            ..Options::default()
        };
        let out = render(
            &Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap()),
            options,
        );
        let (_, rest) = out.split_once("\n```mermaid\n").unwrap();
        let (map, _) = rest.split_once("\n```\n").unwrap();
        // Every line of the map starts with strata's own words, never with a
        // backtick that could close the fence.
        for line in map.lines() {
            let start = line.trim_start();
            assert!(
                ["%%", "flowchart", "subgraph", "end", "n", "legend", "class"]
                    .iter()
                    .any(|word| start.starts_with(word)),
                "{line}"
            );
        }
        assert!(!map.contains("<script"));
    }

    #[test]
    fn file_text_cannot_add_structure() {
        let s = hostile();
        let out = render(
            &Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap()),
            Options::default(),
        );
        assert!(out.contains("# Evil \\| Corp strategy"), "{out}");
        assert!(out.contains("## Vision: \\# \\<b>Bold\\</b> \\| take over\n"));
        assert!(out.contains("\n\\---\n"));
        assert!(out.contains("\n\\`\\`\\` fenced\n"));
        assert!(out.contains("\n1\\. listed \\<script>x\\</script>\n"));
        assert!(out.contains("| a\\|b | ␛\\[31m | — | — |"));
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
        // The only raw HTML is strata's own anchors and folds.
        for line in out
            .lines()
            .filter(|l| l.contains('<') && !l.contains("\\<"))
        {
            assert!(
                line.starts_with("<a id=\"")
                    || [
                        "<details>",
                        "</details>",
                        "<summary>The findings in full</summary>"
                    ]
                    .contains(&line),
                "{line}"
            );
        }
    }
}
