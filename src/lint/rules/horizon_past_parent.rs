use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a node whose `horizon` is later than its parent's.
    ///
    /// ## Why is this bad?
    /// A node serves its parent: an option that lands after its initiative
    /// is due cannot contribute to it, and the rollup promises a result the
    /// plan below cannot deliver in time.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// horizon = "2028-06"
    ///
    /// [parent]
    /// horizon = "2028-03"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// horizon = "2027-10"
    ///
    /// [parent]
    /// horizon = "2028-03"
    /// ```
    pub static RULE = {
        name: "horizon-past-parent",
        criterion: Cascade,
        severity: Warning,
        summary: "A node due after the parent it serves",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let (Some(own), Some(parent)) = (cx.node.doc.horizon, cx.parent()) else {
        return;
    };
    let Some(theirs) = parent.doc.horizon else {
        return;
    };
    if own.months_from(cx.as_of) > theirs.months_from(cx.as_of) {
        out.push(
            Field::Horizon,
            0..0,
            format!(
                "horizon {own} is after its {} `{}` is due ({theirs})",
                parent.level, parent.id
            ),
            format!(
                "Work that lands after its {} cannot contribute to it. Bring the date in, or \
                 move this node under a parent whose horizon it fits.",
                parent.level
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::{Horizon, Level};

    #[test]
    fn compares_with_the_parent_only() {
        let (mut s, id) =
            cascade_with(Level::Option, |n| n.doc.horizon = Horizon::parse("2028-06"));
        assert_eq!(count(super::RULE.name, &s, id), 0, "parent has no horizon");
        let parent = s.parent(id).unwrap_or(id);
        s.doc_mut(parent).horizon = Horizon::parse("2028-03");
        assert_eq!(count(super::RULE.name, &s, id), 1);
        s.doc_mut(parent).horizon = Horizon::parse("2028-06");
        assert_eq!(count(super::RULE.name, &s, id), 0);
    }
}
