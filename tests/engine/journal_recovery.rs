//! A crash between an edit and a save costs nothing: the journal written
//! before the crash rebuilds the working copy on the next start, and saving
//! it writes exactly what saving before the crash would have written.

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use strata::model::{Level, Strategy, add_child, delete};
use strata::store::{
    Journal, SaveError, StrategyFile, changed_node_keys, parse, patch, rebase_by_key,
};

fn copy_sample(dir: &Path) -> PathBuf {
    let path = dir.join("strategy.toml");
    fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    path
}

/// Edits that renumber nodes in a fresh parse: an intent added in the middle
/// of the file, a deleted option, a changed vision.
fn edit(strategy: &mut Strategy) -> Vec<String> {
    let vision = strategy.vision().unwrap();
    let (added, add) = add_child(strategy, vision, "Win Canada").unwrap();
    strategy.apply(add).unwrap();
    strategy
        .doc_mut(vision)
        .future
        .push_str("\nOne more line.\n");
    let option = strategy.at_level(Level::Option).next().unwrap();
    let deleted = strategy.node(option).key();
    strategy.apply(delete(strategy, option, false)).unwrap();
    vec!["vision".into(), strategy.node(added).key(), deleted]
}

#[test]
fn a_crash_before_saving_is_recovered_exactly() {
    let state = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = copy_sample(files.path());
    let journal = Journal::in_dir(state.path(), &path);

    let (file, mut working) = StrategyFile::open(&path).unwrap();
    let expected_keys = edit(&mut working);
    let edited = patch(file.text(), file.baseline(), &working).unwrap();
    journal.write(file.text(), &edited).unwrap();
    let before_crash = working.clone();
    drop((file, working));

    let recovered = journal.read().unwrap().expect("a journal");
    assert!(recovered.base_matches_disk);
    assert!(!recovered.already_saved);
    let (mut file, _) = StrategyFile::from_text(&path, recovered.base_text.clone()).unwrap();
    let edited_model = parse(&recovered.text).unwrap().strategy;
    assert_eq!(
        changed_node_keys(file.baseline(), &edited_model),
        expected_keys
    );

    let working = rebase_by_key(file.baseline(), &edited_model);
    assert_eq!(
        working, before_crash,
        "the same nodes, ids and order as before the crash"
    );
    file.save(&working).unwrap();
    journal.discard().unwrap();
    assert_eq!(support::read(&path), edited);
    assert_eq!(journal.read().unwrap(), None);
}

#[test]
fn a_file_changed_on_disk_meanwhile_is_not_overwritten_by_a_recovery() {
    let state = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = copy_sample(files.path());
    let journal = Journal::in_dir(state.path(), &path);
    let (file, mut working) = StrategyFile::open(&path).unwrap();
    edit(&mut working);
    journal
        .write(
            file.text(),
            &patch(file.text(), file.baseline(), &working).unwrap(),
        )
        .unwrap();

    // A colleague's change arrives (git pull) before strata starts again.
    let theirs = support::read(&path).replacen("Northwind Freight", "Northwind Logistics", 1);
    fs::write(&path, &theirs).unwrap();

    let recovered = journal.read().unwrap().unwrap();
    assert!(!recovered.base_matches_disk);
    let (mut file, _) = StrategyFile::from_text(&path, recovered.base_text.clone()).unwrap();
    let working = rebase_by_key(file.baseline(), &parse(&recovered.text).unwrap().strategy);
    assert!(matches!(file.save(&working), Err(SaveError::ChangedOnDisk)));
    assert_eq!(support::read(&path), theirs, "their file is untouched");

    // The user keeps both: their version under another name.
    let mine = files.path().join("strategy.mine.toml");
    file.save_as(&mine, &working).unwrap();
    assert_eq!(support::read(&mine), recovered.text);
}
