//! The files the editor has open, and the strategies they belong to.
//!
//! A file is a strategy's when it is one on its own (strata's node tables,
//! and `version = 1` or a `[vision]`), or when it is a `*.toml` beside
//! others in a directory where exactly one file holds the `[vision]`: then
//! the directory's files with strata tables are linted as one strategy, as
//! `strata lint DIR` reads them. Any other TOML (a `Cargo.toml`, a
//! `pyproject.toml`) is left alone: no diagnostics and no errors.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::TextDocumentContentChangeEvent;

use super::part::Part;
use super::project::Project;
use super::text::Text;
use crate::model::Date;
use crate::store;
use crate::store::tables;

/// Everything the server knows about the editor's files.
pub struct Workspace {
    /// The strategies of the open files.
    pub projects: Vec<Project>,
    /// Open files that belong to no strategy (kept in case one becomes one).
    loose: HashMap<PathBuf, Loose>,
    /// Today, for strategies without `as_of`.
    today: fn() -> Date,
    /// Files that left every project: their diagnostics must be cleared.
    cleared: Vec<PathBuf>,
}

struct Loose {
    text: Text,
    /// The editor's version of it.
    version: i32,
    /// Edited since it was last looked at.
    changed: bool,
}

impl Workspace {
    /// A workspace with nothing open; `today` is asked each time a strategy
    /// without `as_of` is read.
    pub fn new(today: fn() -> Date) -> Workspace {
        Workspace {
            projects: Vec::new(),
            loose: HashMap::new(),
            today,
            cleared: Vec::new(),
        }
    }

    /// The project and file that `path` is, if it is a strategy's.
    pub fn find(&self, path: &Path) -> Option<(usize, usize)> {
        self.projects
            .iter()
            .enumerate()
            .find_map(|(i, project)| project.part_of(path).map(|p| (i, p)))
    }

    /// The editor opened `path` with `text`.
    pub fn open(&mut self, path: PathBuf, text: String, version: i32) {
        if let Some((i, p)) = self.find(&path) {
            let project = &mut self.projects[i];
            // Published again, with the editor's version, even if unchanged.
            project.stale[p] = true;
            let part = &mut project.parts[p];
            part.open = Some(version);
            if part.text.as_str() != text {
                part.set_text(text);
            }
            return;
        }
        // A directory's strategy that this file is new to is read again.
        if tables::looks(&text).has_nodes()
            && let Some(dir) = path.parent()
            && let Some(i) = self
                .projects
                .iter()
                .position(|p| p.directory && p.root == dir)
        {
            let project = self.projects.remove(i);
            self.keep_open(&project);
            self.cleared
                .extend(project.parts.into_iter().map(|p| p.path));
        }
        self.loose.insert(
            path.clone(),
            Loose {
                text: Text::new(text),
                version,
                changed: false,
            },
        );
        self.adopt(&path);
    }

    /// The editor changed `path`.
    pub fn change(
        &mut self,
        path: &Path,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        if let Some((i, p)) = self.find(path) {
            let part = &mut self.projects[i].parts[p];
            part.open = Some(version);
            for change in changes {
                match change.range {
                    Some(range) => {
                        let span = part.text.span(range);
                        part.edit(span, &change.text);
                    }
                    None => part.set_text(change.text),
                }
            }
        } else if let Some(loose) = self.loose.get_mut(path) {
            for change in changes {
                match change.range {
                    Some(range) => {
                        let span = loose.text.span(range);
                        loose.text.replace(span, &change.text);
                    }
                    None => loose.text.set(change.text),
                }
            }
            loose.version = version;
            loose.changed = true;
        }
    }

    /// The editor closed `path`: its text is the disk's again, and a
    /// strategy none of whose files is open is forgotten.
    pub fn close(&mut self, path: &Path) {
        self.loose.remove(path);
        let Some((i, p)) = self.find(path) else {
            return;
        };
        let project = &mut self.projects[i];
        project.parts[p].open = None;
        if project.parts.iter().all(|part| part.open.is_none()) {
            let project = self.projects.remove(i);
            self.cleared
                .extend(project.parts.into_iter().map(|p| p.path));
            return;
        }
        match read(path) {
            Some(disk) if project.parts[p].text.as_str() != disk => project.parts[p].set_text(disk),
            Some(_) => {}
            // Never saved, or deleted: the others are read without it.
            None => self.disk_changed(&[path.to_path_buf()]),
        }
    }

