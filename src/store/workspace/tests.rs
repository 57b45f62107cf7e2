//! The workspace seen from every side: a directory of files as one
//! strategy, read and merged, its problems placed in the right file, saved
//! file by file, snapshotted for the journal. It is long because each case
//! builds its own small directory; it holds one idea, and splitting it
//! would scatter the helpers every case shares.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use std::io::Write;

use super::*;
use crate::model::{Level, Node};
use crate::store::{OpenError, Problem, SaveError, StrategyFile};

const FIXTURE: &str = "tests/fixtures/split";
const NAMES: [&str; 3] = ["pricing.toml", "tracking.toml", "vision.toml"];

/// A copy of the split fixture in a fresh directory, every file's mtime set
/// far in the past so a rewrite (even of the same bytes) shows.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("split");
    fs::create_dir(&dir).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    for name in NAMES {
        fs::copy(root.join(name), dir.join(name)).unwrap();
        age(&dir.join(name));
    }
    (tmp, dir)
}

fn age(path: &Path) {
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

/// Each file's bytes and modification time.
fn state(dir: &Path) -> Vec<(Vec<u8>, SystemTime)> {
    NAMES
        .iter()
        .map(|n| {
            let path = dir.join(n);
            (
                fs::read(&path).unwrap(),
                fs::metadata(&path).unwrap().modified().unwrap(),
            )
        })
        .collect()
}

/// The names of the files whose bytes or mtime differ between two states.
fn touched(before: &[(Vec<u8>, SystemTime)], after: &[(Vec<u8>, SystemTime)]) -> Vec<&'static str> {
    NAMES
        .iter()
        .zip(before.iter().zip(after))
        .filter(|(_, (b, a))| b != a)
        .map(|(n, _)| *n)
        .collect()
}

fn name_of(workspace: &Workspace, node: NodeId) -> String {
    let file = workspace.file_of(node).expect("node has a file");
    file.path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

fn find(strategy: &Strategy, key: &str) -> NodeId {
    strategy.find_key(key).unwrap()
}

fn open(dir: &Path) -> (Workspace, Strategy) {
    Workspace::open(dir).unwrap_or_else(|e| panic!("{e:?}"))
}

fn files_error(error: OpenError) -> Vec<(PathBuf, Vec<Problem>)> {
    let OpenError::Files { errors, .. } = error else {
        panic!("expected a per-file error, got {error:?}");
    };
    errors
        .into_iter()
        .map(|e| match e {
            OpenError::Invalid { path, problems, .. } => (path, problems),
            other => panic!("expected problems in a file, got {other:?}"),
        })
        .collect()
}

#[test]
fn a_directory_merges_into_one_cascade_linked_across_files() {
    let (workspace, strategy) = open(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(FIXTURE)
            .as_path(),
    );
    assert!(workspace.is_directory());
    assert_eq!(workspace.files().len(), 3);
    let per_file: usize = NAMES
        .iter()
        .map(|n| {
            let text =
                fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE).join(n))
                    .unwrap();
            crate::store::load::parse_part(&text)
                .unwrap()
                .strategy
                .len()
        })
        .sum();
    assert_eq!(strategy.len(), per_file);
    assert_eq!(strategy.company, "Northwind Freight");
    assert_eq!(
        strategy.as_of.map(|d| d.to_string()).as_deref(),
        Some("2026-11-01")
    );
    assert_eq!(
        workspace
            .lint()
            .get("max_intents")
            .and_then(|v| v.as_integer()),
        Some(3)
    );

    // tracking.toml's option ladders up to pricing.toml's initiative.
    let option = find(&strategy, "options.quote-reply-from-email");
    let initiative = find(&strategy, "initiatives.quotes-take-forty-minutes");
    assert_eq!(strategy.parent(option), Some(initiative));
    assert_eq!(name_of(&workspace, option), "tracking.toml");
    assert_eq!(name_of(&workspace, initiative), "pricing.toml");
    assert_eq!(
        name_of(&workspace, strategy.vision().unwrap()),
        "vision.toml"
    );
    assert!(
        strategy.orphans().is_empty(),
        "every node ladders up to the vision"
    );
    assert_eq!(workspace.root().path().file_name().unwrap(), "vision.toml");
}

#[test]
fn findings_point_into_the_file_the_node_is_in() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let (workspace, strategy) = open(&dir);
    let node = find(&strategy, "options.auto-price-repeat-lanes");
    let (file, span) = workspace.locate(node, Field::Horizon, 0..0);
    assert!(file.path().ends_with("pricing.toml"));
    assert_eq!(&file.text()[span], "\"2031\"");
}

