//! Findings as SARIF 2.1.0, with rule metadata, for code-scanning tools.
//! Results are serialised straight to the output as they are placed.
//!
//! Columns count Unicode code points (strata's positions do), which the run
//! says in `columnKind`, since SARIF's default is UTF-16 code units. Each
//! file is a percent-encoded URI relative to the repository root
//! (`uriBaseId` `%SRCROOT%`), as code scanning matches results to files.

use std::io::{self, Write};

use serde::ser::{Serialize, Serializer};
use serde_json::json;

use super::{Places, uri};
use crate::lint::{Diagnostic, RULES, Severity};

/// Writes the SARIF log for `strata lint --format sarif`.
/// Each result's location names the file its node is in.
pub fn write(
    out: &mut impl Write,
    places: &Places<'_>,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let root = uri::source_root();
    let base = root.as_deref().and_then(|r| uri::file_uri(r, true));
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
            column_kind: "unicodeCodePoints",
            original_uri_base_ids: base.map(|uri| json!({ (SRCROOT): { "uri": uri } })),
            results: Results {
                places,
                diagnostics,
                root: root.as_deref(),
            },
        }],
    };
    crate::cli::output::pretty_json(out, &log)
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

/// The base every relative `uri` is resolved against.
const SRCROOT: &str = "%SRCROOT%";

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    original_uri_base_ids: Option<serde_json::Value>,
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
    root: Option<&'a std::path::Path>,
}

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.diagnostics.iter().map(|d| {
            let l = self.places.locate(d);
            result_of(d, l, self.root)
        }))
    }
}

fn result_of<'a>(
    d: &'a Diagnostic,
    l: super::Located<'a>,
    root: Option<&std::path::Path>,
) -> SarifResult<'a> {
    let relative = root.and_then(|root| uri::relative_uri(root, l.file));
    let artifact = match relative {
        Some(uri) => Artifact {
            uri,
            uri_base_id: Some(SRCROOT),
        },
        None => Artifact {
            uri: uri::file_uri(l.file, false).unwrap_or_else(|| l.path.to_owned()),
            uri_base_id: None,
        },
    };
    SarifResult {
        rule_id: d.rule,
        rule_index: RULES.iter().position(|r| r.name == d.rule),
        level: level(d.severity),
        message: Text {
            text: format!("{}\nHelp: {}", d.message, d.help),
        },
        locations: [Location {
            physical_location: Physical {
                artifact_location: artifact,
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
#[serde(rename_all = "camelCase")]
struct Artifact<'a> {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'a str>,
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