    /// Files changed on disk (a `git pull`): the strategies they belong to,
    /// or whose directory they are in, are read again.
    pub fn disk_changed(&mut self, paths: &[PathBuf]) {
        let touched: Vec<usize> = (0..self.projects.len())
            .filter(|&i| {
                let project = &self.projects[i];
                paths.iter().any(|path| {
                    project.part_of(path).is_some()
                        || (project.directory && path.parent() == Some(project.root.as_path()))
                })
            })
            .collect();
        for i in touched.into_iter().rev() {
            let project = self.projects.remove(i);
            self.keep_open(&project);
            self.cleared
                .extend(project.parts.iter().map(|p| p.path.clone()));
            for part in project.parts.iter().filter(|p| p.open.is_some()) {
                if self.find(&part.path).is_none() {
                    self.adopt(&part.path);
                }
            }
        }
    }

    /// True when an edit is waiting to be read.
    pub fn is_dirty(&self) -> bool {
        self.loose.values().any(|l| l.changed)
            || self
                .projects
                .iter()
                .any(|p| p.parts.iter().any(Part::is_dirty))
    }

    /// Reads every waiting edit.
    pub fn flush(&mut self) {
        let today = (self.today)();
        for project in &mut self.projects {
            if project.parts.iter().any(Part::is_dirty) {
                project.update(today);
            }
        }
        let changed: Vec<PathBuf> = self
            .loose
            .iter_mut()
            .filter_map(|(path, l)| std::mem::take(&mut l.changed).then(|| path.clone()))
            .collect();
        for path in changed {
            self.adopt(&path);
        }
    }

    /// Files whose diagnostics must be cleared, taken.
    pub fn take_cleared(&mut self) -> Vec<PathBuf> {
        let in_use: Vec<PathBuf> = std::mem::take(&mut self.cleared)
            .into_iter()
            .filter(|path| self.find(path).is_none())
            .collect();
        in_use
    }

    /// Keeps the editor's text of a project's open files as loose files, so
    /// the project they are read into next sees them.
    fn keep_open(&mut self, project: &Project) {
        for part in &project.parts {
            if part.open.is_some() {
                self.loose.insert(
                    part.path.clone(),
                    Loose {
                        text: part.text.clone(),
                        version: part.open.unwrap_or(0),
                        changed: false,
                    },
                );
            }
        }
    }

    /// Makes the loose file `path` part of a new project, if it is a strategy's.
    fn adopt(&mut self, path: &Path) {
        let Some(project) = self.discover(path) else {
            return;
        };
        for part in &project.parts {
            self.loose.remove(&part.path);
        }
        self.projects.push(project);
    }

    /// The strategy `path` belongs to, read.
    fn discover(&self, path: &Path) -> Option<Project> {
        let own = self.text_of(path)?;
        let today = (self.today)();
        if let Some(dir) = path.parent() {
            let mut files = store::toml_files(dir)
                .map(|(files, _)| files)
                .unwrap_or_default();
            if !files.iter().any(|f| f == path) {
                files.push(path.to_path_buf());
                files.sort();
            }
            let mut parts = Vec::new();
            let mut visions = 0;
            for file in files {
                let Some(text) = self.text_of(&file) else {
                    continue;
                };
                let looks = tables::looks(&text);
                if !looks.has_nodes() {
                    continue;
                }
                visions += usize::from(looks.vision);
                let open = self.loose.get(&file).map(|l| l.version);
                parts.push(Part::new(file, text, open));
            }
            let mine = parts.iter().any(|p| p.path == path);
            if visions == 1 && parts.len() > 1 && mine {
                return Some(Project::new(dir.to_path_buf(), true, parts, today));
            }
        }
        let looks = tables::looks(&own);
        if looks.has_nodes() && (looks.version || looks.vision) {
            let open = self.loose.get(path).map(|l| l.version);
            let part = Part::new(path.to_path_buf(), own, open);
            return Some(Project::new(path.to_path_buf(), false, vec![part], today));
        }
        None
    }

    /// A file's text: the editor's if it has it open, else the disk's.
    fn text_of(&self, path: &Path) -> Option<String> {
        if let Some(loose) = self.loose.get(path) {
            return Some(loose.text.as_str().to_owned());
        }
        if let Some((i, p)) = self.find(path) {
            return Some(self.projects[i].parts[p].text.as_str().to_owned());
        }
        read(path)
    }
}

/// A file's text on disk; `None` if it cannot be read as UTF-8.
fn read(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
}
