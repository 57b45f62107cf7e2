//! Review records in the file: read with every mistake named at its place,
//! written one per line and appended, everything else byte for byte.

use crate::support;

use strata::model::{Date, Decision, Level, Review, Strategy, record_review};
use strata::store::{parse, patch, same_content};

const FIXTURE: &str = "tests/fixtures/review/reviewed.toml";

fn fixture() -> String {
    support::read(&support::root().join(FIXTURE))
}

fn review(decision: Decision, comment: &str) -> Review {
    let mut review = Review::new("Robin Vega", Date::new(2026, 11, 23).unwrap(), decision);
    review.comment = comment.into();
    review
}

fn with_review(strategy: &Strategy, key: &str, record: Review) -> Strategy {
    let mut edited = strategy.clone();
    let id = edited.find_key(key).unwrap();
    let edit = record_review(&edited, id, record).unwrap();
    edited.apply(edit).unwrap();
    edited
}

#[test]
fn records_load_with_their_fields() {
    let strategy = parse(&fixture()).unwrap().strategy;
    let win = strategy.node(strategy.find_key("intents.win-mid-market").unwrap());
    assert_eq!(win.reviews.len(), 3);
    assert_eq!(win.reviews[1].decision, Decision::RequestChanges);
    assert_eq!(
        win.reviews[1].comment,
        "Say which three deal-loss reasons we fix first.\nAnd by when."
    );
    let onboarding = strategy.node(
        strategy
            .find_key("initiatives.onboarding-takes-eleven-weeks")
            .unwrap(),
    );
    assert!(onboarding.reviews[0].reason.is_some());
}

#[test]
fn mistakes_in_records_are_named_with_a_fix() {
    let text = fixture().replacen(
        "{ by = \"Lee Park\", on = 2026-11-20, decision = \"approve\" }",
        "{ by = \"Lee Park\", on = 2026-11-20, decision = \"aprove\" }, { on = 2026-11-21, decision = \"discuss\", coment = \"x\" }, { by = \"Lee\", on = \"last week\", decision = \"discuss\" }",
        1,
    );
    let problems = parse(&text).unwrap_err();
    let messages: Vec<String> = problems
        .iter()
        .map(|p| format!("{} | {}", p.message, p.help))
        .collect();
    let all = messages.join("\n");
    assert!(
        all.contains("unknown decision \"aprove\" | did you mean \"approve\"?"),
        "{all}"
    );
    assert!(all.contains("has no `by`"), "{all}");
    assert!(
        all.contains("vision.reviews[2].on` must be a date"),
        "{all}"
    );
    // Errors are printed at file:line:col with the line; a misspelt key is
    // a warning with a suggestion, and the record still loads.
    let stderr = tree(&text).1;
    assert!(stderr.contains("strategy.toml:18:50"), "{stderr}");
    let typo = fixture().replacen(
        "decision = \"approve\" }",
        "decision = \"approve\", coment = \"x\" }",
        1,
    );
    let (code, stderr) = tree(&typo);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("unknown key `coment`"), "{stderr}");
    assert!(stderr.contains("did you mean `comment`?"), "{stderr}");
}

