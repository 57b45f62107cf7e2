use super::support::placeholder;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager whose `today` is missing, blank or a placeholder
    /// such as *TBD* or *n/a*.
    ///
    /// ## Why is this bad?
    /// A future is only a change if the reader can see where we start. Without
    /// the diagnosis of today, nobody can tell how far the future is, or
    /// whether it is already true.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// future = "Parents see their child's reading level every Friday in the school app."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// today = "Parents learn their child's reading level twice a year at parents' evening."
    /// future = "Parents see their child's reading level every Friday in the school app."
    /// ```
    pub static RULE = {
        name: "missing-today",
        criterion: DifferentFromToday,
        severity: Warning,
        summary: "No `today`: the reader cannot see the gap the future closes",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    // "TBD" or "n/a" is as missing as a blank.
    if placeholder(cx.node.doc.today.trim(), &cx.today).is_some() {
        out.push(
            Field::Today,
            0..0,
            format!("this {} has no `today`", cx.level()),
            "A future is only a change if the reader sees where we start. Describe today with the \
             same measures the future uses: who does what now, how long it takes, what it costs.",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn blank_counts_as_missing() {
        assert_eq!(fired(super::RULE.name, &[]), 1);
        assert_eq!(fired(super::RULE.name, &[("today", "   ")]), 1);
        assert_eq!(fired(super::RULE.name, &[("today", "TBD")]), 1);
        assert_eq!(
            fired(super::RULE.name, &[("today", "Reps quote in 40 minutes.")]),
            0
        );
    }
}
