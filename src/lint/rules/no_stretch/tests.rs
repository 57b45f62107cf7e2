//! What `no-stretch` fires on, and what it leaves alone.

use crate::lint::rules::support::tests::fired;

fn fires(future: &str) -> usize {
    fired(super::RULE.name, &[("future", future)])
}

#[test]
fn holding_verbs_at_the_lead_fire() {
    assert_eq!(fires("Maintain online course completion at 61%."), 1);
    assert_eq!(
        fires("By 2028 we will sustain weekly active users at 18,000."),
        1
    );
    assert_eq!(fires("Keep doing what we do well for residents."), 1);
    assert_eq!(fires("Keep monthly churn at 3% across all plans."), 1);
}

#[test]
fn a_level_kept_in_words_fires_when_nothing_moves() {
    assert_eq!(
        fires(
            "Customers get a text when the van is ten minutes away. Sales should hold roughly where they are."
        ),
        1
    );
    assert_eq!(
        fires(
            "Our ambition is to hold on to what we have: the shop, the team of five, the regulars."
        ),
        1
    );
    // A number that moves beside it makes the held one a guardrail.
    assert_eq!(
        fires("Prices stay roughly where they are while weekly orders rise from 900 to 1,400."),
        0
    );
}

/// Fires on a vision with `today` and one metric "name|baseline|target".
fn fires_with(today: &str, metric: &str, by: &str) -> usize {
    use crate::lint::rules::support::tests::{cascade_with, count, metric as parse};
    use crate::model::Level;
    let (s, id) = cascade_with(Level::Vision, |n| {
        n.doc.today = today.into();
        n.doc.future = "Trucks leave the gate sooner.".into();
        n.doc.metrics.push(parse(metric, by));
    });
    count(super::RULE.name, &s, id)
}

#[test]
fn strict_bounds_today_already_meets() {
    let today = "Trucks average 18 minutes from gate-in to gate-out.";
    for (metric, fires) in [
        ("Turn time|18 min|under 20 min", 1),
        ("Turn time|18 minutes|< 20 minutes", 1),
        ("Turn time|18 min|under 12 min", 0),
        ("Rating|4.7|above 4.5", 1),
        ("Rating|3.5|above 4.5", 0),
        // Units are read: 48 hours is under 3 days, 90 minutes under 2 hours.
        ("Turn time|3 days|within 48 hours", 0),
        ("Turn time|2 hours|under 90 minutes", 0),
        ("Turn time|1 day|within 48 hours", 1),
        // However it is capitalised.
        ("Turn time|1 day|Within 48 hours", 1),
        ("Turn time|3 days|WITHIN 48 hours", 0),
        // A ceiling said after the number.
        ("Jobs dispatched late|about 1.5%|2% or fewer", 1),
        ("Jobs dispatched late|4%|2% or fewer", 0),
        ("Turn time|18 min|25 min or lower", 1),
    ] {
        assert_eq!(fires_with(today, metric, "2027-10"), fires, "{metric}");
    }
}

#[test]
fn a_share_the_trend_in_points_reaches() {
    let today = "Recycled content is 17% of what we buy, up about two points a year since 2021.";
    assert_eq!(fires_with(today, "Recycled share|17%|20%", "2034-12"), 1);
    assert_eq!(fires_with(today, "Recycled share|17%|60%", "2034-12"), 0);
    // A score's trend in points is held against the score.
    let today = "Our NPS is 32, up about 5 points a year.";
    assert_eq!(fires_with(today, "NPS|32|40", "2029-12"), 1);
    assert_eq!(fires_with(today, "NPS|32|70", "2029-12"), 0);
}

#[test]
fn a_target_written_as_a_change_is_read_against_its_baseline() {
    let today = "Fresh water on the main tunnel runs at 7.2 litres a kilo.";
    for (metric, fires) in [
        ("Fresh water|7.2 litres a kilo|about 1% lower", 1),
        ("Fresh water|7.2 litres a kilo|about 35% lower", 0),
        ("Turnover|£14.2m|+1%", 1),
        ("Turnover|£14.2m|+25%", 0),
    ] {
        assert_eq!(fires_with(today, metric, "2030-12"), fires, "{metric}");
    }
}

