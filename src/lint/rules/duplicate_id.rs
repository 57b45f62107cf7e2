use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, normal_id};

declare_rule! {
    /// ## What it does
    /// Flags a node whose id is the id of an earlier node of its level once
    /// both are put in Unicode normalization form C: `café` written with
    /// `é` (U+00E9) and `café` written with `e` and a combining accent
    /// (U+0065 U+0301) look the same and are one id to strata.
    ///
    /// ## Why is this bad?
    /// The two nodes cannot be told apart on screen, in a review or in a
    /// roll-up, and a child that names either as its parent ladders up to
    /// the first one only. It usually comes from pasting an id from a tool
    /// that decomposes accents (macOS file names, some word processors).
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// # sibling-id: "caf\u00e9-owners"
    /// # id: "cafe\u0301-owners"
    /// title = "Win the cafe owners"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// # sibling-id: "caf\u00e9-owners"
    /// # id: "caf\u00e9-chains"
    /// title = "Win the cafe chains"
    /// ```
    pub static RULE = {
        name: "duplicate-id",
        criterion: Cascade,
        severity: Error,
        summary: "Two ids of one level that are the same text once Unicode-normalized",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let level = cx.level();
    let Some(first) = cx.strategy.find(level, &cx.node.id) else {
        return;
    };
    if first == cx.id {
        return;
    }
    let Some(other) = cx.strategy.get(first) else {
        return;
    };
    let spelled = |id: &str| {
        id.chars()
            .map(|c| format!("U+{:04X}", c as u32))
            .collect::<Vec<_>>()
            .join(" ")
    };
    out.push(
        Field::Node,
        0..0,
        format!(
            "`{}` is the id of {} once Unicode-normalized: the two look alike and are one id",
            crate::sanitize::line(&cx.node.id),
            crate::sanitize::line(&other.key())
        ),
        format!(
            "A child naming either ladders up to {} only. Rename one of them (`i` in the \
             browser), or write both the same way. Here: {}; there: {}; normalized (NFC): {}.",
            crate::sanitize::line(&other.key()),
            spelled(&cx.node.id),
            spelled(&other.id),
            spelled(&normal_id(&cx.node.id)),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::model::{Level, Node, Strategy};

    fn intents(ids: &[&str]) -> Strategy {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        for id in ids {
            s.add(Node::new(Level::Intent, *id));
        }
        s
    }

    fn findings(s: &Strategy) -> Vec<String> {
        let config = crate::lint::LintConfig::default();
        crate::lint::lint_strategy(s, &config, crate::model::Date::new(2026, 1, 1).unwrap())
            .into_iter()
            .filter(|d| d.rule == super::RULE.name)
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn ids_equal_after_nfc_are_one_id_and_an_error_on_the_second() {
        let s = intents(&["caf\u{e9}", "cafe\u{301}"]);
        let found = findings(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("intents.caf\u{e9}"), "{}", found[0]);
        let first = s.find(Level::Intent, "caf\u{e9}").unwrap();
        assert_eq!(s.find(Level::Intent, "cafe\u{301}"), Some(first));
        // A child naming the decomposed form ladders up to the first.
        let mut s = s;
        let child = s.add(Node::child_of(Level::Initiative, "slow", "cafe\u{301}"));
        assert_eq!(s.parent(child), Some(first));
    }

    #[test]
    fn different_ids_and_other_levels_are_fine() {
        assert!(findings(&intents(&["caf\u{e9}", "cafe"])).is_empty());
        let mut s = intents(&["caf\u{e9}"]);
        s.add(Node::child_of(
            Level::Initiative,
            "cafe\u{301}",
            "caf\u{e9}",
        ));
        assert!(findings(&s).is_empty());
    }

    #[test]
    fn removing_or_renaming_the_first_hands_the_id_to_the_second() {
        let mut s = intents(&["caf\u{e9}", "cafe\u{301}"]);
        let first = s.find(Level::Intent, "caf\u{e9}").unwrap();
        let second = s.at_level(Level::Intent).find(|&id| id != first).unwrap();
        assert!(!s.set_id(second, "caf\u{e9}"), "the normalized id is taken");
        assert!(s.set_id(first, "tea"));
        assert_eq!(s.find(Level::Intent, "caf\u{e9}"), Some(second));
        assert!(findings(&s).is_empty());
        s.remove(second);
        assert_eq!(s.find(Level::Intent, "caf\u{e9}"), None);
    }
}
