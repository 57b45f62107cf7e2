//! A save never loses anyone's words: a colleague's change on disk is not
//! overwritten, and a failed write leaves the old file byte-identical.

use crate::support;

use std::fs;
use std::io;

use strata::store::{SaveError, StrategyFile};

fn copy_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("strategy.toml");
    fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    path
}

#[test]
fn a_change_on_disk_since_loading_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let (mut file, mut strategy) = StrategyFile::open(&path).unwrap();
    let vision = strategy.vision().unwrap();
    strategy.doc_mut(vision).title = "Mine".into();

    // A colleague's pull changes one byte; the modification time may not even move.
    let theirs = support::read(&path).replacen("Northwind Freight", "Northwind Freigh7", 1);
    fs::write(&path, &theirs).unwrap();

    let err = file.save(&strategy).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk), "{err}");
    assert_eq!(support::read(&path), theirs, "their file is untouched");
    assert_eq!(
        strategy.node(vision).doc.title,
        "Mine",
        "my edit is still in memory"
    );
    assert!(file.is_dirty(&strategy));
}

#[test]
fn a_deleted_file_counts_as_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let (mut file, strategy) = StrategyFile::open(&path).unwrap();
    fs::remove_file(&path).unwrap();
    assert!(matches!(
        file.save(&strategy),
        Err(SaveError::ChangedOnDisk)
    ));
}

#[test]
fn a_failed_write_leaves_the_old_file_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let before = fs::read(&path).unwrap();
    let (mut file, mut strategy) = StrategyFile::open(&path).unwrap();
    let vision = strategy.vision().unwrap();
    strategy.doc_mut(vision).future = "Half of this reaches the disk".into();

    let err = file
        .save_with(&strategy, |out, bytes| {
            io::Write::write_all(out, &bytes[..bytes.len() / 2])?;
            Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "No space left on device",
            ))
        })
        .unwrap_err();
    assert!(
        matches!(err, SaveError::Io(ref e) if e.kind() == io::ErrorKind::StorageFull),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temp file left behind"
    );
    assert!(
        file.is_dirty(&strategy),
        "the edit is still unsaved, in memory"
    );

    // Once the disk has room again, the same edit saves.
    file.save(&strategy).unwrap();
    assert!(support::read(&path).contains("Half of this reaches the disk"));
    assert!(!file.is_dirty(&strategy));
}

#[test]
fn saving_twice_patches_against_what_was_last_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let (mut file, mut strategy) = StrategyFile::open(&path).unwrap();
    let vision = strategy.vision().unwrap();
    strategy.doc_mut(vision).title = "First".into();
    file.save(&strategy).unwrap();
    strategy.doc_mut(vision).owner = "Second".into();
    file.save(&strategy).unwrap();
    let (_, reloaded) = StrategyFile::open(&path).unwrap();
    assert_eq!(reloaded.node(vision).doc.title, "First");
    assert_eq!(reloaded.node(vision).doc.owner, "Second");
}

#[test]
fn hidden_characters_are_saved_as_escapes_a_reviewer_can_see() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(
        &path,
        "version = 1\n[vision]\ntitle = \"Win \\u202ESREKORB\\u202C brokers\"\n",
    )
    .unwrap();
    let (mut file, mut strategy) = StrategyFile::open(&path).unwrap();
    let vision = strategy.vision().unwrap();
    let mut doc = strategy.node(vision).doc.clone();
    doc.title.push_str(" \u{200B}now");
    doc.notes = "line one\u{1b}[2J\nline two\n".into();
    strategy
        .apply(strata::model::Edit::SetDoc {
            node: vision,
            doc: Box::new(doc.clone()),
        })
        .unwrap();
    file.save(&strategy).unwrap();
    let saved = fs::read_to_string(&path).unwrap();
    assert!(
        !saved.chars().any(strata::sanitize::is_invisible_format)
            && !saved.chars().any(|c| c.is_control() && c != '\n'),
        "{saved}"
    );
    assert!(
        saved.contains("\\u202ESREKORB\\u202C brokers \\u200Bnow"),
        "{saved}"
    );
    let (_, reread) = StrategyFile::open(&path).unwrap();
    assert_eq!(reread.node(reread.vision().unwrap()).doc, doc);
}

