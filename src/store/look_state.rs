//! The file the browser's look (titles in the tree, its width) is kept in,
//! in the state directory beside the journals and review bookmarks. What the
//! look is and how it is written is `app`'s; this is where it goes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The browser's look as a file in the state directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookState {
    path: PathBuf,
}

impl LookState {
    /// The look kept under `dir` (the state directory).
    pub fn in_dir(dir: &Path) -> LookState {
        LookState {
            path: dir.join("browser.toml"),
        }
    }

    /// Where it is kept.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The text written last, if any (a missing or unreadable file is none:
    /// the browser then starts with its defaults).
    pub fn read(&self) -> Option<String> {
        // A regular file only (never a FIFO planted there), under the size limit.
        let bytes = super::read::read_regular(&self.path).ok()?;
        String::from_utf8(bytes).ok()
    }

    /// Remembers `text` (atomically, owner-only, in a directory made 0700).
    pub fn write(&self, text: &str) -> io::Result<()> {
        if let Some(dir) = self.path.parent() {
            super::journal::create_private_dir(dir)?;
        }
        super::atomic::write_private(&self.path, text.as_bytes()).map(|_| ())
    }

    /// [`write`](Self::write), with what went wrong as a message for the
    /// status bar (terminal-safe); `None` when it was written.
    pub fn remember(&self, text: &str) -> Option<String> {
        let error = self.write(text).err()?;
        Some(format!(
            "could not remember the tree's look in {}: {}",
            crate::sanitize::line(&self.path.display().to_string()),
            crate::sanitize::line(&error.to_string())
        ))
    }

    /// Forgets it.
    pub fn discard(&self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_look_is_written_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let state = LookState::in_dir(&dir.path().join("state"));
        assert_eq!(state.read(), None);
        state.write("titles = false\n").unwrap();
        assert_eq!(state.read().as_deref(), Some("titles = false\n"));
        state.discard();
        assert_eq!(state.read(), None);
    }
}