#[test]
fn the_same_key_in_two_files_names_both_places() {
    let (_tmp, dir) = copy();
    let pricing = fs::read_to_string(dir.join("pricing.toml")).unwrap();
    let copied = format!(
        "{}\n[options.driver-text-check-in]\ninitiative = \"quotes-take-forty-minutes\"\ntitle = \"A copy\"\n",
        pricing
    );
    fs::write(dir.join("pricing.toml"), copied).unwrap();
    let errors = files_error(Workspace::open(&dir).unwrap_err());
    // pricing.toml sorts first, so tracking.toml's table is the second one.
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, problems) = &errors[0];
    assert!(path.ends_with("tracking.toml"), "{path:?}");
    let tracking = fs::read_to_string(dir.join("tracking.toml")).unwrap();
    let line = pricing.lines().count() + 2;
    let message = &problems[0].message;
    assert!(
        message.contains("`options.driver-text-check-in` is defined in two files")
            && message.contains(&format!("pricing.toml:{line}:10")),
        "{message}"
    );
    let at = problems[0].span.clone();
    assert_eq!(&tracking[at], "driver-text-check-in");
}

#[test]
fn a_second_vision_names_the_first() {
    let (_tmp, dir) = copy();
    fs::write(
        dir.join("tracking.toml"),
        "version = 1\n\n[vision]\ntitle = \"Another\"\n",
    )
    .unwrap();
    let errors = files_error(Workspace::open(&dir).unwrap_err());
    assert_eq!(errors.len(), 1, "{errors:?}");
    let (path, problems) = &errors[0];
    // tracking.toml sorts first, so vision.toml's is the second vision.
    assert!(path.ends_with("vision.toml"), "{path:?}");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .starts_with("a strategy has exactly one vision;")
            && problems[0]
                .message
                .contains("tracking.toml:3:2 holds one too"),
        "{problems:?}"
    );
}

#[test]
fn as_of_company_and_lint_in_a_team_file_are_errors() {
    let (_tmp, dir) = copy();
    let tracking = fs::read_to_string(dir.join("tracking.toml")).unwrap();
    let text = format!(
        "as_of = 2026-01-01\ncompany.name = \"Other\"\n{tracking}\n[lint]\nmax_intents = 9\n"
    );
    fs::write(dir.join("tracking.toml"), &text).unwrap();
    let errors = files_error(Workspace::open(&dir).unwrap_err());
    let (path, problems) = &errors[0];
    assert!(path.ends_with("tracking.toml"));
    let quoted: Vec<&str> = problems.iter().map(|p| &text[p.span.clone()]).collect();
    assert_eq!(quoted, ["as_of", "company", "lint"]);
    assert!(
        problems[0].message.contains("`as_of` belongs in")
            && problems[0].message.contains("vision.toml"),
        "{problems:?}"
    );
}

#[test]
fn an_empty_directory_one_without_vision_and_a_broken_file_are_reported() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("notes.md"), "not a strategy").unwrap();
    assert!(matches!(
        Workspace::open(tmp.path()),
        Err(OpenError::EmptyDirectory(_))
    ));

    fs::write(
        tmp.path().join("team.toml"),
        "version = 1\n[intents.a]\ntitle = \"A\"\n",
    )
    .unwrap();
    let Err(OpenError::NoVision { files, .. }) = Workspace::open(tmp.path()) else {
        panic!("expected no vision");
    };
    assert_eq!(files, vec![tmp.path().join("team.toml")]);

    fs::write(tmp.path().join("bad.toml"), b"title = \"\xff\"\n").unwrap();
    fs::write(tmp.path().join("worse.toml"), "[intents.b\n").unwrap();
    let Err(OpenError::Files { errors, .. }) = Workspace::open(tmp.path()) else {
        panic!("expected per-file errors");
    };
    assert!(matches!(&errors[0], OpenError::NotUtf8 { path, .. } if path.ends_with("bad.toml")));
    assert_eq!(errors.len(), 1, "reading stops before parsing: {errors:?}");
}

#[test]
fn hidden_files_and_subdirectories_are_not_read() {
    let (_tmp, dir) = copy();
    fs::write(dir.join(".draft.toml"), "[vision]\ntitle = \"x\"\n").unwrap();
    fs::create_dir(dir.join("old.toml")).unwrap();
    fs::create_dir(dir.join("archive")).unwrap();
    fs::write(dir.join("archive/x.toml"), "[vision]\ntitle = \"x\"\n").unwrap();
    let (workspace, _) = open(&dir);
    assert_eq!(workspace.files().len(), 3);
}