#[test]
fn a_new_list_item_takes_the_layout_of_the_others_but_none_of_their_comments() {
    let original = "version = 1\n[vision]\ntitle = \"V\"\nwill_not = [\n  # Agreed at the offsite.\n  \"No EU\",  # legal said so\n  \"No SMB\",\n]\n";
    let baseline = strata::store::parse(original).unwrap().strategy;
    let mut edited = baseline.clone();
    let vision = edited.vision().unwrap();
    let mut doc = edited.node(vision).doc.clone();
    doc.will_not.push("No trucks".into());
    edited
        .apply(strata::model::Edit::SetDoc {
            node: vision,
            doc: Box::new(doc),
        })
        .unwrap();
    let saved = strata::store::patch(original, &baseline, &edited).unwrap();
    assert_eq!(
        saved,
        original.replace("  \"No SMB\",\n", "  \"No SMB\",\n  \"No trucks\",\n")
    );
}

/// `original`'s vision with `item` added to its will-not list, saved.
fn with_will_not(original: &str, item: &str) -> String {
    let baseline = strata::store::parse(original).unwrap().strategy;
    let mut edited = baseline.clone();
    let vision = edited.vision().unwrap();
    let mut doc = edited.node(vision).doc.clone();
    doc.will_not.push(item.into());
    edited
        .apply(strata::model::Edit::SetDoc {
            node: vision,
            doc: Box::new(doc),
        })
        .unwrap();
    strata::store::patch(original, &baseline, &edited).unwrap()
}

#[test]
fn items_added_to_empty_one_line_and_ragged_lists_land_where_a_person_would_put_them() {
    let file = |list: &str| format!("version = 1\n[vision]\ntitle = \"V\"\nwill_not = {list}\n");
    assert_eq!(
        with_will_not(&file("[]  # to do"), "c"),
        file("[\"c\"]  # to do")
    );
    assert_eq!(
        with_will_not(&file("[ \"a\", \"b\" ]"), "c"),
        file("[ \"a\", \"b\", \"c\" ]")
    );
    assert_eq!(
        with_will_not(&file("[\"a\",\n  \"b\"]"), "c"),
        file("[\"a\",\n  \"b\",\n  \"c\",\n]")
    );
}

/// What a save killed between writing its temp file and renaming it left
/// beside the strategy (the kill loop in `tests/cli/e2e_kill.rs` makes them
/// for real) is gone once the file, or the directory it is part of, is
/// opened again; another file's temp files stay.
#[cfg(unix)]
#[test]
fn a_killed_saves_temp_files_are_gone_when_the_file_is_opened_again() {
    use strata::store::Workspace;
    let mut gone = std::process::Command::new("true").spawn().unwrap();
    gone.wait().unwrap();
    let pid = gone.id();
    let dir = tempfile::tempdir().unwrap();
    let path = copy_sample(dir.path());
    let stale = dir
        .path()
        .join(format!(".strategy.toml.strata-tmp-{pid}-0"));
    let unrelated = dir.path().join(format!(".notes.toml.strata-tmp-{pid}-0"));
    fs::write(&stale, "half a file").unwrap();
    fs::write(&unrelated, "half a file").unwrap();
    Workspace::open(&path).unwrap();
    assert!(!stale.exists());
    assert!(unrelated.exists());

    let split = dir.path().join("split");
    fs::create_dir(&split).unwrap();
    for name in ["pricing.toml", "tracking.toml", "vision.toml"] {
        fs::copy(
            support::root().join("tests/fixtures/split").join(name),
            split.join(name),
        )
        .unwrap();
    }
    let stale = split.join(format!(".pricing.toml.strata-tmp-{pid}-3"));
    fs::write(&stale, "half a file").unwrap();
    Workspace::open(&split).unwrap();
    assert!(!stale.exists());
}
