use super::support::live_children;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, Level};

declare_rule! {
    /// ## What it does
    /// Flags an intent with no initiatives under it (retired ones do not count).
    ///
    /// ## Why is this bad?
    /// An intent says where the business must move; initiatives name the
    /// problems that stand in the way. An intent with none has no plan and
    /// no owner below the executive team.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// # children: 0
    /// title = "Cut manual touches per load from 14 to 5"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// # children: 2
    /// title = "Cut manual touches per load from 14 to 5"
    /// ```
    pub static RULE = {
        name: "intent-without-initiatives",
        criterion: Cascade,
        severity: Warning,
        summary: "An intent with no initiatives: no problems named, no plan",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.level() == Level::Intent && live_children(cx) == 0 {
        out.push(
            Field::Node,
            0..0,
            "this intent has no initiatives",
            "An intent without initiatives has no plan and no owner below the executive team. \
             Add the problems that stand between today and this intent as initiatives.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::count;
    use crate::model::{Level, Node, Strategy};

    #[test]
    fn fires_until_an_initiative_links() {
        let mut s = Strategy::new("t");
        s.add(Node::new(Level::Vision, "vision"));
        let intent = s.add(Node::new(Level::Intent, "grow"));
        assert_eq!(count(super::RULE.name, &s, intent), 1);
        let mut child = Node::new(Level::Initiative, "slow");
        child.parent_ref = Some("grow".into());
        s.add(child);
        assert_eq!(count(super::RULE.name, &s, intent), 0);
    }
}
