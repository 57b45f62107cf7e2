//! A directory's files as one text, so the recovery journal (which keeps
//! "the text the edits were made on" and "the text a save would write") works
//! for a directory as it does for a file:
//!
//! ```text
//! strata-directory 1
//! file 12 2048
//! intents.toml
//! <2048 bytes of text>
//! file 10 512
//! ...
//! ```
//!
//! Lengths are in bytes; each text is followed by a newline. A single file's
//! snapshot is its own text, which can never start with the magic line (it
//! is not TOML), so the two are told apart by their first line.

use std::path::Path;

const MAGIC: &str = "strata-directory 1\n";

/// `files` (name, text) as one snapshot text.
pub(super) fn encode<'t>(files: impl IntoIterator<Item = (String, &'t str)>) -> String {
    let mut out = MAGIC.to_owned();
    for (name, text) in files {
        out.push_str(&format!(
            "file {} {}\n{name}\n{text}\n",
            name.len(),
            text.len()
        ));
    }
    out
}

/// The files in a directory snapshot; `None` when `text` is not one (a
/// single file's text), an error when it is one but damaged.
pub(super) fn decode(text: &str) -> Option<Result<Vec<(String, String)>, String>> {
    let mut rest = text.strip_prefix(MAGIC)?;
    let mut files = Vec::new();
    while !rest.is_empty() {
        match next_file(rest) {
            Some((name, body, after)) => {
                files.push((name.to_owned(), body.to_owned()));
                rest = after;
            }
            None => {
                return Some(Err(format!(
                    "the directory snapshot is damaged after {} files",
                    files.len()
                )));
            }
        }
    }
    Some(Ok(files))
}

/// One `file N M` entry at the start of `text`: its name, its text and what follows.
fn next_file(text: &str) -> Option<(&str, &str, &str)> {
    let (header, rest) = text.split_once('\n')?;
    let mut words = header.strip_prefix("file ")?.split(' ');
    let name_len: usize = words.next()?.parse().ok()?;
    let text_len: usize = words.next()?.parse().ok()?;
    let name = rest.get(..name_len)?;
    let rest = rest.get(name_len..)?.strip_prefix('\n')?;
    let body = rest.get(..text_len)?;
    let rest = rest.get(text_len..)?.strip_prefix('\n')?;
    Some((name, body, rest))
}

/// What is on disk at `path` now, in the form a journal compares with: the
/// file's bytes, or for a directory the snapshot of its `*.toml` files.
/// `None` when it cannot be read.
pub fn read_on_disk(path: &Path) -> Option<Vec<u8>> {
    let read = |path: &Path| crate::store::read::read_regular(path).ok();
    if !path.is_dir() {
        return read(path);
    }
    let (paths, _) = super::merge::toml_files(path).ok()?;
    let mut files = Vec::new();
    for file in paths {
        let text = String::from_utf8(read(&file)?).ok()?;
        files.push((super::file_name(&file), text));
    }
    Some(encode(files.iter().map(|(n, t)| (n.clone(), t.as_str()))).into_bytes())
}
