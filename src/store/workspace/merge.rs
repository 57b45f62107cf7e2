//! Reading a directory: every `*.toml` file in it, each with the ordinary
//! loader, merged into one strategy. What only a merge can get wrong (the
//! same node in two files, no vision or two, `as_of` in a team's file) is
//! reported like any load problem, at `file:line:col`.

use std::collections::HashMap;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::{PartFile, Skipped, Workspace, route};
use crate::model::{Level, NodeId, Strategy};
use crate::store::file::{OpenError, not_utf8, read_failed};
use crate::store::load::{Loaded, parse_part, top_key_spans};
use crate::store::read::{not_a_file, read_regular};
use crate::store::{LineIndex, Problem};

/// Top-level keys a strategy has one of; in a directory they live with the vision.
const ROOT_KEYS: [&str; 3] = ["as_of", "company", "lint"];

/// Reads every `*.toml` file directly in `dir` and merges them; the
/// entries that were passed over come back beside the workspace. With
/// `to_read`, no baselines are kept and the workspace cannot save.
pub(super) fn open_directory(
    dir: &Path,
    to_read: bool,
) -> Result<(Workspace, Strategy), OpenError> {
    let (paths, skipped) = toml_files(dir).map_err(|e| OpenError::Io(dir.to_path_buf(), e))?;
    if paths.is_empty() {
        return Err(OpenError::EmptyDirectory(dir.to_path_buf()));
    }
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut skipped = skipped;
    let mut others = Vec::new();
    for path in paths {
        match read_regular(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                // A `Cargo.toml` or a `pyproject.toml` beside the team files
                // is someone else's: passed over and named, not an error.
                Ok(text) => match foreign(&text) {
                    Some(key) => others.push((path, text, key)),
                    None => files.push((path, text)),
                },
                Err(e) => errors.push(not_utf8(&path, e)),
            },
            Err(e) => errors.push(read_failed(&path, e)),
        }
    }
    // With nothing of strata's beside them, they are read after all, so the
    // loader says what they lack.
    if files.is_empty() {
        files.extend(others.into_iter().map(|(path, text, _)| (path, text)));
    } else {
        skipped.extend(others.into_iter().map(|(path, _, key)| Skipped {
            path,
            why: format!("not a strata file (it has `{key}`, and no `version` or strata table)"),
        }));
    }
    if !errors.is_empty() {
        return Err(OpenError::Files {
            path: dir.to_path_buf(),
            errors,
        });
    }
    let (mut workspace, strategy) = merge_files(dir, files, to_read)?;
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    workspace.skipped = skipped;
    Ok((workspace, strategy))
}

/// The tables a strata file's headers start with.
const STRATA_TABLES: [&str; 5] = ["vision", "intents", "initiatives", "options", "lint"];

/// The first top-level key or table of `text` when nothing in it is
/// strata's: no top-level `version`, `company` or `as_of`, and no
/// `[vision]`, `[intents.…]`, `[initiatives.…]`, `[options.…]` or `[lint]`
/// table. A file that is empty, or that does not parse, is strata's to
/// report on.
fn foreign(text: &str) -> Option<String> {
    let mut first = None;
    let mut top_level = true;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('[') {
            let name = header.trim_start_matches('[').trim();
            let head = name
                .split(['.', ']'])
                .next()
                .unwrap_or_default()
                .trim()
                .trim_matches('"');
            if STRATA_TABLES.contains(&head) {
                return None;
            }
            top_level = false;
            first.get_or_insert_with(|| head.to_owned());
            continue;
        }
        let key = line
            .split('=')
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('"');
        if top_level && ["version", "company", "as_of"].contains(&key) {
            return None;
        }
        if top_level && line.contains('=') {
            first.get_or_insert_with(|| key.to_owned());
        }
    }
    first
}

