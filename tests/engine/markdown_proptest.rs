//! Whatever a two-pager holds, writing it as Markdown for the user's editor
//! and reading it straight back gives exactly the same two-pager: text that
//! looks like headings, bullets, comments, escapes or metric separators,
//! blank lines at the edges, trailing spaces, `\r`, tabs, unicode.

use proptest::prelude::*;
use strata::model::{Horizon, Level, Metric, Node, Status, TwoPager, from_markdown, to_markdown};

/// Pieces that a naive Markdown round trip would misread.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just(" ".to_owned()),
        Just("\t".to_owned()),
        Just("# ".to_owned()),
        Just("#".to_owned()),
        Just("## Future".to_owned()),
        Just("### Risks".to_owned()),
        Just("- ".to_owned()),
        Just("* ".to_owned()),
        Just("  ".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("\\".to_owned()),
        Just("\"".to_owned()),
        Just(":".to_owned()),
        Just("->".to_owned()),
        Just(" by ".to_owned()),
        Just("by".to_owned()),
        Just("|".to_owned()),
        Just("Owner: x".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\u{85}".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        Just("🚚".to_owned()),
        Just("日本".to_owned()),
        "[a-zA-Z0-9 ,.%$]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..10).prop_map(|parts| parts.concat())
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(nasty_text())
}

fn metric() -> impl Strategy<Value = Metric> {
    (
        nasty_text(),
        optional_text(),
        optional_text(),
        optional_text(),
    )
        .prop_map(|(name, baseline, target, by)| Metric {
            name,
            baseline,
            target,
            by,
            start: None,
        })
}

fn horizon() -> impl Strategy<Value = Option<Horizon>> {
    proptest::option::of((1000..=9999i32, proptest::option::of(1..=12u8)))
        .prop_map(|h| h.map(|(year, month)| Horizon { year, month }))
}

prop_compose! {
    fn two_pager()(
        title in nasty_text(),
        owner in nasty_text(),
        status in proptest::sample::select(Status::ALL.to_vec()),
        horizon in horizon(),
        today in nasty_text(),
        future in nasty_text(),
        will_not in proptest::collection::vec(nasty_text(), 0..4),
        metrics in proptest::collection::vec(metric(), 0..4),
        notes in nasty_text(),
    ) -> TwoPager {
        TwoPager { title, owner, status, horizon, today, future, will_not, metrics, notes }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_two_pager_round_trips(doc in two_pager()) {
        let node = Node { doc, ..Node::new(Level::Initiative, "slow-quotes") };
        let markdown = to_markdown(&node);
        let read = from_markdown(&markdown, &node)
            .map_err(|e| TestCaseError::fail(format!("{e}\n---\n{markdown}")))?;
        prop_assert_eq!(read, node.doc, "{}", markdown);
    }

    /// Editors that save with CRLF line ends change nothing.
    #[test]
    fn crlf_everywhere_is_undone(doc in two_pager()) {
        let node = Node { doc, ..Node::new(Level::Option, "auto-quote") };
        let markdown = to_markdown(&node).replace('\n', "\r\n");
        let read = from_markdown(&markdown, &node)
            .map_err(|e| TestCaseError::fail(format!("{e}\n---\n{markdown}")))?;
        prop_assert_eq!(read, node.doc);
    }

    /// Whatever the user leaves in the file, reading it never panics.
    #[test]
    fn any_document_reads_or_fails_cleanly(lines in proptest::collection::vec(nasty_text(), 0..30)) {
        let node = Node::new(Level::Vision, "vision");
        let text = lines.join("\n");
        if let Err(e) = from_markdown(&text, &node) {
            prop_assert!(e.line >= 1 && e.line <= text.split('\n').count(), "{e}");
            prop_assert!(!e.message.is_empty());
        }
    }
}
