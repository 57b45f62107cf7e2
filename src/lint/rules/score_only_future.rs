use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::picture;
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` that is only a financial score: revenue, margin,
    /// EBITDA, returns to shareholders, with numbers for them, and no
    /// customer, product, place or thing beside them. Numbers alone do not
    /// make a picture when all they measure is the result.
    ///
    /// ## Why is this bad?
    /// A goal is not a strategy (Rumelt): "revenue grows 8% a year and margin
    /// reaches 38%" says what winning scores, not what anyone does to win.
    /// The teams below cannot tell what to build from it.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// future = "By 2028 revenue has grown 8% a year and EBITDA margin has risen from 33% to 38%, delivering strong returns to our shareholders."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// future = "By 2028, 300 independent grocers stock our three core lines, and wholesale revenue grows 8% a year."
    /// ```
    pub static RULE = {
        name: "score-only-future",
        criterion: Concrete,
        severity: Warning,
        summary: "A `future` that is only revenue, margin or returns: the score, not the play",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let text = &cx.future;
    if text.is_empty() || !picture::only_the_score(text) {
        return;
    }
    out.push(
        Field::Future,
        0..0,
        "the future is only a financial score: it names no customer, product, place or thing that earns it",
        "Revenue and margin are how winning is counted, not what winning looks like. Say who \
         buys what, where, differently from today, and keep the financial number beside it \
         as a metric.",
    );
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(future: &str) -> usize {
        fired_at(super::RULE.name, Level::Intent, &[("future", future)])
    }

    #[test]
    fn a_score_alone_fires() {
        assert_eq!(
            fires("Revenue doubles to $80M and operating margin reaches 22%."),
            1
        );
        assert_eq!(
            fires(
                "Shareholders get the return they expect: the top line climbs eight per cent each year."
            ),
            1
        );
    }

    #[test]
    fn a_score_beside_a_picture_is_fine() {
        assert_eq!(
            fires(
                "300 independent grocers stock our three core lines, and wholesale revenue grows 8% a year."
            ),
            0
        );
        assert_eq!(
            fires("Carriers are paid within 48 hours, and payments revenue reaches $14M."),
            0
        );
        assert_eq!(fires("Pharmacists check every prescription in the app."), 0);
    }
}
