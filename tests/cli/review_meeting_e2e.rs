//! The acceptance review, in a real terminal (tmux): on a copy of the
//! sample, a comment, an action item with owner and date, an approval and
//! a question, typed as a VP would; then the Markdown and JSON summaries
//! name each with its node's title, `--actions` lists the action item and
//! `--close` closes it. And `--since` in a two-commit repository: the `o`
//! comparison marks the one number that changed inside a long sentence,
//! read with `tmux capture-pane -e`.

use crate::support;

use std::path::Path;
use std::process::Command;

use support::tmux::{Tmux, tmux};

const FIRST: &str = "Win brokerages with 25-150 employees";
const SECOND: &str = "Cut manual touches per load from 14 to 5";

/// `strata review ARGS` in `dir`, 120×35, signed by Robin Vega.
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

/// `strata ARGS` in `dir`: exit code and stdout.
fn strata(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = crate::support::strata()
        .current_dir(dir)
        .env("STRATA_CONFIG", dir.join("config.toml"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_acceptance_review_ends_in_summaries_that_name_everything_and_an_action_list() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        support::root().join("sample-strategy.toml"),
        dir.path().join("s.toml"),
    )
    .unwrap();
    let meeting = start(
        "review-acceptance",
        dir.path(),
        "--level intent --with 'CPO, VP Sales' --restart s.toml",
    );
    meeting.wait_for_all(&["Review 1/3", FIRST]);
    meeting.keys(&["c"]);
    meeting.wait_for("Comment");
    meeting.type_text("The pricing floor holds.");
    meeting.keys(&["Escape"]);
    meeting.wait_for("✔ comment · Robin Vega: “The pricing floor holds.”");
    meeting.keys(&["A"]);
    meeting.wait_for("what is to be done?");
    meeting.type_text("Send the pricing memo");
    meeting.keys(&["Escape"]);
    meeting.wait_for("who owns it?");
    meeting.type_text("Lee Park");
    meeting.keys(&["Escape"]);
    meeting.wait_for("due when?");
    meeting.type_text("2026-12-15");
    meeting.keys(&["Escape"]);
    meeting.wait_for("✔ action item “Send the pricing memo” for Lee Park by 2026-12-15");
    meeting.keys(&["a"]);
    // The banner first, on the node decided; then, a moment later, the next node.
    meeting.wait_for_all(&["✔ approve · Robin Vega", "Review 1/3"]);
    meeting.wait_for_all(&["Review 2/3", SECOND]);
    meeting.keys(&["d"]);
    meeting.wait_for("what is the question?");
    meeting.type_text("Is 5 touches a stretch or a forecast?");
    meeting.keys(&["Escape"]);
    meeting.wait_for("Review 3/3");
    meeting.keys(&["q"]);
    let screen = meeting.wait_for("STRATA-EXITED-0");
    assert!(screen.contains("## Action items"), "{screen}");
    drop(meeting);

    let (code, markdown, stderr) = strata(
        dir.path(),
        &["review", "--summary", "--level", "intent", "s.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "Attendees: CPO, VP Sales.".to_owned(),
        format!("`intents.win-mid-market-brokers` {FIRST}: approved by Robin Vega"),
        format!("`intents.win-mid-market-brokers` {FIRST}: Robin Vega, "),
        "The pricing floor holds.".to_owned(),
        format!(
            "- [ ] `intents.win-mid-market-brokers` {FIRST}: Send the pricing memo (Lee Park, due 2026-12-15)"
        ),
        format!("`intents.cut-manual-touches-per-load` {SECOND}: to discuss by Robin Vega"),
        "Question: Is 5 touches a stretch or a forecast?".to_owned(),
        "Statuses in the file".to_owned(),
    ] {
        assert!(
            markdown.contains(&expected),
            "{expected}\nnot in\n{markdown}"
        );
    }
    let (code, json, _) = strata(
        dir.path(),
        &[
            "review",
            "--summary",
            "--format",
            "json",
            "--level",
            "intent",
            "s.toml",
        ],
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let titled = |list: &str, field: &str, text: &str, title: &str| {
        json[list].as_array().unwrap().iter().any(|item| {
            item["title"] == title && item[field].as_str().is_some_and(|t| t.contains(text))
        })
    };
    assert!(
        titled("comments", "text", "The pricing floor holds.", FIRST),
        "{json}"
    );
    assert!(
        titled("questions", "text", "Is 5 touches a stretch", SECOND),
        "{json}"
    );
    assert!(
        titled("actions", "what", "Send the pricing memo", FIRST),
        "{json}"
    );
    assert!(titled("decisions", "decision", "approve", FIRST), "{json}");
    assert_eq!(json["actions"][0]["owner"], "Lee Park");
    assert_eq!(json["actions"][0]["due"], "2026-12-15");

    let (code, actions, _) = strata(dir.path(), &["review", "--actions", "s.toml"]);
    assert_eq!(code, 0);
    assert!(
        actions.contains("- [ ] Send the pricing memo (Lee Park, due 2026-12-15)"),
        "{actions}"
    );
    assert!(actions.contains(FIRST), "{actions}");
    let (_, mine, _) = strata(
        dir.path(),
        &["review", "--actions", "--owner", "lee", "s.toml"],
    );
    assert!(mine.contains("Send the pricing memo"), "{mine}");
    let (_, theirs, _) = strata(
        dir.path(),
        &["review", "--actions", "--owner", "Priya", "s.toml"],
    );
    assert!(
        theirs.contains("No open action items owned by Priya."),
        "{theirs}"
    );
    let (code, closed, stderr) = strata(
        dir.path(),
        &["review", "--actions", "--close", "pricing memo", "s.toml"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        closed.contains("closed (done): Send the pricing memo"),
        "{closed}"
    );
    let (_, after, _) = strata(dir.path(), &["review", "--actions", "s.toml"]);
    assert!(after.contains("No open action items."), "{after}");
    let saved = std::fs::read_to_string(dir.path().join("s.toml")).unwrap();
    assert!(
        saved.contains(
            r#"decision = "comment", closes = "Send the pricing memo", outcome = "done" }"#
        ),
        "{saved}"
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_old_and_new_comparison_marks_a_changed_number_inside_a_long_sentence() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux")
        || !support::tool_available("git", "--version", "apt-get install -y git")
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.toml");
    let sentence = |minutes: &str| {
        format!(
            "By June 2028 a broker books a load in {minutes} minutes from the first call, because the rate, the carrier's insurance and the lane history are on one screen and nobody re-types the shipper's details into a second system."
        )
    };
    let file = |minutes: &str| {
        format!(
            "version = 1\n[company]\nname = \"Northwind Freight\"\n[vision]\ntitle = \"Every load without re-typing\"\n\
             [intents.book-faster]\ntitle = \"Book a load faster\"\nfuture = \"{}\"\n",
            sentence(minutes)
        )
    };
    std::fs::write(&path, file("8")).unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "s.toml"]);
    git(dir.path(), &["commit", "-q", "-m", "first"]);
    std::fs::write(&path, file("6")).unwrap();
    git(dir.path(), &["commit", "-q", "-a", "-m", "second"]);

    let session = start(
        "review-compare",
        dir.path(),
        "--since HEAD~1 --restart s.toml",
    );
    session.wait_for_all(&["Review 1/1", "Book a load faster"]);
    session.keys(&["o"]);
    let plain = session.wait_for_all(&["Before HEAD~1", "Now"]);
    // Both sides re-wrapped to their pane: the sentence reads on, no ragged break.
    assert!(plain.contains("in 8 minutes"), "{plain}");
    assert!(plain.contains("in 6 minutes"), "{plain}");
    let colored =
        String::from_utf8_lossy(&tmux(&["capture-pane", "-e", "-p", "-t", session.name()]).stdout)
            .into_owned();
    // The number is drawn in its own style, and nothing else on its line:
    // between "a load in " and " minutes" there is the digit wrapped in
    // escape sequences, a style other than the plain one starting at it,
    // and the sentence before it carries no bold, underline or strike.
    let line = colored
        .lines()
        .find(|l| l.contains("a load in "))
        .expect("the sentence is on screen");
    let mut sides = 0;
    for part in line.split("a load in ").skip(1) {
        let seg = part.split(" minutes").next().unwrap_or("");
        let bare = strip_sgr(seg);
        assert!(bare == "8" || bare == "6", "{seg:?} in {line:?}");
        assert!(
            seg.starts_with("\u{1b}["),
            "the style starts at the number: {seg:?}"
        );
        let opening = &seg[..seg.find(bare.as_str()).unwrap()];
        assert!(
            opening
                .split('\u{1b}')
                .any(|sgr| sgr.starts_with("[1") || sgr.starts_with("[4") || sgr.starts_with("[9")),
            "bold, underlined or struck: {seg:?}"
        );
        sides += 1;
    }
    assert_eq!(sides, 2, "both the old and the new side: {line:?}");
    for before in line.split("a load in ").take(1) {
        assert!(
            !before.contains("\u{1b}[1;"),
            "the words before are plain: {before:?}"
        );
    }
}

/// `text` without its SGR escape sequences (`ESC [ … m`).
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
