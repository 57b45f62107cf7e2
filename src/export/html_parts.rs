//! Pieces of the HTML page beside the two-pagers themselves: the overview
//! (map, legend, timeline), the printed table of contents, a node's
//! children, its review records, and its findings grouped by rule.
//!
//! Same rules as `html.rs`: file text only through [`escape::html`], no
//! scripts, no URLs but `#anchors`.

use std::fmt::{self, Write};

use super::escape::html as h;
use super::lint_groups::by_rule;
use super::map;
use super::outline::{Entry, Outline, counted};
use super::timeline;
use crate::lint::{Grade, Severity};
use crate::model::Status;

/// The map of the cascade, its legend and the timeline of horizons, each
/// drawn twice: for a page and for a phone; the stylesheet shows one.
pub fn overview(out: &mut String, outline: &Outline<'_>) -> fmt::Result {
    if outline.entries().is_empty() {
        return Ok(());
    }
    writeln!(out, "<section id=\"overview\" class=\"overview\">")?;
    writeln!(out, "<h2>Map of the cascade</h2>")?;
    writeln!(
        out,
        "<p class=\"hint\">Each box is a two-pager, coloured by status; select one to read it.</p>"
    )?;
    writeln!(out, "<figure class=\"map\">")?;
    writeln!(out, "{}", map::draw(outline, map::WIDE, "wide"))?;
    writeln!(out, "{}", map::draw(outline, map::NARROW, "narrow"))?;
    legend(out)?;
    writeln!(out, "</figure>")?;
    let wide = timeline::draw(outline, map::WIDE, "wide");
    let narrow = timeline::draw(outline, map::NARROW, "narrow");
    if let (Some(wide), Some(narrow)) = (wide, narrow) {
        writeln!(out, "<h2 id=\"timeline\">Timeline of horizons</h2>")?;
        writeln!(
            out,
            "<p class=\"hint\">Each circle counts the two-pagers of a level that name that horizon; the line is the day this page is as of.</p>"
        )?;
        writeln!(
            out,
            "<figure class=\"timeline\">\n{wide}\n{narrow}\n</figure>"
        )?;
    }
    writeln!(out, "</section>")
}

fn legend(out: &mut String) -> fmt::Result {
    write!(out, "<figcaption><ul class=\"legend\">")?;
    for status in Status::ALL {
        write!(
            out,
            "<li><span class=\"swatch {status}\"></span>{}</li>",
            status_words(status)
        )?;
    }
    writeln!(out, "</ul></figcaption>")
}

/// A status as a reader says it.
pub fn status_words(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft",
        Status::InReview => "in review",
        Status::Approved => "approved",
        Status::ChangesRequested => "changes requested",
        Status::Retired => "retired",
    }
}

/// The table of contents the printed page starts with (the screen has the
/// cascade beside the page instead).
pub fn print_contents(out: &mut String, outline: &Outline<'_>) -> fmt::Result {
    writeln!(out, "<nav class=\"toc\" aria-label=\"Contents\">")?;
    writeln!(out, "<h2>Contents</h2>\n<ol>")?;
    for entry in outline.entries() {
        writeln!(
            out,
            "<li class=\"d{}\"><a href=\"#{}\"><span class=\"lvl\">{}</span> {}</a></li>",
            entry.depth.min(3),
            h(&entry.anchor),
            entry.node.level.title(),
            h(entry.title())
        )?;
    }
    writeln!(out, "</ol>\n</nav>")
}

/// The entries that ladder up to `entry`, each a link with its status.
pub fn children(out: &mut String, outline: &Outline<'_>, entry: &Entry<'_>) -> fmt::Result {
    let mut kids = outline.children_of(entry).peekable();
    let Some(first) = kids.peek() else {
        return Ok(());
    };
    writeln!(
        out,
        "<section class=\"children\">\n<h3>{}</h3>\n<ul>",
        plural(first.node.level.title())
    )?;
    for child in kids {
        let status = child.node.doc.status;
        writeln!(
            out,
            "<li><span class=\"badge {status}\">{}</span> <a href=\"#{}\">{}</a></li>",
            status_words(status),
            h(&child.anchor),
            h(child.title())
        )?;
    }
    writeln!(out, "</ul>\n</section>")
}

/// "Initiatives" for "Initiative": the heading over a node's children.
fn plural(title: &str) -> String {
    format!("{title}s")
}

/// The node's review records as a table, oldest first.
pub fn reviews(out: &mut String, entry: &Entry<'_>) -> fmt::Result {
    let records = &entry.node.reviews;
    if records.is_empty() {
        return Ok(());
    }
    writeln!(out, "<section class=\"reviews\">\n<h3>Reviews</h3>")?;
    writeln!(out, "<div class=\"scroll\"><table class=\"reviews\">")?;
    writeln!(
        out,
        "<thead><tr><th scope=\"col\">On</th><th scope=\"col\">By</th><th scope=\"col\">Decision</th><th scope=\"col\">Comment</th></tr></thead>\n<tbody>"
    )?;
    for record in records {
        let mut comment = h(&record.comment.replace('\n', " "));
        if let Some(reason) = &record.reason {
            let _ = write!(
                comment,
                " <span class=\"fail\">(approved despite lint errors: {})</span>",
                h(reason)
            );
        }
        writeln!(
            out,
            "<tr><td><time datetime=\"{0}\">{0}</time></td><td>{1}</td><td class=\"nw\">{2}</td><td>{3}</td></tr>",
            record.on,
            h(&record.by),
            record.decision.as_str(),
            comment
        )?;
    }
    writeln!(out, "</tbody>\n</table></div>\n</section>")
}

