//! Findings and load problems as the protocol's diagnostics: a range in
//! UTF-16 positions, a severity, the rule as the code with a link to its
//! section of `docs/rules.md`, the criterion, and text made safe by
//! `sanitize` (a colleague's file may hold escape sequences).

use std::ops::Range;

use lsp_types::{CodeDescription, DiagnosticSeverity, NumberOrString, Uri};
use serde_json::json;

use super::project::Project;
use super::text::Text;
use crate::lint::{Diagnostic, Severity};
use crate::sanitize;
use crate::store::{Problem, ProblemLevel};

/// Who reports the diagnostics, as editors show it.
pub const SOURCE: &str = "strata";

/// Every diagnostic of file `p`: load problems first, then findings.
/// `rules` is where `docs/rules.md` is, for the links.
pub fn for_part(project: &Project, p: usize, rules: Option<&str>) -> Vec<lsp_types::Diagnostic> {
    let text = &project.parts[p].text;
    let mut out: Vec<lsp_types::Diagnostic> = project
        .problems(p)
        .into_iter()
        .map(|(span, problem)| from_problem(text, &span, problem))
        .collect();
    for (span, finding) in project.findings(p) {
        let key = project
            .node(finding.node)
            .map(|n| n.key())
            .unwrap_or_default();
        out.push(from_finding(text, &span, finding, &key, rules));
    }
    out
}

/// One finding of the linter at the file bytes `span`.
pub fn from_finding(
    text: &Text,
    span: &Range<usize>,
    d: &Diagnostic,
    node: &str,
    rules: Option<&str>,
) -> lsp_types::Diagnostic {
    let href = rules.and_then(|base| format!("{base}#{}", d.rule).parse::<Uri>().ok());
    lsp_types::Diagnostic {
        range: text.range(span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.to_owned())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: format!(
            "{} ({})\n{}",
            sanitize::line(&d.message),
            d.criterion,
            sanitize::line(&d.help)
        ),
        related_information: None,
        tags: None,
        data: Some(json!({
            "criterion": d.criterion.as_str(),
            "node": sanitize::line(node),
            "field": d.field.label(),
        })),
    }
}

/// One problem of the loader at the file bytes `span`.
pub fn from_problem(text: &Text, span: &Range<usize>, problem: &Problem) -> lsp_types::Diagnostic {
    let mut message = sanitize::line(&problem.message).into_owned();
    if !problem.help.is_empty() {
        message.push('\n');
        message.push_str(&sanitize::block(&problem.help));
    }
    lsp_types::Diagnostic {
        range: text.range(span),
        severity: Some(match problem.level {
            ProblemLevel::Error => DiagnosticSeverity::ERROR,
            ProblemLevel::Warning => DiagnosticSeverity::WARNING,
            ProblemLevel::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: (!problem.code.is_empty()).then(|| NumberOrString::String(problem.code.clone())),
        source: Some(SOURCE.to_owned()),
        message,
        ..lsp_types::Diagnostic::default()
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    }
}
