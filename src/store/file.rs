//! A strategy file on disk: opened once, saved many times, never clobbering
//! a colleague's change made in between.

use std::fmt;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Loaded, Problem, SourceMap, atomic, parse, patch};
use crate::model::Strategy;

/// An opened strategy file: its path, the text the model was built from, and
/// the model as loaded (the baseline saves are patched against).
#[derive(Debug, Clone)]
pub struct StrategyFile {
    path: PathBuf,
    text: String,
    baseline: Strategy,
    /// Where nodes and fields are in [`StrategyFile::text`].
    pub source: SourceMap,
    /// Load warnings (unknown keys and the like).
    pub warnings: Vec<Problem>,
    /// The raw `[lint]` table.
    pub lint: toml::Table,
}

/// Why a file could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The file does not exist.
    NotFound(PathBuf),
    /// Reading failed for another reason.
    Io(PathBuf, io::Error),
    /// The bytes are not UTF-8 (TOML requires it).
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Where the first bad byte is.
        at: super::Position,
        /// That line, with bad bytes replaced by U+FFFD.
        line: String,
    },
    /// The file was read but is not a valid strategy.
    Invalid {
        /// The file.
        path: PathBuf,
        /// Its text, for quoting the problems.
        text: String,
        /// Everything wrong with it, in file order.
        problems: Vec<Problem>,
    },
    /// Something other than a regular file is there (a FIFO, a device):
    /// strata never reads from one, so it never hangs or floods on one.
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What is there, in words ("a named pipe (FIFO)").
        kind: &'static str,
    },
    /// The file is bigger than strata reads (see
    /// [`max_file_size`](super::max_file_size)).
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (at least this much).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// FILE is a directory with no `*.toml` file in it.
    EmptyDirectory(PathBuf),
    /// FILE is a directory, and none of its files holds the `[vision]`.
    NoVision {
        /// The directory.
        path: PathBuf,
        /// The files that were read, in name order.
        files: Vec<PathBuf>,
    },
    /// FILE is a directory, and some of its files cannot be used: one error
    /// per such file (each an `Io`, `NotUtf8` or `Invalid`), in name order.
    Files {
        /// The directory.
        path: PathBuf,
        /// What is wrong, file by file.
        errors: Vec<OpenError>,
    },
}

/// Why a save did not happen. In every case the file on disk is unchanged and
/// the edits are still in memory.
#[derive(Debug)]
pub enum SaveError {
    /// Someone changed (or removed) the file since it was loaded; saving would
    /// overwrite their work. The UI asks what to do.
    ChangedOnDisk,
    /// The file is read-only for this user (`chmod 444`, another user's
    /// file): it is not replaced behind their back. The UI offers save as.
    ReadOnly(PathBuf),
    /// The new text could not be produced from the old one.
    Patch(String),
    /// Writing failed (disk full, read-only directory, …).
    Io(io::Error),
}

