//! A meeting that ends with what it is for: a comment, a question, an
//! action item with owner and date, attendees and an approval, each in the
//! file and in the summary with its node's title; the banner after each
//! key, the move after a moment (driven by the clock as data), undo going
//! back, and the end-of-meeting screen.

use crate::browser;

use std::path::PathBuf;

use browser::{Browser, root};
use strata::app::Effect;
use strata::app::review::{AfterDecision, ReviewMode};
use strata::model::Date;
use strata::review::{QueueFilter, Scope, summarize};

const FIXTURE: &str = "tests/fixtures/review/reviewed.toml";
const REVIEWER: &str = "Dana Okafor";
const VISION: &str =
    "A 60-person freight brokerage runs every load in Northwind without re-typing it";
const INTENT: &str = "Win brokerages with 25-150 employees";

fn day() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn meeting(after: AfterDecision) -> (tempfile::TempDir, PathBuf, Browser) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(root().join(FIXTURE), &path).unwrap();
    let mut browser = Browser::on_file(&path, 120, 35);
    let app = &mut browser.app;
    app.reviewer = Some(REVIEWER.into());
    let mut review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        REVIEWER,
        day(),
        day(),
    );
    review.attendees = vec!["CPO".into(), "VP Sales".into()];
    review.after = after;
    app.start_review(review, None);
    browser.draw();
    (dir, path, browser)
}

fn shown(browser: &Browser) -> String {
    let id = browser.app.shown_node().expect("a node under review");
    browser.app.strategy.node(id).key()
}

fn summary(browser: &Browser) -> strata::review::Summary {
    let review = browser.app.review.as_ref().unwrap();
    summarize(
        &browser.app.strategy,
        &review.queue,
        &[],
        &browser.app.progress,
        Scope::default(),
        day(),
    )
}

