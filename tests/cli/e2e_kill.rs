//! `kill -9` in the middle of saving, again and again: the file on disk is
//! always either the old text or the new one, byte for byte, and parses;
//! and the temp file a killed save leaves is gone once strata opens the file
//! again.
//!
//! 30 runs of the real binary in tmux by default (about 2.5 s), so a developer's
//! `cargo test` stays quick; `STRATA_KILL_RUNS` changes the number, and CI
//! (`.ci/run`) runs 300.

use crate::support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use strata::store::StrategyFile;
use support::tmux::{Tmux, tmux};

/// The temp files of saves of `path` in its directory (`.NAME.strata-tmp-…`).
fn temps_of(path: &Path) -> Vec<String> {
    let prefix = format!(
        ".{}.strata-tmp-",
        path.file_name().unwrap().to_string_lossy()
    );
    std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(&prefix))
        .collect()
}

/// A small, cheap source of randomness: the test needs spread, not quality.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn kill_9_while_saving_leaves_the_old_or_the_new_file() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let runs: usize = std::env::var("STRATA_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("sample-strategy.toml"), &path).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let session = Tmux::start("kill", "sleep 100000", 120, 35);
    // Keep the pane when strata dies, so it can be respawned and checked.
    tmux(&["set-option", "-t", session.name(), "remain-on-exit", "on"]);
    let mut seed = u64::from(nanos) | 1;
    let (mut olds, mut news, mut left) = (0, 0, 0);
    let open = |run: usize| {
        let state = dir.path().join(format!("state-{run}"));
        let command = format!(
            // `clear` first: the last run's frame must not pass for this one's.
            "clear; STRATA_STATE_DIR='{}' STRATA_CONFIG='{}' exec '{}' '{}'",
            state.display(),
            config.display(),
            env!("CARGO_BIN_EXE_strata"),
            path.display()
        );
        tmux(&["respawn-pane", "-k", "-t", session.name(), &command]);
        session.wait_for("Northwind Freight");
        // The file is open (and this strata has not saved yet): whatever the
        // last killed save left beside it is gone.
        let temps = temps_of(&path);
        assert!(
            temps.is_empty(),
            "run {run}: left after reopening: {temps:?}"
        );
    };
    for run in 0..runs {
        let old = std::fs::read_to_string(&path).unwrap();
        open(run);
        session.keys(&["e", "1", "X", "Enter", "C-s"]);
        std::thread::sleep(Duration::from_micros(next(&mut seed) % 30_000));
        let pid = session.pane_pid();
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
        // The pane is dead once tmux says so; then the file is final.
        let start = Instant::now();
        while tmux(&[
            "display-message",
            "-p",
            "-t",
            session.name(),
            "#{pane_dead}",
        ])
        .stdout
        .starts_with(b"0")
        {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "strata survived kill -9"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        let now = std::fs::read_to_string(&path).unwrap();
        let (_, before) = StrategyFile::from_text(&path, old.clone()).unwrap();
        let vision = before.vision().unwrap();
        let title = &before.node(vision).doc.title;
        let new = old.replacen(
            &format!("title = \"{title}\""),
            &format!("title = \"{title}X\""),
            1,
        );
        assert!(
            now == old || now == new,
            "run {run}: the file is neither the old nor the new text"
        );
        assert!(
            StrategyFile::from_text(&path, now.clone()).is_ok(),
            "run {run}: does not parse"
        );
        if now == old {
            olds += 1;
        } else {
            news += 1;
        }
        left += usize::from(!temps_of(&path).is_empty());
    }
    open(runs);
    eprintln!(
        "{runs} runs: {olds} left the old file, {news} the new one; \
         {left} left a temp file, removed when strata opened the file again"
    );
}
