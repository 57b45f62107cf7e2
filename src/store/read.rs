//! Reading FILE: a regular file of a sane size, never a pipe or a device.
//!
//! `strata tree fifo.toml` must not wait forever for a writer, and
//! `strata tree /dev/zero` must not read until memory runs out. So the path
//! is looked at before it is opened, opened without blocking (a FIFO opens at
//! once then, with or without a writer), looked at again through the open
//! handle (the path may have been swapped in between), and read no further
//! than the size limit, which holds even for a file that grows while it is
//! read or that, like those in `/proc`, says it is empty.

use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// The largest file strata reads unless [`MAX_FILE_SIZE_ENV`] says otherwise:
/// 512 MiB. A strategy is text, a few hundred kilobytes for a big company;
/// the limit is only there so that a wrong FILE fails at once.
pub const MAX_FILE_SIZE: u64 = 512 * 1024 * 1024;

/// The environment variable that replaces [`MAX_FILE_SIZE`]: a number of
/// bytes, or with `K`, `M` or `G` (powers of 1024): `STRATA_MAX_FILE_SIZE=2G`.
pub const MAX_FILE_SIZE_ENV: &str = "STRATA_MAX_FILE_SIZE";

/// Why a path could not be read as a strategy file.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Nothing is there.
    NotFound,
    /// Something other than a regular file is there: what, in words.
    NotAFile(&'static str),
    /// The file is bigger than the limit.
    TooLarge {
        /// Its size, or how much was read before the limit was passed.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading failed.
    Io(io::Error),
}

/// The size limit in force: [`MAX_FILE_SIZE_ENV`] when it holds a size,
/// else [`MAX_FILE_SIZE`].
pub fn max_file_size() -> u64 {
    std::env::var(MAX_FILE_SIZE_ENV)
        .ok()
        .and_then(|value| parse_size(&value))
        .unwrap_or(MAX_FILE_SIZE)
}

/// `700M` → bytes; `None` for anything that is not a size.
fn parse_size(value: &str) -> Option<u64> {
    let value = value.trim();
    let (digits, unit) = match value.char_indices().last()? {
        (at, c) if c.is_ascii_alphabetic() => (&value[..at], c.to_ascii_uppercase()),
        _ => (value, 'B'),
    };
    let scale: u64 = match unit {
        'B' => 1,
        'K' => 1 << 10,
        'M' => 1 << 20,
        'G' => 1 << 30,
        _ => return None,
    };
    digits.trim().parse::<u64>().ok()?.checked_mul(scale)
}

/// What kind of thing `meta` describes, in words, when it is not a regular file.
pub(crate) fn not_a_file(meta: &Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The bytes of the regular file at `path` (following links), refusing
/// anything else and anything over [`max_file_size`].
pub(crate) fn read_regular(path: &Path) -> Result<Vec<u8>, ReadError> {
    let limit = max_file_size();
    let io_error = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    };
    let before = fs::metadata(path).map_err(io_error)?;
    if let Some(kind) = not_a_file(&before) {
        return Err(ReadError::NotAFile(kind));
    }
    let file = open_without_blocking(path).map_err(io_error)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(kind) = not_a_file(&meta) {
        return Err(ReadError::NotAFile(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Opens `path` for reading such that a FIFO does not wait for a writer and
/// a terminal does not become this process's controlling terminal.
fn open_without_blocking(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// A size for a message: `612 MiB`, `3.2 KiB`, `17 bytes`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (scale, unit) in UNITS {
        if bytes >= scale {
            let value = bytes as f64 / scale as f64;
            return if value >= 10.0 || bytes.is_multiple_of(scale) {
                format!("{value:.0} {unit}")
            } else {
                format!("{value:.1} {unit}")
            };
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read_with_their_units() {
        assert_eq!(parse_size("1048576"), Some(1 << 20));
        assert_eq!(parse_size("700M"), Some(700 << 20));
        assert_eq!(parse_size(" 2g "), Some(2 << 30));
        assert_eq!(parse_size("12k"), Some(12 << 10));
        assert_eq!(parse_size("12 x"), None);
        assert_eq!(parse_size("lots"), None);
        assert_eq!(parse_size(""), None);
        assert_eq!(parse_size("99999999999999999999G"), None);
    }

    #[test]
    fn sizes_are_shown_for_people() {
        assert_eq!(human_size(17), "17 bytes");
        assert_eq!(human_size(3277), "3.2 KiB");
        assert_eq!(human_size(512 << 20), "512 MiB");
        assert_eq!(human_size(3 << 30), "3 GiB");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_device_are_refused_without_waiting_or_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.toml");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_regular(&fifo),
            Err(ReadError::NotAFile("a named pipe (FIFO)"))
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero")),
            Err(ReadError::NotAFile("a character device"))
        ));
        assert!(matches!(
            read_regular(dir.path()),
            Err(ReadError::NotAFile("a directory"))
        ));
        assert!(matches!(
            read_regular(&dir.path().join("nothing.toml")),
            Err(ReadError::NotFound)
        ));
    }
}
