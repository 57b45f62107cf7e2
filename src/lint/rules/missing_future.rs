use crate::lint::Criterion;
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::stand_in::{StandIn, bracketed, stand_in};
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a two-pager whose `future` is missing, blank, or stands in for
    /// one: a placeholder (*TBD*), a pointer (*see the strategy deck*), or
    /// the starter's guidance left in place (*What will be measurably
    /// different by 2028*). A future that is not there fails every criterion
    /// it stands for, so this is reported under **concrete**,
    /// **lofty-achievable** and **different-from-today**.
    ///
    /// ## Why is this bad?
    /// The future is the picture of success the level below ladders up to.
    /// Without it there is nothing to review, measure or break down, and
    /// nothing to tell ambition from today.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// title = "Reps re-type 89% of tenders"
    /// future = "  "
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// title = "Reps re-type 89% of tenders"
    /// future = "55% of tenders become draft loads that a rep confirms in under 90 seconds."
    /// ```
    pub static RULE = {
        name: "missing-future",
        criterion: Concrete,
        severity: Error,
        summary: "No `future`, or a stand-in for one: nothing to picture, reach or compare",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let note = bracketed(&cx.node.doc.future).then_some(StandIn::Placeholder);
    let Some(stand_in) = note.or_else(|| stand_in(&cx.future)) else {
        return;
    };
    let what = match stand_in {
        StandIn::Blank => format!("this {} has no `future`", cx.level()),
        StandIn::Starter => {
            "the `future` is the starter's guidance: replace the starter text".to_owned()
        }
        other => format!("the `future` is {}, not a future", other.describe()),
    };
    for (criterion, consequence, why) in [
        (
            Criterion::Concrete,
            "nothing to picture",
            "The future is the picture of success the level below ladders up to. Describe what is \
             true when this succeeds: who does what differently, and by how much.",
        ),
        (
            Criterion::LoftyAchievable,
            "no ambition to judge",
            "Without a future there is no ambition to judge. Say where this takes the numbers by \
             the horizon.",
        ),
        (
            Criterion::DifferentFromToday,
            "nothing to compare with today",
            "Without a future nobody can see what changes from today. Say what will be different.",
        ),
    ] {
        out.push_under(
            criterion,
            Field::Future,
            format!("{what} ({consequence})"),
            why,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    #[test]
    fn fires_on_blank_and_stand_ins_under_three_criteria() {
        assert_eq!(fired(super::RULE.name, &[]), 3);
        assert_eq!(fired(super::RULE.name, &[("future", " \n ")]), 3);
        assert_eq!(fired(super::RULE.name, &[("future", "TBD")]), 3);
        assert_eq!(
            fired(
                super::RULE.name,
                &[("future", "What will be measurably different by 2029.")]
            ),
            3
        );
        assert_eq!(
            fired(super::RULE.name, &[("future", "Reps quote in 8 minutes.")]),
            0
        );
    }
}
