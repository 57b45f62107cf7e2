//! `strata export` on the sample: a snapshot per format (the sample fixes
//! `as_of`, so the output is deterministic), and the command line around it.

use std::path::Path;
use std::process::Command;

use strata::export::{self, Format};
use strata::lint::{LintConfig, lint_strategy};
use strata::model::Date;
use strata::model::progress::{Measure, Progress};
use strata::store::StrategyFile;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `path` exported as `strata export` would, without the process around it;
/// files without `as_of` are measured from the sample's day, so snapshots
/// do not change with the calendar.
fn export_file(path: &Path, format: Format) -> String {
    let (file, strategy) = StrategyFile::open(path).unwrap();
    let config = LintConfig::from_toml(&file.lint).unwrap();
    let as_of = strategy.as_of.unwrap_or(Date::new(2026, 11, 1).unwrap());
    let diagnostics = lint_strategy(&strategy, &config, as_of);
    let progress = Progress::compute(&strategy, Measure::on(as_of), config.progress);
    export::render(format, &strategy, &diagnostics, as_of, &progress)
}

fn export_sample(format: Format) -> String {
    export_file(&root().join("sample-strategy.toml"), format)
}

#[test]
fn sample_as_markdown() {
    insta::assert_snapshot!("sample.md", export_sample(Format::Markdown));
}

#[test]
fn sample_as_html() {
    insta::assert_snapshot!("sample.html", export_sample(Format::Html));
}

#[test]
fn sample_as_json() {
    insta::assert_snapshot!("sample.json", export_sample(Format::Json));
}

#[test]
fn sample_as_mermaid() {
    insta::assert_snapshot!("sample.mmd", export_sample(Format::Mermaid));
}

#[test]
fn unlinked_nodes_come_last_under_their_own_heading() {
    let orphans = root().join("tests/fixtures/valid/orphans-and-unknown-keys.toml");
    insta::assert_snapshot!("orphans.md", export_file(&orphans, Format::Markdown));
    insta::assert_snapshot!("orphans.mmd", export_file(&orphans, Format::Mermaid));
}

#[test]
fn hostile_text_stays_text_in_markdown() {
    let hostile = root().join("tests/fixtures/valid/hostile-text.toml");
    let out = export_file(&hostile, Format::Markdown);
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    insta::assert_snapshot!("hostile-text.md", out);
}

fn strata() -> Command {
    let mut cmd = crate::support::strata();
    cmd.current_dir(root()).arg("--color=never");
    cmd
}

#[test]
fn stdout_is_the_rendered_document() {
    let out = strata()
        .args(["export", "sample-strategy.toml", "--format", "mermaid"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        export_sample(Format::Mermaid)
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn output_file_takes_its_format_from_the_extension_and_says_where_it_went() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("strategy.html");
    std::fs::write(&target, "an older export").unwrap();
    let out = strata()
        .args(["export", "sample-strategy.toml", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        format!("Wrote 34 two-pagers as html to {}\n", target.display())
    );
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written, export_sample(Format::Html));
    // Replaced atomically: nothing but the export is left in the directory.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_unwritable_output_is_an_error_that_names_it() {
    let out = strata()
        .args(["export", "sample-strategy.toml", "-o", "no/such/dir/out.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: cannot write no/such/dir/out.md: "),
        "{stderr}"
    );
}

#[test]
fn an_output_extension_no_format_claims_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("strategy.pdf");
    let out = strata()
        .args(["export", "sample-strategy.toml", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("error: strata cannot write `.pdf` files\n"),
        "{stderr}"
    );
    assert!(stderr.contains("--format"), "{stderr}");
    assert!(!target.exists());
}

#[test]
fn a_missing_file_is_an_error() {
    let out = strata().args(["export", "no-such.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .starts_with("error: no strategy file at no-such.toml")
    );
}

#[test]
fn a_broken_lint_table_stops_the_export_and_points_at_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("strategy.toml");
    std::fs::write(
        &file,
        "version = 1\n[vision]\ntitle = \"V\"\n[lint]\nmax_intent = 3\n",
    )
    .unwrap();
    let out = strata().arg("export").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("strategy.toml:5:1"), "{stderr}");
    assert!(stderr.contains("did you mean `max_intents`?"), "{stderr}");
    assert!(
        stderr.contains("the [lint] table in") && stderr.ends_with("has 1 problem\n"),
        "{stderr}"
    );
}

#[test]
fn review_records_are_listed_under_their_node_in_markdown() {
    let text = export_file(
        &root().join("tests/fixtures/review/reviewed.toml"),
        Format::Markdown,
    );
    assert!(
        text.contains(
            "\n**Reviews**\n\n| On | By | Decision | Comment |\n| --- | --- | --- | --- |\n| 2026-11-20 | Lee Park | approve | — |\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("| 2026-11-20 | Lee Park | discuss | Is 420 a stretch or a forecast? |\n"),
        "{text}"
    );
    assert!(
        text.contains("(approved despite lint errors: The horizon is set by the board; the lint finding is known.)"),
        "{text}"
    );
    assert!(
        !text.contains("**Review:**"),
        "lint counts are labelled Lint"
    );
}
