use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

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
    let words = cx.node.doc.word_count();
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

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn counts_words_against_the_default_limit() {
        let long = "word ".repeat(1001);
        assert_eq!(fired(super::RULE.name, &[("notes", &long)]), 1);
        let fits = "word ".repeat(1000);
        assert_eq!(fired(super::RULE.name, &[("notes", &fits)]), 0);
    }
}
