//! Whatever the text, diagnostics point at real text: ranges fall on
//! character boundaries inside their field, so the TUI can slice them.

use proptest::prelude::*;
use strata::lint::{LintConfig, lint_node};
use strata::model::{Date, Level, Node};

fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[a-zA-Z0-9 ,.;:%$'\u{e9}\u{2019}\u{202e}\u{200b}\u{1f600}-]{0,120}",
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Words the analyses read (numbers in words and digits, units, ranges,
/// comparisons, possessives, holds, growth, lead times), strung together at
/// random, so every reading meets sentences it was not written for.
const WORDS: &[&str] = &[
    "the",
    "a",
    "our",
    "city's",
    "town's",
    "of",
    "than",
    "any",
    "rival",
    "no",
    "other",
    "will",
    "match",
    "nobody",
    "as",
    "well",
    "we",
    "is",
    "becomes",
    "hearth",
    "living",
    "room",
    "in",
    "within",
    "about",
    "six",
    "years",
    "out",
    "on",
    "from",
    "now",
    "18-24",
    "12",
    "months",
    "takes",
    "licensing",
    "grown",
    "31%",
    "and",
    "30%",
    "a",
    "year",
    "at",
    "least",
    "one",
    "in",
    "five",
    "two",
    "hundred",
    "ten",
    "thousand",
    "26",
    "h",
    "GWh",
    "2",
    "TWh",
    "has",
    "offers",
    "roof",
    ",",
    ".",
    ";",
    "until",
    "2030",
    "before",
    "phase",
    "two",
    "not",
    "yet",
    "being",
    "gathered",
    "see",
    "review",
    "Line",
    "every",
    "all",
    "whole",
    "held",
    "shipped",
    "£300m",
    "margin",
    "turnover",
    "March",
    "2028",
    "we'll",
    "week",
    "weeks",
    "quarter",
    "mile",
    "-",
];

fn words() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..40).prop_map(|w| w.join(" "))
}

fn level() -> impl Strategy<Value = Level> {
    proptest::sample::select(vec![
        Level::Vision,
        Level::Intent,
        Level::Initiative,
        Level::Option,
    ])
}

proptest! {
    #[test]
    fn readings_never_panic_on_strings_of_their_own_words(
        level in level(),
        today in words(),
        future in words(),
        item in words(),
        name in words(),
        baseline in proptest::sample::select(vec!["", "0", "31 kg", "£1.2m", "96%", "2 GWh", "-6%"]),
        target in proptest::sample::select(vec!["", "at least 29 kg", "£2.0m", "95%", "1.2 TWh", "+25%", "at most 3"]),
    ) {
        let mut s = strata::model::Strategy::new("p");
        let as_of = Date::new(2026, 12, 1).unwrap_or_else(|| unreachable!());
        let mut parent = None;
        for up in Level::ALL.into_iter().take(level.depth()) {
            let mut n = Node::new(up, format!("n{}", up.depth()));
            n.parent_ref = parent.clone();
            parent = Some(n.id.clone());
            s.add(n);
        }
        let mut node = Node::new(level, "x");
        node.parent_ref = parent;
        node.doc.today = today;
        node.doc.future = future;
        node.doc.will_not = vec![item.clone(), item];
        node.doc.horizon = strata::model::Horizon::parse("2027-12");
        node.doc.metrics.push(strata::model::Metric {
            name,
            baseline: Some(baseline.into()),
            target: Some(target.into()),
            by: Some("2027-12".into()),
            start: None,
        });
        let id = s.add(node);
        for d in lint_node(&s, id, &LintConfig::default(), as_of) {
            if d.range.is_empty() {
                continue;
            }
            let doc = &s.node(id).doc;
            if let Some(field) = doc.text(d.field) {
                prop_assert!(field.get(d.range.clone()).is_some(), "{} {:?} {:?} in {:?}", d.rule, d.field, d.range, field);
            }
        }
    }

    #[test]
    fn ranges_are_char_boundaries_in_the_field(title in text(), today in text(), future in text(), item in text()) {
        let mut s = strata::model::Strategy::new("p");
        s.add(Node::new(Level::Vision, "vision"));
        let mut node = Node::new(Level::Intent, "i");
        node.doc.title = title;
        node.doc.today = today;
        node.doc.future = future;
        node.doc.will_not = vec![item];
        let id = s.add(node);
        let as_of = Date::new(2026, 11, 1).unwrap_or_else(|| unreachable!());
        for d in lint_node(&s, id, &LintConfig::default(), as_of) {
            if d.range.is_empty() {
                continue;
            }
            let doc = &s.node(id).doc;
            let field = doc.text(d.field).unwrap_or_else(|| panic!("{} points into {:?}, which has no text", d.rule, d.field));
            prop_assert!(field.get(d.range.clone()).is_some(), "{} {:?} {:?} in {:?}", d.rule, d.field, d.range, field);
        }
    }
}
