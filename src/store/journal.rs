//! The crash-recovery journal: unsaved edits kept on disk, so a crash, a
//! `kill -9`, a closed terminal or a panic costs no more than the last few
//! seconds of typing.
//!
//! While a file has unsaved edits, the TUI writes the file text a save would
//! produce ([`patch`](super::patch)) to the journal whenever the [`Throttle`]
//! says so, and [`Journal::discard`]s it after a save or when the user throws
//! the edits away. One journal per strategy file lives in the user's state
//! directory (see [`journal_dir`]), named after the file:
//! `sample-strategy-1a2b3c4d5e6f7a8b.journal`.
//!
//! On the next start with that file, [`Journal::read`] says whether there is
//! something to recover. Recovering means continuing from the journaled text
//! as if it had been typed again (`tests/engine/journal_recovery.rs` does
//! this and is what keeps the sketch honest; the crate runs no doctests):
//!
//! ```ignore
//! # use std::path::Path;
//! # use strata::store::{Journal, StrategyFile, parse, rebase_by_key, changed_node_keys};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let path = Path::new("strategy.toml");
//! let journal = Journal::for_file(path)?;
//! if let Some(recovered) = journal.read()? {
//!     if recovered.already_saved {
//!         journal.discard()?; // saved, then killed before the journal went
//!     } else {
//!         // The version the edits were made on, even if the file has changed since.
//!         let (file, _) = StrategyFile::from_text(path, recovered.base_text.clone())
//!             .map_err(|e| format!("{e:?}"))?;
//!         let edited = parse(&recovered.text).map_err(|p| format!("{p:?}"))?.strategy;
//!         let differ = changed_node_keys(file.baseline(), &edited); // "3 nodes differ: …"
//!         let working_copy = rebase_by_key(file.baseline(), &edited);
//!         // If `!recovered.base_matches_disk`, the first save reports
//!         // `SaveError::ChangedOnDisk`, as for any edit made while a colleague
//!         // changed the file, and the user chooses what to do.
//!         # let _ = (differ, working_copy);
//!     }
//! }
//! # Ok(()) }
//! ```

pub(super) mod format;
mod recover;
mod throttle;

use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use directories::ProjectDirs;

pub use recover::{changed_node_keys, rebase_by_key};
pub use throttle::Throttle;

use super::atomic::write_private;
use format::Entry;

/// The environment variable that moves the state directory (tests, portable
/// installs, several profiles).
pub const STATE_DIR_ENV: &str = "STRATA_STATE_DIR";

/// The journal of one strategy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    /// The journal file.
    path: PathBuf,
    /// The strategy file, canonical, as text: what the journal records and checks.
    strategy: String,
    /// The strategy file as given, for reading it back.
    strategy_path: PathBuf,
}

/// This process's claim on a journal, held while the TUI runs. The lock is
/// the operating system's, so it goes when the process does, even on
/// `kill -9`: a second window on the same file sees it and leaves the
/// first window's journal alone.
#[derive(Debug)]
pub struct JournalLock {
    _file: fs::File,
}

/// Unsaved edits found in a journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The file text with the edits, as a save would have written it: parse
    /// it to get the edited strategy.
    pub text: String,
    /// The file text the edits were made on.
    pub base_text: String,
    /// True when the file on disk is still `base_text`; false when it changed
    /// since (a `git pull`) or is gone, so recovering needs the user's say.
    pub base_matches_disk: bool,
    /// True when the file on disk already holds `text` (saved, then stopped
    /// before the journal was discarded): nothing to recover.
    pub already_saved: bool,
    /// When the journal was written: "edits from 14:32".
    pub written_at: SystemTime,
}

/// Why a journal could not be read.
#[derive(Debug)]
pub enum JournalError {
    /// The journal exists but reading it failed.
    Io(io::Error),
    /// The journal is damaged, cut short or not a journal; the message says
    /// how. Nothing in it can be trusted: the caller can only discard it.
    Corrupt(String),
}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalError::Io(e) => write!(f, "could not read the recovery journal: {e}"),
            JournalError::Corrupt(why) => write!(f, "the recovery journal is unusable: {why}"),
        }
    }
}

impl std::error::Error for JournalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JournalError::Io(e) => Some(e),
            JournalError::Corrupt(_) => None,
        }
    }
}

/// Where journals live: `$STRATA_STATE_DIR/journal`, else `journal/` in the
/// user's state directory (`~/.local/state/strata` on Linux), else in the
/// local data directory on systems without one. `None` when there is no home.
pub fn journal_dir() -> Option<PathBuf> {
    strata_state_dir().map(|dir| dir.join("journal"))
}

