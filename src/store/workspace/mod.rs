//! A strategy as it lies on disk: one file, or a directory whose `*.toml`
//! files (one per team, say) together hold one cascade.
//!
//! Fifty product managers cannot all edit one file without merge conflicts
//! on every pull; with a file per team, git merges their work. Each file is
//! read with the ordinary loader ([`parse_part`](super::load::parse_part):
//! only the vision's file must hold `[vision]`), then the nodes are merged
//! into one [`Strategy`] and linked across files exactly as within one. The
//! workspace remembers which file each node came from, so a save patches
//! each file with its own nodes only and leaves the others untouched, byte
//! for byte and unwritten.
//!
//! One file is a workspace of one part, saved exactly as
//! [`StrategyFile`](super::StrategyFile) saves it, so every command and the
//! browser handle both the same way.

mod merge;
mod route;
mod snapshot;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::file::{OpenError, SaveError, StrategyFile};
use super::{Problem, SourceMap};
use crate::model::{Field, NodeId, Strategy};

pub use merge::toml_files;
pub use snapshot::read_on_disk;

/// An opened strategy: one file or a directory of files, the text each was
/// loaded from, and which file holds which node.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// FILE as given: the strategy file, or the directory.
    path: PathBuf,
    /// True when `path` is a directory.
    directory: bool,
    /// The files, sorted by name (one for a single file).
    files: Vec<PartFile>,
    /// Index in `files` of the file holding the vision (and `as_of`,
    /// `[company]`, `[lint]`).
    root: usize,
    /// Every node that has been in a file since loading, and which file.
    /// Never shrinks: a deleted node brought back by undo goes home.
    owner: HashMap<NodeId, usize>,
    /// The merged strategy as loaded or last saved, shared with the
    /// browser, which measures its edits against the same (one copy of
    /// the model, not two: see [`Workspace::shared_baseline`]).
    baseline: Rc<Strategy>,
    /// The entries of the directory that were passed over, with why.
    skipped: Vec<Skipped>,
    /// The files the last save replaced that had other hard links.
    split_links: Vec<PathBuf>,
    /// Opened by [`Workspace::open_to_read`]: no baselines kept, never saved.
    read_only: bool,
}

/// An entry of a directory named like a strategy file (`*.toml`, not
/// hidden) that is not read: a dangling link, a link loop, a FIFO or a
/// device, a subdirectory. Every one is named in a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry.
    pub path: PathBuf,
    /// Why it is passed over, in words ("a named pipe (FIFO), not a file").
    pub why: String,
}

/// The entries of directory `dir` that opening it passes over (see
/// [`Skipped`]); nothing when it is not a directory or cannot be listed.
/// For saying what was skipped when the directory could not be opened.
pub fn skipped_in(dir: &Path) -> Vec<Skipped> {
    if !dir.is_dir() {
        return Vec::new();
    }
    merge::toml_files(dir).map_or_else(|_| Vec::new(), |(_, skipped)| skipped)
}

/// One file of a [`Workspace`]: its text and the nodes it holds.
#[derive(Debug, Clone)]
pub struct PartFile {
    path: PathBuf,
    text: String,
    /// This file's nodes as last read or saved, under the workspace's node
    /// ids, with `company` and `as_of` only in the vision's file: what the
    /// next save patches `text` against. Empty for a single file, whose
    /// baseline is the workspace's (see [`Workspace::base_of`]).
    baseline: Strategy,
    /// Where nodes and fields are in `text`, under the ids the loader gave
    /// them when it read this file alone.
    source: SourceMap,
    /// Workspace node id → the id `source` knows it by.
    local: HashMap<NodeId, NodeId>,
    warnings: Vec<Problem>,
    lint: toml::Table,
}

impl PartFile {
    /// Where the file lives (inside the directory, for a split strategy).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text as last read or saved.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What the loader warned about in this file (unknown keys and the like).
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
}

impl From<StrategyFile> for Workspace {
    fn from(file: StrategyFile) -> Workspace {
        let (path, text, baseline, source, warnings, lint) = file.into_parts();
        let owner = baseline.iter().map(|(id, _)| (id, 0)).collect();
        let local = baseline.iter().map(|(id, _)| (id, id)).collect();
        Workspace {
            path: path.clone(),
            directory: false,
            files: vec![PartFile {
                path,
                text,
                baseline: Strategy::default(),
                source,
                local,
                warnings,
                lint,
            }],
            root: 0,
            owner,
            baseline: Rc::new(baseline),
            skipped: Vec::new(),
            split_links: Vec::new(),
            read_only: false,
        }
    }
}

