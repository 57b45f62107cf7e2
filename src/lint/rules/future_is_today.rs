use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::restatement;
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` that is `today` again, word for word: the same
    /// content words both ways and no new number, give or take a tense, a
    /// date ("By 2032, …"), "still" or praise. A future that only mostly
    /// restates today is `restates-today`'s warning; this is an error.
    ///
    /// ## Why is this bad?
    /// The two-pager asks for nothing to change: it is a copy, usually left
    /// from a draft.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// today = "Teachers grade homework by hand and spend about 6 hours a week on it."
    /// future = "Teachers will grade homework by hand and spend about 6 hours a week on it."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// today = "Teachers grade homework by hand and spend about 6 hours a week on it."
    /// future = "Multiple-choice homework is graded automatically, and teachers spend about 2 hours a week on written feedback."
    /// ```
    pub static RULE = {
        name: "future-is-today",
        criterion: DifferentFromToday,
        severity: Error,
        summary: "A `future` identical to `today`",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if restatement::overlap(&cx.today, &cx.future).is_some_and(|o| o.identical()) {
        out.push(
            Field::Future,
            0..0,
            "the future is today again, word for word",
            "A future that copies today asks for nothing to change. Write what is true when this \
             succeeds: what people do differently, and the number that moves.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(today: &str, future: &str) -> usize {
        fired(super::RULE.name, &[("today", today), ("future", future)])
    }

    #[test]
    fn a_copy_fires() {
        let today = "Teachers grade homework by hand and spend about 6 hours a week on it.";
        assert_eq!(fires(today, today), 1);
        assert_eq!(
            fires(
                today,
                "By 2027, teachers still grade homework by hand and spend about 6 hours a week on it."
            ),
            1
        );
    }

    #[test]
    fn a_change_does_not() {
        let today = "Teachers grade homework by hand and spend about 6 hours a week on it.";
        assert_eq!(
            fires(
                today,
                "Teachers grade homework by hand and spend about 2 hours a week on it."
            ),
            0
        );
        assert_eq!(
            fires(
                today,
                "Teachers grade homework by hand, and parents see the grades each Friday."
            ),
            0
        );
    }
}
