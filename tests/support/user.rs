//! An ordinary user to run the binary as, for the tests about permissions.
//!
//! Root may write any file, so a read-only file or another user's private
//! one proves nothing when the tests run as root, which they do in CI and on
//! the development machine. As root, a test asks for a user by name; it is
//! created once (`useradd`, no home, no login shell) and the binary is run
//! as it through `setpriv`, which changes the ids and drops root's groups and
//! capabilities without a login session. As any other user, the test runs as
//! that user itself, and a second user cannot be had.
//!
//! When neither works (no `useradd` or `setpriv`), the test is skipped with
//! a message on stderr, unless `CI` is set: there it fails.

use std::process::Command;
use std::sync::Mutex;

/// An unprivileged user: how to run a command as them, and their ids.
#[derive(Debug, Clone)]
pub struct User {
    /// The login name.
    pub name: String,
    /// The user id.
    pub uid: u32,
    /// The primary group id.
    pub gid: u32,
    /// True when the tests run as root and commands must switch to this user.
    switch: bool,
}

/// Serialises `useradd` within this test binary: two tests asking for the
/// same user at once must not both try to create it.
static CREATING: Mutex<()> = Mutex::new(());

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

fn ids_of(name: &str) -> Option<(u32, u32)> {
    let id = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, name]).output().ok()?;
        if !out.status.success() {
            return None;
        }
        String::from_utf8(out.stdout).ok()?.trim().parse().ok()
    };
    Some((id("-u")?, id("-g")?))
}

fn skip<T>(why: &str) -> Option<T> {
    if std::env::var_os("CI").is_some() {
        panic!("{why}, and CI must run the permission tests as an unprivileged user");
    }
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr().lock(),
        "SKIPPED: {why}; this permission test needs an unprivileged user \
         (as root: useradd and setpriv, from the passwd and util-linux packages)"
    );
    None
}

/// An unprivileged user called `name` (`strata-test`, `strata-test-peer`):
/// created if the tests run as root, else the user running them (for whom
/// `name` does not matter, so two names give the same user: use
/// [`two_users`] when a test needs two). `None`, after saying so, when no
/// such user can be had.
pub fn unprivileged(name: &str) -> Option<User> {
    if !is_root() {
        let uid = unsafe { libc::geteuid() };
        let gid = unsafe { libc::getegid() };
        let login = std::env::var("USER").unwrap_or_else(|_| uid.to_string());
        return Some(User {
            name: login,
            uid,
            gid,
            switch: false,
        });
    }
    if Command::new("setpriv").arg("--version").output().is_err() {
        return skip("setpriv is not installed");
    }
    let _creating = CREATING.lock().unwrap_or_else(|e| e.into_inner());
    if ids_of(name).is_none() {
        // Another process (another test binary, another checkout) may be
        // creating it at the same moment: useradd then fails on the lock of
        // /etc/passwd or because the user now exists; look again.
        for _ in 0..20 {
            let created = Command::new("useradd")
                .args([
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                ])
                .arg(name)
                .output();
            match created {
                Err(e) => return skip(&format!("useradd could not run ({e})")),
                Ok(out) if out.status.success() => break,
                Ok(_) if ids_of(name).is_some() => break,
                Ok(_) => std::thread::sleep(std::time::Duration::from_millis(100)),
            }
        }
    }
    let Some((uid, gid)) = ids_of(name) else {
        return skip(&format!("the user {name} could not be created"));
    };
    assert_ne!(uid, 0, "{name} must not be root");
    Some(User {
        name: name.to_owned(),
        uid,
        gid,
        switch: true,
    })
}

/// Two different unprivileged users, when the tests run as root; `None`
/// (after saying so) otherwise.
pub fn two_users() -> Option<(User, User)> {
    if !is_root() {
        return skip("two different users are needed, and only root can switch between them");
    }
    Some((
        unprivileged("strata-test")?,
        unprivileged("strata-test-peer")?,
    ))
}

impl User {
    /// The words that run a command as this user, for a shell command line
    /// (tmux): empty when the tests already run as them.
    pub fn prefix(&self) -> String {
        if self.switch {
            format!(
                "setpriv --reuid={} --regid={} --clear-groups --inh-caps=-all -- ",
                self.uid, self.gid
            )
        } else {
            String::new()
        }
    }

    /// `program` as this user.
    pub fn command(&self, program: &str) -> Command {
        if !self.switch {
            return Command::new(program);
        }
        let mut command = Command::new("setpriv");
        command
            .arg(format!("--reuid={}", self.uid))
            .arg(format!("--regid={}", self.gid))
            .args(["--clear-groups", "--inh-caps=-all", "--"])
            .arg(program);
        command
    }

    /// Makes `path` this user's (as root; as the user, it already is).
    pub fn own(&self, path: &std::path::Path) {
        if self.switch {
            std::os::unix::fs::chown(path, Some(self.uid), Some(self.gid))
                .unwrap_or_else(|e| panic!("chown {}: {e}", path.display()));
        }
    }
}
