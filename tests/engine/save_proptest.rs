//! Whatever text people type (quotes, backslashes, `"""`, control characters,
//! bidi marks, emoji, line breaks) survives save → load unchanged.

use crate::support;

use proptest::prelude::*;
use strata::model::{Level, Metric};
use strata::store::{parse, patch};

/// Text built from the pieces that break naive TOML writers.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("\"\"\"".to_owned()),
        Just("'''".to_owned()),
        Just("\\".to_owned()),
        Just("\\n".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        Just("\u{7}".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("🚚".to_owned()),
        Just("日本".to_owned()),
        Just("#".to_owned()),
        Just("=".to_owned()),
        "[a-zA-Z0-9 ,.]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_in_any_field_round_trips(
        title in nasty_text(),
        owner in nasty_text(),
        today in nasty_text(),
        future in nasty_text(),
        notes in nasty_text(),
        will_not in proptest::collection::vec(nasty_text(), 0..4),
        metric_name in nasty_text(),
        baseline in nasty_text(),
    ) {
        let text = support::read(&support::root().join("tests/fixtures/valid/comments-everywhere.toml"));
        let loaded = parse(&text).unwrap();
        let mut current = loaded.strategy.clone();
        let id = current.find(Level::Intent, "ohio-first").unwrap();
        let doc = current.doc_mut(id);
        doc.title = title;
        doc.owner = owner;
        doc.today = today;
        doc.future = future;
        doc.notes = notes;
        doc.will_not = will_not;
        doc.metrics = vec![Metric { name: metric_name, baseline: Some(baseline), target: Some("2".into()), by: None, start: None }];
        let saved = patch(&text, &loaded.strategy, &current).unwrap();
        let reloaded = parse(&saved).unwrap_or_else(|p| panic!("saved file does not load: {p:#?}\n{saved}"));
        prop_assert_eq!(&reloaded.strategy.node(id).doc, &current.node(id).doc);
        let vision = current.vision().unwrap();
        prop_assert_eq!(reloaded.strategy.node(vision), loaded.strategy.node(vision));
    }
}
