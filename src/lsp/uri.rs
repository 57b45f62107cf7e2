//! `file://` URIs, as the protocol names documents, and the paths they mean.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

/// The path a `file://` URI names; `None` for other schemes (an unsaved
/// buffer, a diff view), which the server leaves alone.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let text = uri.as_str();
    let rest = text
        .strip_prefix("file://")
        .or_else(|| text.strip_prefix("FILE://"))?;
    // `file:///x`, or `file://localhost/x`; any other host is not ours.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(at) if rest[..at].eq_ignore_ascii_case("localhost") => &rest[at..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = decode(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        // `/C:/x` on Windows is `C:/x`.
        let text = String::from_utf8(bytes).ok()?;
        let text = match text.as_bytes() {
            [b'/', drive, b':', ..] if drive.is_ascii_alphabetic() => text[1..].to_owned(),
            _ => text,
        };
        Some(PathBuf::from(text))
    }
}

/// The `file://` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        let keep = byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte);
        if keep {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.parse().ok()
}

fn decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_round_trip_through_uris() {
        for path in ["/tmp/strategy.toml", "/tmp/a b/é#1%.toml"] {
            let uri = from_path(Path::new(path)).unwrap();
            assert!(uri.as_str().starts_with("file:///tmp/"), "{}", uri.as_str());
            assert_eq!(to_path(&uri).unwrap(), Path::new(path));
        }
    }

    #[test]
    fn other_schemes_and_hosts_are_not_files() {
        let uri = |s: &str| s.parse::<Uri>().unwrap();
        assert_eq!(to_path(&uri("untitled:Untitled-1")), None);
        assert_eq!(to_path(&uri("file://server/share/x.toml")), None);
        assert_eq!(
            to_path(&uri("file://localhost/tmp/x.toml")).unwrap(),
            Path::new("/tmp/x.toml")
        );
    }
}
