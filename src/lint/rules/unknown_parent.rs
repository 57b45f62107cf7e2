use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, Level};
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Flags an initiative or option whose parent (`intent = "…"`,
    /// `initiative = "…"`) is missing or names no node at the level above,
    /// with the closest id as a suggestion; and an intent in a strategy that
    /// has no vision.
    ///
    /// ## Why is this bad?
    /// The cascade is how work ladders up to the vision. A node whose parent
    /// does not resolve is invisible in every rollup above it and answers to
    /// nobody.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// # parent-id: quotes-take-forty-minutes
    /// initiative = "quotes-take-forty-minute"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// # parent-id: quotes-take-forty-minutes
    /// initiative = "quotes-take-forty-minutes"
    /// ```
    pub static RULE = {
        name: "unknown-parent",
        criterion: Cascade,
        severity: Error,
        summary: "A parent that does not exist: the node ladders up to nothing",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let level = cx.level();
    let Some(parent_level) = level.parent() else {
        return;
    };
    if cx.strategy.parent(cx.id).is_some() {
        return;
    }
    if level == Level::Intent {
        out.push(
            Field::Node,
            0..0,
            "this intent has no vision to ladder up to",
            "Every intent serves the vision. Add a `[vision]` two-pager to the file.",
        );
        return;
    }
    let key = level.parent_key().unwrap_or("parent");
    let named = cx.node.parent_ref.as_deref().map(str::trim).unwrap_or("");
    if named.is_empty() {
        out.push(
            Field::Parent,
            0..0,
            format!("this {level} names no {}", parent_level.name()),
            format!(
                "A {level} that ladders up to nothing is invisible in every rollup. Add \
                 `{key} = \"<id>\"` naming the {} it serves.",
                parent_level.name()
            ),
        );
        return;
    }
    let candidates = did_you_mean(
        named,
        cx.strategy
            .at_level(parent_level)
            .filter_map(|id| cx.strategy.get(id))
            .map(|n| n.id.as_str()),
    );
    let elsewhere = Level::ALL
        .into_iter()
        .find(|&l| l != parent_level && cx.strategy.find(l, named).is_some());
    let help = match (candidates, elsewhere) {
        (Some(id), _) => format!("did you mean `{key} = \"{id}\"`?"),
        (None, Some(l)) => format!(
            "`{named}` is {} {}, not {} {}",
            article(l),
            l.name(),
            article(parent_level),
            parent_level.name()
        ),
        (None, None) => format!(
            "Name an existing {} (`[{}.<id>]`), or add that {}.",
            parent_level.name(),
            parent_level.table(),
            parent_level.name()
        ),
    };
    out.push(
        Field::Parent,
        0..0,
        format!("this {level}'s {key} `{named}` does not exist"),
        help,
    );
}

fn article(level: Level) -> &'static str {
    match level {
        Level::Intent | Level::Initiative | Level::Option => "an",
        Level::Vision => "a",
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::Level;

    #[test]
    fn dangling_and_missing_parents_fire() {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.parent_ref = Some("initiative-b".into())
        });
        assert_eq!(count(super::RULE.name, &s, id), 1);
        let (s, id) = cascade_with(Level::Initiative, |n| n.parent_ref = None);
        assert_eq!(count(super::RULE.name, &s, id), 1);
        let (s, id) = cascade_with(Level::Option, |_| {});
        assert_eq!(count(super::RULE.name, &s, id), 0);
    }

    #[test]
    fn suggests_the_closest_id() {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.parent_ref = Some("initiative-aa".into())
        });
        let found = crate::lint::lint_node(
            &s,
            id,
            &Default::default(),
            crate::lint::rules::support::tests::as_of(),
        );
        let help = found
            .iter()
            .find(|d| d.rule == super::RULE.name)
            .map(|d| d.help.clone());
        assert_eq!(
            help.as_deref(),
            Some("did you mean `initiative = \"initiative-a\"`?")
        );
    }
}
