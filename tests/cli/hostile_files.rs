//! FILE as a careful tester hands it over: numbers TOML forbids, a FIFO, a
//! device, a file too big, a directory with links that go nowhere, a path
//! that is not UTF-8. Each is refused (or passed over) with a message, at
//! once; none hangs, floods or panics, and every command takes the same paths.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

/// Runs `strata ARGS` (with `env`) and fails the test if it has not ended
/// within 10 s: the hang it guards against is the bug.
fn strata_in_time(dir: &Path, args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Output {
    let child = Command::new(env!("CARGO_BIN_EXE_strata"))
        .current_dir(dir)
        .arg("--color=never")
        .args(args)
        .envs(env.iter().copied())
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Read the output while waiting, so a long one never fills the pipe.
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(child.wait_with_output());
    });
    match finished.recv_timeout(Duration::from_secs(10)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            // SAFETY: our own child, not yet waited for (the thread still waits).
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            panic!("`strata {args:?}` still running after 10 s");
        }
    }
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(Into::into).collect()
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let args = os(args);
    let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let out = strata_in_time(dir, &refs, env);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every command that reads FILE, as `args` before and after it.
const READERS: [&[&str]; 7] = [
    &["tree"],
    &["lint"],
    &["lint", "--format", "json"],
    &["export", "--format", "html"],
    &["review", "--summary"],
    &["rollup", "@FILE", "vision"],
    &[],
];

/// `READERS[i]` with FILE in its place (after the command, or where `@FILE` is).
fn with_file(command: &[&str], file: &std::ffi::OsStr) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = Vec::new();
    let mut placed = false;
    for arg in command {
        if *arg == "@FILE" {
            args.push(file.into());
            placed = true;
        } else {
            args.push(arg.into());
        }
    }
    if !placed {
        let at = command.len().min(1);
        args.insert(at, file.into());
    }
    args
}

const STRATEGY: &str = "version = 1\n\n[vision]\ntitle = \"Freight that books itself\"\n\n\
                        [intents.grow]\ntitle = \"Win mid-market brokers\"\n\n\
                        [[intents.grow.metrics]]\nname = \"Win rate\"\n";

#[test]
fn numbers_toml_forbids_are_refused_at_file_line_col() {
    let dir = tempfile::tempdir().unwrap();
    for value in ["0x", "0o", "0b", "1_0\u{660}"] {
        let path = dir.path().join("s.toml");
        std::fs::write(&path, format!("{STRATEGY}baseline = {value}\n")).unwrap();
        let (code, stdout, stderr) = run(dir.path(), &["tree", "s.toml"], &[]);
        assert_eq!(code, 2, "{value} loaded: {stdout}");
        let line = STRATEGY.lines().count() + 1;
        assert!(
            stderr.contains(&format!("s.toml:{line}:12")),
            "{value}: no file:line:col in\n{stderr}"
        );
        assert!(stderr.contains("is not a TOML number"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o644) }, 0);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    mkfifo(&fifo);
    for command in READERS {
        let args = with_file(command, fifo.as_os_str());
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let out = strata_in_time(dir.path(), &refs, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(
            stderr.contains("fifo.toml is a named pipe (FIFO), not a file"),
            "{command:?}: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_device_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    for command in READERS {
        let args = with_file(command, "/dev/zero".as_ref());
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let out = strata_in_time(dir.path(), &refs, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command:?}: {stderr}");
        assert!(
            stderr.contains("/dev/zero is a character device, not a file"),
            "{command:?}: {stderr}"
        );
    }
}

#[test]
fn a_file_over_the_limit_is_refused_with_how_to_raise_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, format!("{STRATEGY}{}", "# padding\n".repeat(300))).unwrap();
    let (code, _, stderr) = run(
        dir.path(),
        &["tree", "s.toml"],
        &[(strata::store::MAX_FILE_SIZE_ENV, "1K")],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("s.toml is 3.1 KiB, more than strata reads (1 KiB)"),
        "{stderr}"
    );
    assert!(stderr.contains("STRATA_MAX_FILE_SIZE=1M"), "{stderr}");
    let (code, _, stderr) = run(dir.path(), &["tree", "s.toml"], &[]);
    assert_eq!(code, 0, "under the default limit it loads: {stderr}");

    // A sparse file as big as the default limit allows, plus one byte: refused
    // from its size, without reading it.
    let big = dir.path().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(strata::store::MAX_FILE_SIZE + 1).unwrap();
    let (code, _, stderr) = run(dir.path(), &["lint", "big.toml"], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("big.toml is 512 MiB, more than strata reads (512 MiB)"),
        "{stderr}"
    );
}

/// A directory holding one strategy and, named like strategy files, a
/// dangling link, a link loop, a FIFO and a directory.
#[cfg(unix)]
fn directory_with_strays() -> (tempfile::TempDir, PathBuf) {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("strategy");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("vision.toml"), STRATEGY).unwrap();
    symlink("gone.toml", dir.join("dangling.toml")).unwrap();
    symlink("loop-b.toml", dir.join("loop-a.toml")).unwrap();
    symlink("loop-a.toml", dir.join("loop-b.toml")).unwrap();
    mkfifo(&dir.join("pipe.toml"));
    std::fs::create_dir(dir.join("dir.toml")).unwrap();
    // Someone else's TOML beside the team files.
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n",
    )
    .unwrap();
    (tmp, dir)
}

