//! The journal file's bytes: a small text header with the lengths of what
//! follows, the texts themselves, and a checksum line at the very end, so a
//! file cut short anywhere (a full disk, a crash mid-copy) or damaged on disk
//! is recognised rather than half-read.
//!
//! ```text
//! strata-journal 1
//! written-at-ms 1764680000000
//! path 31
//! base 20514
//! edited 20533
//!
//! <path>\n<base text>\n<edited text>\n
//! checksum-fnv1a64 0123456789abcdef
//! ```
//!
//! The checksum covers every byte before its line. FNV-1a is not a defence
//! against tampering (the journal is the user's own file) but changes with
//! any single altered byte, and is the same in every Rust version, unlike
//! the standard library's hasher.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The format this strata writes and reads.
const VERSION: u32 = 1;
const MAGIC: &str = "strata-journal";
const CHECKSUM: &str = "checksum-fnv1a64 ";

/// What a journal holds.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Entry {
    /// When it was written.
    pub written_at: SystemTime,
    /// The strategy file it belongs to (canonical, as text).
    pub path: String,
    /// The file text the edits were made on.
    pub base: String,
    /// The file text with the edits, as a save would write it.
    pub edited: String,
}

/// FNV-1a, 64 bits: a stable hash for file names and the checksum.
pub(crate) fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The bytes of `entry`'s journal file.
pub(super) fn encode(entry: &Entry) -> Vec<u8> {
    let millis = entry
        .written_at
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let mut out = format!(
        "{MAGIC} {VERSION}\nwritten-at-ms {millis}\npath {}\nbase {}\nedited {}\n\n",
        entry.path.len(),
        entry.base.len(),
        entry.edited.len()
    );
    for part in [&entry.path, &entry.base, &entry.edited] {
        out.push_str(part);
        out.push('\n');
    }
    let checksum = fnv1a64(out.as_bytes());
    out.push_str(&format!("{CHECKSUM}{checksum:016x}\n"));
    out.into_bytes()
}

/// Reads a journal file's bytes; the error says what is wrong with them.
pub(super) fn decode(bytes: &[u8]) -> Result<Entry, String> {
    if bytes.is_empty() {
        return Err("the journal is empty".into());
    }
    let content = verified(bytes)?;
    let header_end = find(content, b"\n\n").ok_or("the journal has no header")?;
    let header = std::str::from_utf8(&content[..header_end])
        .map_err(|_| "the journal's header is not text".to_owned())?;
    let mut lines = header.lines();
    let first = lines.next().unwrap_or_default();
    match first.strip_prefix(MAGIC).map(str::trim) {
        Some(v) if v == VERSION.to_string() => {}
        Some(v) => {
            return Err(format!(
                "the journal was written by a newer strata (journal format {v}); \
                 this one reads format {VERSION}"
            ));
        }
        None => return Err("this is not a strata journal".into()),
    }
    let mut field = |name: &str| -> Result<u64, String> {
        lines
            .next()
            .and_then(|line| line.strip_prefix(name)?.strip_prefix(' '))
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| format!("the journal's `{name}` line is missing or damaged"))
    };
    let millis = field("written-at-ms")?;
    let lengths = [field("path")?, field("base")?, field("edited")?];
    let mut body = &content[header_end + 2..];
    let mut parts = Vec::with_capacity(3);
    for length in lengths {
        let length = usize::try_from(length).map_err(|_| "a length is too large".to_owned())?;
        let (part, rest) = body
            .split_at_checked(length)
            .ok_or("the journal is shorter than its header says")?;
        body = rest
            .strip_prefix(b"\n")
            .ok_or("the journal's parts do not match the lengths in its header")?;
        parts.push(
            String::from_utf8(part.to_vec())
                .map_err(|_| "the journal's text is not UTF-8".to_owned())?,
        );
    }
    if !body.is_empty() {
        return Err("the journal is longer than its header says".into());
    }
    let [path, base, edited] = <[String; 3]>::try_from(parts)
        .map_err(|_| "the journal does not have three parts".to_owned())?;
    Ok(Entry {
        written_at: UNIX_EPOCH + Duration::from_millis(millis),
        path,
        base,
        edited,
    })
}

