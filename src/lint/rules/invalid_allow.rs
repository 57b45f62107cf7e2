use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::rules::RULES;
use crate::model::Field;
use crate::suggest::did_you_mean;

declare_rule! {
    /// ## What it does
    /// Flags an `allow` entry that names no known rule (with the closest
    /// name as a suggestion) or gives no reason. Such an entry silences
    /// nothing.
    ///
    /// ## Why is this bad?
    /// An allow is a decision a reviewer reads: without a reason they cannot
    /// judge it, and a misspelt rule name silently allows nothing.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// allow = [{ rule = "sunday-word", reason = "quoting the customer's RFP" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// allow = [{ rule = "sunday-words", reason = "quoting the customer's RFP" }]
    /// ```
    pub static RULE = {
        name: "invalid-allow",
        criterion: Writing,
        severity: Error,
        summary: "An `allow` with an unknown rule or no reason",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for allow in &cx.node.allow {
        let name = allow.rule.trim();
        if !RULES.iter().any(|r| r.name == name) {
            let help = match did_you_mean(name, RULES.iter().map(|r| r.name)) {
                Some(r) => format!("did you mean `{r}`? `strata rules` lists every rule"),
                None => "`strata rules` lists every rule".to_owned(),
            };
            out.push(
                Field::Node,
                0..0,
                format!("`allow` names unknown rule `{name}`, so it silences nothing"),
                help,
            );
        } else if allow.reason.trim().is_empty() {
            out.push(
                Field::Node,
                0..0,
                format!("`allow` for `{name}` gives no reason, so it silences nothing"),
                "A reviewer must be able to judge the exception. Add `reason = \"…\"` saying why the rule does not apply here.",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count};
    use crate::model::{Allow, Level};

    fn fires(rule: &str, reason: &str) -> (usize, usize) {
        let (s, id) = cascade_with(Level::Intent, |n| {
            n.allow.push(Allow {
                rule: rule.into(),
                reason: reason.into(),
            });
            n.doc.future = "We leverage synergies.".into();
        });
        (
            count(super::RULE.name, &s, id),
            count("sunday-words", &s, id),
        )
    }

    #[test]
    fn only_a_known_rule_with_a_reason_silences() {
        assert_eq!(fires("sunday-words", "quoting the RFP"), (0, 0));
        assert_eq!(fires("sunday-words", " "), (1, 2));
        assert_eq!(fires("sunday-wrds", "quoting the RFP"), (1, 2));
    }
}
