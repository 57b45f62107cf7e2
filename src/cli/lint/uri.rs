//! Where a SARIF result's file is, as code scanning expects it: a
//! percent-encoded URI relative to the repository root (`uriBaseId`
//! `%SRCROOT%`), the root being the git work tree the current directory is
//! in, or the current directory itself.

use std::path::{Component, Path, PathBuf};

/// The root results are relative to: the nearest directory at or above the
/// current one holding `.git`, else the current directory; absolute.
pub fn source_root() -> Option<PathBuf> {
    let here = std::env::current_dir().ok()?;
    let here = here.canonicalize().unwrap_or(here);
    let git = here.ancestors().find(|dir| dir.join(".git").exists());
    Some(git.unwrap_or(&here).to_path_buf())
}

/// `file`'s URI relative to `root` (`docs/my%20strategy.toml`), or `None`
/// when it is not under `root` (then [`file_uri`] names it whole).
pub fn relative_uri(root: &Path, file: &Path) -> Option<String> {
    let absolute = absolute(file)?;
    let rest = absolute.strip_prefix(root).ok()?;
    let segments: Vec<String> = rest
        .components()
        .map(|c| match c {
            Component::Normal(name) => Some(encode(name)),
            _ => None,
        })
        .collect::<Option<_>>()?;
    Some(segments.join("/"))
}

/// `path` as an absolute `file://` URI (`file:///home/a/b%20c/`); a
/// directory (the root) ends in `/`, as a base URI must.
pub fn file_uri(path: &Path, directory: bool) -> Option<String> {
    let absolute = absolute(path)?;
    let mut uri = String::from("file://");
    for c in absolute.components() {
        if let Component::Normal(name) = c {
            uri.push('/');
            uri.push_str(&encode(name));
        }
    }
    if directory || uri == "file://" {
        uri.push('/');
    }
    Some(uri)
}

fn absolute(path: &Path) -> Option<PathBuf> {
    match path.canonicalize() {
        Ok(real) => Some(real),
        Err(_) => std::env::current_dir().ok().map(|dir| dir.join(path)),
    }
}

/// One path segment percent-encoded: RFC 3986's unreserved characters stay,
/// every other byte (of the UTF-8, or on Unix the raw bytes) is `%XX`.
fn encode(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    let bytes: std::borrow::Cow<'_, [u8]> = {
        use std::os::unix::ffi::OsStrExt;
        name.as_bytes().into()
    };
    #[cfg(not(unix))]
    let bytes: std::borrow::Cow<'_, [u8]> = name.to_string_lossy().into_owned().into_bytes().into();
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes.iter() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_percent_encoded_and_relative_to_the_root() {
        let dir = std::env::temp_dir().join(format!("strata-uri-{}", std::process::id()));
        let sub = dir.join("my docs");
        std::fs::create_dir_all(&sub).unwrap();
        let file = sub.join("stratégie #1.toml");
        std::fs::write(&file, "").unwrap();
        let root = dir.canonicalize().unwrap();
        assert_eq!(
            relative_uri(&root, &file).as_deref(),
            Some("my%20docs/strat%C3%A9gie%20%231.toml")
        );
        assert_eq!(relative_uri(&root.join("elsewhere"), &file), None);
        let base = file_uri(&root, true).unwrap();
        assert!(
            base.starts_with("file:///") && base.ends_with('/'),
            "{base}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
