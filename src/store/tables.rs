//! Where a strategy file's tables begin, found without parsing it: a small
//! lexer that knows just enough TOML (strings of all four kinds, comments,
//! arrays and inline tables spanning lines) to tell a `[header]` line from
//! a line of text that happens to start with `[`.
//!
//! This is what lets the loader read a large file one table at a time
//! (`load/pieces.rs`) and the language server re-read only the table an
//! edit touched. It never decides what a file means: every table it cuts
//! out is parsed by `toml`, and a file it cannot cut cleanly is read whole.

use crate::model::Level;

/// What a `[header]` line opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Header {
    /// A node's own table: `[vision]`, `[intents.<id>]`, ...
    Node(Level, String),
    /// A table inside a node's (`[[intents.<id>.metrics]]`), part of that node.
    Inside(Level, String),
    /// Anything else: `[company]`, `[lint]`, `[intents]`, or a header this
    /// lexer does not read (escapes in a quoted key).
    Other,
}

/// A header line: where its line starts and what it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderLine {
    /// Byte offset of the start of the header's line.
    pub start: usize,
    /// What it opens.
    pub header: Header,
}

/// The header lines of a text, and whether the text ends outside every
/// string and bracket (so what follows it is read as it would be alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lexed {
    /// Header lines in order.
    pub headers: Vec<HeaderLine>,
    /// False when the text ends inside a multi-line string, an array or an
    /// inline table.
    pub clean_end: bool,
}

/// What a file looks like, for deciding whether it is a strategy at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Looks {
    /// It has a `[vision]`.
    pub vision: bool,
    /// It has tables of intents, initiatives or options.
    pub levels: bool,
    /// A top-level `version = 1` line comes before its first table.
    pub version: bool,
}

impl Looks {
    /// True when the file holds any of strata's node tables.
    pub fn has_nodes(self) -> bool {
        self.vision || self.levels
    }
}

/// Reads the header lines of `text`.
pub fn lex(text: &str) -> Lexed {
    let mut lexer = Lexer {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let mut headers = Vec::new();
    let mut clean = true;
    while lexer.at < lexer.bytes.len() {
        let line_start = lexer.at;
        lexer.skip_blanks();
        if lexer.depth == 0 && lexer.peek() == Some(b'[') {
            let header = read_header(text, lexer.at);
            headers.push(HeaderLine {
                start: line_start,
                header,
            });
            // A header's line holds nothing else but a comment.
            lexer.skip_line();
            continue;
        }
        if !lexer.line() {
            clean = false;
            break;
        }
    }
    Lexed {
        headers,
        clean_end: clean && lexer.depth == 0,
    }
}

/// What `text` looks like: its node tables and its `version` line.
pub fn looks(text: &str) -> Looks {
    let lexed = lex(text);
    let mut looks = Looks::default();
    for line in &lexed.headers {
        match &line.header {
            Header::Node(Level::Vision, _) | Header::Inside(Level::Vision, _) => {
                looks.vision = true
            }
            Header::Node(..) | Header::Inside(..) => looks.levels = true,
            Header::Other => {}
        }
    }
    let preamble = &text[..lexed.headers.first().map_or(text.len(), |h| h.start)];
    looks.version = preamble.lines().any(|line| {
        let line = line.split('#').next().unwrap_or("");
        let mut parts = line.splitn(2, '=');
        parts.next().map(str::trim) == Some("version") && parts.next().map(str::trim) == Some("1")
    });
    looks
}

struct Lexer<'t> {
    bytes: &'t [u8],
    at: usize,
    /// Open `[` and `{` of values.
    depth: usize,
}

impl Lexer<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn starts_with(&self, what: &[u8]) -> bool {
        self.bytes[self.at..].starts_with(what)
    }

    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    fn skip_line(&mut self) {
        match self.bytes[self.at..].iter().position(|&b| b == b'\n') {
            Some(n) => self.at += n + 1,
            None => self.at = self.bytes.len(),
        }
    }

    /// Reads to the end of the current logical line (a multi-line string
    /// carries it over several); false if the text ends inside a string.
    fn line(&mut self) -> bool {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.at += 1;
                    return true;
                }
                b'#' => {
                    self.skip_line();
                    return true;
                }
                b'"' if self.starts_with(b"\"\"\"") => {
                    if !self.multi_line(b"\"\"\"", true) {
                        return false;
                    }
                }
                b'\'' if self.starts_with(b"'''") => {
                    if !self.multi_line(b"'''", false) {
                        return false;
                    }
                }
                b'"' | b'\'' => self.one_line(b),
                b'[' | b'{' => {
                    self.depth += 1;
                    self.at += 1;
                }
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    self.at += 1;
                }
                _ => self.at += 1,
            }
        }
        true
    }

    /// A one-line string; an unterminated one ends at the line's end, where
    /// the parser will report it.
    fn one_line(&mut self, quote: u8) {
        self.at += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => return,
                b'\\' if quote == b'"' => self.at += 2,
                _ if b == quote => {
                    self.at += 1;
                    return;
                }
                _ => self.at += 1,
            }
        }
        self.at = self.at.min(self.bytes.len());
    }

    /// A multi-line string; false when it never closes.
    fn multi_line(&mut self, delimiter: &[u8], escapes: bool) -> bool {
        self.at += 3;
        while self.at < self.bytes.len() {
            if escapes && self.bytes[self.at] == b'\\' {
                self.at += 2;
                continue;
            }
            if self.starts_with(delimiter) {
                self.at += 3;
                // Up to two more quotes belong to the text: `""""a"""""`.
                let mut extra = 0;
                while extra < 2 && self.peek() == Some(delimiter[0]) {
                    self.at += 1;
                    extra += 1;
                }
                return true;
            }
            self.at += 1;
        }
        self.at = self.bytes.len();
        false
    }
}

