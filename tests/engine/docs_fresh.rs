//! `docs/rules.md` is generated from the rule docs; this fails when it is
//! stale, and rewrites it when `UPDATE_DOCS=1` is set.

use std::path::Path;

#[test]
fn rules_md_matches_the_rule_docs() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let generated = strata::lint::rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: the rule docs in src/lint/rules/ changed.\n\
         Regenerate it with: UPDATE_DOCS=1 cargo test --test engine docs_fresh"
    );
}

/// docs/format.md promises that its complete minimal example "loads with no
/// errors and no warnings": hold it to that.
#[test]
fn the_minimal_example_in_format_md_is_clean() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md");
    let doc = std::fs::read_to_string(&path).expect("read docs/format.md");
    let section = doc
        .split("## A complete minimal example")
        .nth(1)
        .expect("docs/format.md has its minimal example");
    let example = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the minimal example is a toml block");
    let loaded = strata::store::parse(example)
        .unwrap_or_else(|problems| panic!("the minimal example does not load: {problems:#?}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let strategy = loaded.strategy;
    let findings = strata::lint::lint_strategy(
        &strategy,
        &strata::lint::LintConfig::default(),
        crate::support::as_of(),
    );
    let serious: Vec<String> = findings
        .iter()
        .filter(|d| d.severity >= strata::lint::Severity::Warning)
        .map(|d| format!("{} {}: {}", d.rule, strategy.node(d.node).key(), d.message))
        .collect();
    assert!(serious.is_empty(), "{}", serious.join("\n"));
}
