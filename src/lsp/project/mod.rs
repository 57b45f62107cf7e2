//! One strategy as the server holds it: a file, or a directory of files
//! linted as one (so a parent in another team's file is found), merged into
//! one model, with every node's findings.
//!
//! Reading is in two speeds. [`Project::reload`] reads every file with the
//! ordinary loader, the judge of what the files mean (and of their errors,
//! as `strata lint` prints them), then cuts each into tables and checks that
//! the tables read one by one make the same strategy; a file whose layout
//! the cut does not follow is kept whole. [`Project::update`] re-reads only
//! the tables an edit touched, puts their nodes in the model, and relints
//! those nodes and their immediate links (`relint.rs`), which is all a
//! node's findings depend on (see `lint::lint_node`).
//!
//! `load.rs` is the first speed, `install.rs` puts re-read tables into the
//! model, `view.rs` is what the project shows at which bytes.

mod install;
mod load;
mod view;

use std::path::{Path, PathBuf};

use super::part::{Part, Reread};
use super::relint::Touched;
use crate::lint::{self, Diagnostic, LintConfig};
use crate::model::{Date, NodeId, Strategy};
use crate::store::Problem;

/// One strategy: its files, the merged model and the findings.
#[derive(Debug, Clone)]
pub struct Project {
    /// What `strata lint` would be given: the file, or the directory.
    pub root: PathBuf,
    /// True for a directory of files.
    pub directory: bool,
    /// The files, in name order.
    pub parts: Vec<Part>,
    /// The merged model.
    pub(super) strategy: Strategy,
    /// Where each node lives, by node index.
    homes: Vec<Option<Home>>,
    /// The `[lint]` settings in force.
    pub(super) config: LintConfig,
    /// `[lint]` has mistakes (shown where they are, in the vision's file's
    /// chunks): no findings then, as `strata lint` prints none.
    config_broken: bool,
    /// The file holding the vision (and `[lint]`).
    root_part: usize,
    /// The day horizons are measured from.
    pub(super) as_of: Date,
    /// Each node's findings, by node index.
    pub(super) findings: Vec<Vec<Diagnostic>>,
    /// The files do not load as written: what the loader said, by file.
    broken: Option<Vec<Vec<Problem>>>,
    /// Files whose diagnostics changed since they were last published.
    pub stale: Vec<bool>,
    /// How many times every file was read whole (for tests and benchmarks
    /// to see that an edit did not need it).
    pub reloads: usize,
}

/// Where a node lives: its file, its chunk, and the id that chunk's source
/// map knows it by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Home {
    /// Index of its file.
    pub part: usize,
    /// Index of its chunk in that file.
    pub chunk: usize,
    /// Its id in the chunk's source map.
    pub local: NodeId,
}
impl Project {
    /// A project of `parts` (one file, or a directory's files in name
    /// order), read as of `today` unless the strategy says otherwise.
    pub fn new(root: PathBuf, directory: bool, parts: Vec<Part>, today: Date) -> Project {
        let count = parts.len();
        let mut project = Project {
            root,
            directory,
            parts,
            strategy: Strategy::default(),
            homes: Vec::new(),
            config: LintConfig::default(),
            config_broken: false,
            root_part: 0,
            as_of: today,
            findings: Vec::new(),
            broken: None,
            stale: vec![true; count],
            reloads: 0,
        };
        project.reload(today);
        project
    }

    /// The file at `path`, if it is one of this project's.
    pub fn part_of(&self, path: &Path) -> Option<usize> {
        self.parts.iter().position(|p| p.path == path)
    }

    /// The model as last read.
    pub fn strategy(&self) -> &Strategy {
        &self.strategy
    }

    /// Where `node` lives.
    pub fn home(&self, node: NodeId) -> Option<Home> {
        self.homes.get(node.index()).copied().flatten()
    }

    /// Reads any edits waiting in the files: only the tables they touched
    /// when the cut allows, else every file again.
    pub fn update(&mut self, today: Date) {
        if self.broken.is_some() || self.parts.iter().any(|p| p.replaced) {
            self.reload(today);
            return;
        }
        let mut touched = Touched::default();
        for p in 0..self.parts.len() {
            if !self.parts[p].is_dirty() {
                continue;
            }
            // Positions after the edit moved, whatever the findings do.
            self.stale[p] = true;
            while let Some(run) = self.parts[p].last_dirty_run() {
                let installed = match self.parts[p].reread(run) {
                    Reread::Cut { replace, cuts } => self.install(p, replace, cuts, &mut touched),
                    Reread::Reload => false,
                };
                if !installed {
                    self.reload(today);
                    return;
                }
            }
        }
        self.relint(&touched);
    }
    fn rehome_all(&mut self) {
        self.homes = vec![None; self.strategy.next_id().index()];
        for p in 0..self.parts.len() {
            self.rehome(p);
        }
    }

    /// Records where the nodes of file `p` live, after its chunks changed.
    fn rehome(&mut self, p: usize) {
        let len = self.strategy.next_id().index();
        if self.homes.len() < len {
            self.homes.resize(len, None);
        }
        if self.findings.len() < len {
            self.findings.resize(len, Vec::new());
        }
        for (i, chunk) in self.parts[p].chunks.iter().enumerate() {
            for &(id, local) in &chunk.nodes {
                self.homes[id.index()] = Some(Home {
                    part: p,
                    chunk: i,
                    local,
                });
            }
        }
    }

    /// Relints what an update touched, and marks the files whose findings changed.
    fn relint(&mut self, touched: &Touched) {
        if self.config_broken {
            return;
        }
        for id in touched.to_relint(&self.strategy) {
            let found = if self.strategy.get(id).is_some() {
                lint::lint_node(&self.strategy, id, &self.config, self.as_of)
            } else {
                Vec::new()
            };
            if self.findings[id.index()] != found {
                if let Some(home) = self.home(id) {
                    self.stale[home.part] = true;
                }
                self.findings[id.index()] = found;
            }
        }
    }
}
