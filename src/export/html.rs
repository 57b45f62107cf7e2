//! The strategy as one self-contained HTML page: a navigable cascade beside
//! every two-pager and its review, styled for screen and print.
//!
//! The page loads nothing and runs nothing: the stylesheet is inline, the
//! cascade folds with `<details>` rather than a script, and a
//! Content-Security-Policy forbids everything else, so even a mistake in
//! escaping could not fetch or execute anything. File text reaches the page
//! only through [`escape::html`]; attribute values other than strata's own
//! class names are anchors from [`escape::anchor`].

use std::fmt::{self, Write};

use super::Audience;
use super::escape::html as h;
use super::html_parts::{self as parts, mark, unbroken_numbers};
use super::outline::{Entry, LaddersUp, Outline, counted};
use super::prose::{self, Block};
use super::svg;
use crate::lint::Grade;
use crate::lint::Severity;
use crate::model::Level;
use crate::model::Status;
use crate::model::progress::text::{metric_summary, node_summary};

const STYLE: &str = include_str!("html.css");

/// No fetches, no scripts, no plugins, no forms; only the inline stylesheet.
/// `base-uri` and `form-action` are not covered by `default-src`.
const CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/// Renders `outline` as an HTML document for `audience`.
pub fn render(outline: &Outline<'_>, audience: Audience) -> String {
    let mut out = String::with_capacity(outline.entries().len() * 6000);
    // Writing to a String cannot fail.
    let _ = page(&mut out, outline, audience);
    out
}

