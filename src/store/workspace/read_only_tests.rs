//! A workspace opened to read keeps no baselines and is never saved.

use super::*;

#[test]
fn a_directory_opened_to_read_keeps_no_baselines_and_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let split = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/split");
    for entry in std::fs::read_dir(split).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let (edit, strategy) = Workspace::open(dir.path()).unwrap();
    let (mut read, same) = Workspace::open_to_read(dir.path()).unwrap();
    assert!(same == strategy);
    assert!(!edit.baseline().is_empty() && edit.files().iter().any(|f| !f.baseline.is_empty()));
    assert!(read.baseline().is_empty() && read.files().iter().all(|f| f.baseline.is_empty()));
    let mut edited = same.clone();
    let vision = edited.vision().unwrap();
    let mut node = edited.node(vision).clone();
    node.doc.title = "Changed".into();
    edited.replace(vision, node);
    assert!(
        read.save(&edited).is_err(),
        "a directory opened to read is never saved"
    );
}

#[test]
fn a_file_opened_to_read_locates_as_when_opened_to_edit_and_is_never_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-strategy.toml");
    std::fs::copy(sample, &path).unwrap();
    let (edit, strategy) = Workspace::open(&path).unwrap();
    let (read, same) = Workspace::open_to_read(&path).unwrap();
    assert!(same == strategy);
    assert!(read.baseline().is_empty() && read.files()[0].baseline.is_empty());
    for (id, _) in strategy.iter() {
        let (a, b) = (
            edit.locate(id, Field::Future, 0..4),
            read.locate(id, Field::Future, 0..4),
        );
        assert_eq!(a.1, b.1);
    }
    let mut read = read;
    let before = std::fs::read_to_string(&path).unwrap();
    assert!(matches!(read.save(&strategy), Err(SaveError::Patch(_))));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}
