//! Findings as one JSON document: a contract for tools (see docs/format.md).

use serde_json::json;

use super::{Located, Summary};

/// The JSON document for `strata lint --format json`.
pub fn render(path: &str, located: &[Located<'_>], summary: Summary) -> String {
    let diagnostics: Vec<serde_json::Value> = located
        .iter()
        .map(|l| {
            let d = l.diagnostic;
            json!({
                "file": l.path,
                "rule": d.rule,
                "criterion": d.criterion.as_str(),
                "severity": d.severity.as_str(),
                "node": l.node,
                "level": l.level.name(),
                "field": d.field.label(),
                "line": l.start.line,
                "column": l.start.column,
                "end_line": l.end.line,
                "end_column": l.end.column,
                "message": d.message,
                "help": d.help,
            })
        })
        .collect();
    let document = json!({
        "file": path,
        "diagnostics": diagnostics,
        "summary": { "error": summary.error, "warning": summary.warning, "note": summary.note },
    });
    // Every control and invisible character is escaped, so file text cannot
    // reach a terminal raw.
    format!(
        "{}\n",
        crate::sanitize::json(serde_json::to_string_pretty(&document).unwrap_or_default())
    )
}
