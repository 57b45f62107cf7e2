//! Editing a two-pager in the user's editor, with scripted editors standing in
//! for vim: one that adds a line, one that writes garbage, one that fails.
//!
//! Each editor is a shell script run as `sh '<script>'`, the way a user sets
//! `EDITOR="sh '/path/to/script'"`: the value goes through the same choice and
//! word splitting as a real `$EDITOR`, without changing this process's
//! environment, and without executing a file just written, which another
//! test thread's fork could still hold open for writing ("text file busy").

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use strata::model::{Level, Node, from_markdown, to_markdown};
use strata::store::{EditorCommand, EditorError, editor_command_from, parse};

/// A scripted editor: `body` runs with the file as `$last`.
fn scripted_editor(dir: &Path, body: &str) -> EditorCommand {
    // A space in the path proves the quoting survives.
    let script = dir.join("my editor.sh");
    fs::write(&script, format!("for last; do :; done\n{body}\n")).unwrap();
    let value = format!("sh '{}' --wait", script.display());
    editor_command_from(None, Some(value.into())).unwrap()
}

fn sample_intent() -> Node {
    let text = support::read(&support::root().join("sample-strategy.toml"));
    let strategy = parse(&text).unwrap().strategy;
    let id = strategy.at_level(Level::Intent).next().unwrap();
    strategy.node(id).clone()
}

fn draft(dir: &Path, node: &Node) -> PathBuf {
    let path = dir.join("two-pager.md");
    fs::write(&path, to_markdown(node)).unwrap();
    path
}

#[test]
fn an_editor_that_appends_a_line_changes_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let node = sample_intent();
    let file = draft(dir.path(), &node);
    let editor = scripted_editor(dir.path(), r#"printf 'Decided on %s.\n' "$1" >> "$last""#);
    let script = dir.path().join("my editor.sh").display().to_string();
    assert_eq!(
        (editor.program.as_str(), editor.args.as_slice()),
        ("sh", [script, "--wait".into()].as_slice())
    );
    editor.run(&file).unwrap();

    let doc = from_markdown(&fs::read_to_string(&file).unwrap(), &node).unwrap();
    assert_eq!(
        doc.notes,
        format!("{}Decided on --wait.\n", node.doc.notes),
        "the line lands in the last section, and the note keeps its final newline"
    );
    assert_eq!(doc.title, node.doc.title);
    assert_eq!(doc.metrics, node.doc.metrics);
}

#[test]
fn garbage_fails_to_read_with_a_useful_error_and_the_text_stays() {
    let dir = tempfile::tempdir().unwrap();
    let node = sample_intent();
    let file = draft(dir.path(), &node);
    let editor = scripted_editor(
        dir.path(),
        r#"printf '# Title\nStatus: aproved\n\n## Risks\n\001\033[2J garbage\n' > "$last""#,
    );
    editor.run(&file).unwrap();

    let text = fs::read_to_string(&file).unwrap();
    let error = from_markdown(&text, &node).unwrap_err();
    assert_eq!(error.line, 2);
    assert_eq!(
        error.to_string(),
        "line 2: unknown status `aproved`\n  help: did you mean `approved`? \
         A status is one of draft, in-review, approved, changes-requested, retired"
    );
    // The caller still has every byte the user wrote, to reopen at line 2.
    assert!(text.contains("garbage"));
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn an_editor_that_exits_with_an_error_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = draft(dir.path(), &sample_intent());
    let before = fs::read_to_string(&file).unwrap();
    let editor = scripted_editor(dir.path(), "exit 3");
    let error = editor.run(&file).unwrap_err();
    let EditorError::Failed { status, .. } = &error else {
        panic!("expected Failed, got {error:?}");
    };
    assert_eq!(status.code(), Some(3));
    assert_eq!(
        error.to_string(),
        "the editor `sh` (from $EDITOR) did not finish cleanly (exit status: 3)"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), before);
}

#[test]
fn an_editor_that_is_not_installed_says_how_to_choose_one() {
    let dir = tempfile::tempdir().unwrap();
    let file = draft(dir.path(), &sample_intent());
    let editor = editor_command_from(Some("strata-no-such-editor --wait".into()), None).unwrap();
    let error = editor.run(&file).unwrap_err();
    let EditorError::Start { error: io, .. } = &error else {
        panic!("expected Start, got {error:?}");
    };
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    let message = error.to_string();
    assert!(
        message.starts_with("could not start the editor `strata-no-such-editor` (from $VISUAL): "),
        "{message}"
    );
    assert!(
        message.contains("help: set $VISUAL or $EDITOR"),
        "{message}"
    );
}
