//! Replacing a file so that a crash, a kill or a full disk leaves either the
//! old version or the new one on disk, never a mix; and clearing away the
//! temp files that a save cut short (by `kill -9`, a power cut) left beside
//! it.
//!
//! A temp file is named `.NAME.strata-tmp-PID-N`: the file it will replace,
//! the process writing it, and a counter. The name is what lets a later
//! strata tell a leftover (its process is gone) from another window's save
//! in progress (its process is running).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Writes `bytes` to `path` atomically: temp file in the same directory,
/// fsync, rename over the old file, fsync the directory. The old file's
/// permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] with the write step supplied by the caller: the seam
/// through which tests inject a failing disk.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<()> {
    // A strategy file is often a link into a repository: replace the file the
    // link points at, not the link itself.
    let resolved = resolve_links(path);
    let path = resolved.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (tmp_path, mut tmp) = create_temp_beside(&dir, path)?;
    let result = (|| {
        write(&mut tmp, bytes)?;
        if let Ok(meta) = fs::metadata(path) {
            tmp.set_permissions(meta.permissions())?;
        }
        tmp.sync_all()?;
        drop(tmp);
        fs::rename(&tmp_path, path)?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

fn resolve_links(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    // A link whose target does not exist yet: write where it points.
    match fs::read_link(path) {
        Ok(target) if target.is_absolute() => target,
        Ok(target) => path
            .parent()
            .map_or(target.clone(), |dir| dir.join(&target)),
        Err(_) => path.to_path_buf(),
    }
}

/// Every temp file of a save of the file called `name` starts so.
fn temp_prefix(name: &str) -> String {
    format!(".{name}.strata-tmp-")
}

/// The process that wrote `file_name`, when it is a temp file of a save of
/// the file called `name` (`.NAME.strata-tmp-PID-N`, nothing more or less).
fn temp_owner(file_name: &str, name: &str) -> Option<u32> {
    let rest = file_name.strip_prefix(&temp_prefix(name))?;
    let (pid, n) = rest.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n)).then(|| pid.parse().ok())?
}

/// Removes the temp files that saves of `path` cut short left beside it
/// (a `kill -9` between writing the temp file and renaming it), and returns
/// them. A temp file whose process is still running is another window's
/// save in progress and stays, as does this process's own; so does
/// anything that is not exactly such a name for this very file.
pub fn remove_stale_temps(path: &Path) -> Vec<PathBuf> {
    let resolved = resolve_links(path);
    let dir = match resolved.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = resolved
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
    else {
        return Vec::new();
    };
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|file_name| temp_owner(file_name, &name))
        else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !is_file || pid == std::process::id() || process_is_running(pid) {
            continue;
        }
        if fs::remove_file(entry.path()).is_ok() {
            removed.push(entry.path());
        }
    }
    removed
}

/// True unless process `pid` is certainly gone. When it cannot be told, the
/// answer is "running": a leftover kept is a stray file, a temp file removed
/// under a running save would fail that save.
#[cfg(unix)]
fn process_is_running(pid: u32) -> bool {
    // 0 and negative numbers address process groups, not a process: can't tell.
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 sends nothing; it only asks whether `pid` exists
    // (EPERM: it does, and belongs to someone else).
    let exists = unsafe { libc::kill(pid, 0) } == 0
        || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM);
    exists && !is_zombie(pid)
}

#[cfg(not(unix))]
fn process_is_running(_pid: u32) -> bool {
    true
}

/// A process that has exited but not been waited for still answers
/// `kill(pid, 0)`; on Linux its state (after the name in `/proc/PID/stat`)
/// says it is a zombie, which writes nothing any more.
#[cfg(unix)]
fn is_zombie(pid: libc::pid_t) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    stat.rsplit_once(')')
        .and_then(|(_, after)| after.split_whitespace().next())
        .is_some_and(|state| state == "Z" || state == "X")
}

fn create_temp_beside(dir: &Path, path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "strategy.toml".into());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!("{}{}-{n}", temp_prefix(&name), std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Makes the rename itself durable. Not every platform can open a directory;
/// there the rename is still atomic, just not yet flushed.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
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
}
