use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Text, Unit, parse_quantity};
use crate::model::{Field, Metric, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a node whose every metric counts what the team does, not what
    /// changes: *new features shipped*, *customer webinars held*,
    /// *volunteers trained*, *leaflets distributed*, *posts published*,
    /// when the `future` has no share or move of its own beside them: the
    /// metric's name ends on what was done (*held*, *trained*, *sent*,
    /// *published*) or made (*supplier meetings*, *open days*), before any
    /// phrase for whom (*newsletters sent to parents*), not on who gained
    /// (*cars washed*, *calls answered*); a rate (*click rate*, *orders
    /// shipped on time*) is no count.
    ///
    /// ## Why is this bad?
    /// A target on activity can be met in full while nothing moves for
    /// customers, so whether it stretches the business, or is within its
    /// reach, cannot be told. It is the build trap (Perri) written as a
    /// number.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// future = "Tenants facing possession know where to get help and get it in time."
    /// metrics = [{ name = "Leaflets distributed", baseline = "8,000", target = "50,000", by = "2027-12" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// future = "Tenants facing possession know where to get help and get it in time."
    /// metrics = [{ name = "Tenants advised before their possession hearing", baseline = "29%", target = "60%", by = "2027-12" }]
    /// ```
    pub static RULE = {
        name: "activity-target",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "Every metric counts activity (held, trained, distributed), none a change",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let metrics = &cx.node.doc.metrics;
    if metrics.is_empty() {
        return;
    }
    // "Quotes sent within one hour", 10% to 60%: a share is no count.
    let share = |m: &Metric| {
        [&m.baseline, &m.target].iter().any(|v| {
            v.as_deref()
                .and_then(parse_quantity)
                .is_some_and(|(_, u)| u == Unit::Percent)
        })
    };
    if !metrics
        .iter()
        .all(|m| counts_activity(&m.name) && !share(m))
    {
        return;
    }
    let text = &cx.future;
    let outcome = !text.moves().is_empty() || text.values().iter().any(|v| v.unit == Unit::Percent);
    if outcome {
        return;
    }
    out.push(
        Field::Metric(0, MetricPart::Name),
        0..0,
        format!(
            "every metric counts activity (`{}`{}), none a change for customers or the business",
            metrics[0].name,
            if metrics.len() > 1 { ", …" } else { "" }
        ),
        "An activity target can be met while nothing moves, so no one can tell whether it \
         stretches or is in reach. Measure what the activity is for: who does what \
         differently, and by how much.",
    );
}

/// True when a metric's name ends on what the team did or made, past a
/// phrase saying for whom: "leaflets distributed", "flyers handed out",
/// "newsletters sent to parents", "supplier meetings", "studio open days".
/// A rate is no count ("click rate of the campaign", "orders shipped on
/// time"), and the head stands before the first preposition ("bookings
/// from the newsletter"), past a leading "number of".
fn counts_activity(name: &str) -> bool {
    let name = Text::new(name);
    let rate = (0..name.len()).any(|i| {
        RATES.contains(&name.word(i))
            || (name.word(i) == "on" && name.word(i + 1) == "time")
            || (name.word(i) == "in" && name.word(i + 1) == "full")
    });
    if rate {
        return false;
    }
    let first = if ["number", "count", "total"].contains(&name.word(0)) && name.word(1) == "of" {
        2
    } else {
        0
    };
    let end = (first + 1..name.len())
        .find(|&i| PREPOSITIONS.contains(&name.word(i)))
        .unwrap_or(name.len());
    let Some(head) = end.checked_sub(1) else {
        return false;
    };
    let activity =
        |kind: Kind| name.is(head, kind) || name.matches_of(kind).any(|m| m.last == head);
    activity(Kind::Activity) || activity(Kind::ActivityNoun)
}

/// Words that make a metric a rate or a share of something, not a count.
const RATES: &[&str] = &["rate", "share", "percentage", "proportion", "ratio", "%"];

/// Words that open what follows a metric's head: "sent to parents",
/// "bookings from the newsletter".
const PREPOSITIONS: &[&str] = &[
    "to", "for", "with", "by", "in", "at", "on", "per", "across", "among", "of", "from", "via",
    "through", "into", "over", "after", "before", "during", "within", "under",
];

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count, metric as parse};
    use crate::model::Level;

    /// Fires on an initiative with `future` and one metric "name|baseline|target".
    fn fires(future: &str, metric: &str) -> usize {
        let (s, id) = cascade_with(Level::Initiative, |n| {
            n.doc.future = future.into();
            n.doc.metrics.push(parse(metric, "2027-12"));
        });
        count(super::RULE.name, &s, id)
    }

    #[test]
    fn activity_alone_fires() {
        assert_eq!(
            fires(
                "Tenants know where to get help.",
                "Leaflets distributed|8,000|50,000"
            ),
            1
        );
        assert_eq!(
            fires(
                "We are the obvious choice for mid-sized employers.",
                "New features shipped|22|60"
            ),
            1
        );
    }

    #[test]
    fn what_the_team_makes_or_holds_fires_past_for_whom() {
        let future = "Weekday daytimes are full.";
        assert_eq!(fires(future, "Flyers handed out|0|2,000"), 1);
        assert_eq!(fires(future, "Newsletters sent to parents|0|24"), 1);
        assert_eq!(fires(future, "Supplier meetings|12|60"), 1);
        assert_eq!(fires(future, "Studio open days|0|4"), 1);
        assert_eq!(fires(future, "Chef training days|2|18"), 1);
        assert_eq!(fires(future, "Number of workshops held|0|40"), 1);
    }

    #[test]
    fn what_customers_do_does_not() {
        let future = "Weekday daytimes are full.";
        assert_eq!(fires(future, "Bookings from the newsletter|10|40"), 0);
        assert_eq!(fires(future, "Click rate of the campaign|2%|4%"), 0);
        assert_eq!(fires(future, "Sign-ups via webinars|30|90"), 0);
        assert_eq!(fires(future, "Orders shipped on time|80|95"), 0);
        assert_eq!(fires(future, "Quotes sent within one hour|10%|60%"), 0);
        assert_eq!(fires(future, "Customer visits per week|400|600"), 0);
        assert_eq!(fires(future, "Sessions per active user|3.1|4"), 0);
        assert_eq!(fires(future, "Meetings booked by prospects|10|40"), 0);
        assert_eq!(fires(future, "Weekday slots booked|45%|80%"), 0);
    }

    #[test]
    fn outcomes_do_not() {
        assert_eq!(
            fires(
                "Tenants know where to get help.",
                "Tenants advised before their hearing|29%|60%"
            ),
            0
        );
        assert_eq!(
            fires("More tenants get advice.", "Cars washed per year|6.1m|7m"),
            0
        );
        assert_eq!(
            fires(
                "Advice reaches 60% of tenants, up from 29%.",
                "Leaflets distributed|8,000|50,000"
            ),
            0
        );
    }
}
