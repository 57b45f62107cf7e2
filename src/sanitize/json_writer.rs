//! [`super::json`] as a writer, for JSON streamed as it is serialised: the
//! same characters escaped the same way, so a document written through it
//! is byte for byte the one `json(to_string_pretty(..))` gives, without the
//! whole document in memory twice.

use std::io::{self, Write};

/// Passes JSON through to `inner`, writing every character [`super::json`]
/// escapes as `\uXXXX`.
pub struct JsonWriter<W: Write> {
    inner: W,
    /// The first bytes of a character split between two writes.
    pending: Vec<u8>,
}

impl<W: Write> JsonWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> JsonWriter<W> {
        JsonWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn write_text(&mut self, text: &str) -> io::Result<()> {
        // ASCII but DEL needs no look at each character.
        if text.bytes().all(|b| b < 0x7f) {
            return self.inner.write_all(text.as_bytes());
        }
        let mut plain = 0;
        let mut escape = String::new();
        for (at, c) in text.char_indices() {
            if super::json_escapes(c) {
                self.inner.write_all(&text.as_bytes()[plain..at])?;
                escape.clear();
                super::push_json_escape(&mut escape, c);
                self.inner.write_all(escape.as_bytes())?;
                plain = at + c.len_utf8();
            }
        }
        self.inner.write_all(&text.as_bytes()[plain..])
    }
}

impl<W: Write> Write for JsonWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let bytes = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            &joined[..]
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => self.write_text(text)?,
            Err(e) => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                // Valid up to here by construction.
                self.write_text(std::str::from_utf8(valid).unwrap_or_default())?;
                match e.error_len() {
                    // Not UTF-8 at all (serde never writes that): as it is.
                    Some(_) => self.inner.write_all(rest)?,
                    None => self.pending = rest.to_vec(),
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.inner.write_all(&rest)?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(pieces: &[&[u8]]) -> String {
        let mut out = JsonWriter::new(Vec::new());
        for piece in pieces {
            out.write_all(piece).unwrap();
        }
        out.flush().unwrap();
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn a_character_above_u_ffff_is_escaped_as_a_surrogate_pair_json_reads_back() {
        let text = "\"tag\u{e0041} and emoji \u{1F600}\"";
        let written = through(&[text.as_bytes()]);
        assert!(written.contains("\\udb40\\udc41"), "{written}");
        let read: String = serde_json::from_str(&written).unwrap();
        assert_eq!(read, "tag\u{e0041} and emoji \u{1F600}");
        assert_eq!(super::super::json(text.to_owned()), written);
    }

    #[test]
    fn escapes_what_json_escapes_even_split_between_writes() {
        let text = "{\n  \"a\": \"x\u{7f}\u{9b}[2J\u{202e}é\u{e0041}\"\n}";
        let expected = super::super::json(text.to_owned());
        assert_eq!(through(&[text.as_bytes()]), expected);
        let bytes = text.as_bytes();
        for cut in 0..bytes.len() {
            let (a, b) = bytes.split_at(cut);
            assert_eq!(through(&[a, b]), expected, "cut at {cut}");
        }
    }
}