/// The strategy files of `dir`: regular files (or links to them) named
/// `*.toml`, not hidden, sorted by name; and every other entry named so
/// that is passed over (a dangling link, a link loop, a FIFO, a
/// subdirectory called `x.toml`), with why, so none goes unsaid.
/// Subdirectories are not read.
pub fn toml_files(dir: &Path) -> io::Result<(Vec<PathBuf>, Vec<Skipped>)> {
    let mut paths = Vec::new();
    let mut skipped = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let wanted = name.is_some_and(|n| n.ends_with(".toml") && !n.starts_with('.'));
        if !wanted {
            continue;
        }
        match why_skipped(&path) {
            None => paths.push(path),
            Some(why) => skipped.push(Skipped { path, why }),
        }
    }
    paths.sort();
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((paths, skipped))
}

/// Why the entry at `path` is not read as a strategy file; `None` when it is
/// a regular file or a link to one.
fn why_skipped(path: &Path) -> Option<String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            let target = std::fs::read_link(path)
                .map(|t| crate::sanitize::line(&t.display().to_string()).into_owned())
                .unwrap_or_default();
            return Some(if link && e.kind() == io::ErrorKind::NotFound {
                format!("a symbolic link to {target}, which does not exist")
            } else if link && is_loop(&e) {
                format!("a symbolic link that loops (to {target})")
            } else {
                format!("it cannot be read: {e}")
            });
        }
    };
    match not_a_file(&meta)? {
        "a directory" => Some("a directory (subdirectories are not read)".to_owned()),
        kind => Some(format!("{kind}, not a file")),
    }
}

