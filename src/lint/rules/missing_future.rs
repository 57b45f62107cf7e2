use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager whose `future` is missing or blank.
    ///
    /// ## Why is this bad?
    /// The future is the picture of success the level below ladders up to.
    /// Without it there is nothing to review, measure or break down.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// title = "Reps re-type 89% of tenders"
    /// future = "  "
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// title = "Reps re-type 89% of tenders"
    /// future = "55% of tenders become draft loads that a rep confirms in under 90 seconds."
    /// ```
    pub static RULE = {
        name: "missing-future",
        criterion: Concrete,
        severity: Warning,
        summary: "No `future`: no picture of success to review or break down",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.node.doc.future.trim().is_empty() {
        out.push(
            Field::Future,
            0..0,
            format!("this {} has no `future`", cx.level()),
            "The future is the picture of success the level below ladders up to. Describe what is \
             true when this succeeds: who does what differently, and by how much.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn fires_on_blank_only() {
        assert_eq!(fired(super::RULE.name, &[]), 1);
        assert_eq!(fired(super::RULE.name, &[("future", " \n ")]), 1);
        assert_eq!(
            fired(super::RULE.name, &[("future", "Reps quote in 8 minutes.")]),
            0
        );
    }
}
