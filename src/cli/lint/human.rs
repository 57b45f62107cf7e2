//! Findings for people: rustc-style snippets, then a one-line summary.

use std::io::{self, Write};

use super::{Located, Places, Summary};
use crate::lint::{Diagnostic, Severity};
use crate::store::{self, Problem, ProblemLevel};

/// Writes findings with the flagged text quoted and underlined, each at
/// its own file (one file, or the file of a directory its node is in), then
/// a summary line naming `path`, the FILE as given. Each finding is written
/// as soon as it is rendered.
pub fn write(
    out: &mut impl Write,
    path: &str,
    places: &Places<'_>,
    diagnostics: &[Diagnostic],
    summary: Summary,
    color: bool,
) -> io::Result<()> {
    for d in diagnostics {
        let l = places.locate(d);
        let problem = problem(&l);
        out.write_all(
            store::render_indexed(l.path, l.text, l.index, &[problem], color).as_bytes(),
        )?;
    }
    out.write_all(summary_line(path, summary).as_bytes())
}

fn problem(l: &Located<'_>) -> Problem {
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
