use super::support::{non_overlapping, quote, stands_alone};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match};

declare_rule! {
    /// ## What it does
    /// Flags non-choices: *customer-centric*, *operational excellence*,
    /// *continuous improvement*, *best practices*, *invest in our people*,
    /// *put customers first*, *high-quality products* and any *-centric*
    /// compound, in the title, `today` or `future`, when its sentence gives
    /// no picture: beside a number or a scene it is decoration.
    ///
    /// ## Why is this bad?
    /// Roger Martin's test: if the opposite sounds stupid ("ignore our
    /// customers", "operational mediocrity"), the statement is not a choice.
    /// Every company says it, so it cannot guide what this one does
    /// differently.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// future = "Be customer-centric and pursue operational excellence across all our plants."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// future = "Cut changeover time on the 3 moulding lines in Brno from 45 to 15 minutes, so we can run batches of 500."
    /// ```
    pub static RULE = {
        name: "non-choice",
        criterion: Concrete,
        severity: Warning,
        summary: "Statements whose opposite is stupid, so they choose nothing",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in cx.prose() {
        let source = cx.node.doc.text(field).unwrap_or_default();
        let mut found = non_overlapping(text.matches_of(Kind::NonChoice));
        for i in 0..text.len() {
            if text.word(i).ends_with("centric")
                && !found.iter().any(|m| m.first <= i && i <= m.last)
            {
                found.push(Match {
                    kind: Kind::NonChoice,
                    first: i,
                    last: i,
                });
            }
        }
        found.sort_by_key(|m| m.first);
        let stands_alone = |m: &&Match| stands_alone(cx, field, text, m.first);
        for m in found
            .iter()
            .filter(stands_alone)
            .filter(|m| !cx.allowed(text, m))
        {
            let words = quote(source, text, m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` is a non-choice: no company would choose its opposite"),
                "If the opposite sounds stupid, the statement rules nothing out (Roger Martin). Say what \
                 you will do that a sensible rival would not: which customers, which trade-off, what you give up.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(future: &str) -> usize {
        fired(super::RULE.name, &[("future", future)])
    }

    #[test]
    fn catches_martin_style_non_choices() {
        assert_eq!(fires("Our strategy is to be customer-centric."), 1);
        assert_eq!(fires("A citizen-centric council."), 1);
        assert_eq!(
            fires("Operational Excellence and continuous improvement."),
            2
        );
        assert_eq!(fires("We invest in our people and put customers first."), 2);
    }

    #[test]
    fn leaves_real_choices_alone() {
        assert_eq!(
            fires("Sell to women aged 35 to 49 through drugstores, priced above mass brands."),
            0
        );
        assert_eq!(fires("Customers focus their spend on 3 suppliers."), 0);
    }
}
