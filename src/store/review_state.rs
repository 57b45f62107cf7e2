//! The file a review's [`Bookmark`] is kept in, in the state directory: one
//! small file per review (file, filters, `--since`, reviewer). What the
//! bookmark is and how it is written down is `review`'s; this is only where
//! it goes and the reading and writing.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::journal::format::fnv1a64;
use crate::review::Bookmark;

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
        Bookmark::from_json(&text, &self.review)
    }

    /// Remembers `bookmark` (atomically: a crash leaves the old one).
    pub fn write(&self, bookmark: &Bookmark) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            super::journal::create_private_dir(dir)?;
        }
        let text = bookmark.to_json(&self.review).map_err(io::Error::other)?;
        // Owner-only from the first byte: it names the file and the reviewer.
        super::atomic::write_private(&self.path, text.as_bytes()).map(|_| ())
    }

    /// Forgets this review (a fresh start).
    pub fn discard(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

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
            attendees: Vec::new(),
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
