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

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::part::{Chunk, Cut, Kind, Part, Reread};
use super::relint::Touched;
use crate::lint::{self, Diagnostic, LintConfig};
use crate::model::{Date, Node, NodeId, Strategy};
use crate::store::{self, OpenError, Problem, Workspace};

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

    /// Reads every file with the loader and lints the whole strategy.
    pub fn reload(&mut self, today: Date) {
        self.reloads += 1;
        self.stale = vec![true; self.parts.len()];
        self.config_broken = false;
        self.as_of = today;
        for part in &mut self.parts {
            part.replaced = false;
            part.chunks.clear();
        }
        let oracle = match self.oracle() {
            Ok(oracle) => oracle,
            Err(problems) => {
                self.broken = Some(problems);
                self.strategy = Strategy::default();
                self.homes.clear();
                self.findings.clear();
                return;
            }
        };
        self.broken = None;
        let cuts: Vec<Option<Vec<Cut>>> = self.parts.iter().map(Part::cut).collect();
        self.assemble(cuts, &oracle);
        if !store::same_content(&self.strategy, &oracle.strategy) {
            // A layout the cut misread: every file is kept whole.
            self.assemble(Vec::new(), &oracle);
        }
        for (part, warnings) in self.parts.iter_mut().zip(oracle.warnings) {
            place(part, warnings);
        }
        self.root_part = self
            .strategy
            .vision()
            .and_then(|v| self.home(v))
            .map_or(0, |h| h.part);
        match LintConfig::from_toml(&oracle.lint) {
            Ok(config) => self.config = config,
            Err(errors) => {
                let root = &mut self.parts[self.root_part];
                let problems = errors
                    .iter()
                    .map(|e| {
                        let span =
                            store::lint_key_span(root.text.as_str(), &e.path).unwrap_or(0..0);
                        Problem::error(span, format!("[lint]: {}", e.message)).help(e.help.clone())
                    })
                    .collect();
                place(root, problems);
                self.config = LintConfig::default();
                self.config_broken = true;
            }
        }
        self.as_of = self.strategy.as_of.unwrap_or(today);
        self.findings = vec![Vec::new(); self.homes.len()];
        if !self.config_broken {
            for d in lint::lint_strategy(&self.strategy, &self.config, self.as_of) {
                self.findings[d.node.index()].push(d);
            }
        }
    }

    /// What the loader makes of the files together; by file, what is wrong.
    fn oracle(&self) -> Result<Oracle, Vec<Vec<Problem>>> {
        if !self.directory {
            let loaded = store::parse(self.parts[0].text.as_str()).map_err(|p| vec![p])?;
            return Ok(Oracle {
                strategy: loaded.strategy,
                warnings: vec![loaded.warnings],
                lint: loaded.lint,
                whole: vec![Some(loaded.source)],
            });
        }
        let files = self
            .parts
            .iter()
            .map(|p| (p.path.clone(), p.text.as_str().to_owned()))
            .collect();
        let (workspace, strategy) = Workspace::from_texts(&self.root, files)
            .map_err(|error| problems_by_part(error, &self.parts))?;
        let warnings = self
            .parts
            .iter()
            .map(|part| {
                workspace
                    .files()
                    .iter()
                    .find(|f| f.path() == part.path)
                    .map(|f| f.warnings().to_vec())
                    .unwrap_or_default()
            })
            .collect();
        Ok(Oracle {
            strategy,
            warnings,
            lint: workspace.lint().clone(),
            whole: vec![None; self.parts.len()],
        })
    }

    /// Builds the model from the files: each from its tables where `cuts`
    /// has them, else whole. An empty `cuts` reads every file whole.
    fn assemble(&mut self, cuts: Vec<Option<Vec<Cut>>>, oracle: &Oracle) {
        let mut strategy = Strategy::default();
        let mut cuts = cuts.into_iter();
        for (p, part) in self.parts.iter_mut().enumerate() {
            part.chunks.clear();
            match cuts.next().flatten() {
                Some(cuts) => {
                    for cut in cuts {
                        let mut chunk = Chunk::new(cut.start, cut.kind);
                        if let Some(Ok(loaded)) = cut.read {
                            for (local, node) in loaded.strategy.iter() {
                                chunk
                                    .nodes
                                    .push((strategy.push_unlinked(node.clone()), local));
                            }
                            chunk.source = loaded.source;
                        }
                        part.chunks.push(chunk);
                    }
                }
                None => {
                    let mut chunk = Chunk::new(0, Kind::Whole);
                    let loaded = match oracle.whole.get(p).cloned().flatten() {
                        Some(source) => Some((oracle.strategy.clone(), source)),
                        None => store::parse_part(part.text.as_str())
                            .ok()
                            .map(|l| (l.strategy, l.source)),
                    };
                    if let Some((own, source)) = loaded {
                        for (local, node) in own.iter() {
                            chunk
                                .nodes
                                .push((strategy.push_unlinked(node.clone()), local));
                        }
                        chunk.source = source;
                    }
                    part.chunks.push(chunk);
                }
            }
        }
        strategy.company = oracle.strategy.company.clone();
        strategy.as_of = oracle.strategy.as_of;
        strategy.relink();
        self.strategy = strategy;
        self.rehome_all();
    }

    /// Puts the tables `cuts`, re-read from chunks `replace` of file `p`,
    /// into the model. False when they cannot be placed without the loader
    /// (a node key used twice, a new table that does not load).
    fn install(
        &mut self,
        p: usize,
        replace: Range<usize>,
        cuts: Vec<Cut>,
        touched: &mut Touched,
    ) -> bool {
        let old: Vec<(usize, NodeId)> = replace
            .clone()
            .filter_map(|i| Some((i, self.parts[p].chunks[i].nodes.first()?.0)))
            .collect();
        let pairs = pair(&self.parts[p].chunks, &old, &cuts);
        // Nodes no table holds any more go first, so their keys are free.
        for &(_, id) in old.iter().filter(|(_, id)| !pairs.contains(&Some(*id))) {
            touched.before(&self.strategy, id);
            self.strategy.remove(id);
            touched.changed(id, true);
        }
        let mut chunks = Vec::with_capacity(cuts.len());
        let mut placed: Option<NodeId> = self.node_before(p, replace.start);
        for (cut, old_id) in cuts.into_iter().zip(pairs) {
            let mut chunk = Chunk::new(cut.start, cut.kind);
            match (cut.read, old_id) {
                (Some(Ok(loaded)), id) => {
                    let Some((local, node)) =
                        loaded.strategy.iter().next().map(|(l, n)| (l, n.clone()))
                    else {
                        return false;
                    };
                    let id = match id {
                        Some(id) => {
                            let old = self.strategy.node(id);
                            if *old != node {
                                let renamed = old.id != node.id || old.level != node.level;
                                touched.before(&self.strategy, id);
                                if !self.strategy.replace(id, node) {
                                    return false;
                                }
                                touched.changed(id, renamed);
                            }
                            id
                        }
                        None => {
                            if self.strategy.find(node.level, &node.id).is_some() {
                                return false;
                            }
                            let id = self.strategy.next_id();
                            let at = placed
                                .and_then(|prev| self.strategy.position(prev))
                                .map_or_else(|| self.first_position_after(p), |i| i + 1);
                            if !self.strategy.insert_at(id, node, at) {
                                return false;
                            }
                            touched.changed(id, true);
                            id
                        }
                    };
                    chunk.nodes.push((id, local));
                    chunk.source = loaded.source;
                    chunk.warnings = loaded.warnings;
                    placed = Some(id);
                }
                (Some(Err(errors)), Some(id)) => {
                    // The node keeps what it last loaded with; the file shows the errors.
                    let Some(&(previous, _)) = old.iter().find(|(_, o)| *o == id) else {
                        return false;
                    };
                    let before = &self.parts[p].chunks[previous];
                    chunk.nodes = before.nodes.clone();
                    chunk.source = before.source.clone();
                    chunk.errors = errors;
                    placed = Some(id);
                }
                _ => return false,
            }
            chunks.push(chunk);
        }
        self.parts[p].chunks.splice(replace, chunks);
        self.rehome(p);
        true
    }

    /// The last node of file `p` before chunk `chunk`, or of the files before it.
    fn node_before(&self, p: usize, chunk: usize) -> Option<NodeId> {
        let own = self.parts[p].chunks[..chunk].iter().rev();
        let earlier = self.parts[..p]
            .iter()
            .rev()
            .flat_map(|part| part.chunks.iter().rev());
        own.chain(earlier)
            .find_map(|c| c.nodes.last())
            .map(|&(id, _)| id)
    }

    /// Where in file order a node goes that has no node before it: before
    /// the first node of file `p` and the files after it.
    fn first_position_after(&self, p: usize) -> usize {
        self.parts[p..]
            .iter()
            .flat_map(|part| part.chunks.iter())
            .flat_map(|c| c.nodes.iter())
            .find_map(|&(id, _)| self.strategy.position(id))
            .unwrap_or(0)
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

    /// The loader's problems to show in file `p`: while the files do not
    /// load (as the loader read them, or a table as re-read), why, file by
    /// file; else its warnings and, in the vision's file, mistakes in
    /// `[lint]`. Spans are in the file.
    pub fn problems(&self, p: usize) -> Vec<(Range<usize>, &Problem)> {
        if let Some(broken) = &self.broken {
            return broken[p].iter().map(|e| (e.span.clone(), e)).collect();
        }
        let blocked = self.shows_errors(p);
        let part = &self.parts[p];
        (0..part.chunks.len())
            .flat_map(|i| {
                let chunk = &part.chunks[i];
                let shown = if blocked {
                    &chunk.errors
                } else {
                    &chunk.warnings
                };
                shown.iter().map(move |w| (part.absolute(i, &w.span), w))
            })
            .collect()
    }

    /// True while the files do not load as written: then every file shows
    /// only why (the one whose table is broken) or nothing, as `strata
    /// lint` prints no findings for a strategy it cannot read.
    pub fn shows_errors(&self, _p: usize) -> bool {
        self.broken.is_some()
            || self
                .parts
                .iter()
                .any(|part| part.chunks.iter().any(|c| !c.errors.is_empty()))
    }

    /// The findings on the nodes of file `p`, each with the file bytes it
    /// points at; none while the file does not load.
    pub fn findings(&self, p: usize) -> Vec<(Range<usize>, &Diagnostic)> {
        if self.shows_errors(p) {
            return Vec::new();
        }
        let part = &self.parts[p];
        let mut out = Vec::new();
        for (i, chunk) in part.chunks.iter().enumerate() {
            for &(id, local) in &chunk.nodes {
                for d in self.findings.get(id.index()).into_iter().flatten() {
                    out.push((part.locate(i, local, d.field, d.range.clone()), d));
                }
            }
        }
        out
    }

    /// The node whose table holds byte `offset` of file `p`: for a file
    /// read whole, the node whose header or fields hold it.
    pub fn node_at(&self, p: usize, offset: usize) -> Option<NodeId> {
        let part = &self.parts[p];
        let i = part.chunk_at(offset)?;
        let chunk = &part.chunks[i];
        if chunk.kind != Kind::Whole {
            return chunk.nodes.first().map(|&(id, _)| id);
        }
        chunk
            .nodes
            .iter()
            .filter(|&&(_, local)| {
                chunk
                    .source
                    .header(local)
                    .is_some_and(|h| h.start <= offset)
            })
            .max_by_key(|&&(_, local)| chunk.source.header(local).map(|h| h.start))
            .map(|&(id, _)| id)
    }

    /// The file bytes of `node`'s `field` as written (quotes included).
    pub fn field_span(
        &self,
        node: NodeId,
        field: crate::model::Field,
    ) -> Option<(usize, Range<usize>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let span = part.chunks[home.chunk].source.field(home.local, field)?;
        Some((home.part, part.absolute(home.chunk, &span)))
    }

    /// The file bytes of `node`'s table key (`x` in `[intents.x]`).
    pub fn header_span(&self, node: NodeId) -> Option<(usize, Range<usize>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let span = part.chunks[home.chunk].source.header(home.local)?;
        Some((home.part, part.absolute(home.chunk, &span)))
    }

    /// The text a change to `node` is patched into, with the nodes that text
    /// holds: its table, or the whole file when it is read whole.
    pub fn scope(&self, node: NodeId) -> Option<(usize, Range<usize>, Vec<NodeId>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let chunk = &part.chunks[home.chunk];
        let span = chunk.start..part.end(home.chunk);
        Some((
            home.part,
            span,
            chunk.nodes.iter().map(|&(id, _)| id).collect(),
        ))
    }

    /// The stretch of file `p` that `node`'s table spans (its header line
    /// for a file read whole).
    pub fn table_span(&self, node: NodeId) -> Option<(usize, Range<usize>)> {
        let home = self.home(node)?;
        let part = &self.parts[home.part];
        let chunk = &part.chunks[home.chunk];
        if chunk.kind == Kind::Whole {
            return self.header_span(node);
        }
        Some((home.part, chunk.start..part.end(home.chunk)))
    }

    /// The nodes of file `p`, in file order.
    pub fn nodes_in(&self, p: usize) -> Vec<NodeId> {
        self.parts[p]
            .chunks
            .iter()
            .flat_map(|c| c.nodes.iter().map(|&(id, _)| id))
            .filter(|&id| self.strategy.get(id).is_some())
            .collect()
    }

    /// A node's content, as the model holds it.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.strategy.get(id)
    }
}

