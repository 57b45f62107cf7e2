//! The library without a terminal: lint rules and the labelled corpus, loading
//! and saving files, Markdown round trips, the journal, review files and exports.
//!
//! One test binary per suite, so `cargo test` links three binaries, not forty.

#[path = "../support/mod.rs"]
mod support;

mod checkin_file;
mod criteria_corpus;
mod docs_fresh;
#[cfg(unix)]
mod drafting_env;
mod edit_proptest;
mod export;
mod export_audience;
mod export_json;
#[cfg(unix)]
mod external_editor;
mod imports;
mod journal_recovery;
mod markdown;
mod markdown_proptest;
mod merge;
mod ranges;
mod review_file;
mod review_since;
mod rule_examples;
mod sample_strategy;
mod save_proptest;
mod save_safety;
mod store_roundtrip;
#[cfg(unix)]
mod terminal_widths;
mod toml_test_suite;
mod tracker;
