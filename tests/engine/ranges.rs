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

proptest! {
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
