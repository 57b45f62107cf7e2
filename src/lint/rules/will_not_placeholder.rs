use super::support::non_overlapping;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Text};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags `will_not` items that are placeholders: *TBD*, *n/a*, *none*,
    /// *to be agreed at the offsite*, *we'll decide later*, *nothing is off
    /// the table*, or a blank item beside real ones. An item that starts with
    /// "Nothing" or "None" and goes on to exclude something is fine.
    ///
    /// ## Why is this bad?
    /// A placeholder looks like a decision in review but defers it. "Nothing
    /// is off the table" is the opposite of a will-not.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// will_not = ["TBD", "To be agreed at the Q1 offsite"]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// will_not = ["support joint accounts in the first release", "add savings pots this year"]
    /// ```
    pub static RULE = {
        name: "will-not-placeholder",
        criterion: WillNot,
        severity: Warning,
        summary: "`will_not` items that defer the decision: TBD, n/a, nothing is off the table",
        check: check,
    };
}

/// Words that are a placeholder only when they are the whole item.
const ALONE: &[&str] = &["none", "nothing", "nil", "na", "pending", "later", "undecided", "unknown", "tbd", "n/a"];

/// A placeholder phrase in a longer item still defers the decision, up to this many words.
const SHORT: usize = 8;

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let items = &cx.node.doc.will_not;
    // All blank is `missing-will-not`'s finding.
    if items.iter().all(|i| i.trim().is_empty()) {
        return;
    }
    for (i, text) in cx.will_not.iter().enumerate() {
        let item = items[i].trim();
        if let Some(why) = placeholder(item, text) {
            out.push(
                Field::WillNot(i),
                0..0,
                format!("`will_not` item {} is a placeholder ({why}), not a decision", i + 1),
                "A placeholder looks like a decision in review but defers it. Write what you will \
                 not do, or delete the item.",
            );
        }
    }
}

fn placeholder(item: &str, text: &Text) -> Option<&'static str> {
    if text.is_empty() {
        return Some(if item.is_empty() { "blank" } else { "no words" });
    }
    let words = strip_negation(text);
    if words.len() == 1 && ALONE.contains(&text.word(words.start)) {
        return Some("a single word");
    }
    let phrase = non_overlapping(text.matches_of(Kind::Placeholder)).into_iter().next();
    phrase.filter(|_| words.len() <= SHORT).map(|_| "it defers the decision")
}

/// The item's words after a leading "We will not" / "We won't" / "No".
fn strip_negation(text: &Text) -> std::ops::Range<usize> {
    let mut start = 0;
    while start < text.len() && ["we", "will", "won't", "not", "shall", "do", "don't"].contains(&text.word(start)) {
        start += 1;
    }
    if start == text.len() { 0..text.len() } else { start..text.len() }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(items: &[&str]) -> usize {
        let fields: Vec<(&str, &str)> = items.iter().map(|i| ("will_not", *i)).collect();
        fired(super::RULE.name, &fields)
    }

    #[test]
    fn placeholders_fire() {
        assert_eq!(fires(&["TBD"]), 1);
        assert_eq!(fires(&["n/a", "None."]), 2);
        assert_eq!(fires(&["Nothing is off the table"]), 1);
        assert_eq!(fires(&["We'll decide later"]), 1);
        assert_eq!(fires(&["To be agreed at the Q1 offsite"]), 1);
        assert_eq!(fires(&["sell to shippers", "-"]), 1);
    }

    #[test]
    fn real_items_starting_with_nothing_are_fine() {
        assert_eq!(fires(&["Nothing below 10 tonnes: we will not carry parcel or pallet freight"]), 0);
        assert_eq!(fires(&["We will not sell to shippers"]), 0);
        assert_eq!(fires(&[""]), 0);
    }
}
