use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, TwoPager};

declare_rule! {
    /// ## What it does
    /// Flags a two-pager longer than `max_words` (1,000 by default, about two
    /// pages), counting the title, owner, today, future, notes and will-not items.
    ///
    /// ## Why is this bad?
    /// The two-page limit forces the choice of what matters. A longer
    /// document hides the strategy in detail, and reviewers skim it.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// today = "Reps look up rates in three places before they quote a spot load, and it takes them forty minutes."
    /// future = "Reps see the lane history and a market benchmark on one screen and quote in fifteen minutes."
    ///
    /// [lint]
    /// max_words = 30
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// future = "Reps quote spot loads from one screen in fifteen minutes."
    ///
    /// [lint]
    /// max_words = 30
    /// ```
    pub static RULE = {
        name: "over-two-pages",
        criterion: Writing,
        severity: Warning,
        summary: "A two-pager longer than two pages (`max_words`)",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let words = word_count(&cx.node.doc);
    let max = cx.config.max_words;
    if words > max {
        out.push(
            Field::Node,
            0..0,
            format!("this two-pager is {words} words, over the {max}-word limit"),
            "The page limit forces the choice of what matters; a longer document hides the \
             strategy and reviewers skim it. Cut the notes first, then merge what repeats.",
        );
    }
}

/// [`TwoPager::word_count`], with a byte loop for ASCII text: the same
/// count, a few times faster, and it runs on every node on every lint.
fn word_count(doc: &TwoPager) -> usize {
    let count = |text: &str| {
        if !text.is_ascii() {
            return text.split_whitespace().count();
        }
        let mut words = 0;
        let mut in_word = false;
        for b in text.bytes() {
            let space = b.is_ascii_whitespace() || b == 0x0b;
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        words
    };
    doc.prose().iter().map(|(_, t)| count(t)).sum::<usize>()
        + doc.will_not.iter().map(|w| count(w)).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn fast_count_matches_the_model() {
        let doc = crate::model::TwoPager {
            notes: " a  b\tc\n\x0bd\x0ce ".into(),
            today: "naïve — words\u{a0}here".into(),
            will_not: vec!["x y".into(), String::new()],
            ..Default::default()
        };
        assert_eq!(super::word_count(&doc), doc.word_count());
    }

    #[test]
    fn counts_words_against_the_default_limit() {
        let long = "word ".repeat(1001);
        assert_eq!(fired(super::RULE.name, &[("notes", &long)]), 1);
        let fits = "word ".repeat(1000);
        assert_eq!(fired(super::RULE.name, &[("notes", &fits)]), 0);
    }
}
