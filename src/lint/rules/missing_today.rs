use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::stand_in::{StandIn, bracketed, stand_in_today};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager whose `today` is missing, blank, or stands in for
    /// one: a placeholder (*TBD*, *n/a*), a pointer to another document (*see
    /// the Q3 offsite slides*, *as set out in the annual plan*), a promise to
    /// write it later (*ops will fill this in*) or to find it out (*we will
    /// know where we stand once the survey closes*), an appeal to what everyone
    /// knows (*we all know where we stand*), or the starter's guidance left in
    /// place (*Where we are now, with numbers*). It is an error: without a
    /// today, nothing can be judged different from it.
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
        severity: Error,
        summary: "No `today`: the reader cannot see the gap the future closes",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let note = bracketed(&cx.node.doc.today).then_some(StandIn::Placeholder);
    let Some(stand_in) = note.or_else(|| stand_in_today(&cx.today)) else {
        return;
    };
    let message = match stand_in {
        StandIn::Blank => format!("this {} has no `today`", cx.level()),
        StandIn::Starter => {
            "the `today` is the starter's guidance: replace the starter text".to_owned()
        }
        other => format!(
            "the `today` is {}, not a description of today",
            other.describe()
        ),
    };
    out.push(
        Field::Today,
        0..0,
        message,
        "A future is only a change if the reader sees where we start, in this document. \
         Describe today with the same measures the future uses: who does what now, how long it \
         takes, what it costs.",
    );
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
