//! Findings as SARIF 2.1.0, with rule metadata, for code-scanning tools.

use serde_json::json;

use super::Located;
use crate::lint::{RULES, Severity};

/// The SARIF log for `strata lint --format sarif`.
/// Each result's location names the file its node is in.
pub fn render(located: &[Located<'_>]) -> String {
    let rules: Vec<serde_json::Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "id": rule.name,
                "name": rule.name,
                "shortDescription": { "text": rule.summary },
                "fullDescription": { "text": rule.summary },
                "help": { "text": rule.explanation, "markdown": rule.explanation },
                "defaultConfiguration": { "level": level(rule.default_severity) },
                "properties": { "criterion": rule.criterion.as_str(), "tags": [rule.criterion.as_str()] },
            })
        })
        .collect();
    let results: Vec<serde_json::Value> = located
        .iter()
        .map(|l| {
            let d = l.diagnostic;
            let index = RULES.iter().position(|r| r.name == d.rule);
            json!({
                "ruleId": d.rule,
                "ruleIndex": index,
                "level": level(d.severity),
                "message": { "text": format!("{} {}", d.message, d.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": l.path },
                        "region": {
                            "startLine": l.start.line,
                            "startColumn": l.start.column,
                            "endLine": l.end.line,
                            "endColumn": l.end.column,
                        }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": l.node, "kind": l.level.name() }],
                }],
                "properties": { "criterion": d.criterion.as_str(), "field": d.field.label() },
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "strata",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    });
    format!(
        "{}\n",
        crate::sanitize::json(serde_json::to_string_pretty(&log).unwrap_or_default())
    )
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}