/// Reads the header starting at `at` (its `[`).
fn read_header(text: &str, at: usize) -> Header {
    let rest = &text[at..];
    let (array, inner) = match rest.strip_prefix("[[") {
        Some(inner) => (true, inner),
        None => (false, &rest[1..]),
    };
    let Some(keys) = dotted_key(inner, if array { "]]" } else { "]" }) else {
        return Header::Other;
    };
    let level = match keys.first().map(String::as_str) {
        Some("vision") => Level::Vision,
        Some(table) => match Level::from_table(table) {
            Some(level) if level != Level::Vision => level,
            _ => return Header::Other,
        },
        None => return Header::Other,
    };
    let (id, depth) = if level == Level::Vision {
        ("vision".to_owned(), 1)
    } else {
        match keys.get(1) {
            Some(id) => (id.clone(), 2),
            None => return Header::Other,
        }
    };
    match (keys.len() > depth, array) {
        (true, _) => Header::Inside(level, id),
        (false, false) => Header::Node(level, id),
        // `[[intents.x]]` makes a node an array: the schema reports it.
        (false, true) => Header::Other,
    }
}

/// The segments of a dotted key ending at `close`; `None` if it is not one
/// this lexer reads (escapes, or a malformed key: the parser decides).
fn dotted_key(text: &str, close: &str) -> Option<Vec<String>> {
    let mut keys = Vec::new();
    let mut rest = text.trim_start_matches([' ', '\t']);
    loop {
        let (key, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"')?;
            let key = &quoted[..end];
            if key.contains('\\') {
                return None;
            }
            (key, &quoted[end + 1..])
        } else if let Some(quoted) = rest.strip_prefix('\'') {
            let end = quoted.find('\'')?;
            (&quoted[..end], &quoted[end + 1..])
        } else {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            if end == 0 {
                return None;
            }
            (&rest[..end], &rest[end..])
        };
        keys.push(key.to_owned());
        rest = after.trim_start_matches([' ', '\t']);
        if let Some(after) = rest.strip_prefix(close) {
            let after = after.trim_start_matches([' ', '\t']);
            let ends = after.is_empty()
                || after.starts_with('#')
                || after.starts_with('\n')
                || after.starts_with("\r\n");
            return ends.then_some(keys);
        }
        rest = rest.strip_prefix('.')?.trim_start_matches([' ', '\t']);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(text: &str) -> Vec<(usize, Header)> {
        lex(text)
            .headers
            .into_iter()
            .map(|h| (h.start, h.header))
            .collect()
    }

    fn node(level: Level, id: &str) -> Header {
        Header::Node(level, id.to_owned())
    }

    #[test]
    fn finds_node_tables_and_what_is_inside_them() {
        let text = "version = 1\n[vision]\ntitle = \"x\"\n  [ intents . \"a b\" ] # c\n\
                    [[intents.'a b'.metrics]]\n[lint]\n[intents]\n[[intents.x]]\n";
        assert_eq!(
            headers(text),
            [
                (12, node(Level::Vision, "vision")),
                (33, node(Level::Intent, "a b")),
                (59, Header::Inside(Level::Intent, "a b".into())),
                (85, Header::Other),
                (92, Header::Other),
                (102, Header::Other),
            ]
        );
    }

    #[test]
    fn brackets_inside_values_and_strings_are_not_headers() {
        let text = "[vision]\nfuture = \"\"\"\n[intents.fake]\n\"\"\"\nwill_not = [\n  [1],\n  \"]\",\n]\n\
                    today = '''\n[x]'''\nnotes = \"[y] \\\" [z]\" # [w]\n[options.real]\n";
        let found = headers(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1, node(Level::Option, "real"));
        assert!(lex(text).clean_end);
    }

    #[test]
    fn an_unclosed_string_or_array_is_not_a_clean_end() {
        assert!(!lex("[vision]\nfuture = \"\"\"\nopen").clean_end);
        assert!(!lex("[vision]\nwill_not = [\n\"a\",\n").clean_end);
        // A one-line string cannot run on: the next line is read as usual.
        let text = "[vision]\ntitle = \"open\n[intents.a]\n";
        assert_eq!(headers(text).len(), 2);
    }

    #[test]
    fn looks_tells_strategies_from_other_toml() {
        let sample = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-strategy.toml"),
        )
        .unwrap();
        let looks_of = |t: &str| {
            let l = looks(t);
            (l.vision, l.levels, l.version)
        };
        assert_eq!(looks_of(&sample), (true, true, true));
        assert_eq!(
            looks_of("[package]\nname = \"x\"\nversion = \"1\"\n"),
            (false, false, false)
        );
        assert_eq!(
            looks_of("version = 1 # format\n[initiatives.a]\n"),
            (false, true, true)
        );
    }
}
