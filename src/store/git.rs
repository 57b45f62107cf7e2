//! Reading the strategy file as it was at a git revision, for "what changed
//! since the last review". git is run as a program (`git show REV:path`):
//! strata needs one file at one revision, not a git library.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::sanitize;

/// Why the file could not be read at a revision; `Display` says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// There is no `git` program to run.
    NotInstalled,
    /// The file's directory is not inside a git repository.
    NotARepository(PathBuf),
    /// git knows no commit by that name.
    UnknownRevision(String),
    /// The file did not exist at that revision.
    NotAtRevision {
        /// The revision asked for.
        revision: String,
        /// The file, relative to the repository root.
        path: String,
    },
    /// git failed in some other way; its message.
    Failed(String),
}

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GitError::NotInstalled => f.write_str(
                "--since needs git, and no `git` program was found; install git, or review without --since",
            ),
            GitError::NotARepository(dir) => write!(
                f,
                "--since compares with an earlier commit, but {} is not in a git repository; \
                 commit the strategy to git first, or review without --since",
                sanitize::line(&dir.display().to_string())
            ),
            GitError::UnknownRevision(revision) => write!(
                f,
                "git knows no revision `{}`; give a commit, tag or branch (`HEAD~1`, `v2026-q3`); \
                 `git log --oneline -- FILE` lists the commits that changed the file",
                sanitize::line(revision)
            ),
            GitError::NotAtRevision { revision, path } => write!(
                f,
                "{} did not exist at `{}`; pick a later revision, or review without --since to see every node",
                sanitize::line(path),
                sanitize::line(revision)
            ),
            GitError::Failed(message) => write!(f, "git failed: {}", sanitize::line(message)),
        }
    }
}

/// The text of the file at `path` as it was committed at `revision`.
pub fn file_at_revision(path: &Path, revision: &str) -> Result<String, GitError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| GitError::Failed(format!("{} names no file", path.display())))?;
    let prefix = prefix_at(&dir, revision)?;
    show(&dir, revision, &format!("{prefix}{name}"))
}

/// The strategy files of the directory `dir` as they were committed at
/// `revision`, as (file name, text), sorted by name: the `*.toml` files
/// directly in it, not hidden ones, as a split strategy is read.
pub fn directory_at_revision(
    dir: &Path,
    revision: &str,
) -> Result<Vec<(String, String)>, GitError> {
    let prefix = prefix_at(dir, revision)?;
    // `-z`: names as they are, not quoted (`"\303\251quipe.toml"`), NUL-separated;
    // relative to `dir`, which git runs in.
    let listed = git(dir, &["ls-tree", "-z", "--name-only", revision, "--", "."])?;
    if !listed.status.success() {
        return Err(GitError::Failed(
            String::from_utf8_lossy(&listed.stderr).trim().to_owned(),
        ));
    }
    let mut names: Vec<String> = String::from_utf8_lossy(&listed.stdout)
        .split('\0')
        .filter(|name| name.ends_with(".toml") && !name.starts_with('.') && !name.contains('/'))
        .map(str::to_owned)
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(GitError::NotAtRevision {
            revision: revision.to_owned(),
            path: format!("{prefix}*.toml"),
        });
    }
    names
        .into_iter()
        .map(|name| {
            let text = show(dir, revision, &format!("{prefix}{name}"))?;
            Ok((name, text))
        })
        .collect()
}

/// Where `dir` sits in its repository (`teams/`, or empty at the root),
/// once `revision` is known to name a commit.
fn prefix_at(dir: &Path, revision: &str) -> Result<String, GitError> {
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        return Err(GitError::NotARepository(dir.to_path_buf()));
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout).trim().to_owned();
    // A revision that starts with `-` would be read as an option.
    let commit = format!("{revision}^{{commit}}");
    if revision.starts_with('-')
        || !git(dir, &["rev-parse", "--verify", "--quiet", &commit])?
            .status
            .success()
    {
        return Err(GitError::UnknownRevision(revision.to_owned()));
    }
    Ok(prefix)
}

/// `git show REV:PATH`, PATH from the repository root.
fn show(dir: &Path, revision: &str, in_repo: &str) -> Result<String, GitError> {
    let shown = git(dir, &["show", &format!("{revision}:{in_repo}")])?;
    if !shown.status.success() {
        return Err(GitError::NotAtRevision {
            revision: revision.to_owned(),
            path: in_repo.to_owned(),
        });
    }
    String::from_utf8(shown.stdout)
        .map_err(|_| GitError::Failed(format!("{in_repo} at {revision} is not UTF-8 text")))
}

fn git(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => GitError::NotInstalled,
            _ => GitError::Failed(e.to_string()),
        })
}

/// `git config user.name` as seen from `dir`: who signs review records when
/// the config file does not say. `None` without git or without a name.
pub fn user_name(dir: &Path) -> Option<String> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let output = git(dir, &["config", "user.name"]).ok()?;
    let name = String::from_utf8(output.stdout).ok()?.trim().to_owned();
    (output.status.success() && !name.is_empty()).then_some(name)
}
