//! Findings as one JSON document: a contract for tools (see docs/format.md).
//! Each finding is serialised straight to the output as it is placed; the
//! document is never held whole.

use std::io::{self, Write};

use serde::ser::{Serialize, Serializer};

use super::{Places, Summary};
use crate::lint::Diagnostic;

/// Writes the JSON document for `strata lint --format json`.
pub fn write(
    out: &mut impl Write,
    path: &str,
    places: &Places<'_>,
    diagnostics: &[Diagnostic],
    summary: Summary,
) -> io::Result<()> {
    let document = Document {
        file: path,
        diagnostics: Findings {
            places,
            diagnostics,
        },
        summary: Counts {
            error: summary.error,
            warning: summary.warning,
            note: summary.note,
        },
    };
    // Every control and invisible character is escaped, so file text cannot
    // reach a terminal raw.
    crate::cli::output::pretty_json(out, &document)
}

#[derive(serde::Serialize)]
struct Document<'a> {
    file: &'a str,
    diagnostics: Findings<'a>,
    summary: Counts,
}

#[derive(serde::Serialize)]
struct Counts {
    error: usize,
    warning: usize,
    note: usize,
}

/// The findings, placed one at a time as the serialiser asks for them.
struct Findings<'a> {
    places: &'a Places<'a>,
    diagnostics: &'a [Diagnostic],
}

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.diagnostics.iter().map(|d| {
            let l = self.places.locate(d);
            Finding {
                file: l.path,
                rule: d.rule,
                criterion: d.criterion.as_str(),
                severity: d.severity.as_str(),
                node: l.node,
                level: l.level.name(),
                field: d.field.label(),
                line: l.start.line,
                column: l.start.column,
                end_line: l.end.line,
                end_column: l.end.column,
                message: &d.message,
                help: &d.help,
            }
        }))
    }
}

/// One finding, its fields in the documented order.
#[derive(serde::Serialize)]
struct Finding<'a> {
    file: &'a str,
    rule: &'a str,
    criterion: &'a str,
    severity: &'a str,
    node: String,
    level: &'a str,
    field: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    help: &'a str,
}
