//! The environment a user sets up, end to end: `STRATA_STATE_DIR` moves the
//! journal, `$EDITOR` picks the editor. This binary holds this one test, so
//! setting variables cannot race another test reading them.

use crate::support;

use std::fs;
use std::os::unix::fs::PermissionsExt;

use strata::model::{Level, from_markdown, to_markdown};
use strata::store::{Journal, StrategyFile, edit_file, journal_dir, patch};

#[test]
fn a_two_pager_edited_in_editor_is_journaled_under_strata_state_dir() {
    let state = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let script = files.path().join("editor.sh");
    fs::write(
        &script,
        "#!/bin/sh\nprintf -- '- Resellers: 0 -> 40 by 2028-06\\n' >> \"$1\"\n",
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    // SAFETY: this is the only test in this binary and it starts no threads,
    // so nothing reads the environment while it changes.
    unsafe {
        std::env::set_var("STRATA_STATE_DIR", state.path());
        std::env::remove_var("VISUAL");
        std::env::set_var("EDITOR", &script);
    }
    assert_eq!(journal_dir(), Some(state.path().join("journal")));

    let path = files.path().join("sample-strategy.toml");
    fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    let (file, mut working) = StrategyFile::open(&path).unwrap();
    let option = working.at_level(Level::Option).last().unwrap();

    let draft = files.path().join("draft.md");
    fs::write(&draft, to_markdown(working.node(option))).unwrap();
    edit_file(&draft).unwrap();
    let text = fs::read_to_string(&draft).unwrap();
    let doc = from_markdown(&text, working.node(option)).unwrap();
    // Notes is the last section, so that is where the editor's line lands.
    assert!(
        doc.notes.ends_with("- Resellers: 0 -> 40 by 2028-06\n"),
        "{:?}",
        doc.notes
    );
    *working.doc_mut(option) = doc;

    let journal = Journal::for_file(&path).unwrap();
    assert!(journal.path().starts_with(state.path().join("journal")));
    assert!(
        journal
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("sample-strategy-")
    );
    let edited = patch(file.text(), file.baseline(), &working).unwrap();
    journal.write(file.text(), &edited).unwrap();
    let recovered = journal.read().unwrap().unwrap();
    assert_eq!(recovered.text, edited);
    assert!(recovered.text.contains("Resellers: 0 -> 40 by 2028-06"));
    journal.discard().unwrap();
    assert_eq!(
        fs::read_dir(state.path().join("journal")).unwrap().count(),
        0
    );
}
