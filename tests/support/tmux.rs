//! The real binary in a real terminal: a detached tmux session that is
//! killed however the test ends, its screen, and keys sent to it.

use std::process::{Command, Output};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Runs `tmux ARGS`; a missing tmux fails the test with what to install.
pub fn tmux(args: &[&str]) -> Output {
    match Command::new("tmux").args(args).output() {
        Ok(output) => output,
        Err(e) => panic!(
            "tmux could not run ({e}). The real-terminal tests need it: install tmux \
             (`apt-get install tmux`, `brew install tmux`); CI installs it in .ci/run."
        ),
    }
}

/// A tmux session, killed when dropped.
pub struct Tmux {
    name: String,
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .output();
    }
}

impl Tmux {
    /// Runs the shell command `command` in a new `width`×`height` session
    /// named after `test` (and this process, so parallel tests never meet).
    pub fn start(test: &str, command: &str, width: u16, height: u16) -> Tmux {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!("strata-{test}-{}-{nanos}", std::process::id());
        let (width, height) = (width.to_string(), height.to_string());
        let args = [
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            &width,
            "-y",
            &height,
            command,
        ];
        // The server exits with its last session; a session started in that
        // moment fails ("server exited unexpectedly"), so try again.
        let mut out = tmux(&args);
        for _ in 0..3 {
            if out.status.success() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(200));
            out = tmux(&args);
        }
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Tmux { name }
    }

    /// The session's name, for tmux commands of a test's own.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the terminal shows now.
    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", &self.name]).stdout)
            .into_owned()
    }

    /// Waits until the screen contains `text`; fails with the screen if it
    /// never does within 15 s.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_for_all(&[text])
    }

    /// Waits until the screen contains every one of `texts` at once, so a
    /// capture taken half way through a redraw is never judged.
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited 15 s for {texts:?}; the screen is:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends tmux key names (`Enter`, `C-s`, `j`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        tmux(&args);
    }

    /// Types `text` literally.
    pub fn type_text(&self, text: &str) {
        tmux(&["send-keys", "-t", &self.name, "-l", text]);
    }

    /// The pid of the process running in the pane.
    pub fn pane_pid(&self) -> String {
        let out = tmux(&["display-message", "-p", "-t", &self.name, "#{pane_pid}"]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }
}