impl Workspace {
    /// Opens `path`: a strategy file, or a directory whose `*.toml` files
    /// (not hidden ones, not in subdirectories) hold one strategy between
    /// them. Returns the workspace and a working copy of the model to edit.
    ///
    /// Opening also clears away the temp files that a save of these files,
    /// cut short by a crash or `kill -9`, left beside them
    /// ([`remove_stale_temps`](super::remove_stale_temps)).
    pub fn open(path: &Path) -> Result<(Workspace, Strategy), OpenError> {
        let (workspace, strategy) = if path.is_dir() {
            merge::open_directory(path, false)?
        } else {
            let (file, strategy) = StrategyFile::open(path)?;
            (Workspace::from(file), strategy)
        };
        Ok((workspace.tidied(), strategy))
    }

    /// The workspace, with the stale temp files beside its files removed.
    fn tidied(self) -> Workspace {
        for file in self.files() {
            super::remove_stale_temps(file.path());
        }
        self
    }

    /// Opens `path` as [`Workspace::open`] does, for a command that only
    /// reads (lint, tree, export, ...): a single file keeps no copies of the
    /// model to save against (two fewer models in memory), and saving such a
    /// workspace is refused; nor does a directory, or any of its files.
    pub fn open_to_read(path: &Path) -> Result<(Workspace, Strategy), OpenError> {
        if path.is_dir() {
            let (workspace, strategy) = merge::open_directory(path, true)?;
            return Ok((workspace.tidied(), strategy));
        }
        let (file, strategy) = StrategyFile::open_to_read(path)?;
        super::remove_stale_temps(file.path());
        let (path, text, _, source, warnings, lint) = file.into_parts();
        let owner = strategy.iter().map(|(id, _)| (id, 0)).collect();
        let local = strategy.iter().map(|(id, _)| (id, id)).collect();
        Ok((
            Workspace {
                path: path.clone(),
                directory: false,
                files: vec![PartFile {
                    path,
                    text,
                    baseline: Strategy::default(),
                    source,
                    local,
                    warnings,
                    lint,
                }],
                root: 0,
                owner,
                baseline: Rc::default(),
                skipped: Vec::new(),
                split_links: Vec::new(),
                read_only: true,
            },
            strategy,
        ))
    }

    /// The strategy that the files `files` (path, text) of directory `dir`
    /// hold together, read as [`Workspace::open`] reads a directory: for the
    /// same files as they were at an earlier git revision.
    pub fn from_texts(
        dir: &Path,
        files: Vec<(PathBuf, String)>,
    ) -> Result<(Workspace, Strategy), OpenError> {
        merge::merge(dir, files)
    }

    /// Rebuilds a workspace from a [`Workspace::snapshot`] (what the recovery
    /// journal keeps), as if its files had been read at `path`.
    pub fn from_snapshot(path: &Path, text: String) -> Result<(Workspace, Strategy), OpenError> {
        match snapshot::decode(&text) {
            // Each name must be a file directly in the directory: a damaged
            // journal must never make a later save write anywhere else.
            Some(Ok(files))
                if files.iter().any(|(name, _)| {
                    let mut parts = Path::new(name).components();
                    !matches!(
                        (parts.next(), parts.next()),
                        (Some(std::path::Component::Normal(_)), None)
                    )
                }) =>
            {
                Err(OpenError::Io(
                    path.to_path_buf(),
                    io::Error::new(
                        io::ErrorKind::InvalidData,
                        "the recovery journal names a file outside the directory",
                    ),
                ))
            }
            Some(Ok(files)) => {
                let files = files
                    .into_iter()
                    .map(|(name, text)| (path.join(name), text))
                    .collect();
                merge::merge(path, files)
            }
            Some(Err(why)) => Err(OpenError::Io(
                path.to_path_buf(),
                io::Error::new(io::ErrorKind::InvalidData, why),
            )),
            None => {
                let (file, strategy) = StrategyFile::from_text(path, text)?;
                Ok((Workspace::from(file), strategy))
            }
        }
    }

    /// FILE as given: the strategy file or the directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when the strategy is split across the files of a directory.
    pub fn is_directory(&self) -> bool {
        self.directory
    }

    /// The files, in name order.
    pub fn files(&self) -> &[PartFile] {
        &self.files
    }

    /// The file that holds the vision, `as_of`, `[company]` and `[lint]`.
    pub fn root(&self) -> &PartFile {
        &self.files[self.root]
    }

    /// The raw `[lint]` table (from the vision's file).
    pub fn lint(&self) -> &toml::Table {
        &self.root().lint
    }

    /// How many warnings the loader printed, over all files, counting each
    /// skipped entry of a directory as one.
    pub fn warning_count(&self) -> usize {
        self.files.iter().map(|f| f.warnings.len()).sum::<usize>() + self.skipped.len()
    }

    /// Every problem loading found, as the commands print it (no colour):
    /// one text per skipped entry and per file with warnings, for the
    /// browser's panel of load problems.
    pub fn load_report(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .skipped
            .iter()
            .map(|entry| format!("warning: skipped {}: {}\n", entry.path.display(), entry.why))
            .collect();
        for file in &self.files {
            if !file.warnings().is_empty() {
                let shown = file.path().display().to_string();
                out.push(super::render(&shown, file.text(), file.warnings(), false));
            }
        }
        out
    }

