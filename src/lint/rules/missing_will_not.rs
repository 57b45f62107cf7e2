use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager with no `will_not` items: the key is missing, the
    /// list is empty, or every item is blank.
    ///
    /// ## Why is this bad?
    /// A strategy is as much what you choose not to do. Without stated
    /// trade-offs, every request looks in scope, and the teams below cannot
    /// say no.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// title = "Benelux-Germany spot freight"
    /// will_not = [""]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// title = "Benelux-Germany spot freight"
    /// will_not = ["run our own trucks; we only broker capacity"]
    /// ```
    pub static RULE = {
        name: "missing-will-not",
        criterion: WillNot,
        severity: Error,
        summary: "No `will_not`: no trade-offs stated",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx
        .node
        .doc
        .will_not
        .iter()
        .all(|item| item.trim().is_empty())
    {
        out.push(
            Field::WillNotList,
            0..0,
            format!("this {} says nothing it will not do", cx.level()),
            "A strategy is also what you choose not to do; without it every request looks in \
             scope. Add 2-3 things a sensible rival would do that you will not: a segment, a \
             channel, a feature, a way of working.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn missing_empty_and_blank_fire() {
        assert_eq!(fired(super::RULE.name, &[]), 1);
        assert_eq!(
            fired(super::RULE.name, &[("will_not", " "), ("will_not", "")]),
            1
        );
        assert_eq!(
            fired(super::RULE.name, &[("will_not", "sell to shippers")]),
            0
        );
    }
}
