//! Permissions, as an ordinary user meets them: a read-only file is not
//! replaced, another user's file is not replaced where the directory would
//! let the rename through, a private file's text is never readable by
//! others while it is saved, and what strata keeps between runs (journal,
//! review bookmark, their directories) is its owner's only.
//!
//! Each test runs the real binary in tmux as an unprivileged user (created
//! when the tests run as root, as in CI: `tests/support/user.rs`).

use crate::support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::tmux::Tmux;
use support::user::{User, two_users, unprivileged};

/// A directory every test user may enter, holding one `work` directory that
/// `owner` owns, with the config file and the state directory to use.
struct Place {
    tmp: tempfile::TempDir,
    work: PathBuf,
}

impl Place {
    fn new(owner: &User) -> Place {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let work = tmp.path().join("work");
        std::fs::create_dir(&work).unwrap();
        owner.own(&work);
        let config = tmp.path().join("config.toml");
        std::fs::write(&config, "[review]\nreviewer = \"Ada\"\n").unwrap();
        std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
        Place { tmp, work }
    }

    fn config(&self) -> PathBuf {
        self.tmp.path().join("config.toml")
    }

    /// A copy of the sample in the work directory, owned by `owner`, with `mode`.
    fn sample(&self, name: &str, owner: &User, mode: u32) -> PathBuf {
        let path = self.work.join(name);
        std::fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
        owner.own(&path);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        path
    }