/// One line for a status bar (`strata FILE` prints the full report with
/// every problem at its line instead).
impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |path: &Path| crate::sanitize::line(&path.display().to_string()).into_owned();
        match self {
            OpenError::NotFound(path) => write!(f, "{} is gone (moved or deleted?)", shown(path)),
            OpenError::Io(path, e) => write!(f, "cannot read {}: {e}", shown(path)),
            OpenError::NotUtf8 { path, at, .. } => {
                write!(
                    f,
                    "{}:{}:{} is not UTF-8 text",
                    shown(path),
                    at.line,
                    at.column
                )
            }
            OpenError::Invalid { path, problems, .. } => write!(
                f,
                "{} has {} problem{}; `strata lint` shows them",
                shown(path),
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
            OpenError::NotAFile { path, kind } => {
                write!(f, "{} is {kind}, not a file", shown(path))
            }
            OpenError::TooLarge { path, size, limit } => write!(
                f,
                "{} is {}, more than strata reads ({})",
                shown(path),
                super::read::human_size(*size),
                super::read::human_size(*limit)
            ),
            OpenError::EmptyDirectory(path) => write!(f, "{} holds no *.toml file", shown(path)),
            OpenError::NoVision { path, .. } => {
                write!(f, "no file in {} holds the [vision]", shown(path))
            }
            OpenError::Files { path, errors } => write!(
                f,
                "{} file{} in {} cannot be read; `strata lint` shows why",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                shown(path)
            ),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ChangedOnDisk => f.write_str("the file changed on disk since it was loaded"),
            SaveError::ReadOnly(path) => write!(
                f,
                "{} is read-only, so it was not replaced",
                crate::sanitize::line(&path.display().to_string())
            ),
            SaveError::Patch(why) => write!(f, "could not update the file: {why}"),
            SaveError::Io(e) => write!(f, "could not write the file: {e}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// The [`OpenError`] for a [`ReadError`](super::read::ReadError) of `path`.
pub(super) fn read_failed(path: &Path, error: super::read::ReadError) -> OpenError {
    use super::read::ReadError;
    let path = path.to_path_buf();
    match error {
        ReadError::NotFound => OpenError::NotFound(path),
        ReadError::NotAFile(kind) => OpenError::NotAFile { path, kind },
        ReadError::TooLarge { size, limit } => OpenError::TooLarge { path, size, limit },
        ReadError::Io(e) => OpenError::Io(path, e),
    }
}

/// What is on disk at `path` before a save: its bytes; `ChangedOnDisk` when
/// it is gone or no longer a file strata reads (saving then asks first).
pub(super) fn on_disk_before_save(path: &Path) -> Result<Vec<u8>, SaveError> {
    use super::read::ReadError;
    super::read::read_regular(path).map_err(|e| match e {
        ReadError::Io(e) => SaveError::Io(e),
        ReadError::NotFound | ReadError::NotAFile(_) | ReadError::TooLarge { .. } => {
            SaveError::ChangedOnDisk
        }
    })
}

pub(super) fn not_utf8(path: &Path, error: std::string::FromUtf8Error) -> OpenError {
    let valid_up_to = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    let line_start = bytes[..valid_up_to]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = bytes[valid_up_to..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| valid_up_to + i);
    let before = String::from_utf8_lossy(&bytes[line_start..valid_up_to]);
    OpenError::NotUtf8 {
        path: path.to_path_buf(),
        at: super::Position {
            line: bytes[..line_start].iter().filter(|&&b| b == b'\n').count() + 1,
            column: before.chars().count() + 1,
        },
        line: String::from_utf8_lossy(&bytes[line_start..line_end]).into_owned(),
    }
}

impl StrategyFile {
    /// Reads and parses `path`; returns the file and a working copy of the model to edit.
    pub fn open(path: &Path) -> Result<(StrategyFile, Strategy), OpenError> {
        let bytes = super::read::read_regular(path).map_err(|e| read_failed(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| not_utf8(path, e))?;
        Self::from_text(path, text)
    }

    /// Parses `text` as if it had been read from `path`.
    pub fn from_text(path: &Path, text: String) -> Result<(StrategyFile, Strategy), OpenError> {
        Self::from_text_keeping(path, text, true)
    }

    /// Reads and parses `path` for a command that never saves it: no copy
    /// of the model is kept to patch against (the file's baseline is empty).
    pub(super) fn open_to_read(path: &Path) -> Result<(StrategyFile, Strategy), OpenError> {
        let bytes = super::read::read_regular(path).map_err(|e| read_failed(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| not_utf8(path, e))?;
        Self::from_text_keeping(path, text, false)
    }

    fn from_text_keeping(
        path: &Path,
        text: String,
        keep_baseline: bool,
    ) -> Result<(StrategyFile, Strategy), OpenError> {
        match parse(&text) {
            Ok(Loaded {
                strategy,
                source,
                warnings,
                lint,
            }) => {
                let file = StrategyFile {
                    path: path.to_path_buf(),
                    text,
                    baseline: if keep_baseline {
                        strategy.clone()
                    } else {
                        Strategy::default()
                    },
                    source,
                    warnings,
                    lint,
                };
                Ok((file, strategy))
            }
            Err(problems) => Err(OpenError::Invalid {
                path: path.to_path_buf(),
                text,
                problems,
            }),
        }
    }

    /// Everything the file holds, for a [`Workspace`](super::Workspace) of one file.
    pub(super) fn into_parts(
        self,
    ) -> (
        PathBuf,
        String,
        Strategy,
        SourceMap,
        Vec<Problem>,
        toml::Table,
    ) {
        (
            self.path,
            self.text,
            self.baseline,
            self.source,
            self.warnings,
            self.lint,
        )
    }

    /// Where the file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text as last read or saved.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The model as last read or saved.
    pub fn baseline(&self) -> &Strategy {
        &self.baseline
    }

    /// True when `current` differs from what is on disk.
    pub fn is_dirty(&self, current: &Strategy) -> bool {
        &self.baseline != current
    }

    /// Saves `current` over the file, refusing if the file changed on disk.
    pub fn save(&mut self, current: &Strategy) -> Result<(), SaveError> {
        self.save_with(current, |file, bytes| file.write_all(bytes))
    }

    /// [`StrategyFile::save`] with the write step supplied by the caller (a test seam).
    pub fn save_with(
        &mut self,
        current: &Strategy,
        write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        let on_disk = on_disk_before_save(&self.path)?;
        if on_disk != self.text.as_bytes() {
            return Err(SaveError::ChangedOnDisk);
        }
        self.write_to(self.path.clone(), current, write)
    }

    /// Saves `current` to `path` without checking what is there (after the user
    /// chose "overwrite" or "save as"); the file then lives at `path`.
    pub fn save_as(&mut self, path: &Path, current: &Strategy) -> Result<(), SaveError> {
        self.write_to(path.to_path_buf(), current, |file, bytes| {
            file.write_all(bytes)
        })
    }

    fn write_to(
        &mut self,
        path: PathBuf,
        current: &Strategy,
        write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        let new_text = patch(&self.text, &self.baseline, current).map_err(SaveError::Patch)?;
        // The text must read back as exactly what the user has on screen
        // before it may replace anything: a patching bug then costs a refused
        // save (with every edit still in memory), never a word on disk.
        let loaded = parse(&new_text).map_err(|problems| {
            let first = problems
                .first()
                .map_or_else(String::new, |p| p.message.clone());
            SaveError::Patch(format!(
                "the updated file would not load ({first}); nothing was written"
            ))
        })?;
        if !super::save::same_content(&loaded.strategy, current) {
            return Err(SaveError::Patch(
                "the updated file would not read back as your edits; nothing was written. \
                 Please report this with the file"
                    .to_owned(),
            ));
        }
        if atomic::is_read_only(&path) {
            return Err(SaveError::ReadOnly(path));
        }
        atomic::write_atomic_with(&path, new_text.as_bytes(), write).map_err(SaveError::Io)?;
        // Positions from what was written, so later reports point right.
        self.source = loaded.source;
        self.warnings = loaded.warnings;
        self.lint = loaded.lint;
        self.path = path;
        self.text = new_text;
        self.baseline = current.clone();
        Ok(())
    }
}
