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
        if !self.said.attendees.is_empty() {
            let names: Vec<String> = self
                .said
                .attendees
                .iter()
                .map(|a| escape::markdown(a))
                .collect();
            let _ = writeln!(out, "Attendees: {}.\n", names.join(", "));
        }
        let _ = writeln!(
            out,
            "Decisions taken in reviews: {} of {} nodes decided{who}{when} (the review records).\n",
            self.decided, self.total
        );
        let statuses: Vec<String> = self
            .said
            .statuses
            .iter()
            .map(|s| format!("{} {}", s.nodes, s.status))
            .collect();
        let _ = writeln!(
            out,
            "Statuses in the file (where each node stands, whoever set it): {}.\n",
            if statuses.is_empty() {
                "none".to_owned()
            } else {
                statuses.join(", ")
            }
        );
        if self.said.minutes > 0 {
            let _ = writeln!(out, "Time recorded: {} min.\n", self.said.minutes);
        }
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

        self.said_markdown(&mut out);
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

impl Summary {
    /// Decisions, questions, comments and action items, each with its node.
    fn said_markdown(&self, out: &mut String) {
        let said = &self.said;
        if !said.decisions.is_empty() {
            out.push_str("\n## Decisions\n\n");
            for d in &said.decisions {
                let verb = match d.decision {
                    "approve" => "approved",
                    "request-changes" => "changes requested",
                    "discuss" => "to discuss",
                    other => other,
                };
                let _ = write!(
                    out,
                    "- {}: {verb} by {} on {}",
                    node_heading(&d.node),
                    escape::markdown(&d.by),
                    d.on
                );
                if let Some(minutes) = d.minutes {
                    let _ = write!(out, " ({minutes} min)");
                }
                if !d.comment.trim().is_empty() {
                    let _ = write!(out, ". Comment: {}", multiline(&d.comment));
                }
                if let Some(question) = d.question.as_deref().filter(|q| !q.trim().is_empty()) {
                    let _ = write!(out, ". Question: {}", multiline(question));
                }
                if let Some(reason) = &d.reason {
                    let _ = write!(out, ". Reason: {}", multiline(reason));
                }
                out.push('\n');
            }
        }
        for (title, lines) in [("Questions", &said.questions), ("Comments", &said.comments)] {
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n## {title}\n");
            for line in lines {
                let _ = writeln!(
                    out,
                    "- {}: {}, {}: {}",
                    node_heading(&line.node),
                    escape::markdown(&line.by),
                    line.on,
                    multiline(&line.text)
                );
            }
        }
        if !said.actions.is_empty() {
            out.push_str("\n## Action items\n\n");
            for a in &said.actions {
                let mark = if a.state == "open" { " " } else { "x" };
                let owner = if a.owner.trim().is_empty() {
                    "no owner".to_owned()
                } else {
                    escape::markdown(&a.owner)
                };
                let due = match &a.due {
                    Some(due) => format!(", due {due}"),
                    None => String::new(),
                };
                let state = match (a.state, a.overdue) {
                    ("open", true) => " (overdue)".to_owned(),
                    ("open", false) => String::new(),
                    (other, _) => format!(" ({other})"),
                };
                let _ = writeln!(
                    out,
                    "- [{mark}] {}: {} ({owner}{due}){state}",
                    node_heading(&a.node),
                    multiline(&a.what),
                );
            }
        }
    }
}

/// `` `intents.win` Win brokerages… ``: a node named in a list, escaped.
pub(super) fn node_heading(node: &super::NodeLine) -> String {
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
