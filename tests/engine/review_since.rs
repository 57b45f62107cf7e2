//! `strata review --since REV`: the file is read at REV with git, and the
//! queue holds exactly the nodes that are new or whose text changed.

use crate::support;

use std::path::Path;
use std::process::Command;

use strata::review::{QueueFilter, changes, queue};
use strata::store::{GitError, StrategyFile, file_at_revision};

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository with the sample committed once, then edited and committed again:
/// one future rewritten, one owner changed, one option added, one status moved.
fn repository() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("strategy");
    std::fs::create_dir(&sub).unwrap();
    let path = sub.join("strategy.toml");
    let original = support::read(&support::root().join("sample-strategy.toml"));
    std::fs::write(&path, &original).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    let edited = original
        .replacen(
            "owner = \"Mei Tanaka (PM, Onboarding)\"",
            "owner = \"Ana Lima (PM, Onboarding)\"",
            1,
        )
        .replacen(
            "[options.pilot-lane-first]",
            "[options.onboarding-concierge]\ntitle = \"An onboarding concierge for the first month\"\ninitiative = \"onboarding-takes-eleven-weeks\"\n\n[options.pilot-lane-first]",
            1,
        );
    let edited = rewrite_future(&edited, "[intents.earn-on-carrier-payments]");
    // A status moved by a review is not a change to review.
    let edited = edited.replacen(
        "[initiatives.branch-margin-hidden]\ntitle",
        "[initiatives.branch-margin-hidden]\nreviews = [\n  { by = \"Dana\", on = 2026-11-22, decision = \"discuss\" },\n]\ntitle",
        1,
    );
    assert_ne!(edited, original);
    std::fs::write(&path, &edited).unwrap();
    git(dir.path(), &["commit", "-q", "-am", "second"]);
    (dir, path)
}

/// The same text with the `future` of the table under `header` replaced.
fn rewrite_future(text: &str, header: &str) -> String {
    let table = text.find(header).unwrap();
    let start = table + text[table..].find("future = \"\"\"").unwrap();
    let end = start + 12 + text[start + 12..].find("\"\"\"").unwrap() + 3;
    format!(
        "{}future = \"By 2028, 30% of our revenue comes from carrier payments.\"{}",
        &text[..start],
        &text[end..]
    )
}

#[test]
fn the_queue_holds_exactly_the_changed_and_new_nodes() {
    if !support::tool_available("git", "--version", "apt-get install -y git") {
        return;
    }
    let (_dir, path) = repository();
    let (_, current) = StrategyFile::open(&path).unwrap();
    let old_text = file_at_revision(&path, "HEAD~1").unwrap();
    let old = strata::store::parse(&old_text).unwrap().strategy;
    let found = changes(&old, &current);
    let keys: Vec<String> = queue(&current, &QueueFilter::default(), Some(&found))
        .into_iter()
        .map(|id| current.node(id).key())
        .collect();
    assert_eq!(
        keys,
        [
            "options.self-serve-data-import",
            "options.onboarding-concierge",
            "intents.earn-on-carrier-payments",
        ]
    );
    let earn = current
        .find_key("intents.earn-on-carrier-payments")
        .unwrap();
    assert_eq!(found[&earn].sections, [strata::model::Field::Future]);
    let import = current.find_key("options.self-serve-data-import").unwrap();
    assert_eq!(found[&import].sections, [strata::model::Field::Owner]);
    let concierge = current.find_key("options.onboarding-concierge").unwrap();
    assert!(found[&concierge].is_new());
    // Nothing changed since the last commit.
    let head = strata::store::parse(&file_at_revision(&path, "HEAD").unwrap())
        .unwrap()
        .strategy;
    assert!(changes(&head, &current).is_empty());
}

/// The keys `strata review --summary --format json --since HEAD~1 FILE`
/// lists as undecided: the whole queue, while nothing is decided yet.
fn undecided_since_head_1(file: &Path) -> Vec<String> {
    let out = crate::support::strata()
        .args([
            "review",
            "--summary",
            "--format",
            "json",
            "--since",
            "HEAD~1",
        ])
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    summary["undecided"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["key"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_cli_summary_with_since_lists_only_those_nodes() {
    if !support::tool_available("git", "--version", "apt-get install -y git") {
        return;
    }
    let (_dir, path) = repository();
    let undecided = undecided_since_head_1(&path);
    assert_eq!(
        undecided,
        [
            "options.self-serve-data-import",
            "options.onboarding-concierge",
            "intents.earn-on-carrier-payments",
        ]
    );
}

#[test]
fn git_problems_are_named_with_what_to_do() {
    if !support::tool_available("git", "--version", "apt-get install -y git") {
        return;
    }
    let (_dir, path) = repository();
    assert_eq!(
        file_at_revision(&path, "no-such-tag"),
        Err(GitError::UnknownRevision("no-such-tag".into()))
    );
    let later = path.with_file_name("later.toml");
    std::fs::write(&later, "").unwrap();
    let error = file_at_revision(&later, "HEAD").unwrap_err();
    assert_eq!(
        error,
        GitError::NotAtRevision {
            revision: "HEAD".into(),
            path: "strategy/later.toml".into()
        }
    );
    assert!(
        error.to_string().contains("did not exist at `HEAD`"),
        "{error}"
    );

    let outside = tempfile::tempdir().unwrap();
    let lone = outside.path().join("strategy.toml");
    std::fs::copy(support::root().join("sample-strategy.toml"), &lone).unwrap();
    let out = crate::support::strata()
        // Keep git from finding a repository above the temporary directory.
        .env("GIT_CEILING_DIRECTORIES", outside.path().parent().unwrap())
        .args(["review", "--summary", "--since", "HEAD~1"])
        .arg(&lone)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("is not in a git repository"), "{stderr}");
    assert!(stderr.contains("review without --since"), "{stderr}");
}

#[test]
fn since_reads_a_split_directory_at_the_revision() {
    if !support::tool_available("git", "--version", "apt-get install -y git") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let split = dir.path().join("teams");
    std::fs::create_dir(&split).unwrap();
    // A name git would quote (`"\303\251quipe..."`) unless asked not to.
    for (name, as_name) in [
        ("vision.toml", "vision.toml"),
        ("pricing.toml", "équipe-pricing.toml"),
        ("tracking.toml", "tracking.toml"),
    ] {
        let text = support::read(&support::root().join("tests/fixtures/split").join(name));
        std::fs::write(split.join(as_name), text).unwrap();
    }
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    let pricing = split.join("équipe-pricing.toml");
    let text = support::read(&pricing).replacen(
        "owner = \"Tariq Hussain (PM, Pricing)\"",
        "owner = \"Ana Lima (PM, Pricing)\"",
        1,
    );
    std::fs::write(&pricing, text).unwrap();
    git(dir.path(), &["commit", "-q", "-am", "second"]);

    let undecided = undecided_since_head_1(&split);
    assert_eq!(undecided, ["options.one-screen-lane-pricing"]);
}