/// What the loader made of the files together.
struct Oracle {
    strategy: Strategy,
    /// Each file's warnings, in the order of the project's files.
    warnings: Vec<Vec<Problem>>,
    lint: toml::Table,
    /// For a single file, its source map (it is read once, not twice, when
    /// its layout is read whole).
    whole: Vec<Option<store::SourceMap>>,
}

/// Puts problems the loader found in a whole file into the chunks they
/// fall in, relative to each, so they move with the chunk.
fn place(part: &mut Part, problems: Vec<Problem>) {
    for mut problem in problems {
        let i = part.chunk_at(problem.span.start).unwrap_or(0);
        let start = part.chunks[i].start;
        problem.span = problem.span.start - start..problem.span.end.max(start) - start;
        part.chunks[i].warnings.push(problem);
    }
}

/// Which old node each re-read table is: by place when as many tables come
/// back as went, else by key.
fn pair(chunks: &[Chunk], old: &[(usize, NodeId)], cuts: &[Cut]) -> Vec<Option<NodeId>> {
    if old.len() == cuts.len() {
        return old.iter().map(|&(_, id)| Some(id)).collect();
    }
    let mut free: Vec<(usize, NodeId)> = old.to_vec();
    cuts.iter()
        .map(|cut| {
            let at = free.iter().position(|&(i, _)| chunks[i].kind == cut.kind)?;
            Some(free.remove(at).1)
        })
        .collect()
}