/// The node's scorecard and its findings, one line per rule with the
/// count, the findings themselves folded in `<details>`.
pub fn lint(out: &mut String, entry: &Entry<'_>) -> fmt::Result {
    writeln!(out, "<section class=\"review\">")?;
    writeln!(
        out,
        "<h3>Lint <small>{} · {} · {}</small></h3>",
        counted(entry.count(Severity::Error), Severity::Error),
        counted(entry.count(Severity::Warning), Severity::Warning),
        counted(entry.count(Severity::Note), Severity::Note),
    )?;
    write!(out, "<ul class=\"scorecard\">")?;
    for (criterion, grade) in entry.scorecard.iter() {
        write!(
            out,
            "<li class=\"{grade}\"><span class=\"criterion\">{criterion}</span> {} {grade}</li>",
            mark(grade)
        )?;
    }
    writeln!(out, "</ul>")?;
    let groups = by_rule(&entry.diagnostics);
    if !groups.is_empty() {
        writeln!(out, "<ul class=\"findings\">")?;
    }
    for group in &groups {
        let n = group.findings.len();
        let shared = group.shared_help();
        // One finding reads as its message; many of a rule, as the advice they share.
        let gist = match (n, shared) {
            (1, _) => with_code_spans(&h(&group.findings[0].message)),
            (_, Some(help)) => with_code_spans(&h(help)),
            (_, None) => String::new(),
        };
        writeln!(
            out,
            "<li class=\"{0}\"><details><summary><span class=\"sev {0}\">{0}</span> <code>{1}</code> × {2} <span class=\"gist\">{3}</span></summary>",
            group.severity,
            h(group.rule),
            n,
            gist
        )?;
        if let (1, Some(help)) = (n, shared) {
            writeln!(out, "<p class=\"help\">{}</p>", with_code_spans(&h(help)))?;
        }
        writeln!(out, "<ul>")?;
        for d in &group.findings {
            write!(
                out,
                "<li>in <code>{}</code>: {}",
                h(&d.field.label()),
                with_code_spans(&h(&d.message))
            )?;
            if shared.is_none() && !d.help.is_empty() {
                write!(
                    out,
                    "<span class=\"help\">{}</span>",
                    with_code_spans(&h(&d.help))
                )?;
            }
            writeln!(out, "</li>")?;
        }
        writeln!(out, "</ul></details></li>")?;
    }
    if !groups.is_empty() {
        writeln!(out, "</ul>")?;
    }
    writeln!(out, "</section>")
}

/// A mark that tells the grades apart without colour.
pub fn mark(grade: Grade) -> &'static str {
    match grade {
        Grade::Pass => "✓",
        Grade::Warn => "!",
        Grade::Fail => "✗",
    }
}

/// Linter messages quote words and ids between backticks; shows each pair as
/// `<code>`. Works on escaped text, so the quoted words stay text, and a lone
/// backtick (one from the file) stays as it is.
pub fn with_code_spans(escaped: &str) -> String {
    let parts: Vec<&str> = escaped.split('`').collect();
    let mut out = String::with_capacity(escaped.len() + 16);
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            out.push_str(part);
        } else if i + 1 < parts.len() {
            // An odd part with more text after it sat between a pair of backticks.
            out.push_str("<code>");
            out.push_str(part);
            out.push_str("</code>");
        } else {
            out.push('`');
            out.push_str(part);
        }
    }
    out
}

/// `escaped` with each word that holds a digit (`2032-12`, `1,200`, `40%`)
/// kept on one line: a browser would otherwise break a date at its hyphen.
pub fn unbroken_numbers(escaped: &str) -> String {
    let mut out = String::with_capacity(escaped.len() + 32);
    for (i, word) in escaped.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.chars().any(|c| c.is_ascii_digit()) && word.contains(['-', '/', '–', '.', ',']) {
            out.push_str("<span class=\"nw\">");
            out.push_str(word);
            out.push_str("</span>");
        } else {
            out.push_str(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_in_messages_become_code_only_in_pairs() {
        assert_eq!(
            with_code_spans("`usually` is vague"),
            "<code>usually</code> is vague"
        );
        assert_eq!(with_code_spans("a `b` c `d"), "a <code>b</code> c `d");
        assert_eq!(
            with_code_spans(&h("`<img src=x>`")),
            "<code>&lt;img src=x&gt;</code>"
        );
        assert_eq!(with_code_spans("none"), "none");
    }

    #[test]
    fn dates_and_figures_stay_whole() {
        assert_eq!(
            unbroken_numbers("by 2032-12 or 1,200 loads"),
            "by <span class=\"nw\">2032-12</span> or <span class=\"nw\">1,200</span> loads"
        );
        assert_eq!(unbroken_numbers("40 loads"), "40 loads");
    }
}
