//! `strata lsp` in a real Neovim, headless: opening the sample shows the
//! findings `strata lint` prints, and a buzzword typed into a future adds
//! one on that line. The Lua beside this file is the set-up
//! docs/editors.md gives.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::lsp_client::{clean_future_line, lint_json, sample_copy};
use crate::support;

const SCRIPT: &str = include_str!("lsp_neovim.lua");

#[test]
fn neovim_shows_the_findings_and_flags_a_typed_buzzword() {
    if !support::tool_available("nvim", "--version", "apt-get install -y neovim") {
        return;
    }
    let (dir, path) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let script = out.path().join("strata-lsp.lua");
    std::fs::write(&script, SCRIPT).unwrap();
    let line = clean_future_line(&path);
    let home = out.path();
    let mut nvim = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .current_dir(dir.path())
        .env("STRATA_BIN", env!("CARGO_BIN_EXE_strata"))
        .env("STRATA_FILE", &path)
        .env("STRATA_OUT", out.path())
        .env("STRATA_LINE", line.to_string())
        // Neovim's own files (its LSP log among them) go to the test's directory.
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("NVIM_LOG_FILE", home.join("nvim.log"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = nvim.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = nvim.kill();
            panic!("nvim did not finish: {}", read_or(out.path(), "error"));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        status.success(),
        "nvim failed: {}",
        read_or(out.path(), "error")
    );

    let opened = read(out.path(), "opened");
    let mut seen: Vec<(u64, String)> = opened
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap() + 1,
                d["code"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let mut expected = lint_json(&path);
    seen.sort();
    expected.sort();
    assert_eq!(seen, expected, "Neovim shows what strata lint prints");

    let typed = read(out.path(), "typed");
    let on_line: Vec<&str> = typed
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["line"] == line)
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(on_line.contains(&"sunday-words"), "{on_line:?}");
}

fn read(dir: &Path, name: &str) -> Value {
    let text = std::fs::read_to_string(dir.join(format!("{name}.json")))
        .unwrap_or_else(|e| panic!("nvim wrote no {name}.json: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn read_or(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(format!("{name}.json"))).unwrap_or_default()
}
