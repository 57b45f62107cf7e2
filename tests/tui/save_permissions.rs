//! What saving does with a file's permissions and links, through the shell's
//! session: a read-only file is refused with a question (save as, or keep
//! editing) and every edit stays; a hard-linked file is saved and the user
//! told that the link is split. (The same as an unprivileged user, in a real
//! terminal: `tests/cli/permissions.rs`.)

use crate::browser;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use browser::{Browser, root};
use strata::app::overlays::Layer;
use strata::app::overlays::confirm::Confirm;

fn sample_in(dir: &Path, mode: u32) -> std::path::PathBuf {
    let path = dir.join("s.toml");
    std::fs::copy(root().join("sample-strategy.toml"), &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    path
}

#[test]
fn a_read_only_file_asks_for_another_name_and_keeps_the_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_in(dir.path(), 0o444);
    let before = std::fs::read(&path).unwrap();
    let mut browser = Browser::on_file(&path, 100, 30);
    browser.keys("e 1 {!} esc ctrl-s");
    assert!(
        matches!(
            browser.app.layers.last(),
            Some(Layer::Confirm(Confirm::ReadOnly {
                in_directory: false,
                ..
            }))
        ),
        "{:?}",
        browser.app.layers.last()
    );
    let screen = browser.text();
    assert!(screen.contains("Read-only"), "{screen}");
    assert!(browser.app.is_dirty(), "the edits stay");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    browser.keys("esc");
    assert!(browser.app.layers.is_empty());
    assert!(browser.app.is_dirty());
    // Save and quit on a read-only file does not quit.
    browser.keys("q s");
    assert!(!browser.exited, "a refused save does not quit");
    browser.keys("a enter");
    let mine = dir.path().join("s.mine.toml");
    let saved = std::fs::read_to_string(&mine).unwrap();
    assert!(saved.contains("without re-typing it!\""), "{saved}");
    assert!(!browser.app.is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_read_only_file_of_a_directory_leaves_every_file_unwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("split");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(root().join("tests/fixtures/split")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    let vision = dir.join("vision.toml");
    std::fs::set_permissions(&vision, std::fs::Permissions::from_mode(0o444)).unwrap();
    let texts = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut all: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        all.sort();
        all
    };
    let before = texts(&dir);
    let mut browser = Browser::on_workspace(&dir, 100, 30);
    // The vision (read-only) and a node of another file, in one save.
    browser.keys("e 1 {!} esc G e 1 {?} esc ctrl-s");
    assert!(
        matches!(
            browser.app.layers.last(),
            Some(Layer::Confirm(Confirm::ReadOnly {
                in_directory: true,
                ..
            }))
        ),
        "{:?}",
        browser.app.layers.last()
    );
    assert!(
        browser.text().contains("no file was saved"),
        "{}",
        browser.text()
    );
    assert_eq!(texts(&dir), before, "no file of the directory was written");
    assert!(browser.app.is_dirty());
}

#[test]
fn saving_a_hard_linked_file_says_the_link_is_split() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_in(dir.path(), 0o644);
    let other = dir.path().join("other-name.toml");
    std::fs::hard_link(&path, &other).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut browser = Browser::on_file(&path, 140, 30);
    browser.keys("e 1 {!} esc ctrl-s");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(
        notice.contains("had another hard link, which keeps the old text"),
        "{notice}"
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("re-typing it!\"")
    );
    assert_eq!(
        std::fs::read(&other).unwrap(),
        before,
        "the other name keeps the old text"
    );
    assert_eq!(std::fs::metadata(&path).unwrap().nlink(), 1);
    // A file with one name says nothing of links.
    browser.keys("e 1 {!} esc ctrl-s");
    let notice = browser.app.notice.clone().unwrap_or_default();
    assert!(!notice.contains("hard link"), "{notice}");
}