#[cfg(unix)]
#[test]
fn every_entry_a_directory_passes_over_is_named_in_a_warning() {
    let (tmp, _dir) = directory_with_strays();
    for command in READERS {
        let args = with_file(command, "strategy".as_ref());
        let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let out = strata_in_time(tmp.path(), &refs, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{command:?}: {stderr}"
        );
        for warning in [
            "warning: skipped strategy/Cargo.toml: not a strata file (it has `package`, and no `version` or strata table)",
            "warning: skipped strategy/dangling.toml: a symbolic link to gone.toml, which does not exist",
            "warning: skipped strategy/dir.toml: a directory (subdirectories are not read)",
            "warning: skipped strategy/loop-a.toml: a symbolic link that loops (to loop-b.toml)",
            "warning: skipped strategy/loop-b.toml: a symbolic link that loops (to loop-a.toml)",
            "warning: skipped strategy/pipe.toml: a named pipe (FIFO), not a file",
        ] {
            assert!(
                stderr.contains(warning),
                "{command:?}: no `{warning}` in\n{stderr}"
            );
        }
    }
    // Someone else's TOML alone is read after all, so the error says what it lacks.
    std::fs::remove_file(tmp.path().join("strategy/vision.toml")).unwrap();
    let (code, _, stderr) = run(tmp.path(), &["tree", "strategy"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("this is not a strata strategy file: it has `package`"),
        "{stderr}"
    );
    // Even when the directory cannot be opened, what was passed over is said.
    std::fs::remove_file(tmp.path().join("strategy/Cargo.toml")).unwrap();
    let (code, _, stderr) = run(tmp.path(), &["tree", "strategy"], &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("warning: skipped strategy/pipe.toml")
            && stderr.contains("is a directory with no *.toml file in it"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn every_command_takes_a_path_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"strat\xe9gie.toml");
    std::fs::write(tmp.path().join(name), STRATEGY).unwrap();
    let dir_name = std::ffi::OsStr::from_bytes(b"\xff-teams");
    std::fs::create_dir(tmp.path().join(dir_name)).unwrap();
    std::fs::write(tmp.path().join(dir_name).join("vision.toml"), STRATEGY).unwrap();
    for file in [name, dir_name] {
        for command in READERS {
            let args = with_file(command, file);
            let refs: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let out = strata_in_time(tmp.path(), &refs, &[]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{command:?} on {file:?}: {stderr}"
            );
            assert!(
                !out.stdout.is_empty(),
                "{command:?} on {file:?} printed nothing"
            );
        }
        // FILE before the command, too.
        let out = strata_in_time(tmp.path(), &[file, "rollup".as_ref(), "grow".as_ref()], &[]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_cli_shows_every_character_terminals_draw_at_another_width_as_a_marker() {
    use crate::support::hostile::{CASES, hostile_widths_strategy};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.toml"), hostile_widths_strategy()).unwrap();
    let mut outputs = Vec::new();
    for args in [
        &["tree", "s.toml"][..],
        &["lint", "s.toml"],
        &[
            "rollup",
            "s.toml",
            "intents.w01\u{3164}\u{3164}\u{3164}APPROVED-FAKE",
        ],
        &["review", "s.toml", "--summary"],
    ] {
        let (code, stdout, stderr) = run(dir.path(), args, &[]);
        assert!(matches!(code, 0 | 1), "{args:?}: {stderr}");
        outputs.push((args, stdout + &stderr));
    }
    for (args, out) in &outputs {
        for (name, unit) in CASES {
            // What stays: the letters a vowel sign follows, a selector's emoji.
            let hostile: Vec<char> = unit
                .chars()
                .filter(|&c| strata::sanitize::is_marker(Some('a'), c) || c == '\u{FE0F}')
                .collect();
            for c in hostile {
                assert!(
                    !out.contains(c),
                    "{args:?}: {name} U+{:04X} printed as it is",
                    c as u32
                );
            }
        }
        assert!(out.contains("⟨U+3164⟩"), "{args:?}: no marker in\n{out}");
    }
    let lint = &outputs[1].1;
    for marker in [
        "U+00AD (SOFT HYPHEN)",
        "U+3164 (HANGUL FILLER)",
        "U+E0041 (TAG CHARACTER)",
        "U+0BBE in `title`",
    ] {
        assert!(lint.contains(marker), "lint says nothing of {marker}");
    }
}

#[test]
fn ids_equal_after_nfc_load_and_are_a_lint_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = "version = 1\n\n[vision]\ntitle = \"Freight that books itself\"\n\n\
                [intents.\"caf\\u00e9\"]\ntitle = \"Win the cafe owners\"\n\n\
                [intents.\"cafe\\u0301\"]\ntitle = \"Win the cafe owners again\"\n\n\
                [initiatives.slow]\nintent = \"cafe\\u0301\"\ntitle = \"Orders take a day\"\n";
    std::fs::write(dir.path().join("s.toml"), text).unwrap();
    // Loading never starts refusing a file it took before.
    let (code, tree, stderr) = run(dir.path(), &["tree", "s.toml"], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(tree.matches("intent caf").count(), 2, "{tree}");
    let (code, stdout, _) = run(dir.path(), &["lint", "s.toml"], &[]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[duplicate-id]"), "{stdout}");
    assert!(
        stdout.contains("is the id of intents.caf\u{e9} once Unicode-normalized"),
        "{stdout}"
    );
    // Typed either way, the id finds the first; the initiative ladders up to it.
    for typed in ["caf\u{e9}", "cafe\u{301}"] {
        let (code, stdout, stderr) = run(dir.path(), &["rollup", "s.toml", typed], &[]);
        assert_eq!(code, 0, "{typed:?}: {stderr}");
        assert!(stdout.contains("Win the cafe owners"), "{stdout}");
        assert!(!stdout.contains("again"), "{stdout}");
    }
    let (_, stdout, _) = run(dir.path(), &["rollup", "s.toml", "slow"], &[]);
    assert!(
        stdout.contains("Win the cafe owners\n") && !stdout.contains("chain breaks"),
        "{stdout}"
    );
}
