//! The real binary in a real terminal (tmux): search, roll-up, quit, and the
//! terminal given back in a sane state, also after SIGTERM.
//!
//! tmux is required: CI installs it (.ci/run). Without it these tests fail
//! and say so, rather than pass without having run.

use crate::support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use support::tmux::{Tmux, tmux};

/// strata in tmux, through a wrapper script, with its config and state
/// in a temporary directory that lives as long as the session.
struct Session {
    tmux: Tmux,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for Session {
    type Target = Tmux;
    fn deref(&self) -> &Tmux {
        &self.tmux
    }
}

impl Session {
    /// Starts strata on `file` in a 120×35 terminal, through a wrapper that
    /// reports how it exited and whether the terminal is back in cooked mode.
    /// Edits are journaled after 0.1 s instead of 4, so no test waits long.
    fn start(test: &str, file: &str) -> Session {
        Session::start_with_state(test, file, None)
    }

    /// [`Session::start`] with the recovery journal kept in `state`, so a
    /// second run can find what the first left.
    fn start_with_state(test: &str, file: &str, state: Option<&Path>) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("config.toml");
        std::fs::write(&config, "").unwrap();
        let script = dir.path().join("run.sh");
        let root = env!("CARGO_MANIFEST_DIR");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\ncd '{root}'\nSTRATA_JOURNAL_DELAY_MS=100 STRATA_STATE_DIR='{}' STRATA_CONFIG='{}' '{}' '{file}'\necho \"STRATA-EXITED-$?\"\n\
                 stty -a | tr ' ;' '\\n\\n' | grep -x -- '-\\{{0,1\\}}icanon'\nsleep 120\n",
                state.map_or_else(|| dir.path().join("state"), Path::to_path_buf).display(),
                config.display(),
                env!("CARGO_BIN_EXE_strata"),
            ),
        )
        .unwrap();
        let tmux = Tmux::start(test, &format!("sh '{}'", script.display()), 120, 35);
        Session { tmux, _dir: dir }
    }

    /// The pid of strata: the only child of the wrapper shell in the pane.
    fn strata_pid(&self) -> String {
        let shell = self.pane_pid();
        let children = Path::new("/proc")
            .join(&shell)
            .join("task")
            .join(&shell)
            .join("children");
        let text = std::fs::read_to_string(&children).unwrap_or_default();
        text.split_whitespace()
            .next()
            .unwrap_or_else(|| panic!("no child of {shell}"))
            .to_owned()
    }
}

fn assert_restored(screen: &str, code: &str) {
    assert!(
        screen.contains(&format!("STRATA-EXITED-{code}")),
        "{screen}"
    );
    let mode = screen
        .lines()
        .find(|l| l.trim_start_matches('-') == "icanon");
    assert_eq!(
        mode.map(str::trim),
        Some("icanon"),
        "the terminal is still raw:\n{screen}"
    );
    assert!(
        !screen.contains("Roll-up"),
        "the browser is still on screen:\n{screen}"
    );
    assert!(
        !screen.contains('│'),
        "the browser is still on screen:\n{screen}"
    );
}

#[test]
fn search_open_the_rollup_and_quit() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let session = Session::start("search", "sample-strategy.toml");
    session.wait_for("Northwind Freight");
    session.keys(&["/"]);
    session.type_text("quick-pay");
    session.wait_for("quick-pay-at-pod");
    session.keys(&["Enter"]);
    session.wait_for("› quick-pay-at-pod");
    session.keys(&["r"]);
    // Every level of the chain, and the weak intent's findings, on one screen.
    session.wait_for_all(&[
        "Roll-up: how quick-pay-at-pod ladders up",
        "Option · quick-pay-at-pod",
        "Product initiative · carriers-wait-38-days",
        "Strategic intent · earn-on-carrier-payments",
        "◆ Vision",
        "16 warnings",
    ]);
    session.keys(&["q"]);
    let screen = session.wait_for("icanon");
    assert_restored(&screen, "0");
}

#[test]
fn sigterm_restores_the_terminal() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let session = Session::start("sigterm", "sample-strategy.toml");
    session.wait_for("Northwind Freight");
    let pid = session.strata_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let screen = session.wait_for("icanon");
    assert_restored(&screen, "0");
}

#[test]
fn closing_the_terminal_ends_strata() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let session = Session::start("hangup", "sample-strategy.toml");
    session.wait_for("Northwind Freight");
    let pid = session.strata_pid();
    tmux(&["kill-session", "-t", session.name()]);
    let proc_dir = Path::new("/proc").join(&pid);
    let start = Instant::now();
    while proc_dir.exists() {
        // A zombie has exited; only its parent has yet to notice.
        let state = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
        if state.split_whitespace().nth(2) == Some("Z") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "strata (pid {pid}) still runs 10 s after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_missing_file_is_an_error_before_the_terminal_is_touched() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let session = Session::start("missing", "no-such-file.toml");
    let screen = session.wait_for("icanon");
    assert!(
        screen.contains("error: no strategy file at no-such-file.toml"),
        "{screen}"
    );
    assert_restored(&screen, "2");
}

