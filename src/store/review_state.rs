//! Where a review meeting stopped, kept in the state directory so that
//! running the same review again picks up there. One small file per review
//! (file, filters, `--since`, reviewer); a damaged one is ignored, never
//! trusted.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::journal::format::fnv1a64;
use crate::model::Date;

pub use crate::review::Bookmark;

#[derive(Serialize, Deserialize)]
struct Stored {
    review: String,
    started: String,
    at: Option<String>,
}

/// The remembered state of one review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewState {
    path: PathBuf,
    review: String,
}

impl ReviewState {
    /// The state of the review of `strategy_path` described by `review`
    /// (its filters, `--since` and reviewer, as text), kept under `dir`.
    pub fn in_dir(dir: &Path, strategy_path: &Path, review: &str) -> ReviewState {
        let canonical = fs::canonicalize(strategy_path)
            .or_else(|_| std::path::absolute(strategy_path))
            .unwrap_or_else(|_| strategy_path.to_path_buf());
        let review = format!("{}\n{review}", canonical.to_string_lossy());
        let name = format!("review-{:016x}.json", fnv1a64(review.as_bytes()));
        ReviewState {
            path: dir.join("reviews").join(name),
            review,
        }
    }

    /// The bookmark left by an earlier run of this review, if any usable one.
    pub fn read(&self) -> Option<Bookmark> {
        let text = fs::read_to_string(&self.path).ok()?;
        let stored: Stored = serde_json::from_str(&text).ok()?;
        if stored.review != self.review {
            return None;
        }
        Some(Bookmark {
            started: Date::parse(&stored.started)?,
            at: stored.at,
        })
    }

    /// Remembers `bookmark` (atomically: a crash leaves the old one).
    pub fn write(&self, bookmark: &Bookmark) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir)?;
        }
        let stored = Stored {
            review: self.review.clone(),
            started: bookmark.started.to_string(),
            at: bookmark.at.clone(),
        };
        let text = serde_json::to_string_pretty(&stored).map_err(io::Error::other)?;
        super::write_atomic(&self.path, text.as_bytes())
    }

    /// Forgets this review (a fresh start).
    pub fn discard(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bookmark_is_read_back_only_by_the_same_review() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("strategy.toml");
        fs::write(&file, "").unwrap();
        let state = ReviewState::in_dir(dir.path(), &file, "level=intent");
        assert_eq!(state.read(), None);
        let bookmark = Bookmark {
            started: Date::new(2026, 11, 22).unwrap(),
            at: Some("intents.win".into()),
        };
        state.write(&bookmark).unwrap();
        assert_eq!(state.read(), Some(bookmark));
        let other = ReviewState::in_dir(dir.path(), &file, "level=option");
        assert_eq!(other.read(), None);
        fs::write(&state.path, "{ damaged").unwrap();
        assert_eq!(state.read(), None);
        state.discard();
        assert!(!state.path.exists());
    }
}