/// The bytes before the checksum line, if the checksum matches them.
fn verified(bytes: &[u8]) -> Result<&[u8], String> {
    let cut_short =
        || "the journal was cut short or damaged (its checksum line is missing)".to_owned();
    let without_newline = bytes.strip_suffix(b"\n").ok_or_else(cut_short)?;
    let start = without_newline
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let (content, trailer) = without_newline.split_at(start);
    // Compared as text, not as a number, so that every byte of the line counts
    // (`A` and `a` are the same hex digit but not the same byte).
    let expected = format!("{CHECKSUM}{:016x}", fnv1a64(content));
    if !trailer.starts_with(CHECKSUM.as_bytes()) {
        Err(cut_short())
    } else if trailer == expected.as_bytes() {
        Ok(content)
    } else {
        Err("the journal was damaged: its checksum does not match its content".into())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn entry() -> Entry {
        Entry {
            written_at: UNIX_EPOCH + Duration::from_millis(1_764_680_000_123),
            path: "/home/dana/strategy.toml".into(),
            base: "version = 1\n".into(),
            edited: "version = 1\n\n[vision]\ntitle = \"日本 🚚\"\n".into(),
        }
    }

    #[test]
    fn round_trips() {
        assert_eq!(decode(&encode(&entry())), Ok(entry()));
        let empty = Entry {
            path: String::new(),
            base: String::new(),
            edited: String::new(),
            ..entry()
        };
        assert_eq!(decode(&encode(&empty)), Ok(empty));
    }

    #[test]
    fn the_file_reads_as_documented() {
        let text = String::from_utf8(encode(&entry())).unwrap();
        let header = format!(
            "strata-journal 1\nwritten-at-ms 1764680000123\npath 24\nbase 12\nedited {}\n\n/home/dana/strategy.toml\n",
            entry().edited.len()
        );
        assert!(text.starts_with(&header), "{text}");
        assert!(text.ends_with(&format!(
            "{CHECKSUM}{:016x}\n",
            fnv1a64(text.rsplit_once(CHECKSUM).unwrap().0.as_bytes())
        )));
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_caught() {
        let bytes = encode(&entry());
        for len in 0..bytes.len() {
            assert!(decode(&bytes[..len]).is_err(), "cut at {len}");
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x20;
            assert!(decode(&damaged).is_err(), "byte {i}");
        }
    }

    #[test]
    fn a_valid_checksum_over_nonsense_is_still_refused() {
        let seal =
            |content: &str| format!("{content}{CHECKSUM}{:016x}\n", fnv1a64(content.as_bytes()));
        let cases = [
            ("hello\n\n", "not a strata journal"),
            ("strata-journal 2\n\n", "newer strata"),
            ("strata-journal 1\nwritten-at-ms x\n\n", "`written-at-ms`"),
            (
                "strata-journal 1\nwritten-at-ms 1\npath 3\nbase 0\nedited 0\n\nab\n\n\n",
                "do not match",
            ),
            (
                "strata-journal 1\nwritten-at-ms 1\npath 99\nbase 0\nedited 0\n\n",
                "shorter",
            ),
            (
                "strata-journal 1\nwritten-at-ms 1\npath 0\nbase 0\nedited 0\n\n\n\n\nextra\n",
                "longer",
            ),
        ];
        for (content, why) in cases {
            let message = decode(seal(content).as_bytes()).unwrap_err();
            assert!(message.contains(why), "{content:?}: {message}");
        }
        let not_utf8 = [
            b"strata-journal 1\nwritten-at-ms 1\npath 1\nbase 0\nedited 0\n\n".as_slice(),
            b"\xff\n\n\n",
        ]
        .concat();
        let mut sealed = not_utf8.clone();
        sealed.extend_from_slice(format!("{CHECKSUM}{:016x}\n", fnv1a64(&not_utf8)).as_bytes());
        assert_eq!(
            decode(&sealed),
            Err("the journal's text is not UTF-8".into())
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]

        #[test]
        fn random_bytes_never_decode_and_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            prop_assert!(decode(&bytes).is_err());
        }

        #[test]
        fn a_sealed_header_over_random_parts_never_panics(
            lengths in proptest::array::uniform3(0u64..40),
            body in proptest::collection::vec(any::<u8>(), 0..120),
        ) {
            // A correct checksum gets random content past the first check, to
            // the length and UTF-8 checks.
            let [p, b, e] = lengths;
            let mut content = format!("{MAGIC} {VERSION}\nwritten-at-ms 7\npath {p}\nbase {b}\nedited {e}\n\n").into_bytes();
            content.extend_from_slice(&body);
            content.push(b'\n');
            let mut bytes = content.clone();
            bytes.extend_from_slice(format!("{CHECKSUM}{:016x}\n", fnv1a64(&content)).as_bytes());
            if let Ok(entry) = decode(&bytes) {
                prop_assert_eq!(entry.path.len() + entry.base.len() + entry.edited.len() + 3, body.len() + 1);
            }
        }
    }
}
