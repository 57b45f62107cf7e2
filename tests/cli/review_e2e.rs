//! The real binary in a real terminal (tmux): `strata review`, one decision
//! from the keyboard lands in the file, the summary is printed once the
//! terminal is back, and running the same review again resumes.

use crate::support;

use std::path::{Path, PathBuf};

use support::tmux::Tmux;

/// `strata review ARGS` in `dir`, in a 120×35 terminal, with the config
/// naming the reviewer and the state kept in `dir/state`.
fn start(test: &str, dir: &Path, args: &str) -> Tmux {
    let config = dir.join("config.toml");
    std::fs::write(&config, "[review]\nreviewer = \"Robin Vega\"\n").unwrap();
    let script = dir.join(format!("{test}.sh"));
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncd '{}'\nSTRATA_STATE_DIR='{}' STRATA_CONFIG='{}' '{}' review {args}\necho \"STRATA-EXITED-$?\"\nsleep 120\n",
            dir.display(),
            dir.join("state").display(),
            config.display(),
            env!("CARGO_BIN_EXE_strata"),
        ),
    )
    .unwrap();
    Tmux::start(test, &format!("sh '{}'", script.display()), 120, 35)
}

fn copy_fixture(dir: &Path) -> PathBuf {
    let path = dir.join("strategy.toml");
    std::fs::copy(
        support::root().join("tests/fixtures/review/reviewed.toml"),
        &path,
    )
    .unwrap();
    path
}

#[test]
fn a_decision_made_from_the_keyboard_lands_in_the_file_and_the_review_resumes() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = copy_fixture(dir.path());
    let original = std::fs::read_to_string(&path).unwrap();

    let first = start(
        "review-decide",
        dir.path(),
        "--level intent --restart strategy.toml",
    );
    first.wait_for("Review 1/2");
    first.wait_for("as Robin Vega");
    first.keys(&["s"]);
    first.wait_for("Cut manual touches per load");
    first.keys(&["d"]);
    first.wait_for("what is the question?");
    first.keys(&["Escape"]);
    first.wait_for("saved");
    first.keys(&["q"]);
    let screen = first.wait_for("STRATA-EXITED-0");
    assert!(
        screen.contains("# Review summary: Northwind Freight"),
        "{screen}"
    );
    assert!(screen.contains("## To discuss"), "{screen}");
    drop(first);

    let saved = std::fs::read_to_string(&path).unwrap();
    let today = strata::cli::today();
    let last_line = "metrics = [{ name = \"manual touches per load\", baseline = \"14\", target = \"5\", by = \"2028-06\" }]\n";
    let expected = original
        .replacen(
            "status = \"draft\"\nhorizon = \"2028-06\"",
            "status = \"in-review\"\nhorizon = \"2028-06\"",
            1,
        )
        .replacen(
            last_line,
            &format!(
                "{last_line}reviews = [\n  {{ by = \"Robin Vega\", on = {today}, decision = \"discuss\" }},\n]\n"
            ),
            1,
        );
    assert_ne!(expected, original);
    assert_eq!(saved, expected);

    // The same review again opens where it stopped: on the skipped intent,
    // the discussed one still counted as decided.
    let second = start("review-resume", dir.path(), "--level intent strategy.toml");
    second.wait_for("Review 1/2");
    let screen = second.wait_for("1/2 decided");
    assert!(
        screen.contains("Win brokerages with 25-150 employees"),
        "{screen}"
    );
    second.keys(&["q"]);
    second.wait_for("STRATA-EXITED-0");
}
