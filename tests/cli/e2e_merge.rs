//! Saving onto a colleague's change, in a real terminal: they edit another
//! node on disk while strata is open, ctrl-s merges my edit onto their
//! version with no question, and the file holds both, their comment kept.
//! The same for one file of a directory of team files.

use crate::support;

use std::path::Path;

use support::tmux::Tmux;

fn start(test: &str, file: &Path, dir: &Path) -> Tmux {
    let config = dir.join("config.toml");
    std::fs::write(&config, "").unwrap();
    let script = dir.join("run.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nSTRATA_STATE_DIR='{}' STRATA_CONFIG='{}' '{}' '{}'\necho \"STRATA-EXITED-$?\"\nsleep 120\n",
            dir.join("state").display(),
            config.display(),
            env!("CARGO_BIN_EXE_strata"),
            file.display(),
        ),
    )
    .unwrap();
    Tmux::start(test, &format!("sh '{}'", script.display()), 120, 35)
}

/// Retitles the selected node in the browser to `title` (not yet saved).
fn retitle(session: &Tmux, title: &str) {
    session.keys(&["e"]);
    session.wait_for("Edit which section?");
    session.keys(&["Enter"]);
    session.wait_for("Title of");
    session.keys(&["C-u"]);
    session.type_text(title);
    session.keys(&["Enter"]);
    session.wait_for(title);
}

#[test]
fn a_colleagues_edit_to_another_node_then_ctrl_s_keeps_both_without_asking() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::write(&path, support::read(&root.join("sample-strategy.toml"))).unwrap();
    let session = start("merge-one-file", &path, dir.path());
    session.wait_for("Northwind Freight");
    retitle(&session, "Every brokerage runs on Northwind");
    // Meanwhile a colleague changes an option's owner and adds a comment.
    let theirs = support::read(&path).replacen(
        "owner = \"Sam Whitaker (PM, Payments)\"",
        "owner = \"Ada Byrne (PM, Payments)\"  # took over in November",
        1,
    );
    std::fs::write(&path, &theirs).unwrap();
    session.keys(&["C-s"]);
    let screen = session.wait_for("merged");
    for question in ["Changed on", "keep mine", "overwrite"] {
        assert!(!screen.contains(question), "asked {question:?}:\n{screen}");
    }
    session.keys(&["q"]);
    session.wait_for("STRATA-EXITED-0");
    let saved = support::read(&path);
    assert!(
        saved.contains("title = \"Every brokerage runs on Northwind\""),
        "{saved}"
    );
    assert!(
        saved.contains("owner = \"Ada Byrne (PM, Payments)\"  # took over in November"),
        "{saved}"
    );
    // Only my line changed from their text.
    let (removed, added) = support::line_diff(&theirs, &saved);
    assert_eq!(
        (removed.len(), added.len()),
        (1, 1),
        "{removed:?} {added:?}"
    );
}

#[test]
fn in_a_directory_of_team_files_a_colleagues_edit_to_the_same_file_merges_too() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("split");
    std::fs::create_dir(&dir).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/split");
    for name in ["pricing.toml", "tracking.toml", "vision.toml"] {
        std::fs::copy(fixture.join(name), dir.join(name)).unwrap();
    }
    let session = start("merge-directory", &dir, tmp.path());
    session.wait_for("Northwind Freight");
    session.keys(&["/"]);
    session.type_text("eld-consent-in-carrier-packet");
    session.keys(&["Enter"]);
    session.wait_for("Ask carriers to connect their ELD");
    retitle(&session, "Carriers connect their ELD when they sign up");
    let tracking = dir.join("tracking.toml");
    let theirs = support::read(&tracking).replacen(
        "owner = \"Daniel Mwangi (Senior PM, Visibility)\"",
        "owner = \"Ines Moreau (Senior PM, Visibility)\"",
        1,
    );
    std::fs::write(&tracking, &theirs).unwrap();
    session.keys(&["C-s"]);
    let screen = session.wait_for("merged");
    assert!(!screen.contains("keep mine"), "{screen}");
    session.keys(&["q"]);
    session.wait_for("STRATA-EXITED-0");
    let saved = support::read(&tracking);
    assert!(
        saved.contains("Carriers connect their ELD when they sign up"),
        "{saved}"
    );
    assert!(
        saved.contains("Ines Moreau (Senior PM, Visibility)"),
        "{saved}"
    );
}
