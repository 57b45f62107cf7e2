//! The rule docs, rendered from the registry: `strata rules`, `strata rules
//! NAME` and `docs/rules.md` all print the same text.

use std::fmt::Write;

use super::rules::RULES;
use super::{Criterion, RuleInfo};

/// Every rule on one line each, grouped by criterion, for `strata rules`.
pub fn rule_list() -> String {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for criterion in Criterion::ALL {
        let _ = writeln!(out, "{criterion}");
        for rule in RULES.iter().filter(|r| r.criterion == criterion) {
            let _ = writeln!(
                out,
                "  {:width$}  {:7}  {}",
                rule.name,
                rule.default_severity.as_str(),
                rule.summary
            );
        }
    }
    out
}

/// One rule's full documentation, for `strata rules NAME`; `None` if unknown.
pub fn explain(name: &str) -> Option<String> {
    let rule = RULES.iter().find(|r| r.name == name)?;
    let mut out = format!(
        "{} ({}, {} by default)\n\n{}\n\n",
        rule.name, rule.criterion, rule.default_severity, rule.summary
    );
    out.push_str(&explanation(rule));
    Some(out)
}

/// `docs/rules.md`: an index and every rule's documentation.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Lint rules\n\n<!-- Generated from the rule docs in src/lint/rules/ by `lint::rules_markdown()`; \
         run `UPDATE_DOCS=1 cargo test --test engine docs_fresh` to refresh. Do not edit by hand. -->\n\n\
         Each rule tests one criterion of a good two-pager. Change a rule's severity \
         (`off`, `note`, `warning`, `error`) under `[lint.rules]`, or silence it on one node with \
         `allow = [{ rule = \"NAME\", reason = \"...\" }]`. A missing, empty or stand-in \
         `today`, `future` or `will_not`, and a future identical to today, are errors by default; \
         judgement calls are warnings. How often the rules agree with careful readers, on \
         statements they were tuned on and on statements they were not, is in \
         [judgement.md](judgement.md).\n\n",
    );
    out.push_str("| Rule | Criterion | Default | What it catches |\n|---|---|---|---|\n");
    for criterion in Criterion::ALL {
        for rule in RULES.iter().filter(|r| r.criterion == criterion) {
            let _ = writeln!(
                out,
                "| [`{0}`](#{0}) | {1} | {2} | {3} |",
                rule.name, rule.criterion, rule.default_severity, rule.summary
            );
        }
    }
    for criterion in Criterion::ALL {
        for rule in RULES.iter().filter(|r| r.criterion == criterion) {
            let _ = write!(
                out,
                "\n## {}\n\nCriterion: `{}`. Default severity: `{}`.\n\n{}\n\n",
                rule.name, rule.criterion, rule.default_severity, rule.summary
            );
            // The doc's own headings sit one level below the rule's.
            for line in explanation(rule).lines() {
                if line.starts_with("## ") {
                    out.push('#');
                }
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The doc comment without rustdoc's leading space on each line.
pub fn explanation(rule: &RuleInfo) -> String {
    let mut out = String::new();
    for line in rule.explanation.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}