    /// `strata ARGS` as `user` in tmux, in the work directory, with `state`
    /// as the state directory and the shell's umask set to `umask`.
    fn start(&self, test: &str, user: &User, state: &Path, umask: &str, args: &str) -> Tmux {
        let command = format!(
            "cd '{}' && umask {umask} && STRATA_JOURNAL_DELAY_MS=50 STRATA_STATE_DIR='{}' \
             STRATA_CONFIG='{}' {}'{}' {args}; sleep 60",
            self.work.display(),
            state.display(),
            self.config().display(),
            user.prefix(),
            env!("CARGO_BIN_EXE_strata"),
        );
        Tmux::start(test, &command, 120, 35)
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn tmux_available() -> bool {
    support::tool_available("tmux", "-V", "apt-get install -y tmux")
}

/// Waits until `path` holds text for which `done` is true.
fn wait_for_file(path: &Path, done: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if done(&text) {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "{} never became as expected:\n{text}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_read_only_file_is_not_replaced_and_save_as_keeps_the_edits() {
    let Some(user) = unprivileged("strata-test") else {
        return;
    };
    if !tmux_available() {
        return;
    }
    let place = Place::new(&user);
    let path = place.sample("s.toml", &user, 0o444);
    let before = std::fs::read(&path).unwrap();
    let inode = std::fs::metadata(&path).unwrap().ino();
    let state = place.work.join("state");
    let session = place.start("read-only", &user, &state, "022", "s.toml");
    session.wait_for("Northwind Freight");
    session.keys(&["e", "1", "X", "Enter", "C-s"]);
    let screen = session.wait_for_all(&["s.toml is read-only: you may not write it", "a save as"]);
    assert!(screen.contains("Your edits are kept here"), "{screen}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    assert_eq!(
        std::fs::metadata(&path).unwrap().ino(),
        inode,
        "not replaced"
    );
    assert_eq!(mode(&path), 0o444);

    // The edits are still there: save them under another name.
    session.keys(&["a"]);
    session.wait_for("s.mine.toml");
    session.keys(&["Enter"]);
    let mine = place.work.join("s.mine.toml");
    let saved = wait_for_file(&mine, |t| t.contains("without re-typing itX\""));
    assert!(strata::store::parse(&saved).is_ok());
    assert_eq!(std::fs::metadata(&mine).unwrap().uid(), user.uid);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn another_users_file_is_not_replaced_where_the_directory_would_allow_it() {
    let Some((owner, other)) = two_users() else {
        return;
    };
    if !tmux_available() {
        return;
    }
    let place = Place::new(&owner);
    // A shared directory anyone may write to (no sticky bit), and a file
    // only its owner may write: renaming over it would succeed.
    std::fs::set_permissions(&place.work, std::fs::Permissions::from_mode(0o777)).unwrap();
    let path = place.sample("s.toml", &owner, 0o644);
    let before = std::fs::read(&path).unwrap();
    let state = place.tmp.path().join("other-state");
    std::fs::create_dir(&state).unwrap();
    other.own(&state);
    let session = place.start("not-mine", &other, &state, "022", "s.toml");
    session.wait_for("Northwind Freight");
    session.keys(&["e", "1", "X", "Enter", "C-s"]);
    session.wait_for("s.toml is read-only: you may not write it");
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(meta.uid(), owner.uid, "still the owner's file");
}

/// A valid strategy of about `bytes` bytes: the sample's vision and many
/// options with long notes, so each save takes long enough to be watched.
fn big_strategy(bytes: usize) -> String {
    let mut text = String::from(
        "version = 1\n\n[vision]\ntitle = \"Northwind Freight\"\n\n\
         [intents.grow]\ntitle = \"Win mid-market brokers\"\n\n\
         [initiatives.quotes]\nintent = \"grow\"\ntitle = \"Quotes take forty minutes\"\n\n",
    );
    let notes = "Confidential: the carriers we will drop next quarter. ".repeat(20);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&format!(
            "[options.bet-{i}]\ninitiative = \"quotes\"\ntitle = \"Bet {i}\"\nnotes = \"{notes}\"\n\n"
        ));
        i += 1;
    }
    text
}

#[test]
fn nobody_else_can_read_a_private_file_while_it_is_saved() {
    let Some((owner, other)) = two_users() else {
        return;
    };
    if !tmux_available() {
        return;
    }
    let place = Place::new(&owner);
    let path = place.work.join("s.toml");
    std::fs::write(&path, big_strategy(2_000_000)).unwrap();
    owner.own(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(&place.work, std::fs::Permissions::from_mode(0o755)).unwrap();

    // The other user watches the directory without pause: every temp file
    // seen is logged, and so is every one that opens for reading. (`true`,
    // not `:`: a failed redirection ends the shell on a special built-in.)
    let watch = place.tmp.path().join("watch");
    std::fs::create_dir(&watch).unwrap();
    other.own(&watch);
    let log = watch.join("log");
    let script = format!(
        "while :; do for f in '{}'/.s.toml.strata-tmp-*; do \
           [ -e \"$f\" ] || continue; echo seen >> '{log}'; \
           if true 2>/dev/null < \"$f\"; then echo opened >> '{log}'; fi; \
         done; done",
        place.work.display(),
        log = log.display()
    );
    let mut watcher = other.command("sh").args(["-c", &script]).spawn().unwrap();

    let state = place.work.join("state");
    let session = place.start("private", &owner, &state, "022", "s.toml");
    session.wait_for("Northwind Freight");
    let count = |word: &str| {
        std::fs::read_to_string(&log)
            .unwrap_or_default()
            .lines()
            .filter(|l| *l == word)
            .count()
    };
    let mut saves = 0;
    while saves < 6 || (count("seen") == 0 && saves < 30) {
        saves += 1;
        session.keys(&["e", "1", "X", "Enter", "C-s"]);
        let title = format!("Northwind Freight{}\"", "X".repeat(saves));
        wait_for_file(&path, |t| t.contains(&title));
    }
    let _ = watcher.kill();
    let _ = watcher.wait();
    let (seen, opened) = (count("seen"), count("opened"));
    eprintln!(
        "{saves} saves: the other user saw a temp file {seen} times, opened one {opened} times"
    );
    assert!(
        seen > 0,
        "the watcher never saw a save's temp file in {saves} saves"
    );
    assert_eq!(
        opened, 0,
        "another user could open the temp file of a 0600 file"
    );
    assert_eq!(mode(&path), 0o600);
    assert_eq!(std::fs::metadata(&path).unwrap().uid(), owner.uid);
}

#[test]
fn what_strata_keeps_between_runs_is_its_owners_only() {
    let Some(user) = unprivileged("strata-test") else {
        return;
    };
    if !tmux_available() {
        return;
    }
    let place = Place::new(&user);
    let path = place.sample("s.toml", &user, 0o644);
    // Three levels strata has to create, under a umask that narrows nothing.
    let state = place.work.join("fresh/levels/state");
    let session = place.start("private-state", &user, &state, "000", "review s.toml");
    session.wait_for("Northwind Freight");
    session.keys(&["s", "q"]);
    let reviews = state.join("reviews");
    let start = Instant::now();
    while std::fs::read_dir(&reviews).map_or(0, |d| d.count()) == 0 {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no review bookmark"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(session);
    let session = place.start("private-journal", &user, &state, "000", "s.toml");
    session.wait_for("Northwind Freight");
    session.keys(&["e", "1", "X", "Enter"]);
    let journals = state.join("journal");
    let journal = loop {
        let found = std::fs::read_dir(&journals).ok().and_then(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "journal"))
        });
        if let Some(found) = found {
            break found;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no journal");
        std::thread::sleep(Duration::from_millis(20));
    };
    for dir in [
        place.work.join("fresh"),
        place.work.join("fresh/levels"),
        state.clone(),
        journals.clone(),
        reviews.clone(),
    ] {
        assert_eq!(mode(&dir), 0o700, "{} is not owner-only", dir.display());
        assert_eq!(std::fs::metadata(&dir).unwrap().uid(), user.uid);
    }
    let bookmark = std::fs::read_dir(&reviews)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let mut lock = journal.clone().into_os_string();
    lock.push(".lock");
    for file in [journal, PathBuf::from(lock), bookmark] {
        assert_eq!(mode(&file), 0o600, "{} is not owner-only", file.display());
    }
    assert_eq!(mode(&path), 0o644, "the strategy file keeps its own mode");
    drop(session);
}