#[test]
fn an_edit_rewrites_only_its_nodes_file() {
    let (_tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    let before = state(&dir);
    let node = find(&strategy, "options.driver-text-check-in");
    strategy.doc_mut(node).title = "Text drivers a link".into();
    assert!(workspace.is_dirty(&strategy));
    workspace.save(&strategy).unwrap();
    let after = state(&dir);
    assert_eq!(touched(&before, &after), ["tracking.toml"]);
    let tracking = String::from_utf8(after[1].0.clone()).unwrap();
    assert!(tracking.contains("title = \"Text drivers a link\""));
    assert!(!workspace.is_dirty(&strategy));

    // Saving again writes nothing at all.
    let again = state(&dir);
    workspace.save(&strategy).unwrap();
    assert!(touched(&again, &state(&dir)).is_empty());
}

#[test]
fn a_new_node_goes_to_its_parents_file_even_under_a_new_parent() {
    let (_tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    let before = state(&dir);
    strategy.add(Node::child_of(
        Level::Initiative,
        "loads-lost-at-night",
        "cut-manual-touches-per-load",
    ));
    let option = strategy.add(Node::child_of(
        Level::Option,
        "night-desk",
        "loads-lost-at-night",
    ));
    let under_pricing = strategy.add(Node::child_of(
        Level::Option,
        "lane-alerts",
        "quotes-take-forty-minutes",
    ));
    workspace.save(&strategy).unwrap();
    assert_eq!(
        touched(&before, &state(&dir)),
        ["pricing.toml", "vision.toml"]
    );
    assert_eq!(name_of(&workspace, option), "vision.toml");
    assert_eq!(name_of(&workspace, under_pricing), "pricing.toml");
    let vision = fs::read_to_string(dir.join("vision.toml")).unwrap();
    assert!(
        vision.contains("[initiatives.loads-lost-at-night]")
            && vision.contains("[options.night-desk]")
    );
    let links = |s: &Strategy| {
        let mut links: Vec<(String, Option<String>)> = s
            .iter()
            .map(|(id, node)| (node.key(), s.parent(id).map(|p| s.node(p).key())))
            .collect();
        links.sort();
        links
    };
    let (_, reread) = open(&dir);
    assert_eq!(links(&reread), links(&strategy));
}

#[test]
fn a_node_moved_under_a_parent_in_another_file_stays_in_its_file() {
    let (_tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    let before = state(&dir);
    let node = find(&strategy, "options.eld-consent-in-carrier-packet");
    strategy.set_parent_ref(node, Some("quotes-take-forty-minutes".into()));
    workspace.save(&strategy).unwrap();
    assert_eq!(touched(&before, &state(&dir)), ["tracking.toml"]);
    assert_eq!(name_of(&workspace, node), "tracking.toml");
}

#[test]
fn a_deleted_node_leaves_its_file_and_comes_back_there_on_undo() {
    let (_tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    let node = find(&strategy, "options.one-screen-lane-pricing");
    let position = strategy.position(node).unwrap();
    let removed = strategy.remove(node).unwrap();
    let before = state(&dir);
    workspace.save(&strategy).unwrap();
    assert_eq!(touched(&before, &state(&dir)), ["pricing.toml"]);
    assert!(
        !fs::read_to_string(dir.join("pricing.toml"))
            .unwrap()
            .contains("[options.one-screen-lane-pricing]")
    );

    assert!(strategy.insert_at(node, removed, position));
    workspace.save(&strategy).unwrap();
    assert!(
        fs::read_to_string(dir.join("pricing.toml"))
            .unwrap()
            .contains("[options.one-screen-lane-pricing]")
    );
    assert!(
        !fs::read_to_string(dir.join("vision.toml"))
            .unwrap()
            .contains("one-screen-lane-pricing")
    );
}

#[test]
fn only_files_to_be_written_are_checked_against_the_disk() {
    let (_tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    // A colleague's pull changed pricing.toml.
    let pricing = dir.join("pricing.toml");
    let theirs = format!(
        "{}# a colleague's comment\n",
        fs::read_to_string(&pricing).unwrap()
    );
    fs::write(&pricing, &theirs).unwrap();

    let tracking_node = find(&strategy, "options.driver-text-check-in");
    strategy.doc_mut(tracking_node).owner = "Ines Moreau (Lead PM)".into();
    workspace
        .save(&strategy)
        .expect("tracking.toml is ours to write");
    assert_eq!(fs::read_to_string(&pricing).unwrap(), theirs);

    let pricing_node = find(&strategy, "options.auto-price-repeat-lanes");
    strategy.doc_mut(pricing_node).owner = "Someone".into();
    assert!(matches!(
        workspace.save(&strategy),
        Err(SaveError::ChangedOnDisk)
    ));
    assert_eq!(
        fs::read_to_string(&pricing).unwrap(),
        theirs,
        "nothing written"
    );
}

#[test]
fn a_write_that_fails_half_way_keeps_the_rest_for_the_next_save() {
    let (_tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    let a = find(&strategy, "options.one-screen-lane-pricing");
    let b = find(&strategy, "options.driver-text-check-in");
    strategy.doc_mut(a).notes = "Pricing note.".into();
    strategy.doc_mut(b).notes = "Tracking note.".into();
    let original_tracking = fs::read(dir.join("tracking.toml")).unwrap();
    let mut calls = 0;
    let error = workspace
        .save_with(&strategy, |file, bytes| {
            calls += 1;
            if calls == 2 {
                return Err(std::io::Error::other("disk full"));
            }
            file.write_all(bytes)
        })
        .unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("tracking.toml: disk full (1 other file was saved)"),
        "{message}"
    );
    assert_eq!(
        fs::read(dir.join("tracking.toml")).unwrap(),
        original_tracking
    );
    assert!(
        fs::read_to_string(dir.join("pricing.toml"))
            .unwrap()
            .contains("Pricing note.")
    );

    // The next save writes what is left and does not take pricing.toml's new
    // text for a colleague's change.
    let before = state(&dir);
    workspace.save(&strategy).unwrap();
    assert_eq!(touched(&before, &state(&dir)), ["tracking.toml"]);
}

#[test]
fn a_directory_is_not_saved_as_one_file_but_can_be_overwritten() {
    let (tmp, dir) = copy();
    let (mut workspace, mut strategy) = open(&dir);
    let node = find(&strategy, "options.driver-text-check-in");
    strategy.doc_mut(node).title = "Mine".into();
    let error = workspace
        .save_as(&tmp.path().join("one.toml"), &strategy)
        .unwrap_err();
    assert!(
        error.to_string().contains("cannot be saved as one file"),
        "{error}"
    );
    assert!(!tmp.path().join("one.toml").exists());

    fs::write(dir.join("tracking.toml"), "version = 1\n# theirs\n").unwrap();
    assert!(matches!(
        workspace.save(&strategy),
        Err(SaveError::ChangedOnDisk)
    ));
    let before = state(&dir);
    workspace.save_as(&dir, &strategy).unwrap();
    assert_eq!(touched(&before, &state(&dir)), ["tracking.toml"]);
    assert!(
        fs::read_to_string(dir.join("tracking.toml"))
            .unwrap()
            .contains("title = \"Mine\"")
    );
}

#[test]
fn snapshots_hold_every_file_and_read_back_with_the_edits() {
    let (_tmp, dir) = copy();
    let (workspace, mut strategy) = open(&dir);
    let snapshot = workspace.snapshot();
    assert_eq!(read_on_disk(&dir), Some(snapshot.clone().into_bytes()));
    let node = find(&strategy, "initiatives.check-calls-eat-rep-time");
    strategy.doc_mut(node).future = "Reps make no check calls.\n".into();
    let edited = workspace.edited_snapshot(&strategy).unwrap();

    let (base, base_strategy) = Workspace::from_snapshot(&dir, snapshot).unwrap();
    assert!(base.is_directory());
    assert!(crate::store::same_content(
        &base_strategy,
        workspace.baseline()
    ));
    let (_, recovered) = Workspace::from_snapshot(&dir, edited).unwrap();
    assert!(crate::store::same_content(&recovered, &strategy));

    let damaged = workspace.snapshot().replace("file 12", "file 99");
    assert!(Workspace::from_snapshot(&dir, damaged).is_err());

    // A journal naming a file outside the directory is refused.
    for name in ["../escape.toml", "/tmp/escape.toml", "sub/x.toml"] {
        let outside =
            snapshot::encode([(name.to_owned(), "version = 1\n[vision]\ntitle = \"V\"\n")]);
        let error = Workspace::from_snapshot(&dir, outside).err();
        assert!(
            error.is_some_and(|e| e.to_string().contains("outside the directory")),
            "{name}"
        );
    }
}

#[test]
fn a_single_file_is_a_workspace_of_one_and_saves_as_before() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("s.toml");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-strategy.toml");
    fs::copy(&sample, &path).unwrap();
    let (mut workspace, mut strategy) = open(&path);
    assert!(!workspace.is_directory());
    assert_eq!(workspace.snapshot(), fs::read_to_string(&path).unwrap());
    let (mut file, _) = StrategyFile::open(&path).unwrap();
    let vision = strategy.vision().unwrap();
    strategy.doc_mut(vision).title = "One file".into();
    let expected = crate::store::patch(file.text(), file.baseline(), &strategy).unwrap();
    workspace.save(&strategy).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    // StrategyFile sees the change on disk, as it always did.
    assert!(matches!(
        file.save(&strategy),
        Err(SaveError::ChangedOnDisk)
    ));
}
