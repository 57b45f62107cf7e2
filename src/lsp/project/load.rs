//! Reading every file with the loader: the judge of what the files mean
//! (and of their errors, as `strata lint` prints them); then each file cut
//! into tables, read one by one and checked against it.

use std::path::{Path, PathBuf};

use super::Project;
use crate::lint::{self, LintConfig};
use crate::lsp::part::{Chunk, Cut, Kind, Part};
use crate::model::{Date, Strategy};
use crate::store::{self, OpenError, Problem, Workspace};

impl Project {
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
        let cuts: Vec<Option<Vec<Cut>>> = self.parts.iter_mut().map(Part::cut).collect();
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
