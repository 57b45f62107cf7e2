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

/// What a replacement did besides writing the text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Replaced {
    /// The old file had other hard links: they keep the old text, since the
    /// new file is a new inode (see [`write_atomic_with`]).
    pub split_hard_link: bool,
}

/// Writes `bytes` to `path` atomically: temp file in the same directory,
/// fsync, rename over the old file, fsync the directory. The old file's
/// permissions, owner and group are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<Replaced> {
    write_atomic_with(path, bytes, |file, bytes| file.write_all(bytes))
}

/// [`write_atomic`] for what only the user may read (the recovery journal,
/// a review's bookmark): the file is 0600 from its first byte, whatever was
/// there before.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<Replaced> {
    replace(path, bytes, Some(0o600), |file, bytes| {
        file.write_all(bytes)
    })
}

/// [`write_atomic`] with the write step supplied by the caller: the seam
/// through which tests inject a failing disk.
///
/// Nobody else ever sees the new text with wider permissions than the old
/// file had: the temp file is created readable by its owner only, given the
/// old file's owner and group where this user may set them, then the old
/// file's mode, all before the first byte is written.
///
/// A file the user may not write (its mode, or `access(2)`) is not replaced,
/// even though the directory would allow the rename: the error is
/// [`io::ErrorKind::PermissionDenied`] and names it read-only
/// ([`is_read_only`] tells in advance).
///
/// A file with other hard links is replaced like any other, which splits
/// the link: the other names keep the old text, and [`Replaced`] says so for
/// the caller to tell the user. Writing in place instead would keep the link
/// but could leave a half-written file after a crash.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<Replaced> {
    replace(path, bytes, None, write)
}

fn replace(
    path: &Path,
    bytes: &[u8],
    private: Option<u32>,
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
) -> io::Result<Replaced> {
    // A strategy file is often a link into a repository: replace the file the
    // link points at, not the link itself.
    let resolved = resolve_links(path);
    let path = resolved.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let original = fs::metadata(path).ok();
    if original.is_some() && private.is_none() && is_read_only(path) {
        // The caller names the file (sanitized); the error only says why.
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only, so it was not replaced",
        ));
    }
    let (tmp_path, mut tmp) =
        create_temp_beside(&dir, path, private.is_some() || original.is_some())?;
    let result = (|| {
        if private.is_none()
            && let Some(meta) = &original
        {
            take_over_owner_and_mode(&tmp, meta)?;
        }
        write(&mut tmp, bytes)?;
        tmp.sync_all()?;
        drop(tmp);
        fs::rename(&tmp_path, path)?;
        sync_dir(&dir);
        Ok(Replaced {
            split_hard_link: original.as_ref().is_some_and(|m| hard_links(m) > 1),
        })
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp_path);
    }
    result
}

/// True when the file at `path` exists and this user may not write it: no
/// write permission for them (`access(2)`), or none for anyone (a `chmod
/// 444`, which even root is asked to respect, as editors do).
pub fn is_read_only(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    if meta.permissions().readonly() {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let Ok(name) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: a valid NUL-terminated path; access only asks.
        let denied = unsafe { libc::access(name.as_ptr(), libc::W_OK) } != 0;
        let why = io::Error::last_os_error().raw_os_error();
        return denied && matches!(why, Some(libc::EACCES | libc::EROFS | libc::EPERM));
    }
    #[allow(unreachable_code)]
    false
}

#[cfg(unix)]
fn hard_links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_meta: &fs::Metadata) -> u64 {
    1
}

/// Gives the temp file the old file's owner and group (as far as this user
/// may: a user can give a file to another of their groups, only root to
/// another owner), then its mode. The mode comes last because changing the
/// owner clears the set-user-id bits.
#[cfg(unix)]
fn take_over_owner_and_mode(tmp: &File, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::io::AsRawFd;
    let fd = tmp.as_raw_fd();
    // SAFETY: `fd` is an open file of ours; fchown only changes its owner.
    // Failing (EPERM: not ours to give away) leaves this user as the owner,
    // which is what writing the file means then.
    let same_owner = unsafe { libc::fchown(fd, meta.uid(), meta.gid()) } == 0;
    if !same_owner {
        // SAFETY: as above; `uid_t::MAX` (-1) keeps the owner.
        let _ = unsafe { libc::fchown(fd, libc::uid_t::MAX, meta.gid()) };
    }
    tmp.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777))
}

#[cfg(not(unix))]
fn take_over_owner_and_mode(tmp: &File, meta: &fs::Metadata) -> io::Result<()> {
    tmp.set_permissions(meta.permissions())
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

/// A new temp file beside `path`, owner-only when `private` (it takes a
/// mode of its own before any text goes in), else with the usual mode of a
/// new file (0666 less the umask).
fn create_temp_beside(dir: &Path, path: &Path, private: bool) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "strategy.toml".into());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!("{}{}-{n}", temp_prefix(&name), std::process::id()));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(if private { 0o600 } else { 0o666 });
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&tmp) {
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
mod tests;
