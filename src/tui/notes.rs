//! The notes a review writes from its end screen (`w`): a new file beside
//! the strategy, never over an earlier one.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes a review's notes beside `file` as `STEM-review-DAY.md` (or
/// `…-2.md` and on: an earlier file of notes is never replaced).
pub(super) fn write_notes(
    file: &Path,
    today: crate::model::Date,
    text: &str,
) -> io::Result<PathBuf> {
    let dir = if file.is_dir() {
        file.to_path_buf()
    } else {
        file.parent().map_or_else(PathBuf::new, Path::to_path_buf)
    };
    let stem = file
        .file_stem()
        .map_or_else(|| "strategy".into(), |s| s.to_string_lossy().into_owned());
    for n in 1..1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let path = dir.join(format!("{stem}-review-{today}{suffix}.md"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut out) => {
                out.write_all(text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("too many notes files for today"))
}
