//! Saving a workspace: each node goes back to the file it came from, a new
//! node to its parent's file, and each file is patched with its own nodes
//! only. Every new text is produced and read back, and every file to be
//! written is checked against the disk, before the first byte is written.

use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::PathBuf;
use std::rc::Rc;

use super::{PartFile, Workspace};
use crate::model::{NodeId, Strategy};
use crate::store::file::SaveError;
use crate::store::load::{Loaded, parse, parse_part};
use crate::store::{atomic, patch, same_content};

/// What kind of save is asked for.
pub(super) enum Mode {
    /// Refuse if a file to be written changed on disk.
    Save,
    /// Write without looking at the disk (the user chose "overwrite").
    Overwrite,
    /// Write the single file to another path, where it then lives.
    SaveAs(PathBuf),
}

/// One file's new text, read back, ready to write.
struct Planned {
    file: usize,
    text: String,
    loaded: Loaded,
    projection: Strategy,
}

/// The nodes of `strategy` that `keep` selects, under the same node ids and
/// in the same order; with the company and `as_of` when `top` is true (the
/// vision's file), without them otherwise.
pub(super) fn project(strategy: &Strategy, top: bool, keep: impl Fn(NodeId) -> bool) -> Strategy {
    let mut out = strategy.subset(keep);
    if !top {
        out.company = String::new();
        out.as_of = None;
    }
    out
}

impl Workspace {
    /// Which file each node of `current` is saved to: the one it came from,
    /// even after it moved to a parent in another file; for a new node, its
    /// parent's file (walking up while the parent is new too); the vision's
    /// file when nothing above it has a file.
    pub(super) fn assign(&self, current: &Strategy) -> HashMap<NodeId, usize> {
        current
            .iter()
            .map(|(id, _)| {
                let mut at = id;
                let file = loop {
                    if let Some(&file) = self.owner.get(&at) {
                        break file;
                    }
                    match current.parent(at) {
                        Some(parent) => at = parent,
                        None => break self.root,
                    }
                };
                (id, file)
            })
            .collect()
    }

    /// File `i`'s share of `current`, given where each node goes.
    pub(super) fn project(
        &self,
        current: &Strategy,
        owners: &HashMap<NodeId, usize>,
        i: usize,
    ) -> Strategy {
        if self.files.len() == 1 {
            return current.clone();
        }
        project(current, i == self.root, |id| owners.get(&id) == Some(&i))
    }

    pub(super) fn write_files(
        &mut self,
        current: &Strategy,
        mode: Mode,
        write: &mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>,
    ) -> Result<(), SaveError> {
        if self.read_only {
            // No baseline to patch against: writing would lose the file's
            // comments and layout. Only commands that never save open so.
            return Err(SaveError::Patch(
                "the strategy was opened to read, not to save".into(),
            ));
        }
        let owners = self.assign(current);
        // A new path gets the whole file; so does a single file the user chose
        // to overwrite. In a directory, "overwrite" still writes only the
        // files with edits: the others hold nothing of ours to put back.
        let force = match mode {
            Mode::SaveAs(_) => true,
            Mode::Overwrite => !self.directory,
            Mode::Save => false,
        };
        let mut plans = Vec::new();
        for i in 0..self.files.len() {
            let projection = self.project(current, &owners, i);
            let file = &self.files[i];
            if projection == *self.base_of(i) && !force {
                continue;
            }
            let text = patch(&file.text, self.base_of(i), &projection)
                .map_err(|why| SaveError::Patch(self.about(i, &why)))?;
            let loaded = self.read_back(i, &text, &projection)?;
            plans.push(Planned {
                file: i,
                text,
                loaded,
                projection,
            });
        }
        let changed: Vec<usize> = plans
            .iter()
            .filter(|p| force || p.text != self.files[p.file].text)
            .map(|p| p.file)
            .collect();
        if let Mode::Save = mode {
            // Only files about to be written can be overwritten: a colleague's
            // change to another team's file is not a conflict. With nothing
            // to write, every file is looked at, so "saved" never hides one.
            let check: Vec<usize> = if changed.is_empty() {
                (0..self.files.len()).collect()
            } else {
                changed.clone()
            };
            for i in check {
                self.unchanged_on_disk(&self.files[i])?;
            }
        }
        let destination = |file: &PartFile| match &mode {
            Mode::SaveAs(path) => path.clone(),
            _ => file.path.clone(),
        };
        // A file the user may not write is not replaced, and in a directory
        // no file is written when one of them cannot be.
        for &i in &changed {
            let path = destination(&self.files[i]);
            if atomic::is_read_only(&path) {
                return Err(SaveError::ReadOnly(path));
            }
        }
        self.split_links.clear();
        let mut written = 0;
        for plan in plans {
            if changed.contains(&plan.file) {
                let path = destination(&self.files[plan.file]);
                match atomic::write_atomic_with(&path, plan.text.as_bytes(), |f, b| write(f, b)) {
                    Ok(replaced) if replaced.split_hard_link => self.split_links.push(path),
                    Ok(_) => {}
                    Err(e) => return Err(SaveError::Io(self.write_error(plan.file, e, written))),
                }
                written += 1;
            }
            let path = destination(&self.files[plan.file]);
            self.commit(plan, path);
        }
        if let Mode::SaveAs(path) = mode {
            self.path = path;
        }
        self.baseline = Rc::new(current.clone());
        Ok(())
    }

