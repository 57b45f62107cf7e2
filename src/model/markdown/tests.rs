use super::*;
use crate::model::{Horizon, Level, Metric, Status, TwoPager};

fn node(doc: TwoPager) -> Node {
    Node {
        doc,
        ..Node::new(Level::Intent, "win-mid-market")
    }
}

fn read(text: &str) -> Result<TwoPager, MarkdownError> {
    from_markdown(text, &Node::new(Level::Intent, "win-mid-market"))
}

/// The error for `text`, as the user would see it.
fn error_of(text: &str) -> MarkdownError {
    match read(text) {
        Ok(doc) => panic!("expected an error, read {doc:#?}"),
        Err(e) => e,
    }
}

#[test]
fn writes_a_readable_document() {
    let doc = TwoPager {
        title: "Win the mid-market".into(),
        owner: "Dana Okafor (CEO)".into(),
        status: Status::Approved,
        horizon: Horizon::parse("2028"),
        today: "We win 16% of deals.\n\n## Not a heading\n".into(),
        future: "Brokers pick us.".into(),
        will_not: vec!["We will not sell to enterprises".into(), String::new()],
        metrics: vec![Metric {
            name: "Win rate".into(),
            baseline: Some("16%".into()),
            target: Some("33%".into()),
            by: Some("2028-12".into()),
            start: None,
        }],
        notes: String::new(),
    };
    let text = to_markdown(&node(doc));
    let body = text.split_once("-->\n").map(|(_, body)| body);
    assert_eq!(
        body,
        Some(
            "# Win the mid-market\n\
             Owner: Dana Okafor (CEO)\n\
             Status: approved\n\
             Horizon: 2028\n\
             \n\
             ## Today\n\
             \n\
             We win 16% of deals.\n\
             \n\
             \\## Not a heading\n\
             \n\
             ## Future\n\
             \n\
             Brokers pick us.\n\
             \n\
             ## Will not\n\
             \n\
             - We will not sell to enterprises\n\
             - \"\"\n\
             \n\
             ## Metrics\n\
             \n\
             - Win rate: 16% -> 33% by 2028-12\n\
             \n\
             ## Notes\n"
        )
    );
    assert!(text.starts_with(
        "<!--\nstrata: the two-pager of intents.win-mid-market (Strategic intent).\n"
    ));
}

#[test]
fn reads_what_people_type() {
    let text = "# Win the mid-market  \n\
                owner:Dana\n\
                STATUS: In Review\n\
                \n\
                <!-- a note to self -->\n\
                ## will_not:\n\
                * Sell to enterprises\n\
                \x20 with more than 2,000 staff\n\
                -\n\
                + Build trucks\n\
                ## Today\n\
                \n\
                \n\
                Line one  \n\
                \tindented\n\
                \n\
                ### Risks\n\
                \n\
                <!--\n\
                many lines\n\
                -->\n";
    let doc = read(text).unwrap();
    assert_eq!(doc.title, "Win the mid-market");
    assert_eq!(doc.owner, "Dana");
    assert_eq!(doc.status, Status::InReview);
    assert_eq!(doc.horizon, None);
    assert_eq!(
        doc.will_not,
        [
            "Sell to enterprises with more than 2,000 staff",
            "Build trucks"
        ]
    );
    assert_eq!(doc.today, "Line one  \n\tindented\n\n### Risks\n");
    assert_eq!(doc.future, "");
}

#[test]
fn missing_sections_and_keys_are_empty_fields() {
    let doc = read("# Only a title\n").unwrap();
    assert_eq!(
        doc,
        TwoPager {
            title: "Only a title".into(),
            ..TwoPager::default()
        }
    );
}

#[test]
fn new_text_ends_like_a_toml_multiline_string() {
    let doc = read("## Today\none line\n## Future\ntwo\nlines\n").unwrap();
    assert_eq!(doc.today, "one line");
    assert_eq!(doc.future, "two\nlines\n");
    // A field keeps its own convention when edited.
    let before = node(TwoPager {
        today: "old\n".into(),
        future: "old\nand old".into(),
        ..TwoPager::default()
    });
    let doc = from_markdown("## Today\nnew\n## Future\nnew\nand new\n", &before).unwrap();
    assert_eq!(doc.today, "new\n");
    assert_eq!(doc.future, "new\nand new");
}