    /// The entries of the directory that were not read (see [`Skipped`]).
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The files the last save replaced that had other hard links: those
    /// other names keep the text from before the save (the link is split;
    /// see [`write_atomic_with`](super::write_atomic_with)).
    pub fn split_links(&self) -> &[PathBuf] {
        &self.split_links
    }

    /// The merged model as loaded or last saved.
    pub fn baseline(&self) -> &Strategy {
        &self.baseline
    }

    /// The baseline itself, for a browser to keep as what it last saved
    /// without a copy of its own.
    pub fn shared_baseline(&self) -> Rc<Strategy> {
        Rc::clone(&self.baseline)
    }

    /// What file `i`'s next save is patched against: its share of the
    /// baseline, which for a single file is the baseline itself, kept once
    /// (a second copy of the model was a seventh of the browser's memory).
    fn base_of(&self, i: usize) -> &Strategy {
        if self.directory {
            &self.files[i].baseline
        } else {
            &self.baseline
        }
    }

    /// The file `node` was loaded from or last saved to; `None` for a node
    /// that has never been saved.
    pub fn file_of(&self, node: NodeId) -> Option<&PartFile> {
        self.owner.get(&node).map(|&i| &self.files[i])
    }

    /// The file and the bytes in it that a finding about `range` of `node`'s
    /// `field` points at (see [`SourceMap::locate`]).
    pub fn locate(
        &self,
        node: NodeId,
        field: Field,
        range: Range<usize>,
    ) -> (&PartFile, Range<usize>) {
        let Some(file) = self.file_of(node) else {
            return (self.root(), 0..0);
        };
        let span = match file.local.get(&node) {
            Some(&local) => file.source.locate(&file.text, local, field, range),
            None => 0..0,
        };
        (file, span)
    }

    /// True when `current` differs from what is on disk.
    pub fn is_dirty(&self, current: &Strategy) -> bool {
        let owners = self.assign(current);
        self.files
            .iter()
            .enumerate()
            .any(|(i, _)| *self.base_of(i) != self.project(current, &owners, i))
    }

    /// Saves `current`, each node to its own file, refusing if a file that
    /// would be written changed on disk. Files whose text does not change
    /// are not written at all.
    pub fn save(&mut self, current: &Strategy) -> Result<(), SaveError> {
        self.save_with(current, |file, bytes| file.write_all(bytes))
    }

    /// [`Workspace::save`] with the write step supplied by the caller (a test
    /// seam); it is called once per file written.
    pub fn save_with(
        &mut self,
        current: &Strategy,
        mut write: impl FnMut(&mut File, &[u8]) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        self.write_files(current, route::Mode::Save, &mut write)
    }

    /// Saves `current` without checking what is on disk (after the user chose
    /// "overwrite"), or, for a single file, to another `path`, where the file
    /// then lives. A directory cannot be saved as one file: that is refused.
    pub fn save_as(&mut self, path: &Path, current: &Strategy) -> Result<(), SaveError> {
        let mut write = |file: &mut File, bytes: &[u8]| file.write_all(bytes);
        if path == self.path {
            self.write_files(current, route::Mode::Overwrite, &mut write)
        } else if self.directory {
            Err(SaveError::Patch(format!(
                "{} is a directory of files and cannot be saved as one file; \
                 save it (ctrl-s, or overwrite), or copy the directory",
                self.path.display()
            )))
        } else {
            self.write_files(current, route::Mode::SaveAs(path.to_path_buf()), &mut write)
        }
    }

    /// The text the edits are made on, as the recovery journal keeps it: the
    /// file's text, or for a directory all its files in one text.
    pub fn snapshot(&self) -> String {
        if self.directory {
            snapshot::encode(
                self.files
                    .iter()
                    .map(|f| (file_name(&f.path), f.text.as_str())),
            )
        } else {
            self.files[0].text.clone()
        }
    }

    /// What [`Workspace::snapshot`] would be after saving `current`.
    pub fn edited_snapshot(&self, current: &Strategy) -> Result<String, String> {
        let owners = self.assign(current);
        let texts = (0..self.files.len())
            .map(|i| {
                let file = &self.files[i];
                let projection = self.project(current, &owners, i);
                super::patch(&file.text, self.base_of(i), &projection)
            })
            .collect::<Result<Vec<String>, String>>()?;
        if !self.directory {
            return Ok(texts.into_iter().next().unwrap_or_default());
        }
        Ok(snapshot::encode(
            self.files
                .iter()
                .zip(&texts)
                .map(|(f, text)| (file_name(&f.path), text.as_str())),
        ))
    }
}

/// The name of a file inside its directory, as the snapshot records it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod read_only_tests;