/// Where strata keeps what it remembers between runs (journals, review
/// sessions): `$STRATA_STATE_DIR`, else the user's state directory.
pub fn strata_state_dir() -> Option<PathBuf> {
    state_dir(std::env::var_os(STATE_DIR_ENV), || {
        ProjectDirs::from("", "", "strata")
    })
}

/// [`journal_dir`]'s choice, with the environment passed in so it can be tested.
fn state_dir(
    from_env: Option<OsString>,
    project_dirs: impl FnOnce() -> Option<ProjectDirs>,
) -> Option<PathBuf> {
    if let Some(dir) = from_env.filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return Some(std::path::absolute(&dir).unwrap_or(dir));
    }
    let dirs = project_dirs()?;
    Some(
        dirs.state_dir()
            .unwrap_or_else(|| dirs.data_local_dir())
            .to_path_buf(),
    )
}

impl Journal {
    /// The journal of the strategy file at `strategy_path`, in [`journal_dir`].
    /// Fails only when there is no directory to keep it in.
    pub fn for_file(strategy_path: &Path) -> io::Result<Journal> {
        let dir = journal_dir().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!(
                    "no directory for crash-recovery journals (no home directory); set {STATE_DIR_ENV}"
                ),
            )
        })?;
        Ok(Journal::in_dir(&dir, strategy_path))
    }

    /// The journal of `strategy_path`, kept in `dir`.
    pub fn in_dir(dir: &Path, strategy_path: &Path) -> Journal {
        // The same file reached by another path (`./s.toml`, a symlink) must
        // find the same journal; a file not yet created has no canonical form.
        let canonical = fs::canonicalize(strategy_path)
            .or_else(|_| std::path::absolute(strategy_path))
            .unwrap_or_else(|_| strategy_path.to_path_buf());
        let strategy = canonical.to_string_lossy().into_owned();
        let name = format!(
            "{}-{:016x}.journal",
            readable_stem(&canonical),
            format::fnv1a64(strategy.as_bytes())
        );
        Journal {
            path: dir.join(name),
            strategy,
            strategy_path: strategy_path.to_path_buf(),
        }
    }

    /// The journal file, for messages ("your edits are kept in …").
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Records unsaved edits: `edited_text` is what saving would write over
    /// `base_text`, the text the file had when it was loaded or last saved.
    /// The old journal is replaced atomically, so a crash while writing keeps
    /// the previous one.
    pub fn write(&self, base_text: &str, edited_text: &str) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let entry = Entry {
            written_at: SystemTime::now(),
            path: self.strategy.clone(),
            base: base_text.to_owned(),
            edited: edited_text.to_owned(),
        };
        // Owner-only from the first byte, even if the directory was already
        // open to others.
        write_private(&self.path, &format::encode(&entry)).map(|_| ())
    }

    /// The unsaved edits journaled for this file, if any.
    pub fn read(&self) -> Result<Option<Recovered>, JournalError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(JournalError::Io(e)),
        };
        let entry = format::decode(&bytes).map_err(JournalError::Corrupt)?;
        if entry.path != self.strategy {
            return Err(JournalError::Corrupt(format!(
                "it belongs to {}, not {}",
                entry.path, self.strategy
            )));
        }
        // A directory is compared as the snapshot its files make together.
        let on_disk = super::read_on_disk(&self.strategy_path);
        let on_disk = on_disk.as_deref();
        Ok(Some(Recovered {
            base_matches_disk: on_disk == Some(entry.base.as_bytes()),
            already_saved: on_disk == Some(entry.edited.as_bytes()),
            text: entry.edited,
            base_text: entry.base,
            written_at: entry.written_at,
        }))
    }

    /// Claims the journal for this process: `Ok(None)` when another strata
    /// already holds it (a second window on the same file), in which case
    /// this one must neither offer, write nor discard it.
    pub fn lock(&self) -> io::Result<Option<JournalLock>> {
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let mut name = self.path.clone().into_os_string();
        name.push(".lock");
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(PathBuf::from(name))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(JournalLock { _file: file })),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e),
        }
    }

    /// Removes the journal (after a save, or when the user discards the
    /// edits or a corrupt journal). No journal is not an error.
    pub fn discard(&self) -> io::Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// The file's stem, reduced to characters that are safe in any file system,
/// so a person looking in the directory sees which journal is whose.
fn readable_stem(path: &Path) -> String {
    let stem: String = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let stem = stem.trim_start_matches('.');
    if stem.is_empty() {
        "strategy".to_owned()
    } else {
        stem.to_owned()
    }
}

/// Journals and review bookmarks hold the company's strategy: every
/// directory strata creates for them, at every level it has to create (the
/// state directory, `~/.local/state` itself on a fresh account), is readable
/// by its owner only, and so is each file in them. A directory that already
/// exists is left as it is: it is the user's.
pub(super) fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

#[cfg(test)]
mod tests;
