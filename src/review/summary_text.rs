//! A [`Summary`] as Markdown for meeting notes and as JSON for tools. Every
//! string from the file is sanitized and escaped, so the notes render as
//! written and nothing reaches the terminal as a control sequence.

use std::fmt::Write;

use super::Summary;
use crate::export::escape;
use crate::model::progress::text::percent;
use crate::sanitize;

impl Summary {
    /// Markdown that can be pasted into meeting notes.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Review summary: {}\n",
            escape::markdown(&self.company)
        );
        let who = match &self.scope.reviewer {
            Some(reviewer) => format!(" by {}", escape::markdown(reviewer)),
            None => String::new(),
        };
        let when = match self.scope.from {
            Some(from) => format!(" since {from}"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "{} of {} nodes decided{who}{when}.\n",
            self.decided, self.total
        );
        out.push_str("| level | approved | changes requested | to discuss | undecided | total |\n");
        out.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for c in &self.levels {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                c.level, c.approved, c.changes_requested, c.discuss, c.undecided, c.total
            );
        }
        let sum = |f: fn(&super::LevelCounts) -> usize| self.levels.iter().map(f).sum::<usize>();
        let _ = writeln!(
            out,
            "| **all** | {} | {} | {} | {} | {} |",
            sum(|c| c.approved),
            sum(|c| c.changes_requested),
            sum(|c| c.discuss),
            sum(|c| c.undecided),
            self.total
        );

        if !self.changes_requested.is_empty() {
            out.push_str("\n## Changes requested\n");
            for node in &self.changes_requested {
                let _ = writeln!(out, "\n### {}\n", node_heading(&node.node));
                if node.remarks.is_empty() {
                    out.push_str("- (no comment recorded)\n");
                }
                for remark in &node.remarks {
                    let _ = writeln!(
                        out,
                        "- {}, {}{}: {}",
                        escape::markdown(&remark.by),
                        remark.on,
                        if remark.decision == "request-changes" {
                            String::new()
                        } else {
                            format!(" ({})", remark.decision)
                        },
                        multiline(&remark.text)
                    );
                }
            }
        }
        if !self.approved_despite_errors.is_empty() {
            out.push_str("\n## Approved despite lint errors\n\n");
            for approval in &self.approved_despite_errors {
                let _ = writeln!(
                    out,
                    "- {}: approved by {} on {} ({} error{} now). Reason: {}",
                    node_heading(&approval.node),
                    escape::markdown(&approval.by),
                    approval.on,
                    approval.errors_now,
                    if approval.errors_now == 1 { "" } else { "s" },
                    multiline(&approval.reason)
                );
            }
        }
        if !self.off_track.is_empty() {
            out.push_str("\n## Off track\n\n");
            for item in &self.off_track {
                let standing = match (item.progress, item.expected) {
                    (Some(p), Some(e)) => {
                        format!("{} of the way, expected {}", percent(p), percent(e))
                    }
                    _ => "no data".to_owned(),
                };
                let health = item.health.replace('-', " ");
                let _ = write!(out, "- {}: {health} ({standing})", node_heading(&item.node));
                let metrics: Vec<String> = item
                    .metrics
                    .iter()
                    .map(|m| {
                        let figures = match (m.progress, m.expected) {
                            (Some(p), Some(e)) => {
                                format!(" ({}, expected {})", percent(p), percent(e))
                            }
                            _ => String::new(),
                        };
                        format!("{}{figures}", escape::markdown(&m.name))
                    })
                    .collect();
                if !metrics.is_empty() {
                    let _ = write!(out, "; off track: {}", metrics.join("; "));
                }
                out.push('\n');
            }
        }
        for (title, nodes) in [
            ("To discuss", &self.to_discuss),
            ("Undecided", &self.undecided),
        ] {
            if nodes.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n## {title}\n");
            for node in nodes {
                let _ = writeln!(out, "- {}", node_heading(node));
            }
        }
        out
    }

    /// The summary as pretty JSON, ending in a newline. Strings are the
    /// file's text, with every control and invisible character escaped.
    pub fn to_json(&self) -> String {
        let mut text = crate::sanitize::json(
            serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned()),
        );
        text.push('\n');
        text
    }
}

fn node_heading(node: &super::NodeLine) -> String {
    let title = if node.title.trim().is_empty() {
        "(untitled)".to_owned()
    } else {
        escape::markdown(&node.title)
    };
    format!("`{}` {title}", sanitize::line(&node.key).replace('`', "'"))
}

/// Text of several lines as one list item: each line escaped, continuation
/// lines indented so they stay inside the item.
fn multiline(text: &str) -> String {
    text.trim()
        .lines()
        .map(escape::markdown)
        .collect::<Vec<_>>()
        .join("\n  ")
}