#[test]
fn editors_that_add_a_bom_and_crlf_change_nothing() {
    let before = node(TwoPager {
        title: "T".into(),
        today: "a\r\nb\n".into(),
        ..TwoPager::default()
    });
    let text = format!("\u{feff}{}", to_markdown(&before).replace('\n', "\r\n"));
    assert_eq!(from_markdown(&text, &before), Ok(before.doc));
}

#[test]
fn unknown_sections_suggest_the_closest() {
    let e = error_of("# T\n\n## Futur\ntext\n");
    assert_eq!(
        (e.line, e.message.as_str()),
        (3, "unknown section `## Futur`")
    );
    assert!(
        e.help.starts_with("did you mean `## Future`?"),
        "{}",
        e.help
    );
    let e = error_of("## Risks\n");
    assert!(e.help.contains("write \\## at its start"), "{}", e.help);
}

#[test]
fn unknown_status_suggests_the_closest() {
    let e = error_of("# T\nStatus: aproved\n");
    assert_eq!(
        (e.line, e.message.as_str()),
        (2, "unknown status `aproved`")
    );
    assert!(e.help.starts_with("did you mean `approved`?"), "{}", e.help);
}

#[test]
fn bad_horizons_and_keys_say_what_to_write() {
    let e = error_of("# T\nHorizon: Q3 2027\n");
    assert_eq!(
        (e.line, e.message.as_str()),
        (2, "`Q3 2027` is not a horizon")
    );
    assert!(e.help.contains("2027-06"));
    let e = error_of("# T\nOwnr: Dana\n");
    assert_eq!(e.message, "unknown key `Ownr`");
    assert!(e.help.starts_with("did you mean `Owner:`?"), "{}", e.help);
    assert!(error_of("Title: T\n").help.contains("`# ` line"));
    assert!(error_of("Today: x\n").help.contains("`## Today`"));
    assert!(
        error_of("# T\nsome prose\n")
            .message
            .contains("not a `Key: value` line")
    );
}

#[test]
fn bad_metric_lines_point_at_the_line() {
    let e = error_of("# T\n## Metrics\n\n- Win rate: 16% -> 33%\n- Revenue 4 -> 5\n");
    assert_eq!(e.line, 5);
    assert!(e.message.contains("no `:` after its name"), "{}", e.message);
    assert!(e.help.contains("name: baseline -> target by"));
    let e = error_of("## Metrics\n| Metric | Baseline |\n");
    assert_eq!(e.message, "metrics are not read from a table");
}

#[test]
fn structure_errors_are_reported() {
    let e = error_of("## Today\na\n## Notes\n## today\n");
    assert_eq!(e.line, 4);
    assert_eq!(e.message, "`## Today` appears twice (first on line 1)");
    assert_eq!(
        error_of("# A\n# B\n").message,
        "a second `# ` title (the first is on line 1)"
    );
    assert_eq!(error_of("## Today\n# B\n").line, 2);
    assert_eq!(error_of("# T\n<!-- open\n\n## Today\n").line, 2);
    assert_eq!(
        error_of("\\text\n").message,
        "text before the first section"
    );
    assert_eq!(
        error_of("## Will not\nprose\n").message,
        "this line in `## Will not` is not a `- ` item"
    );
    assert_eq!(error_of("## Will not\n- a\n\n  b\n").line, 4);
    assert_eq!(error_of("# \"open\n").line, 1);
}

#[test]
fn an_empty_document_is_an_error_not_an_empty_two_pager() {
    for empty in ["", "\n\n", "<!--\nall\ngone\n-->\n  \n"] {
        let e = error_of(empty);
        assert_eq!(e.message, "the document is empty");
        assert!(e.help.starts_with("nothing was changed"));
    }
}

#[test]
fn errors_display_line_message_and_help() {
    let e = MarkdownError {
        line: 7,
        message: "unknown status `done`".into(),
        help: "a status is one of draft, …".into(),
    };
    assert_eq!(
        e.to_string(),
        "line 7: unknown status `done`\n  help: a status is one of draft, …"
    );
}

#[test]
fn a_hostile_id_cannot_close_the_comment() {
    let node = Node::new(Level::Option, "x-->\n# injected");
    let text = to_markdown(&node);
    assert_eq!(from_markdown(&text, &node), Ok(TwoPager::default()));
    assert_eq!(text.matches("-->").count(), 1);
}
