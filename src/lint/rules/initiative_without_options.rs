use super::support::live_children;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, Level};

declare_rule! {
    /// ## What it does
    /// Flags an initiative with no options under it (retired ones do not count).
    ///
    /// ## Why is this bad?
    /// An initiative names a problem; options are the bets the teams place to
    /// solve it. With none, nobody is working on the problem yet. It is a note
    /// because a new initiative waits for its teams' options.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// # children: 0
    /// title = "Spot quotes take 40 minutes while shippers award loads within 15"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// # children: 2
    /// title = "Spot quotes take 40 minutes while shippers award loads within 15"
    /// ```
    pub static RULE = {
        name: "initiative-without-options",
        criterion: Cascade,
        severity: Note,
        summary: "An initiative with no options: no bets placed on the problem yet",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.level() == Level::Initiative && live_children(cx) == 0 {
        out.push(
            Field::Node,
            0..0,
            "this initiative has no options yet",
            "Options are the bets teams place on the problem; until there is one, nobody is \
             working on it. Ask the teams for two or three options to compare.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::Level;

    #[test]
    fn fires_without_options_only() {
        let (s, id) = cascade_with(Level::Initiative, |_| {});
        assert_eq!(count(super::RULE.name, &s, id), 0);
        let (s, id) = cascade_with(Level::Initiative, |n| n.id = "other".into());
        assert_eq!(count(super::RULE.name, &s, id), 1);
    }
}
