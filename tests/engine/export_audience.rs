//! `strata export --for company|authors`, the map and the timeline, the
//! Markdown outline by level and the Mermaid cut by depth: what each
//! audience's document holds, checked on the sample and on a reviewed file.

use std::path::Path;
use std::process::Command;

use strata::export::{self, Audience, Format, Options};
use strata::lint::{LintConfig, lint_strategy};
use strata::model::Date;
use strata::model::progress::{Measure, Progress};
use strata::store::StrategyFile;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn export(relative: &str, format: Format, options: Options) -> String {
    let (file, strategy) = StrategyFile::open(&root().join(relative)).unwrap();
    let config = LintConfig::from_toml(&file.lint).unwrap();
    let as_of = strategy.as_of.unwrap_or(Date::new(2026, 11, 1).unwrap());
    let diagnostics = lint_strategy(&strategy, &config, as_of);
    let progress = Progress::compute(&strategy, Measure::on(as_of), config.progress);
    export::render_with(format, &strategy, &diagnostics, as_of, &progress, options)
}

fn for_company() -> Options {
    Options {
        audience: Audience::Company,
        ..Options::default()
    }
}

#[test]
fn the_company_page_has_the_map_and_timeline_and_no_lint_reviews_or_notes() {
    let company = export(
        "tests/fixtures/review/reviewed.toml",
        Format::Html,
        for_company(),
    );
    let authors = export(
        "tests/fixtures/review/reviewed.toml",
        Format::Html,
        Options::default(),
    );
    for page in [&company, &authors] {
        assert!(page.contains("<svg class=\"map wide\""));
        assert!(page.contains("<svg class=\"map narrow\""));
        assert!(page.contains("<ul class=\"legend\">"));
        assert!(page.contains("<a href=\"#top\">Back to top</a>"));
        assert!(page.contains("<nav class=\"toc\""));
    }
    for workings in [
        "class=\"review\"",
        "class=\"findings\"",
        "class=\"reviews\"",
        "Lint",
    ] {
        assert!(
            !company.contains(workings),
            "{workings} in the company's page"
        );
        assert!(authors.contains(workings), "{workings} missing for authors");
    }
    assert!(!company.contains("class=\"grade"));
}

#[test]
fn the_sample_pages_mark_drafts_for_the_company_and_fold_lint_for_authors() {
    let company = export("sample-strategy.toml", Format::Html, for_company());
    let drafts = company.matches("class=\"draft-note\"").count();
    let (_, sample) =
        strata::store::StrategyFile::open(&root().join("sample-strategy.toml")).unwrap();
    let expected = sample
        .iter()
        .filter(|(_, n)| n.doc.status == strata::model::Status::Draft)
        .count();
    assert!(expected > 0);
    assert_eq!(drafts, expected);
    assert!(company.contains("<svg class=\"timeline wide\""));
    assert!(!company.contains("<h3>Notes</h3>"));

    let authors = export("sample-strategy.toml", Format::Html, Options::default());
    assert!(!authors.contains("class=\"draft-note\""));
    assert!(authors.contains("<h3>Notes</h3>"));
    // The weak intent's fifteen Sunday words are one line, folded.
    assert!(
        authors.contains("<code>sunday-words</code> × 15 <span class=\"gist\">"),
        "sunday-words are not grouped"
    );
    assert_eq!(authors.matches("<code>sunday-words</code> ×").count(), 1);
    // Parents list their children, with links and status.
    assert!(authors.contains("<h3>Strategic intents</h3>"));
    assert!(authors.contains(
        "<li><span class=\"badge approved\">approved</span> <a href=\"#intents-win-mid-market-brokers\">"
    ));
}

#[test]
fn markdown_headings_follow_the_cascade_and_sections_are_labels() {
    let text = export("sample-strategy.toml", Format::Markdown, Options::default());
    let level = |prefix: &str| text.lines().filter(|l| l.starts_with(prefix)).count();
    assert_eq!(level("## Vision: "), 1);
    assert_eq!(level("### Strategic intent: "), 3);
    assert!(level("#### Product initiative: ") > 0);
    assert!(level("##### Option: ") > 0);
    assert!(!text.contains("\n### Today\n") && text.contains("\n**Today**\n"));
    assert!(!text.contains("```mermaid"));

    let company = export(
        "sample-strategy.toml",
        Format::Markdown,
        Options {
            audience: Audience::Company,
            mermaid_map: true,
            depth: Some(2),
        },
    );
    let map = company.split("```mermaid\n").nth(1).unwrap();
    let map = map.split("```").next().unwrap();
    assert!(map.starts_with("%% strata export"));
    assert!(
        map.contains("initiatives.") && !map.contains("options."),
        "{map}"
    );
    assert!(!company.contains("**Lint:**") && !company.contains("**Notes**"));
    assert!(company.contains("> **Draft:** still being written"));
}

#[test]
fn markdown_reviews_are_a_table_for_authors_only() {
    let file = "tests/fixtures/review/reviewed.toml";
    let authors = export(file, Format::Markdown, Options::default());
    assert!(authors.contains("| On | By | Decision | Comment |"));
    let company = export(file, Format::Markdown, for_company());
    assert!(!company.contains("| On | By | Decision | Comment |"));
    assert!(!company.contains("Lee Park"));
}

fn strata() -> Command {
    let mut cmd = crate::support::strata();
    cmd.current_dir(root()).arg("--color=never");
    cmd
}

#[test]
fn the_command_line_takes_for_depth_and_map() {
    let run = |args: &[&str]| {
        let out = strata().arg("export").args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let company = run(&[
        "sample-strategy.toml",
        "--format",
        "html",
        "--for",
        "company",
    ]);
    assert_eq!(
        company,
        export("sample-strategy.toml", Format::Html, for_company())
    );
    let authors = run(&["sample-strategy.toml", "--format", "html"]);
    assert_eq!(
        authors,
        run(&[
            "sample-strategy.toml",
            "--format",
            "html",
            "--for",
            "authors"
        ])
    );
    let slide = run(&[
        "sample-strategy.toml",
        "--format",
        "mermaid",
        "--depth",
        "1",
    ]);
    assert!(
        slide.contains("intents.") && !slide.contains("initiatives."),
        "{slide}"
    );
    let md = run(&["sample-strategy.toml", "--map"]);
    assert!(md.contains("\n```mermaid\n%% strata export"));

    let out = strata()
        .args(["export", "sample-strategy.toml", "--for", "everyone"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: authors, company"));
}
