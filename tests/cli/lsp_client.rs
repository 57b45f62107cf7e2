//! A language client for the tests: `strata lsp` started as a process,
//! JSON-RPC written to its stdin and read from its stdout, and the helpers
//! the tests share (the sample copied, `strata lint`'s findings, places in
//! a text).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support;

/// How long any one answer may take before the test fails (a debug build
/// on a busy machine; answers normally take milliseconds).
const PATIENCE: Duration = Duration::from_secs(30);

/// A language client talking to `strata lsp` on its stdin and stdout.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Every `publishDiagnostics` seen, oldest first.
    pub published: Vec<Value>,
    /// Requests the server sent the client (method names).
    pub asked: Vec<String>,
    /// Texts as the client holds them, by path.
    texts: std::collections::HashMap<PathBuf, String>,
}

impl Client {
    pub fn start(root: &Path) -> Client {
        Client::start_with(root, json!({ "debounceMs": 20 }), json!({}))
    }

    /// Starts `strata lsp` with these `initializationOptions` and client capabilities.
    pub fn start_with(root: &Path, options: Value, capabilities: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_strata"))
            .arg("lsp")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("strata lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if send.send(message).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 1,
            published: Vec::new(),
            asked: Vec::new(),
            texts: Default::default(),
        };
        let answer = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        assert_eq!(answer["serverInfo"]["name"], "strata");
        assert_eq!(
            answer["capabilities"]["textDocumentSync"]["change"], 2,
            "incremental"
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.next();
            if message["id"] == id {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
        }
    }

    fn next(&mut self) -> Value {
        let message = match self.messages.recv_timeout(PATIENCE) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!("strata lsp said nothing for {PATIENCE:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("strata lsp closed its stdout"),
        };
        if message["method"] == "textDocument/publishDiagnostics" {
            self.published.push(message["params"].clone());
        } else if let (Some(method), false) = (message["method"].as_str(), message["id"].is_null())
        {
            self.asked.push(method.to_owned());
        }
        message
    }

    /// Opens `path` and returns the diagnostics published for it.
    pub fn open(&mut self, path: &Path) -> Vec<Value> {
        let text = support::read(path);
        self.texts.insert(path.to_path_buf(), text.clone());
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri(path), "languageId": "toml", "version": 1, "text": text } }),
        );
        self.diagnostics_for(path, 1)
    }

    /// Replaces a range of `path` (lines and UTF-16 columns) with `with`.
    #[allow(clippy::too_many_arguments)]
    pub fn change(
        &mut self,
        path: &Path,
        version: i32,
        l0: u64,
        c0: u64,
        l1: u64,
        c1: u64,
        with: &str,
    ) {
        let range = json!({ "start": { "line": l0, "character": c0 }, "end": { "line": l1, "character": c1 } });
        let text = self.texts.get_mut(path).unwrap();
        let (a, b) = (offset(text, l0, c0), offset(text, l1, c1));
        text.replace_range(a..b, with);
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri(path), "version": version },
                "contentChanges": [{ "range": range, "text": with }],
            }),
        );
    }

    /// Applies a code action's edits as an editor would, and returns the text.
    pub fn apply(&mut self, path: &Path, version: i32, edits: &Value) -> String {
        let mut edits: Vec<Value> = edits.as_array().expect("edits for this file").clone();
        // Last first, so earlier ranges stay valid.
        edits.sort_by_key(|e| {
            std::cmp::Reverse((
                e["range"]["start"]["line"].as_u64(),
                e["range"]["start"]["character"].as_u64(),
            ))
        });
        for edit in edits {
            let r = &edit["range"];
            let n = |v: &Value| v.as_u64().unwrap();
            self.change(
                path,
                version,
                n(&r["start"]["line"]),
                n(&r["start"]["character"]),
                n(&r["end"]["line"]),
                n(&r["end"]["character"]),
                edit["newText"].as_str().unwrap(),
            );
        }
        self.texts[path].clone()
    }

    /// Waits for diagnostics of `path` published after the first `seen`.
    pub fn diagnostics_after(&mut self, path: &Path, seen: usize) -> Vec<Value> {
        let uri = uri(path);
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(found) = self.published[seen.min(self.published.len())..]
                .iter()
                .rev()
                .find(|p| p["uri"] == uri.as_str())
            {
                return found["diagnostics"].as_array().unwrap().clone();
            }
            assert!(Instant::now() < deadline, "no new diagnostics for {uri}");
            self.next();
        }
    }

    /// Waits for the diagnostics of `path` at `version`.
    pub fn diagnostics_for(&mut self, path: &Path, version: i32) -> Vec<Value> {
        let uri = uri(path);
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(found) = self
                .published
                .iter()
                .rev()
                .find(|p| p["uri"] == uri.as_str() && p["version"] == version)
            {
                return found["diagnostics"].as_array().unwrap().clone();
            }
            assert!(
                Instant::now() < deadline,
                "no diagnostics for {uri} at version {version}"
            );
            self.next();
        }
    }

    pub fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "strata lsp exited with {status}");
                return;
            }
            assert!(Instant::now() < deadline, "strata lsp did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The byte offset of a line and UTF-16 column.
fn offset(text: &str, line: u64, character: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize)
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

pub fn code(diagnostic: &Value) -> String {
    diagnostic["code"].as_str().unwrap_or_default().to_owned()
}

pub fn on_line(found: &[Value], line: u64) -> Vec<String> {
    found
        .iter()
        .filter(|d| d["range"]["start"]["line"] == line)
        .map(code)
        .collect()
}

pub fn count_on(found: &[Value], line: u64, rule: &str) -> usize {
    on_line(found, line).iter().filter(|c| *c == rule).count()
}

pub fn ranges(found: &[Value]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = found
        .iter()
        .map(|d| (code(d), d["range"].to_string()))
        .collect();
    out.sort();
    out
}

/// The sample, copied to a directory of its own.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    (dir, path)
}

/// `strata lint --format json` of `path`: (line, rule) of each finding.
pub fn lint_json(path: &Path) -> Vec<(u64, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(["lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                code(&json!({ "code": d["rule"] })),
            )
        })
        .collect()
}

/// The 0-based line and column (plus `shift`) where `needle` starts in `path`.
pub fn find(path: &Path, needle: &str, shift: u64) -> (u64, u64) {
    find_in(&support::read(path), needle, shift)
}

pub fn find_in(text: &str, needle: &str, shift: u64) -> (u64, u64) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} is in the text"));
    let line = text[..at].matches('\n').count() as u64;
    let column = text[..at]
        .rsplit('\n')
        .next()
        .unwrap()
        .encode_utf16()
        .count() as u64;
    (line, column + shift)
}

/// A line inside a future with no finding on it: the vision's future's first line.
pub fn clean_future_line(path: &Path) -> u64 {
    let text = support::read(path);
    let vision = text.find("[vision]").unwrap();
    let future = vision + text[vision..].find("future = \"\"\"").unwrap();
    text[..future].matches('\n').count() as u64 + 1
}