fn page(out: &mut String, outline: &Outline<'_>, audience: Audience) -> fmt::Result {
    let company = outline.strategy.company.trim();
    let title = if company.is_empty() {
        "Strategy".to_owned()
    } else {
        format!("{} strategy", h(company))
    };
    writeln!(out, "<!doctype html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    )?;
    writeln!(out, "<meta name=\"referrer\" content=\"no-referrer\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<meta name=\"generator\" content=\"strata\">")?;
    writeln!(out, "<title>{title}</title>")?;
    writeln!(out, "<style>\n{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<header class=\"page\" id=\"top\">")?;
    writeln!(out, "<h1>{title}</h1>")?;
    write!(
        out,
        "<p class=\"summary\">As of <time datetime=\"{0}\">{0}</time> · {1} two-pagers",
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
    writeln!(out, "</p>")?;
    writeln!(out, "</header>")?;
    parts::print_contents(out, outline)?;
    writeln!(out, "<div class=\"layout\">")?;
    navigation(out, outline, audience)?;
    writeln!(out, "<main>")?;
    parts::overview(out, outline)?;
    for entry in outline.linked() {
        two_pager(out, outline, entry, audience)?;
    }
    if !outline.unlinked().is_empty() {
        writeln!(out, "<h2 id=\"not-linked\">Not linked</h2>")?;
        writeln!(
            out,
            "<p>These two-pagers name a parent that does not exist, so they do not ladder up to the vision.</p>"
        )?;
        for entry in outline.unlinked() {
            two_pager(out, outline, entry, audience)?;
        }
    }
    writeln!(out, "</main>")?;
    writeln!(out, "</div>")?;
    if audience.shows_workings() {
        writeln!(
            out,
            "<footer>Exported by strata. Each two-pager is graded on four criteria: pass, warn (a warning) or fail (an error).</footer>"
        )?;
    } else {
        writeln!(out, "<footer>Exported by strata.</footer>")?;
    }
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The cascade as nested lists of links; subtrees fold with `<details>`.
fn navigation(out: &mut String, outline: &Outline<'_>, audience: Audience) -> fmt::Result {
    writeln!(out, "<nav class=\"cascade\" aria-label=\"Cascade\">")?;
    writeln!(out, "<h2>Cascade</h2>")?;
    tree(out, outline.linked(), audience)?;
    if !outline.unlinked().is_empty() {
        writeln!(out, "<h2><a href=\"#not-linked\">Not linked</a></h2>")?;
        tree(out, outline.unlinked(), audience)?;
    }
    writeln!(out, "</nav>")
}

/// `entries` in depth-first order as a nested list. Depth grows by one from
/// a node to its first child, so a node has children exactly when the next
/// entry is deeper, and its list closes when an entry is as shallow again.
fn tree(out: &mut String, entries: &[Entry<'_>], audience: Audience) -> fmt::Result {
    writeln!(out, "<ul>")?;
    for (i, entry) in entries.iter().enumerate() {
        let next_depth = entries.get(i + 1).map_or(0, |next| next.depth);
        if next_depth > entry.depth {
            writeln!(
                out,
                "<li><details open><summary>{}</summary>",
                nav_link(entry, audience)
            )?;
            writeln!(out, "<ul>")?;
        } else {
            writeln!(out, "<li>{}</li>", nav_link(entry, audience))?;
            for _ in next_depth..entry.depth {
                writeln!(out, "</ul></details></li>")?;
            }
        }
    }
    writeln!(out, "</ul>")
}

fn nav_link(entry: &Entry<'_>, audience: Audience) -> String {
    let status = entry.node.doc.status;
    let overall = match audience {
        Audience::Authors => entry.scorecard.overall(),
        Audience::Company => Grade::Pass,
    };
    format!(
        "<a href=\"#{}\"><span class=\"status {status}\" title=\"{status}\"></span>{}</a>{}",
        h(&entry.anchor),
        h(entry.title()),
        match overall {
            Grade::Pass => String::new(),
            grade => format!(
                " <span class=\"grade {grade}\" title=\"{grade}\">{}</span>",
                mark(grade)
            ),
        }
    )
}

fn two_pager(
    out: &mut String,
    outline: &Outline<'_>,
    entry: &Entry<'_>,
    audience: Audience,
) -> fmt::Result {
    let node = entry.node;
    let doc = &node.doc;
    let level = node.level.name();
    writeln!(
        out,
        "<article id=\"{}\" class=\"{level}\">",
        h(&entry.anchor)
    )?;
    writeln!(out, "<header>")?;
    writeln!(out, "<p class=\"level\">{}</p>", node.level.title())?;
    writeln!(out, "<h2>{}</h2>", h(entry.title()))?;
    if audience == Audience::Company && doc.status == Status::Draft {
        writeln!(
            out,
            "<p class=\"draft-note\">Draft: still being written, not yet reviewed.</p>"
        )?;
    }
    if let Some(line) = ladders_up(outline, entry) {
        writeln!(out, "<p class=\"up\">{line}</p>")?;
    }
    writeln!(out, "<dl class=\"facts\">")?;
    fact(out, "Owner", &or_empty(&h(&doc.owner)))?;
    fact(
        out,
        "Status",
        &format!(
            "<span class=\"badge {}\">{}</span>",
            doc.status,
            parts::status_words(doc.status)
        ),
    )?;
    let horizon = doc
        .horizon
        .map(|h| format!("<span class=\"nw\">{h}</span>"))
        .unwrap_or_default();
    fact(out, "Horizon", &or_empty(&horizon))?;
    fact(out, "Key", &format!("<code>{}</code>", h(&node.key())))?;
    tracker_facts(out, node)?;
    if let Some(p) = outline.progress_of(entry).filter(|p| p.health.reports()) {
        fact(
            out,
            "Progress",
            &format!(
                "{} <span class=\"health {}\">{}</span>",
                svg::bar(p.progress, p.expected, p.health),
                p.health.as_str(),
                h(&node_summary(p, node.level.child()))
            ),
        )?;
    }
    writeln!(out, "</dl>")?;
    writeln!(out, "</header>")?;
    if audience.shows_workings() {
        parts::lint(out, entry)?;
        parts::reviews(out, entry)?;
    }
    section(out, "Today", &doc.today)?;
    section(out, "Future", &doc.future)?;
    writeln!(out, "<section>\n<h3>Will not</h3>")?;
    if doc.will_not.is_empty() {
        writeln!(out, "<p class=\"empty\">Not written yet.</p>")?;
    } else {
        writeln!(out, "<ul>")?;
        for item in &doc.will_not {
            writeln!(out, "<li>{}</li>", h(item))?;
        }
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")?;
    metrics(out, outline, entry)?;
    parts::children(out, outline, entry)?;
    if audience.shows_workings() && !doc.notes.trim().is_empty() {
        section(out, "Notes", &doc.notes)?;
    }
    writeln!(
        out,
        "<p class=\"top\"><a href=\"#top\">Back to top</a></p>\n</article>"
    )
}

/// The node's tracker keys and links: each http(s) link an `<a>`, any other
/// text shown as it is.
fn tracker_facts(out: &mut String, node: &crate::model::Node) -> fmt::Result {
    if !node.tracker.is_empty() {
        let keys: Vec<String> = node
            .tracker
            .iter()
            .map(|k| format!("<code>{}</code>", h(k)))
            .collect();
        fact(out, "Tracker", &keys.join(" "))?;
    }
    if !node.links.is_empty() {
        let links: Vec<String> = node
            .links
            .iter()
            .map(|link| match super::escape::web_link(link) {
                Some(href) => format!(
                    "<a href=\"{href}\" rel=\"noopener noreferrer\">{}</a>",
                    h(link)
                ),
                None => h(link),
            })
            .collect();
        fact(out, "Links", &links.join("<br>"))?;
    }
    Ok(())
}

fn fact(out: &mut String, name: &str, value_html: &str) -> fmt::Result {
    writeln!(out, "<div><dt>{name}</dt><dd>{value_html}</dd></div>")
}

fn or_empty(escaped: &str) -> String {
    if escaped.trim().is_empty() {
        "<span class=\"empty\">none</span>".to_owned()
    } else {
        escaped.to_owned()
    }
}

fn ladders_up(outline: &Outline<'_>, entry: &Entry<'_>) -> Option<String> {
    Some(match outline.ladders_up(entry) {
        LaddersUp::Top => return None,
        LaddersUp::To(parent) => format!(
            "Ladders up to {}: <a href=\"#{}\">{}</a>",
            article(parent.node.level),
            h(&parent.anchor),
            h(parent.title())
        ),
        LaddersUp::Missing { key, name, level } => format!(
            "<span class=\"fail\">Ladders up to nothing:</span> <code>{key} = \"{}\"</code> names no {level} in this file.",
            h(name)
        ),
        LaddersUp::Unnamed { key } => format!(
            "<span class=\"fail\">Ladders up to nothing:</span> it has no <code>{key}</code> key."
        ),
        LaddersUp::NoVision => {
            "<span class=\"fail\">Ladders up to nothing:</span> the file has no vision.".to_owned()
        }
    })
}

/// "the vision", "the strategic intent": how a parent is introduced.
fn article(level: Level) -> String {
    format!("the {}", level.title().to_lowercase())
}

fn section(out: &mut String, heading: &str, text: &str) -> fmt::Result {
    writeln!(out, "<section>\n<h3>{heading}</h3>")?;
    let blocks = prose::blocks(text);
    if blocks.is_empty() {
        writeln!(out, "<p class=\"empty\">Not written yet.</p>")?;
    }
    for block in &blocks {
        match block {
            Block::Paragraph(text) => writeln!(out, "<p>{}</p>", h(text))?,
            Block::List(items) => {
                writeln!(out, "<ul>")?;
                for item in items {
                    writeln!(out, "<li>{}</li>", h(item))?;
                }
                writeln!(out, "</ul>")?;
            }
        }
    }
    writeln!(out, "</section>")
}

fn metrics(out: &mut String, outline: &Outline<'_>, entry: &Entry<'_>) -> fmt::Result {
    writeln!(out, "<section>\n<h3>Metrics</h3>")?;
    let node = entry.node;
    let metrics = &node.doc.metrics;
    if metrics.is_empty() {
        writeln!(out, "<p class=\"empty\">Not written yet.</p>")?;
        return writeln!(out, "</section>");
    }
    // A two-pager whose metrics are tracked shows where they stand.
    let tracked = outline.tracked(entry);
    writeln!(out, "<div class=\"scroll\"><table class=\"metrics\">")?;
    let extra = if tracked.is_empty() {
        ""
    } else {
        "<th scope=\"col\">Now</th><th scope=\"col\">Progress</th>"
    };
    writeln!(
        out,
        "<thead><tr><th scope=\"col\">Metric</th><th scope=\"col\">Baseline</th><th scope=\"col\">Target</th><th scope=\"col\">By</th>{extra}</tr></thead>"
    )?;
    writeln!(out, "<tbody>")?;
    let cell = |value: &Option<String>| {
        value
            .as_deref()
            .map_or_else(|| "—".to_owned(), |v| unbroken_numbers(&h(v)))
    };
    for (i, metric) in metrics.iter().enumerate() {
        let mut row = format!(
            "<tr><td class=\"name\">{}</td><td data-label=\"Baseline\">{}</td><td data-label=\"Target\">{}</td><td data-label=\"By\" class=\"nw\">{}</td>",
            h(&metric.name),
            cell(&metric.baseline),
            cell(&metric.target),
            cell(&metric.by)
        );
        if !tracked.is_empty() {
            let measured = tracked.get(i).copied().flatten();
            let current = measured
                .and_then(|m| m.current)
                .and_then(|c| node.checkins.get(c));
            match current {
                Some(c) => row.push_str(&format!(
                    "<td data-label=\"Now\">{0} <time datetime=\"{1}\">{1}</time> {2}</td>",
                    h(&c.value),
                    c.on,
                    measured.map_or_else(String::new, |m| svg::sparkline(&m.series))
                )),
                None => row.push_str("<td data-label=\"Now\">—</td>"),
            }
            match measured {
                Some(m) => row.push_str(&format!(
                    "<td data-label=\"Progress\">{} <span class=\"health {}\">{}</span></td>",
                    svg::bar(m.progress, m.expected, m.health),
                    m.health.as_str(),
                    h(&metric_summary(m))
                )),
                None => row.push_str("<td data-label=\"Progress\">—</td>"),
            }
        }
        row.push_str("</tr>");
        writeln!(out, "{row}")?;
    }
    writeln!(out, "</tbody>\n</table></div>\n</section>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Node, Strategy};

    #[test]
    fn file_text_never_becomes_markup() {
        let mut s = Strategy::new("<b>Evil</b> & Co");
        let mut vision = Node::new(Level::Vision, "vision");
        vision.doc.title = "\"><img src=x onerror=alert(1)>".into();
        vision.doc.today = "<script>alert(1)</script>".into();
        s.add(vision);
        let mut intent = Node::new(Level::Intent, "x\"><script>");
        intent.doc.owner = "O'Brien".into();
        s.add(intent);
        let out = render(
            &Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap()),
            Audience::Authors,
        );
        assert!(out.contains("<title>&lt;b&gt;Evil&lt;/b&gt; &amp; Co strategy</title>"));
        assert!(out.contains("<h2>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</h2>"));
        assert!(out.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
        assert!(out.contains("<article id=\"intents-x_22__3e__3c_script_3e_\""));
        assert!(out.contains("O&#39;Brien"));
        assert!(!out.contains("<script"));
        assert!(!out.contains("<img"));
    }

    #[test]
    fn the_tree_nests_and_closes_every_list() {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        s.add(Node::new(Level::Intent, "a"));
        s.add(Node {
            parent_ref: Some("a".into()),
            ..Node::new(Level::Initiative, "b")
        });
        s.add(Node::new(Level::Intent, "c"));
        let outline = Outline::new(&s, &[], Date::new(2026, 11, 1).unwrap());
        let mut out = String::new();
        tree(&mut out, outline.linked(), Audience::Authors).unwrap();
        assert_eq!(out.matches("<ul>").count(), out.matches("</ul>").count());
        assert_eq!(out.matches("<li>").count(), out.matches("</li>").count());
        assert_eq!(out.matches("<details open>").count(), 2);
        assert_eq!(out.matches("</details>").count(), 2);
    }
}
