//! Findings as SARIF 2.1.0, with rule metadata, for code-scanning tools.
//! Results are serialised straight to the output as they are placed.

use std::io::{self, Write};

use serde::ser::{Serialize, Serializer};
use serde_json::json;

use super::Places;
use crate::lint::{Diagnostic, RULES, Severity};

/// Writes the SARIF log for `strata lint --format sarif`.
/// Each result's location names the file its node is in.
pub fn write(
    out: &mut impl Write,
    places: &Places<'_>,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "strata",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: rules(),
                },
            },
            results: Results {
                places,
                diagnostics,
            },
        }],
    };
    super::json::pretty(out, &log)
}

/// Every rule's metadata: a few dozen small objects, built as values.
fn rules() -> Vec<serde_json::Value> {
    RULES
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
        .collect()
}

#[derive(serde::Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'a str,
    version: &'a str,
    runs: [Run<'a>; 1],
}

#[derive(serde::Serialize)]
struct Run<'a> {
    tool: Tool<'a>,
    results: Results<'a>,
}

#[derive(serde::Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(serde::Serialize)]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    rules: Vec<serde_json::Value>,
}

/// The results, placed one at a time as the serialiser asks for them.
struct Results<'a> {
    places: &'a Places<'a>,
    diagnostics: &'a [Diagnostic],
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.diagnostics.iter().map(|d| {
            let l = self.places.locate(d);
            result_of(d, l)
        }))
    }
}

fn result_of<'a>(d: &'a Diagnostic, l: super::Located<'a>) -> SarifResult<'a> {
    SarifResult {
        rule_id: d.rule,
        rule_index: RULES.iter().position(|r| r.name == d.rule),
        level: level(d.severity),
        message: Text {
            text: format!("{} {}", d.message, d.help),
        },
        locations: [Location {
            physical_location: Physical {
                artifact_location: Artifact { uri: l.path },
                region: Region {
                    start_line: l.start.line,
                    start_column: l.start.column,
                    end_line: l.end.line,
                    end_column: l.end.column,
                },
            },
            logical_locations: [Logical {
                fully_qualified_name: l.node,
                kind: l.level.name(),
            }],
        }],
        properties: Properties {
            criterion: d.criterion.as_str(),
            field: d.field.label(),
        },
    }
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: Option<usize>,
    level: &'a str,
    message: Text,
    locations: [Location<'a>; 1],
    properties: Properties<'a>,
}

#[derive(serde::Serialize)]
struct Text {
    text: String,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: Physical<'a>,
    logical_locations: [Logical<'a>; 1],
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(serde::Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Logical<'a> {
    fully_qualified_name: String,
    kind: &'a str,
}

#[derive(serde::Serialize)]
struct Properties<'a> {
    criterion: &'a str,
    field: String,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}
