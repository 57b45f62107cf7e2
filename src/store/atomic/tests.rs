//! Replacing files atomically, keeping their permissions, and clearing
//! the temp files killed saves left.

use super::*;

#[test]
fn replaces_the_file_and_leaves_no_temp_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    write_atomic(&path, b"new").unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_failed_write_keeps_the_old_file_and_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    let err = write_atomic_with(&path, b"new text", |file, bytes| {
        file.write_all(&bytes[..3])?;
        Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
    })
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::StorageFull);
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn writes_through_a_link_to_the_file_it_points_at() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("repo-strategy.toml");
    let link = dir.path().join("strategy.toml");
    fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_atomic(&link, b"new").unwrap();
    assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
}

/// A process that has come and gone: its pid is free (and, for the
/// moment of a test, not yet anyone else's).
#[cfg(unix)]
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    child.wait().unwrap();
    child.id()
}

#[cfg(unix)]
#[test]
fn a_dead_saves_temp_goes_a_live_ones_stays_and_nothing_else_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    let mut running = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let dead = dead_pid();
    let live = running.id();
    let mine = std::process::id();
    let names = [
        format!(".s.toml.strata-tmp-{dead}-0"),
        format!(".s.toml.strata-tmp-{dead}-17"),
        format!(".s.toml.strata-tmp-{live}-0"),
        format!(".s.toml.strata-tmp-{mine}-3"),
        // Another file's temp, and names that only look alike.
        format!(".other.toml.strata-tmp-{dead}-0"),
        format!(".s.toml.strata-tmp-{dead}-0.bak"),
        format!(".s.toml.strata-tmp-{dead}"),
        format!("s.toml.strata-tmp-{dead}-0"),
        ".s.toml.strata-tmp--0".to_owned(),
    ];
    for name in &names {
        fs::write(dir.path().join(name), "partial").unwrap();
    }
    fs::create_dir(dir.path().join(format!(".s.toml.strata-tmp-{dead}-9"))).unwrap();
    let mut removed = remove_stale_temps(&path);
    removed.sort();
    running.kill().unwrap();
    running.wait().unwrap();
    assert_eq!(
        removed,
        [dir.path().join(&names[0]), dir.path().join(&names[1]),]
    );
    let mut left: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    let mut expected: Vec<String> = names[2..].to_vec();
    expected.push(format!(".s.toml.strata-tmp-{dead}-9"));
    expected.push("s.toml".into());
    expected.sort();
    assert_eq!(left, expected);
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
}

#[cfg(unix)]
#[test]
fn the_temps_of_a_linked_file_are_looked_for_beside_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    fs::create_dir(&repo).unwrap();
    let real = repo.join("strategy.toml");
    let link = dir.path().join("strategy.toml");
    fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let stale = repo.join(format!(".strategy.toml.strata-tmp-{}-0", dead_pid()));
    fs::write(&stale, "partial").unwrap();
    assert_eq!(remove_stale_temps(&link), std::slice::from_ref(&stale));
    assert!(!stale.exists());
}

#[test]
fn only_a_temp_name_of_this_file_has_an_owner() {
    assert_eq!(temp_owner(".s.toml.strata-tmp-42-7", "s.toml"), Some(42));
    assert_eq!(temp_owner(".s.toml.strata-tmp-42-7", "t.toml"), None);
    assert_eq!(temp_owner(".s.toml.strata-tmp-42-", "s.toml"), None);
    assert_eq!(temp_owner(".s.toml.strata-tmp-4x-7", "s.toml"), None);
    assert_eq!(temp_owner(".s.toml.strata-tmp-42-7-1", "s.toml"), None);
    assert_eq!(
        temp_owner(".s.toml.strata-tmp-99999999999-0", "s.toml"),
        None,
        "no such process number"
    );
}

#[cfg(unix)]
#[test]
fn the_temp_file_has_the_old_files_mode_before_its_first_byte() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    for mode in [0o600, 0o640, 0o604, 0o2644] {
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        let original = fs::metadata(&path).unwrap();
        write_atomic_with(&path, b"new", |file, bytes| {
            let meta = file.metadata()?;
            assert_eq!(meta.len(), 0, "nothing written yet");
            assert_eq!(meta.mode() & 0o7777, mode, "{mode:o}");
            assert_eq!((meta.uid(), meta.gid()), (original.uid(), original.gid()));
            file.write_all(bytes)
        })
        .unwrap();
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o7777, mode);
    }
    // Root may give a file to anyone: a colleague's file stays theirs.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"theirs").unwrap();
        let meta = fs::metadata(&path).unwrap();
        assert_eq!(
            (meta.uid(), meta.gid(), meta.mode() & 0o7777),
            (65534, 65534, 0o640)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_new_file_starts_private_when_asked_and_ordinary_otherwise() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j.journal");
    fs::write(&journal, "old").unwrap();
    fs::set_permissions(&journal, fs::Permissions::from_mode(0o644)).unwrap();
    write_private(&journal, b"new").unwrap();
    assert_eq!(
        fs::metadata(&journal).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let fresh = dir.path().join("fresh.journal");
    write_private(&fresh, b"new").unwrap();
    assert_eq!(
        fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_not_replaced() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    assert!(is_read_only(&path));
    let error = write_atomic(&path, b"new").unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temp left");
    assert!(!is_read_only(&dir.path().join("not-there.toml")));
}

#[cfg(unix)]
#[test]
fn replacing_a_hard_linked_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    assert!(!write_atomic(&path, b"one").unwrap().split_hard_link);
    fs::hard_link(&path, dir.path().join("t.toml")).unwrap();
    assert!(write_atomic(&path, b"two").unwrap().split_hard_link);
    assert_eq!(
        fs::read_to_string(dir.path().join("t.toml")).unwrap(),
        "one"
    );
    assert!(!write_atomic(&path, b"three").unwrap().split_hard_link);
}

#[cfg(unix)]
#[test]
fn keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    write_atomic(&path, b"new").unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