#[cfg(unix)]
fn is_loop(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_loop(_error: &io::Error) -> bool {
    false
}

/// Parses each file's text and merges the nodes, in name order and file
/// order within each, into one strategy linked across files.
pub(super) fn merge(
    dir: &Path,
    files: Vec<(PathBuf, String)>,
) -> Result<(Workspace, Strategy), OpenError> {
    merge_files(dir, files, false)
}

/// [`merge`]; with `to_read`, without the baselines a save patches against
/// (each file's share of the strategy keeps a slot for every node: 500
/// team files of a 5,000-node strategy held 130 MB of them).
fn merge_files(
    dir: &Path,
    files: Vec<(PathBuf, String)>,
    to_read: bool,
) -> Result<(Workspace, Strategy), OpenError> {
    if files.is_empty() {
        return Err(OpenError::EmptyDirectory(dir.to_path_buf()));
    }
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in files {
        match parse_part(&text) {
            Ok(parts) => loaded.push((path, text, parts)),
            Err(problems) => errors.push(OpenError::Invalid {
                path,
                text,
                problems,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(OpenError::Files {
            path: dir.to_path_buf(),
            errors,
        });
    }

    let mut merged = Strategy::default();
    let mut owner = HashMap::new();
    let mut locals: Vec<HashMap<NodeId, NodeId>> = vec![HashMap::new(); loaded.len()];
    let mut problems: Vec<Vec<Problem>> = vec![Vec::new(); loaded.len()];
    // Each node key → the file and header span of its first definition.
    let mut first: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (i, (_, _, part)) in loaded.iter().enumerate() {
        for (local, node) in part.strategy.iter() {
            let key = node.key();
            let span = part.source.header(local).unwrap_or(0..0);
            if let Some((j, earlier)) = first.get(&key) {
                let (path, text, _) = &loaded[*j];
                problems[i].push(duplicate(node.level, &key, span, path, text, earlier));
                continue;
            }
            first.insert(key, (i, span));
            let id = merged.push_unlinked(node.clone());
            owner.insert(id, i);
            locals[i].insert(id, local);
        }
    }
    let Some(&(root, _)) = first.get("vision") else {
        return Err(OpenError::NoVision {
            path: dir.to_path_buf(),
            files: loaded.into_iter().map(|(path, _, _)| path).collect(),
        });
    };
    let root_path = loaded[root].0.clone();
    // With two visions it is not clear which file is the vision's; the
    // visions are reported, and where `as_of` and the rest belong can wait.
    let visions = loaded
        .iter()
        .filter(|(_, _, part)| part.strategy.vision().is_some())
        .count();
    for (i, (_, text, _)) in loaded.iter().enumerate() {
        if i == root || visions > 1 {
            continue;
        }
        for (key, span) in top_key_spans(text, &ROOT_KEYS) {
            problems[i].push(misplaced(key, span, &root_path));
        }
    }
    if problems.iter().any(|p| !p.is_empty()) {
        let errors = loaded
            .into_iter()
            .zip(problems)
            .filter(|(_, problems)| !problems.is_empty())
            .map(|((path, text, _), mut problems)| {
                problems.sort_by_key(|p| p.span.start);
                OpenError::Invalid {
                    path,
                    text,
                    problems,
                }
            })
            .collect();
        return Err(OpenError::Files {
            path: dir.to_path_buf(),
            errors,
        });
    }

    merged.company = loaded[root].2.strategy.company.clone();
    merged.as_of = loaded[root].2.strategy.as_of;
    merged.relink();
    // Each file's share is cut out of the merged strategy: which file a
    // node is in, looked up by index rather than hashed, 500 files × every
    // node of the strategy.
    let mut file_of = Vec::new();
    for (&id, &i) in &owner {
        if file_of.len() <= id.index() {
            file_of.resize(id.index() + 1, usize::MAX);
        }
        file_of[id.index()] = i;
    }
    let files = loaded
        .into_iter()
        .zip(locals)
        .enumerate()
        .map(|(i, ((path, text, part), local))| {
            let Loaded {
                source,
                warnings,
                lint,
                ..
            } = part;
            let baseline = if to_read {
                Strategy::default()
            } else {
                route::project(&merged, i == root, |id| file_of.get(id.index()) == Some(&i))
            };
            PartFile {
                path,
                text,
                baseline,
                source,
                local,
                warnings,
                lint,
            }
        })
        .collect();
    let workspace = Workspace {
        path: dir.to_path_buf(),
        directory: true,
        files,
        root,
        owner,
        baseline: if to_read {
            Rc::default()
        } else {
            Rc::new(merged.clone())
        },
        skipped: Vec::new(),
        split_links: Vec::new(),
        read_only: to_read,
    };
    Ok((workspace, merged))
}

/// `path:line:col` of `span` in `text`, for naming the other place in a message.
fn place(path: &Path, text: &str, span: &Range<usize>) -> String {
    let at = LineIndex::new(text).position(text, span.start);
    format!("{}:{}:{}", path.display(), at.line, at.column)
}

/// The same node key in a second file.
fn duplicate(
    level: Level,
    key: &str,
    span: Range<usize>,
    first_path: &Path,
    first_text: &str,
    first_span: &Range<usize>,
) -> Problem {
    let first = place(first_path, first_text, first_span);
    if level == Level::Vision {
        return Problem::error(
            span,
            format!("a strategy has exactly one vision; {first} holds one too"),
        )
        .label("second vision")
        .help(
            "keep `[vision]` in one file of the directory; the other files hold \
             intents, initiatives and options that ladder up to it",
        );
    }
    Problem::error(
        span,
        format!("`{key}` is defined in two files: {first} and here"),
    )
    .label("second definition")
    .help(
        "a node's key is unique across the directory: rename one of them (and the \
             `intent` or `initiative` keys that name it), or delete the copy",
    )
}

/// `as_of`, `[company]` or `[lint]` outside the vision's file.
fn misplaced(key: &str, span: Range<usize>, root: &Path) -> Problem {
    let shown = if key == "as_of" {
        "`as_of`".to_owned()
    } else {
        format!("`[{key}]`")
    };
    Problem::error(
        span,
        format!(
            "{shown} belongs in {}, the file with the `[vision]`",
            root.display()
        ),
    )
    .label("in the wrong file")
    .help(
        "a strategy split across files has one `as_of`, one `[company]` and one `[lint]`, \
         kept with the vision; move it there",
    )
}