#[test]
fn comment_question_action_item_and_approval_land_in_the_file_and_the_summary() {
    let (_dir, path, mut browser) = meeting(AfterDecision::Move);
    assert_eq!(shown(&browser), "vision");
    browser.keys("c {Pricing floor holds.} esc");
    assert!(
        browser
            .text()
            .contains("✔ comment · Dana Okafor: “Pricing floor holds.”"),
        "{}",
        browser.text()
    );
    assert_eq!(
        shown(&browser),
        "vision",
        "a comment decides nothing: no move"
    );
    browser.keys("A {Send the pricing memo} esc {Lee Park} esc {2026-12-15} esc");
    let screen = browser.text();
    assert!(
        screen.contains("action item “Send the pricing memo” for Lee Park by 2026-12-15"),
        "{screen}"
    );
    assert!(screen.contains("Open action items: 1"), "{screen}");
    browser.keys("a");
    assert_eq!(
        shown(&browser),
        "intents.win-mid-market",
        "approving moves on"
    );
    assert!(
        browser
            .text()
            .contains("✔ approve · Dana Okafor · on A 60-person"),
        "{}",
        browser.text()
    );
    browser.keys("d {Is 420 a stretch or a forecast?} esc");
    assert_eq!(shown(&browser), "initiatives.onboarding-takes-eleven-weeks");

    let saved = std::fs::read_to_string(&path).unwrap();
    for line in [
        r#"{ by = "Dana Okafor", on = 2026-11-23, decision = "comment", comment = "Pricing floor holds.", with = ["CPO", "VP Sales"] },"#,
        r#"{ by = "Dana Okafor", on = 2026-11-23, decision = "comment", action = "Send the pricing memo", owner = "Lee Park", due = 2026-12-15, with = ["CPO", "VP Sales"] },"#,
        r#"{ by = "Dana Okafor", on = 2026-11-23, decision = "approve", with = ["CPO", "VP Sales"] },"#,
        r#"{ by = "Dana Okafor", on = 2026-11-23, decision = "discuss", question = "Is 420 a stretch or a forecast?", with = ["CPO", "VP Sales"] },"#,
    ] {
        assert!(saved.contains(line), "{line}\nnot in\n{saved}");
    }
    // The file reads back as it was written.
    let reread = strata::store::parse(&saved).unwrap();
    assert!(reread.warnings.is_empty(), "{:?}", reread.warnings);

    let markdown = summary(&browser).to_markdown();
    for expected in [
        "Attendees: CPO, VP Sales.".to_owned(),
        format!("- `vision` {VISION}: approved by Dana Okafor on 2026-11-23"),
        format!(
            "- `intents.win-mid-market` {INTENT}: to discuss by Dana Okafor on 2026-11-23. Question: Is 420 a stretch or a forecast?"
        ),
        format!(
            "- `intents.win-mid-market` {INTENT}: Dana Okafor, 2026-11-23: Is 420 a stretch or a forecast?"
        ),
        format!("- `vision` {VISION}: Dana Okafor, 2026-11-23: Pricing floor holds."),
        format!("- [ ] `vision` {VISION}: Send the pricing memo (Lee Park, due 2026-12-15)"),
        "Statuses in the file (where each node stands, whoever set it):".to_owned(),
    ] {
        assert!(
            markdown.contains(&expected),
            "{expected}\nnot in\n{markdown}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&summary(&browser).to_json()).unwrap();
    let action = &json["actions"][0];
    assert_eq!(action["title"], VISION);
    assert_eq!(action["what"], "Send the pricing memo");
    assert_eq!(action["owner"], "Lee Park");
    assert_eq!(action["due"], "2026-12-15");
    assert_eq!(action["state"], "open");
    assert!(
        json["questions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["title"] == INTENT && q["text"] == "Is 420 a stretch or a forecast?")
    );
    assert!(
        json["comments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["title"] == VISION && c["text"] == "Pricing floor holds.")
    );
    assert!(
        json["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["title"] == VISION && d["decision"] == "approve" && d["on"] == "2026-11-23")
    );
    assert_eq!(json["attendees"], serde_json::json!(["CPO", "VP Sales"]));
    assert!(
        json["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["status"] == "approved")
    );

    // Undo takes back the discussion and goes back to the node it was on.
    browser.keys("u");
    assert_eq!(shown(&browser), "intents.win-mid-market");
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap()
            .contains("question =")
    );
}

#[test]
fn the_banner_stays_a_moment_then_the_review_moves_on() {
    let (_dir, _path, mut browser) = meeting(AfterDecision::Pause);
    browser.app.review_tick(10_000);
    browser.keys("a");
    assert_eq!(
        shown(&browser),
        "vision",
        "the room sees what was recorded first"
    );
    assert!(browser.text().contains("✔ approve"), "{}", browser.text());
    assert!(
        !browser.app.review_tick(10_500),
        "half a second on: nothing changes"
    );
    assert_eq!(shown(&browser), "vision");
    assert!(browser.app.review_tick(11_600));
    browser.draw();
    assert_eq!(shown(&browser), "intents.win-mid-market");
    assert!(!browser.text().contains("✔ approve"), "{}", browser.text());
    // A key during the moment makes the move; n does not move twice.
    browser.keys("a n");
    assert_eq!(shown(&browser), "initiatives.onboarding-takes-eleven-weeks");

    let (_dir, _path, mut browser) = meeting(AfterDecision::Stay);
    browser.keys("a");
    assert!(browser.app.review_tick(60_000));
    assert_eq!(shown(&browser), "vision", "stay: n or tab moves on");
}

#[test]
fn after_the_last_node_the_end_screen_shows_the_summary_and_writes_the_notes() {
    let (_dir, _path, mut browser) = meeting(AfterDecision::Move);
    browser.keys("a a s s s");
    let screen = browser.text();
    assert!(
        screen.contains("The review is over: 2 of 5 decided"),
        "{screen}"
    );
    assert!(screen.contains("tab back to an undecided node"), "{screen}");
    assert!(
        screen.contains("# Review summary: Northwind Freight"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("`vision` {VISION}: approved by Dana Okafor")),
        "{screen}"
    );
    browser.keys("w");
    let notes = browser.effects.iter().find_map(|e| match e {
        Effect::WriteNotes(text) => Some(text.clone()),
        _ => None,
    });
    assert!(
        notes.is_some_and(|n| n.contains(INTENT)),
        "w hands the notes to the shell"
    );
    browser.keys("tab");
    assert_eq!(shown(&browser), "initiatives.onboarding-takes-eleven-weeks");
    assert!(!browser.text().contains("The review is over"));
}

#[test]
fn an_intents_screen_lists_its_initiatives_and_r_opens_the_roll_up() {
    let (_dir, _path, mut browser) = meeting(AfterDecision::Move);
    browser.keys("n");
    let screen = browser.text();
    assert!(screen.contains("Below it: 1 initiative"), "{screen}");
    assert!(screen.contains("Onboarding takes eleven weeks"), "{screen}");
    browser.keys("r");
    assert!(
        browser
            .text()
            .contains("Roll-up: how win-mid-market ladders up"),
        "{}",
        browser.text()
    );
    browser.keys("esc");
    assert!(
        browser.app.review.is_some(),
        "esc leaves the roll-up, not the review"
    );
}

#[test]
fn hostile_text_in_comments_questions_and_action_items_is_shown_harmless() {
    let hostile = "\u{1b}]0;PWN\u{7}\u{1b}[2J \u{202e}rtl\n# Owned | x | <script>";
    let (_dir, _path, mut browser) = meeting(AfterDecision::Stay);
    // A comment; an action item whose text and owner are hostile (no due
    // day); a question.
    for (key, boxes) in [("c", 1), ("A", 2), ("d", 1)] {
        browser.keys(key);
        for _ in 0..boxes {
            strata::app::input::paste(&mut browser.app, hostile);
            browser.keys("esc");
        }
        if key == "A" {
            browser.keys("esc");
        }
        let screen = browser.text();
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{202e}') && !screen.contains('\u{7}'),
            "{screen}"
        );
        assert!(
            screen.contains("✔"),
            "the banner shows each record:\n{screen}"
        );
    }
    let node = browser.app.shown_node().unwrap();
    let records = &browser.app.strategy.node(node).reviews;
    assert_eq!(
        records.len(),
        1 + 3,
        "the fixture's one and ours: {records:?}"
    );
    let markdown = summary(&browser).to_markdown();
    assert!(
        !markdown.contains('\u{1b}') && !markdown.contains('\u{202e}'),
        "{markdown}"
    );
    assert!(markdown.contains("PWN"), "{markdown}");
    assert!(
        !markdown
            .lines()
            .any(|l| l.starts_with("# Owned") || l.trim_start().starts_with("# Owned")),
        "a line of the text never becomes a heading:\n{markdown}"
    );
    // Outside the counts table, every `<` and `|` of the text is escaped:
    // no HTML, no table cell.
    for line in markdown.lines().filter(|l| !l.starts_with('|')) {
        let chars: Vec<char> = line.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if matches!(c, '<' | '|') {
                assert!(i > 0 && chars[i - 1] == '\\', "unescaped {c} in {line}");
            }
        }
    }
    let json = summary(&browser).to_json();
    assert!(!json.contains('\u{1b}'), "{json}");
    let list = strata::review::open_action_list(&browser.app.strategy, day(), None).to_markdown();
    assert!(
        !list.contains('\u{1b}') && list.contains("\\<script>") && !list.contains(" <script>"),
        "{list}"
    );
}

#[test]
fn an_open_action_item_shows_in_the_browser_and_the_roll_up_and_x_closes_it() {
    let (_dir, path, mut browser) = meeting(AfterDecision::Move);
    browser.keys("n A {Send the pricing memo} esc {Lee Park} esc {2026-12-15} esc esc");
    assert!(browser.app.review.is_none(), "esc leaves the review");
    let screen = browser.text();
    assert!(screen.contains("1 open action item"), "{screen}");
    browser.keys("r");
    assert!(
        browser
            .text()
            .contains("☐ action: Send the pricing memo (Lee Park, due 2026-12-15)"),
        "{}",
        browser.text()
    );
    browser.keys("r X {1 x} esc");
    assert!(
        !browser.text().contains("open action item"),
        "{}",
        browser.text()
    );
    assert!(
        browser.app.is_dirty(),
        "in the browser, closing is an edit saved with the others"
    );
    browser.keys("ctrl-s");
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(
            r#"decision = "comment", closes = "Send the pricing memo", outcome = "dropped" }"#
        ),
        "{saved}"
    );
}

#[test]
fn a_timebox_shows_the_time_in_the_header_and_records_the_minutes() {
    let (_dir, path, mut browser) = meeting(AfterDecision::Move);
    browser.app.review.as_mut().unwrap().clock.timebox = Some(60);
    assert!(browser.app.review_tick(45_000), "a new second: draw again");
    browser.draw();
    assert!(
        browser.text().contains("0:45/1:00 here · 0:45 in all"),
        "{}",
        browser.text()
    );
    browser.app.review_tick(65_000);
    browser.keys("a");
    assert!(browser.app.review_tick(70_000));
    browser.draw();
    assert!(
        browser.text().contains("0:05/1:00 here · 1:10 in all"),
        "{}",
        browser.text()
    );
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        saved.contains(r#"decision = "approve", minutes = 2, with = ["CPO", "VP Sales"] }"#),
        "65 s on the vision: 2 minutes, a started one counting\n{saved}"
    );
    let markdown = summary(&browser).to_markdown();
    assert!(
        markdown.contains("approved by Dana Okafor on 2026-11-23 (2 min)"),
        "{markdown}"
    );
    assert!(markdown.contains("Time recorded: 2 min."), "{markdown}");
}

#[test]
fn a_resumed_review_keeps_who_attended() {
    let (_dir, _path, browser) = meeting(AfterDecision::Move);
    let bookmark = browser.app.review_bookmark().unwrap();
    assert_eq!(bookmark.attendees, ["CPO", "VP Sales"]);
    let mut app = browser::open_app(FIXTURE);
    let review = ReviewMode::new(
        &app.strategy,
        &QueueFilter::default(),
        None,
        REVIEWER,
        day(),
        day(),
    );
    app.resume_review(review, Some(&bookmark));
    assert_eq!(app.review.as_ref().unwrap().attendees, ["CPO", "VP Sales"]);
}
