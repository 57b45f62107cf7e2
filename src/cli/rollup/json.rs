//! The chain as one JSON document (`strata rollup --format json`, shape in
//! docs/format.md): each level from the node up, with its lint state,
//! scorecard and findings, streamed through the same sanitizing writer as
//! every JSON strata prints.

use std::io::{self, Write};

use serde::Serialize;

use super::Chain;
use crate::lint::{Severity, scorecard};
use crate::model::first_sentence;

/// Writes the document for `chain`.
pub fn write(out: &mut impl Write, chain: &Chain<'_>) -> io::Result<()> {
    let strategy = chain.strategy;
    let chain_json: Vec<Step<'_>> = chain
        .steps
        .iter()
        .map(|(id, findings)| {
            let node = strategy.node(*id);
            let doc = &node.doc;
            let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
            let card = scorecard(findings.iter().copied());
            Step {
                key: node.key(),
                level: node.level.name(),
                id: &node.id,
                title: &doc.title,
                owner: &doc.owner,
                status: doc.status.as_str(),
                horizon: doc.horizon.map(|h| h.to_string()),
                future: first_sentence(&doc.future),
                tracker: &node.tracker,
                links: &node.links,
                metrics: doc.metrics.iter().map(|m| m.summary()).collect(),
                lint: Lint {
                    state: card_state(count(Severity::Error), count(Severity::Warning)),
                    errors: count(Severity::Error),
                    warnings: count(Severity::Warning),
                    notes: count(Severity::Note),
                    scorecard: card
                        .iter()
                        .map(|(c, g)| (c.as_str().to_owned(), g.as_str().into()))
                        .collect(),
                },
                findings: findings
                    .iter()
                    .map(|d| Finding {
                        rule: d.rule,
                        severity: d.severity.as_str(),
                        criterion: d.criterion.as_str(),
                        field: d.field.label(),
                        message: &d.message,
                        help: &d.help,
                    })
                    .collect(),
            }
        })
        .collect();
    let document = Document {
        node: strategy.node(chain.start).key(),
        reaches_vision: chain.reaches_vision,
        chain: chain_json,
    };
    crate::cli::output::pretty_json(out, &document)
}

fn card_state(errors: usize, warnings: usize) -> &'static str {
    if errors > 0 {
        "fail"
    } else if warnings > 0 {
        "warn"
    } else {
        "pass"
    }
}

#[derive(Serialize)]
struct Document<'a> {
    node: String,
    reaches_vision: bool,
    chain: Vec<Step<'a>>,
}

#[derive(Serialize)]
struct Step<'a> {
    key: String,
    level: &'a str,
    id: &'a str,
    title: &'a str,
    owner: &'a str,
    status: &'a str,
    horizon: Option<String>,
    future: String,
    tracker: &'a [String],
    links: &'a [String],
    metrics: Vec<String>,
    lint: Lint<'a>,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Lint<'a> {
    state: &'a str,
    errors: usize,
    warnings: usize,
    notes: usize,
    scorecard: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: &'a str,
    criterion: &'a str,
    field: String,
    message: &'a str,
    help: &'a str,
}
