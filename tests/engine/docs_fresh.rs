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