#[test]
fn a_baseline_that_points_to_today_is_read_there() {
    let today = "Last year we kept 94% of our sole-trader clients.";
    for (metric, fires) in [
        (
            "Client retention|last year's figure (see today)|at least 90%",
            1,
        ),
        ("Client retention|as reported in today|90% or higher", 1),
        // "Not measured today" points nowhere.
        ("Client retention|not measured today|at least 90%", 0),
        ("Client retention|see today|at least 97%", 0),
        // A sentence about something else gives no baseline.
        ("Invoice accuracy|see today|at least 90%", 0),
        // "Or better" says no direction: 20 minutes is a cut from 25.
        ("Turn time|25 min|20 min or better", 0),
    ] {
        assert_eq!(fires_with(today, metric, "2028-12"), fires, "{metric}");
    }
}

#[test]
fn the_clause_about_the_metric_gives_its_baseline() {
    // Retention is what "kept" says, not "rate us 96% satisfied".
    let today = "Clients rate us 96% satisfied; we kept 80% of clients last year.";
    assert_eq!(
        fires_with(today, "Client retention|see today|at least 75%", "2028-12"),
        1
    );
    assert_eq!(
        fires_with(today, "Client retention|see today|at least 90%", "2028-12"),
        0
    );
}

#[test]
fn barely_moving_targets_are_flat() {
    assert!(super::barely_moves(41.0, 41.3, true, 0.02));
    assert!(!super::barely_moves(99.5, 99.95, true, 0.02));
    assert!(!super::barely_moves(2.4, 3.4, true, 0.02));
    assert!(super::barely_moves(18_000.0, 18_000.0, false, 0.02));
}

#[test]
fn guardrails_and_changes_are_fine() {
    assert_eq!(
        fires("Raise completion from 61% to 75%, while ratings stay at 4.6."),
        0
    );
    assert_eq!(
        fires("Keep 99.9% uptime while we cut hosting cost by 30%."),
        0
    );
    assert_eq!(fires("Reps keep their accounts and quote in 8 minutes."), 0);
}

#[test]
fn a_floor_the_prose_sets_for_a_metric() {
    use crate::lint::rules::support::tests::{cascade_with, count, metric as parse};
    use crate::model::Level;
    let fires = |future: &str, metric: &str| {
        let (s, id) = cascade_with(Level::Intent, |n| {
            n.doc.today = "91% of commercial clients renewed last season.".into();
            n.doc.future = future.into();
            n.doc.metrics.push(parse(metric, "2028-11"));
        });
        count(super::RULE.name, &s, id)
    };
    let floor = "Client retention of at least 85% each season through to 2028.";
    assert_eq!(fires(floor, "Clients renewing|91%|85%"), 1);
    let lower = "Client retention of no less than 85% each season.";
    assert_eq!(fires(lower, "Clients renewing|91%|85%"), 1);
    // A floor above today is a stretch; a number that is no floor is left to other rules.
    assert_eq!(
        fires(
            "Client retention of at least 95%.",
            "Clients renewing|91%|95%"
        ),
        0
    );
    assert_eq!(
        fires(
            "Retention reaches 85% in the new segment.",
            "Client mix, new segment|91%|85%"
        ),
        0
    );
    // Unless the share is one that should rise: then it asks for less.
    assert_eq!(
        fires(
            "Retention reaches 85% in the new segment.",
            "Clients renewing|91%|85%"
        ),
        1
    );
}

#[test]
fn a_share_of_what_went_right_set_under_today_fires() {
    let today = "Most school shows are full.";
    for (metric, fires) in [
        ("School-show seats filled|just over 80%|75%", 1),
        (
            "parents calling their tutor good or excellent|47 in 50|9 in 10",
            1,
        ),
        ("Renewal rate|91%|no lower than 85%", 1),
        ("Share signed in 3 days or less|96%|95%", 1),
        // Raised, or a share of what went wrong, or one that says neither.
        ("School-show seats filled|80%|90%", 0),
        ("No-show rate|14%|7%", 0),
        ("disrupted passengers rebooked without an agent|5%|50%", 0),
        ("Summer load factor|92%|80%", 0),
        ("Renewal rate|91%|no lower than 95%", 0),
    ] {
        assert_eq!(fires_with(today, metric, "2029-06"), fires, "{metric}");
    }
}
