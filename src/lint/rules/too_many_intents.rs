use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::{Field, Level, Status};

declare_rule! {
    /// ## What it does
    /// Flags each intent past the `max_intents` limit (3 by default), in file
    /// order. Retired intents do not count.
    ///
    /// ## Why is this bad?
    /// Intents are where the company places its bets. More than a few spreads
    /// people and money thinly across everything ("peanut-buttering"), and
    /// none of the bets gets enough to work.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// # siblings-before: 3
    /// title = "Expand into Mexico"
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// # siblings-before: 2
    /// title = "Expand into Mexico"
    /// ```
    pub static RULE = {
        name: "too-many-intents",
        criterion: Cascade,
        severity: Warning,
        summary: "More intents than `max_intents`: effort spread thin",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if cx.level() != Level::Intent {
        return;
    }
    let Some(vision) = cx.strategy.parent(cx.id) else {
        return;
    };
    let live: Vec<_> = cx
        .strategy
        .children(vision)
        .iter()
        .copied()
        .filter(|&c| {
            cx.strategy
                .get(c)
                .is_some_and(|n| n.doc.status != Status::Retired)
        })
        .collect();
    let Some(position) = live.iter().position(|&c| c == cx.id) else {
        return;
    };
    let max = cx.config.max_intents;
    if position >= max {
        out.push(
            Field::Node,
            0..0,
            format!(
                "intent {} of {}: the limit is {max}",
                position + 1,
                live.len()
            ),
            format!(
                "More than {max} intents spreads people and money thinly across everything \
                 (peanut-buttering). Merge this intent into another, retire it, or raise \
                 `max_intents` under `[lint]` if the company truly has the capacity."
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::count;
    use crate::model::{Level, Node, Status, Strategy};

    #[test]
    fn reports_each_intent_past_the_limit() {
        let mut s = Strategy::new("t");
        s.add(Node::new(Level::Vision, "vision"));
        let ids: Vec<_> = (0..5)
            .map(|i| s.add(Node::new(Level::Intent, format!("i{i}"))))
            .collect();
        let counts: Vec<usize> = ids
            .iter()
            .map(|&id| count(super::RULE.name, &s, id))
            .collect();
        assert_eq!(counts, [0, 0, 0, 1, 1]);
    }

    #[test]
    fn retired_intents_do_not_count() {
        let mut s = Strategy::new("t");
        s.add(Node::new(Level::Vision, "vision"));
        let mut retired = Node::new(Level::Intent, "old");
        retired.doc.status = Status::Retired;
        s.add(retired);
        let ids: Vec<_> = (0..3)
            .map(|i| s.add(Node::new(Level::Intent, format!("i{i}"))))
            .collect();
        assert_eq!(
            ids.iter()
                .map(|&id| count(super::RULE.name, &s, id))
                .sum::<usize>(),
            0
        );
    }
}
