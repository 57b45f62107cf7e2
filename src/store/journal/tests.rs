use std::time::Duration;

use proptest::prelude::*;
use tempfile::TempDir;

use super::*;

/// A state directory and a strategy file, both in temporary directories.
struct Setup {
    _state: TempDir,
    files: TempDir,
    journal: Journal,
}

impl Setup {
    fn new() -> Setup {
        let state = tempfile::tempdir().unwrap();
        let files = tempfile::tempdir().unwrap();
        let strategy = files.path().join("sample-strategy.toml");
        fs::write(&strategy, BASE).unwrap();
        let journal = Journal::in_dir(&state.path().join("journal"), &strategy);
        Setup {
            _state: state,
            files,
            journal,
        }
    }

    fn strategy(&self) -> PathBuf {
        self.files.path().join("sample-strategy.toml")
    }
}

const BASE: &str = "version = 1\n\n[vision]\ntitle = \"V\"\n";
const EDITED: &str = "version = 1\n\n[vision]\ntitle = \"V, sharper\"\n";

fn corrupt_message(journal: &Journal) -> String {
    match journal.read() {
        Err(JournalError::Corrupt(message)) => message,
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn what_is_written_is_read_back() {
    let s = Setup::new();
    assert_eq!(s.journal.read().unwrap(), None);
    let before = SystemTime::now() - Duration::from_secs(1);
    s.journal.write(BASE, EDITED).unwrap();
    let recovered = s.journal.read().unwrap().unwrap();
    assert_eq!(recovered.text, EDITED);
    assert_eq!(recovered.base_text, BASE);
    assert!(recovered.base_matches_disk);
    assert!(!recovered.already_saved);
    assert!(recovered.written_at >= before && recovered.written_at <= SystemTime::now());
}

#[test]
fn a_later_write_replaces_the_earlier_one() {
    let s = Setup::new();
    s.journal.write(BASE, "first").unwrap();
    s.journal.write(BASE, EDITED).unwrap();
    assert_eq!(s.journal.read().unwrap().unwrap().text, EDITED);
    let dir = s.journal.path().parent().unwrap();
    assert_eq!(fs::read_dir(dir).unwrap().count(), 1, "no temp file left");
}

#[test]
fn a_file_changed_or_gone_on_disk_is_reported() {
    let s = Setup::new();
    s.journal.write(BASE, EDITED).unwrap();
    fs::write(s.strategy(), "version = 1\n# a colleague's change\n").unwrap();
    let recovered = s.journal.read().unwrap().unwrap();
    assert!(!recovered.base_matches_disk);
    assert_eq!(recovered.text, EDITED);
    fs::remove_file(s.strategy()).unwrap();
    assert!(!s.journal.read().unwrap().unwrap().base_matches_disk);
}

#[test]
fn edits_already_saved_are_recognised() {
    let s = Setup::new();
    s.journal.write(BASE, EDITED).unwrap();
    fs::write(s.strategy(), EDITED).unwrap();
    let recovered = s.journal.read().unwrap().unwrap();
    assert!(recovered.already_saved);
    assert!(!recovered.base_matches_disk);
}

#[test]
fn discard_removes_it_and_is_idempotent() {
    let s = Setup::new();
    s.journal.write(BASE, EDITED).unwrap();
    s.journal.discard().unwrap();
    assert!(!s.journal.path().exists());
    assert_eq!(s.journal.read().unwrap(), None);
    s.journal.discard().unwrap();
}

#[test]
fn damaged_journals_are_corrupt_never_a_panic() {
    let s = Setup::new();
    s.journal.write(BASE, EDITED).unwrap();
    let good = fs::read(s.journal.path()).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 1;
    let cases: [(&str, Vec<u8>); 4] = [
        ("truncated", good[..good.len() - 10].to_vec()),
        ("flipped byte", flipped),
        ("garbage", b"\x00\xffnot a journal at all\n".to_vec()),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in cases {
        fs::write(s.journal.path(), bytes).unwrap();
        let message = corrupt_message(&s.journal);
        assert!(!message.is_empty(), "{what}");
        s.journal.discard().unwrap();
        assert_eq!(s.journal.read().unwrap(), None, "{what}");
    }
}

#[test]
fn a_journal_of_another_file_is_not_taken_for_this_one() {
    let s = Setup::new();
    let other = s.files.path().join("other.toml");
    fs::write(&other, BASE).unwrap();
    let theirs = Journal::in_dir(s.journal.path().parent().unwrap(), &other);
    theirs.write(BASE, EDITED).unwrap();
    fs::copy(theirs.path(), s.journal.path()).unwrap();
    assert!(corrupt_message(&s.journal).starts_with("it belongs to "));
}

#[test]
fn errors_read_as_sentences() {
    let e = JournalError::Corrupt("the journal is empty".into());
    assert_eq!(
        e.to_string(),
        "the recovery journal is unusable: the journal is empty"
    );
}

#[test]
fn one_file_one_journal_whatever_the_path_used() {
    let s = Setup::new();
    let dir = s.journal.path().parent().unwrap();
    let dotted = s.files.path().join(".").join("sample-strategy.toml");
    assert_eq!(Journal::in_dir(dir, &dotted).path(), s.journal.path());
    #[cfg(unix)]
    {
        let link = s.files.path().join("link.toml");
        std::os::unix::fs::symlink(s.strategy(), &link).unwrap();
        assert_eq!(Journal::in_dir(dir, &link).path(), s.journal.path());
    }
    let other = Journal::in_dir(dir, &s.files.path().join("other.toml"));
    assert_ne!(other.path(), s.journal.path());
}

#[test]
fn journal_names_are_readable_and_safe() {
    let s = Setup::new();
    let name = s
        .journal
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let hash = name
        .strip_prefix("sample-strategy-")
        .and_then(|rest| rest.strip_suffix(".journal"))
        .unwrap();
    assert_eq!(hash.len(), 16);
    assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(
        readable_stem(Path::new("/x/Plan 2027 (draft) ü.toml")),
        "Plan_2027__draft___"
    );
    assert_eq!(readable_stem(Path::new("/x/.hidden.toml")), "hidden");
    assert_eq!(readable_stem(Path::new("/")), "strategy");
}

#[test]
fn the_state_directory_comes_from_the_environment_first() {
    let chosen = state_dir(Some("/tmp/strata-state".into()), || {
        panic!("the user's directories must not be consulted")
    });
    assert_eq!(chosen, Some(PathBuf::from("/tmp/strata-state")));
    assert_eq!(state_dir(Some(OsString::new()), || None), None);
    assert_eq!(state_dir(None, || None), None);
}

#[cfg(unix)]
#[test]
fn journals_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let s = Setup::new();
    s.journal.write(BASE, EDITED).unwrap();
    let dir = s.journal.path().parent().unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(dir), 0o700);
    assert_eq!(mode(s.journal.path()), 0o600);
    s.journal.write(BASE, EDITED).unwrap();
    assert_eq!(mode(s.journal.path()), 0o600);
}

#[test]
fn a_write_that_cannot_happen_is_an_error() {
    let s = Setup::new();
    let blocked = s.files.path().join("not-a-dir");
    fs::write(&blocked, "").unwrap();
    let journal = Journal::in_dir(&blocked, &s.strategy());
    assert!(journal.write(BASE, EDITED).is_err());
}

proptest! {
    // Each case writes real files with fsync; the byte-level decoder has its
    // own, larger property test in `format.rs`.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_bytes_are_corrupt_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let s = Setup::new();
        fs::create_dir_all(s.journal.path().parent().unwrap()).unwrap();
        fs::write(s.journal.path(), &bytes).unwrap();
        prop_assert!(matches!(s.journal.read(), Err(JournalError::Corrupt(_))));
    }

    #[test]
    fn damage_anywhere_in_a_real_journal_is_caught(cut in 0usize..1000, flip in 0usize..1000, bit in 0u8..8) {
        let s = Setup::new();
        s.journal.write(BASE, EDITED).unwrap();
        let good = fs::read(s.journal.path()).unwrap();
        let mut damaged = good.clone();
        let at = flip % good.len();
        damaged[at] ^= 1 << bit;
        damaged.truncate(good.len() - cut % good.len());
        fs::write(s.journal.path(), &damaged).unwrap();
        prop_assert!(matches!(s.journal.read(), Err(JournalError::Corrupt(_))));
    }
}