/// What the loader said about files that do not load, file by file.
fn problems_by_part(error: OpenError, parts: &[Part]) -> Vec<Vec<Problem>> {
    let mut out = vec![Vec::new(); parts.len()];
    let mut put = |path: &Path, problems: Vec<Problem>| {
        let i = parts.iter().position(|p| p.path == path).unwrap_or(0);
        out[i].extend(problems);
    };
    fn visit(error: OpenError, put: &mut dyn FnMut(&Path, Vec<Problem>)) {
        match error {
            OpenError::Invalid { path, problems, .. } => put(&path, problems),
            OpenError::Files { errors, .. } => {
                for error in errors {
                    visit(error, put);
                }
            }
            OpenError::NoVision { path, files } => {
                let message = format!(
                    "no file in {} holds the [vision]",
                    crate::sanitize::line(&path.display().to_string())
                );
                for file in files {
                    put(
                        &file,
                        vec![Problem::error(0..0, message.clone()).help(
                            "exactly one file of the directory holds `[vision]`; the others hold \
                             nodes that ladder up to it",
                        )],
                    );
                }
            }
            other => {
                let path = match &other {
                    OpenError::NotFound(p) | OpenError::Io(p, _) | OpenError::EmptyDirectory(p) => {
                        p.clone()
                    }
                    OpenError::NotUtf8 { path, .. } => path.clone(),
                    _ => PathBuf::new(),
                };
                put(&path, vec![Problem::error(0..0, other.to_string())]);
            }
        }
    }
    visit(error, &mut put);
    out
}
