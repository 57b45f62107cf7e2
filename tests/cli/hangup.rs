//! A terminal that goes away without a SIGHUP reaching strata: strata runs
//! in a pseudo-terminal under a shell that ignores SIGHUP (as under `su`),
//! the terminal is closed, and strata must notice on its own, journal the
//! unsaved edits and exit within 2 s, instead of spinning on a dead terminal.

use crate::support;

use std::fs::File;
use std::io::{Read, Write};
use std::os::unix::io::{AsRawFd, FromRawFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use strata::store::{Journal, parse};

/// A pseudo-terminal of `cols` × `rows`: the master (the window) and the slave.
fn openpty(cols: u16, rows: u16) -> (File, File) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: openpty fills two descriptors; the name buffer and termios may be null.
    let done = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(done, 0, "openpty: {}", std::io::Error::last_os_error());
    // The master must not leak into the child: while any process holds it
    // open, closing "the window" would not hang the terminal up.
    // SAFETY: fcntl on a descriptor just opened.
    unsafe { libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC) };
    // SAFETY: both descriptors were just opened and are owned by nothing else.
    unsafe { (File::from_raw_fd(master), File::from_raw_fd(slave)) }
}

/// Reads everything the program writes to the terminal until told to close
/// the master, which is the window going away.
struct Window {
    output: Arc<Mutex<Vec<u8>>>,
    close: Arc<AtomicBool>,
    closed: std::sync::mpsc::Receiver<Instant>,
    input: File,
}

impl Window {
    fn new(master: File) -> Window {
        let output = Arc::new(Mutex::new(Vec::new()));
        let close = Arc::new(AtomicBool::new(false));
        let (tell, closed) = std::sync::mpsc::channel();
        // SAFETY: dup of an open descriptor, for writing keys; closed with the rest.
        let input =
            unsafe { File::from_raw_fd(libc::fcntl(master.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 0)) };
        let (out, stop) = (Arc::clone(&output), Arc::clone(&close));
        std::thread::spawn(move || {
            let mut master = master;
            let mut buffer = [0u8; 4096];
            loop {
                if stop.load(Ordering::Relaxed) {
                    drop(master);
                    let _ = tell.send(Instant::now());
                    return;
                }
                let mut poll = libc::pollfd {
                    fd: master.as_raw_fd(),
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                if unsafe { libc::poll(&mut poll, 1, 20) } > 0 {
                    match master.read(&mut buffer) {
                        Ok(n) if n > 0 => out.lock().unwrap().extend_from_slice(&buffer[..n]),
                        _ => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            }
        });
        Window {
            output,
            close,
            closed,
            input,
        }
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        loop {
            let shown = String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned();
            if shown.contains(text) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "`{text}` never appeared"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits until nothing has been drawn for 150 ms: the keys are handled.
    fn settle(&self) {
        let start = Instant::now();
        let mut seen = self.output.lock().unwrap().len();
        let mut quiet = Instant::now();
        while quiet.elapsed() < Duration::from_millis(150) {
            assert!(start.elapsed() < Duration::from_secs(15), "never settled");
            std::thread::sleep(Duration::from_millis(10));
            let now = self.output.lock().unwrap().len();
            if now != seen {
                seen = now;
                quiet = Instant::now();
            }
        }
    }

    fn keys(&mut self, keys: &str) {
        self.input.write_all(keys.as_bytes()).unwrap();
    }

    /// Closes the terminal; returns when it was closed.
    fn close(self) -> Instant {
        drop(self.input);
        self.close.store(true, Ordering::Relaxed);
        self.closed.recv().unwrap()
    }
}

/// Ends the shell's whole session if the test fails before the shell has
/// exited, so a failure leaves no strata behind.
struct Reaper(libc::pid_t);

impl Drop for Reaper {
    fn drop(&mut self) {
        // SAFETY: the shell leads its own process group (setsid); signalling
        // a group that is gone does nothing.
        unsafe { libc::kill(-self.0, libc::SIGKILL) };
    }
}

#[test]
fn a_closed_terminal_ends_strata_with_its_edits_journaled_even_without_sighup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let state = dir.path().join("state");
    let (master, slave) = openpty(100, 30);
    // The shell is the session leader, so the hang-up's SIGHUP goes to it,
    // and it ignores it; strata, its child, is never told.
    let mut shell = Command::new("sh");
    shell
        .args([
            "-c",
            "trap '' HUP; \"$0\" \"$@\"; echo \"strata exited $?\" >&2",
            env!("CARGO_BIN_EXE_strata"),
        ])
        .arg(&path)
        .env("STRATA_STATE_DIR", &state)
        .env("STRATA_CONFIG", &config)
        // Long enough that only the hang-up can write the journal in time.
        .env("STRATA_JOURNAL_DELAY_MS", "60000")
        .env("TERM", "xterm-256color")
        .stdin(slave.try_clone().unwrap())
        .stdout(slave.try_clone().unwrap())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        shell.pre_exec(|| {
            if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut shell = {
        let child = shell.spawn().unwrap();
        drop(shell);
        child
    };
    drop(slave);
    let reaper = Reaper(shell.id() as libc::pid_t);
    let mut window = Window::new(master);
    window.wait_for("Northwind");
    window.keys("e1");
    window.wait_for("Title");
    window.keys("QZQ");
    window.settle();
    let closed = window.close();

    let mut exited = None;
    while closed.elapsed() < Duration::from_secs(5) {
        if let Some(status) = shell.try_wait().unwrap() {
            exited = Some((closed.elapsed(), status));
            // Gone and reaped: its number may be anyone's now.
            std::mem::forget(reaper);
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let Some((after, _)) = exited else {
        // Still spinning on the dead terminal (the reaper ends it).
        panic!("strata was still running 5 s after its terminal closed");
    };
    let mut stderr = String::new();
    shell
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(
        after < Duration::from_secs(2),
        "strata took {after:?} to notice its terminal was gone"
    );
    assert!(stderr.contains("strata exited"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let found = Journal::in_dir(&state.join("journal"), &path)
        .read()
        .unwrap()
        .expect("the edits were journaled");
    let edited = parse(&found.text).unwrap().strategy;
    let title = &edited.node(edited.vision().unwrap()).doc.title;
    assert!(title.ends_with("QZQ"), "{title}");
    assert!(
        !std::fs::read_to_string(&path).unwrap().contains("QZQ"),
        "nothing saved"
    );
}