#[test]
fn edit_a_title_save_and_quit_changes_only_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let original = std::fs::read_to_string(root.join("sample-strategy.toml")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let session = Session::start("edit-title", &path.display().to_string());
    session.wait_for("Northwind Freight");
    session.keys(&["e"]);
    session.wait_for("Edit which section?");
    session.keys(&["Enter"]);
    session.wait_for("Title of vision");
    session.keys(&["C-u"]);
    session.type_text("Every brokerage runs on Northwind");
    session.keys(&["Enter"]);
    session.wait_for("[+]");
    session.keys(&["C-s"]);
    session.wait_for("saved");
    session.keys(&["q"]);
    let screen = session.wait_for("icanon");
    assert_restored(&screen, "0");
    let old_line = original
        .lines()
        .find(|l| l.starts_with("title = "))
        .unwrap()
        .to_owned();
    let expected = original.replacen(
        &old_line,
        "title = \"Every brokerage runs on Northwind\"",
        1,
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn kill_9_after_typing_then_restart_recovers_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let state = dir.path().join("state");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let original = std::fs::read_to_string(root.join("sample-strategy.toml")).unwrap();
    std::fs::write(&path, &original).unwrap();
    let file = path.display().to_string();

    let session = Session::start_with_state("journal-1", &file, Some(&state));
    session.wait_for("Northwind Freight");
    session.keys(&["e"]);
    session.wait_for("Edit which section?");
    session.keys(&["3"]);
    session.wait_for("Future of vision");
    // The cursor starts after the text: a line of its own for the new words.
    session.keys(&["Enter"]);
    session.type_text("Typed just before the crash.");
    session.wait_for("Typed just before the crash.");
    // The journal is written soon after typing (0.1 s here), editor still
    // open; wait until it holds all of the text.
    let journal_dir = state.join("journal");
    let start = Instant::now();
    let written = || {
        std::fs::read_dir(&journal_dir).is_ok_and(|d| {
            d.flatten().any(|e| {
                e.file_name().to_string_lossy().ends_with(".journal")
                    && std::fs::read_to_string(e.path())
                        .is_ok_and(|text| text.contains("Typed just before the crash."))
            })
        })
    };
    while !written() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no journal of the typed text within 15 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = session.strata_pid();
    assert!(
        Command::new("kill")
            .args(["-KILL", &pid])
            .status()
            .unwrap()
            .success()
    );
    session.wait_for("STRATA-EXITED-");
    drop(session);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    let journals: Vec<_> = std::fs::read_dir(&journal_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(
        journals
            .iter()
            .any(|n| n.to_string_lossy().ends_with(".journal")),
        "{journals:?}"
    );
    let session = Session::start_with_state("journal-2", &file, Some(&state));
    let screen = session.wait_for("recover them");
    assert!(screen.contains("vision"), "{screen}");
    session.keys(&["r"]);
    session.wait_for("recovered");
    session.keys(&["C-s"]);
    session.wait_for("saved");
    session.keys(&["q"]);
    let screen = session.wait_for("icanon");
    assert_restored(&screen, "0");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("Typed just before the crash."), "{saved}");
}

/// A strategy split across a directory of three files: lint it, edit one
/// node by keys in the real binary, save, quit. Only that node's file may
/// change; the other two keep their bytes and are not even rewritten.
#[test]
fn a_directory_of_three_files_edit_one_node_save_changes_only_its_file() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("split");
    std::fs::create_dir(&dir).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split");
    let names = ["pricing.toml", "tracking.toml", "vision.toml"];
    let long_ago = UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for name in names {
        std::fs::copy(fixture.join(name), dir.join(name)).unwrap();
        std::fs::File::options()
            .write(true)
            .open(dir.join(name))
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    let snapshot = || -> Vec<(String, SystemTime)> {
        names
            .iter()
            .map(|n| {
                let path = dir.join(n);
                let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
                (std::fs::read_to_string(&path).unwrap(), mtime)
            })
            .collect()
    };
    let before = snapshot();

    let lint = Command::new(env!("CARGO_BIN_EXE_strata"))
        .args(["lint", "--color=never"])
        .arg(&dir)
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&lint.stdout);
    // The fixture's initiative without a `will_not` is an error.
    assert_eq!(lint.status.code(), Some(1), "{findings}");
    assert!(findings.contains("tracking.toml:5:14"), "{findings}");
    assert!(findings.contains("pricing.toml:81:11"), "{findings}");

    let session = Session::start("split-edit", &dir.display().to_string());
    session.wait_for("Northwind Freight");
    session.keys(&["/"]);
    session.type_text("eld-consent-in-carrier-packet");
    session.keys(&["Enter"]);
    session.wait_for("Ask carriers to connect their ELD");
    session.keys(&["e"]);
    session.wait_for("Edit which section?");
    session.keys(&["3"]);
    session.wait_for("Future of options.eld-consent-in-carrier-packet");
    session.type_text("Most carriers say yes. ");
    session.wait_for("Most carriers say yes.");
    // Keys arrive in order; the `[+]` mark is cut off behind the long
    // temporary path, so the save is what is waited for.
    session.keys(&["Escape"]);
    session.keys(&["C-s"]);
    session.wait_for("saved");
    session.keys(&["q"]);
    let screen = session.wait_for("icanon");
    assert_restored(&screen, "0");

    let after = snapshot();
    assert_eq!(after[0], before[0], "pricing.toml: same bytes, same mtime");
    assert_eq!(after[2], before[2], "vision.toml: same bytes, same mtime");
    let (old, new) = (&before[1].0, &after[1].0);
    assert_ne!(old, new, "tracking.toml was saved");
    // Everything outside that node's table is as it was.
    let header = "\n[options.eld-consent-in-carrier-packet]\n";
    let split = |text: &str| {
        let start = text.find(header).unwrap();
        let end = text[start + 1..]
            .find("\n[")
            .map_or(text.len(), |i| start + 1 + i);
        (text[..start].to_owned(), text[end..].to_owned())
    };
    assert_eq!(split(new), split(old));
    let (_, strategy) = strata::store::Workspace::open(&dir).unwrap();
    let node = strategy
        .find_key("options.eld-consent-in-carrier-packet")
        .unwrap();
    assert!(
        strategy
            .node(node)
            .doc
            .future
            .contains("Most carriers say yes."),
        "{new}"
    );
}