/// `strata tree` on `text`: its exit code and stderr.
fn tree(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::write(&path, text).unwrap();
    let out = crate::support::strata()
        .args(["tree", "--color=never"])
        .arg(&path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_new_record_is_one_appended_line_and_nothing_else_moves() {
    let original = fixture();
    let baseline = parse(&original).unwrap().strategy;
    let edited = with_review(
        &baseline,
        "intents.win-mid-market",
        review(Decision::Comment, "Line one\nline \"two\""),
    );
    let saved = patch(&original, &baseline, &edited).unwrap();
    let anchor = "  { by = \"Dana Okafor\", on = 2026-11-22, decision = \"comment\", comment = \"The pricing floor is right.\" },\n";
    let expected = original.replacen(
        anchor,
        &format!(
            "{anchor}  {{ by = \"Robin Vega\", on = 2026-11-23, decision = \"comment\", comment = \"Line one\\nline \\\"two\\\"\" }},\n"
        ),
        1,
    );
    assert_eq!(saved, expected);
    assert!(same_content(&parse(&saved).unwrap().strategy, &edited));
    // Taking it back (undo, then save) gives the original bytes.
    assert_eq!(patch(&saved, &edited, &baseline).unwrap(), original);
}

#[test]
fn the_first_record_of_a_node_starts_a_list_at_the_end_of_its_table() {
    let original = fixture();
    let baseline = parse(&original).unwrap().strategy;
    let edited = with_review(
        &baseline,
        "intents.cut-manual-touches",
        review(Decision::Approve, ""),
    );
    let saved = patch(&original, &baseline, &edited).unwrap();
    let metrics = "metrics = [{ name = \"manual touches per load\", baseline = \"14\", target = \"5\", by = \"2028-06\" }]\n";
    let expected = original
        .replacen(
            "status = \"draft\"\nhorizon = \"2028-06\"",
            "status = \"approved\"\nhorizon = \"2028-06\"",
            1,
        )
        .replacen(
            metrics,
            &format!(
                "{metrics}reviews = [\n  {{ by = \"Robin Vega\", on = 2026-11-23, decision = \"approve\" }},\n]\n"
            ),
            1,
        );
    assert_eq!(saved, expected);
}

#[test]
fn records_save_in_every_layout_the_loader_reads() {
    for path in support::valid_files() {
        let original = support::read(&path);
        let baseline = parse(&original).unwrap().strategy;
        let mut edited = baseline.clone();
        let ids: Vec<_> = Level::ALL
            .into_iter()
            .flat_map(|level| edited.at_level(level).collect::<Vec<_>>())
            .collect();
        for id in ids {
            let edit = record_review(&edited, id, review(Decision::Discuss, "Why\tnow?")).unwrap();
            edited.apply(edit).unwrap();
        }
        let saved = patch(&original, &baseline, &edited)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let back = parse(&saved)
            .unwrap_or_else(|p| panic!("{}: {p:#?}\n{saved}", path.display()))
            .strategy;
        assert!(same_content(&back, &edited), "{}\n{saved}", path.display());
    }
}

/// A one-node file whose vision has `reviews` written by hand as `list`.
fn hand_written(list: &str) -> String {
    // Already approved, so approving again adds the record and nothing else.
    format!(
        "version = 1\n\n[vision]\ntitle = \"Vision\"\nstatus = \"approved\"\nreviews = {list}\nnotes = \"after\"\n"
    )
}

/// The file after Robin approves the vision.
fn approved(original: &str) -> String {
    let baseline = parse(original).unwrap().strategy;
    let edited = with_review(&baseline, "vision", review(Decision::Approve, ""));
    let saved = patch(original, &baseline, &edited).unwrap();
    assert!(
        same_content(&parse(&saved).unwrap().strategy, &edited),
        "{saved}"
    );
    saved
}

const ROBIN: &str = "{ by = \"Robin Vega\", on = 2026-11-23, decision = \"approve\" }";

#[test]
fn comments_in_a_hand_written_list_stay_where_they_were() {
    let lee = "{ by = \"Lee Park\", on = 2026-11-20, decision = \"discuss\" }";
    // A comment after the last record, on its line.
    let original = hand_written(&format!("[\n  {lee},  # offsite\n]"));
    assert_eq!(
        approved(&original),
        hand_written(&format!("[\n  {lee},  # offsite\n  {ROBIN},\n]"))
    );
    // No comma after the last record, and a comment line before `]`: the
    // comma goes in, the comments stay above the new record, and saving
    // again copies nothing.
    let original = hand_written(&format!("[\n  {lee}  # offsite\n  # end of notes\n]"));
    let once = approved(&original);
    assert_eq!(
        once,
        hand_written(&format!(
            "[\n  {lee},  # offsite\n  # end of notes\n  {ROBIN},\n]"
        ))
    );
    let twice = approved(&once);
    assert_eq!(twice.matches("# offsite").count(), 1, "{twice}");
    assert_eq!(twice.matches("# end of notes").count(), 1, "{twice}");
    // A list on one line becomes one record per line.
    let original = hand_written(&format!("[{lee}]  # from the offsite"));
    assert_eq!(
        approved(&original),
        hand_written(&format!("[\n  {lee},\n  {ROBIN},\n]  # from the offsite"))
    );
}

#[test]
fn empty_commented_and_table_review_lists_keep_what_was_written() {
    let lee = "{ by = \"Lee Park\", on = 2026-11-20, decision = \"discuss\" }";
    // An empty list, with a comment after it.
    let original = hand_written("[]  # none yet");
    assert_eq!(
        approved(&original),
        hand_written(&format!("[\n  {ROBIN},\n]  # none yet"))
    );
    // A one-line list with a comment inside: the comment stays.
    for list in [
        format!("[{lee} # keep me\n]"),
        format!("[{lee}, # keep me\n]"),
    ] {
        let saved = approved(&hand_written(&list));
        assert!(saved.contains("# keep me"), "{saved}");
        assert!(saved.contains(lee), "{saved}");
    }
    // Records written as tables stay tables, byte for byte, and the new
    // one is a table after them.
    let original = "version = 1\n\n[vision]\ntitle = \"Vision\"\nstatus = \"approved\"\n\n\
                    # About the reviews.\n[[vision.reviews]]\nby = \"Lee Park\" # who\non = 2026-11-20\ndecision = \"discuss\"\n";
    let saved = approved(original);
    assert!(saved.starts_with(original), "{saved}");
    assert!(
        saved.ends_with(
            "[[vision.reviews]]\nby = \"Robin Vega\"\non = 2026-11-23\ndecision = \"approve\"\n"
        ),
        "{saved}"
    );
}

#[test]
fn questions_action_items_and_attendees_are_new_keys_on_one_line_that_merge_like_decisions() {
    use strata::model::{ActionItem, Closing, Outcome, Side, merge, open_actions};
    let text = fixture();
    let saved = parse(&text).unwrap().strategy;
    let id = saved.find_key("intents.cut-manual-touches").unwrap();
    let mut current = saved.clone();
    let on = Date::new(2026, 12, 2).unwrap();
    let mut question = Review::new("Robin Vega", on, Decision::Discuss);
    question.question = Some("Is 5 a stretch?".into());
    question.attendees = vec!["CPO".into(), "VP Sales".into()];
    question.minutes = Some(3);
    let mut action = Review::new("Robin Vega", on, Decision::Comment);
    action.action = Some(ActionItem {
        what: "Send the memo".into(),
        owner: "Lee Park".into(),
        due: Date::new(2026, 12, 15),
    });
    let mut second = action.clone();
    second.action = Some(ActionItem {
        what: "Call the carrier".into(),
        owner: String::new(),
        due: None,
    });
    let mut closing = Review::new("Robin Vega", on, Decision::Comment);
    closing.closes = Some(Closing {
        what: "Send the memo".into(),
        outcome: Outcome::Dropped,
    });
    for record in [question, action, second, closing] {
        let edit = record_review(&current, id, record).unwrap();
        current.apply(edit).unwrap();
    }
    let written = patch(&text, &saved, &current).unwrap();
    let (_, added_lines) = support::line_diff(&text, &written);
    assert!(
        added_lines
            .iter()
            .all(|l| l.starts_with("  { by = \"Robin Vega\"")
                || l == "reviews = ["
                || l == "]"
                || l.starts_with("status = ")),
        "one record per line: {added_lines:#?}"
    );
    assert!(written.contains(r#"decision = "discuss", question = "Is 5 a stretch?", minutes = 3, with = ["CPO", "VP Sales"] },"#), "{written}");
    let reread = parse(&written).unwrap();
    assert!(reread.warnings.is_empty(), "new keys are known keys");
    assert!(same_content(&reread.strategy, &current));
    let node = reread.strategy.node(
        reread
            .strategy
            .find_key("intents.cut-manual-touches")
            .unwrap(),
    );
    let open = open_actions(&node.reviews);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].item.what, "Call the carrier");

    // A colleague's newer file: the records merge onto it, as decisions do.
    let theirs = parse(&text.replacen(
        "Cut manual touches per load from 14 to 5",
        "Cut manual touches per load to 5",
        1,
    ))
    .unwrap()
    .strategy;
    let merged = merge(&saved, &current, &theirs);
    assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
    let merged = merged.resolved(Side::Mine);
    let node = merged.node(merged.find_key("intents.cut-manual-touches").unwrap());
    assert_eq!(node.doc.title, "Cut manual touches per load to 5");
    assert_eq!(node.reviews.len(), 4);
    assert_eq!(open_actions(&node.reviews).len(), 1);
}

#[test]
fn older_files_and_a_misspelt_new_key_read_as_before() {
    let text = fixture().replacen(
        "{ by = \"Lee Park\", on = 2026-11-20, decision = \"approve\" }",
        "{ by = \"Lee Park\", on = 2026-11-20, decision = \"approve\", questoin = \"x\", minutes = \"four\" }",
        1,
    );
    let problems = parse(&text).unwrap_err();
    let all: Vec<String> = problems
        .iter()
        .map(|p| format!("{} | {}", p.message, p.help))
        .collect();
    assert!(
        all.iter()
            .any(|m| m.contains("must be a whole number of minutes")),
        "{all:?}"
    );
    let text = fixture().replacen(
        "decision = \"approve\" }",
        "decision = \"approve\", questoin = \"x\" }",
        1,
    );
    let loaded = parse(&text).unwrap();
    let warnings: Vec<String> = loaded.warnings.iter().map(|p| p.help.clone()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("did you mean `question`")),
        "{warnings:?}"
    );
}