    /// Parses a file's new text and checks it holds exactly `projection`: a
    /// patching bug costs a refused save, never a word on disk.
    fn read_back(&self, i: usize, text: &str, projection: &Strategy) -> Result<Loaded, SaveError> {
        let parsed = if self.directory {
            parse_part(text)
        } else {
            parse(text)
        };
        let loaded = parsed.map_err(|problems| {
            let first = problems
                .first()
                .map_or_else(String::new, |p| p.message.clone());
            SaveError::Patch(self.about(
                i,
                &format!("the updated file would not load ({first}); nothing was written"),
            ))
        })?;
        if !same_content(&loaded.strategy, projection) {
            return Err(SaveError::Patch(self.about(
                i,
                "the updated file would not read back as your edits; nothing was written. \
                 Please report this with the file",
            )));
        }
        Ok(loaded)
    }

    /// Fails with `ChangedOnDisk` unless `file` still holds the text it was read with.
    fn unchanged_on_disk(&self, file: &PartFile) -> Result<(), SaveError> {
        let on_disk = crate::store::file::on_disk_before_save(&file.path)?;
        if on_disk != file.text.as_bytes() {
            return Err(SaveError::ChangedOnDisk);
        }
        Ok(())
    }

    /// Makes a planned text the file's new state (whether or not it had to be
    /// written): its text, baseline and positions, and its nodes' home.
    fn commit(&mut self, plan: Planned, path: PathBuf) {
        for (id, _) in plan.projection.iter() {
            self.owner.insert(id, plan.file);
        }
        let file = &mut self.files[plan.file];
        // The read-back has the same nodes in the same order at every level
        // (checked by `same_content`), so ids pair up level by level.
        file.local = crate::model::Level::ALL
            .into_iter()
            .flat_map(|level| {
                plan.projection
                    .at_level(level)
                    .zip(plan.loaded.strategy.at_level(level))
                    .collect::<Vec<_>>()
            })
            .collect();
        file.path = path;
        file.text = plan.text;
        if self.directory {
            file.baseline = plan.projection;
        }
        file.source = plan.loaded.source;
        file.warnings = plan.loaded.warnings;
        file.lint = plan.loaded.lint;
    }

    /// A message about file `i`, naming it when there are several.
    fn about(&self, i: usize, why: &str) -> String {
        if self.directory {
            format!("{}: {why}", self.files[i].path.display())
        } else {
            why.to_owned()
        }
    }

    /// A write error naming the file, and for a directory how many were saved.
    fn write_error(&self, i: usize, e: io::Error, written: usize) -> io::Error {
        if !self.directory {
            return e;
        }
        let saved = match written {
            0 => "no file was changed".to_owned(),
            1 => "1 other file was saved".to_owned(),
            n => format!("{n} other files were saved"),
        };
        io::Error::new(
            e.kind(),
            format!("{}: {e} ({saved})", self.files[i].path.display()),
        )
    }
}
