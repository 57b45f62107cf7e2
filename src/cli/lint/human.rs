//! Findings for people: rustc-style snippets, then a one-line summary.

use super::{Located, Summary};
use crate::lint::Severity;
use crate::store::{self, Problem, ProblemLevel};

/// Renders findings with the flagged text quoted and underlined, each at
/// its own file (one file, or the file of a directory its node is in), then
/// a summary line naming `path`, the FILE as given.
pub fn render(path: &str, located: &[Located<'_>], summary: Summary, color: bool) -> String {
    let mut out = String::new();
    for l in located {
        let problem = {
            let d = l.diagnostic;
            let level = match d.severity {
                Severity::Error => ProblemLevel::Error,
                Severity::Warning => ProblemLevel::Warning,
                Severity::Note => ProblemLevel::Note,
            };
            Problem {
                level,
                span: l.span.clone(),
                message: d.message.clone(),
                label: d.criterion.as_str().to_owned(),
                help: d.help.clone(),
                code: d.rule.to_owned(),
                note: format!("in {} ({}), {}", l.node, l.level, d.field.label()),
            }
        };
        out.push_str(&store::render(&l.path, l.text, &[problem], color));
    }
    out.push_str(&summary_line(path, summary));
    out
}

fn summary_line(path: &str, s: Summary) -> String {
    if s.error + s.warning + s.note == 0 {
        return format!("{path}: no findings: every two-pager meets the criteria\n");
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{path}: {}, {}, {}\n",
        plural(s.error, "error"),
        plural(s.warning, "warning"),
        plural(s.note, "note")
    )
}
