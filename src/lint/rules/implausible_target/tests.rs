//! What `implausible-target` fires on, and what it leaves alone.

use crate::lint::rules::support::tests::{cascade_with, count, fired};
use crate::model::{Level, Metric};

fn judged(level: Level, name: &str, baseline: &str, target: &str, by: Option<&str>) -> usize {
    judged_with(level, None, name, baseline, target, by)
}

fn judged_with(
    level: Level,
    future: Option<&str>,
    name: &str,
    baseline: &str,
    target: &str,
    by: Option<&str>,
) -> usize {
    let (s, id) = cascade_with(level, |n| {
        if let Some(future) = future {
            n.doc.future = future.into();
        }
        n.doc.metrics.push(Metric {
            name: name.into(),
            baseline: Some(baseline.into()),
            target: Some(target.into()),
            by: by.map(Into::into),
            start: None,
        })
    });
    count(super::RULE.name, &s, id)
}

fn fires(level: Level, baseline: &str, target: &str) -> usize {
    judged(level, "loads", baseline, target, None)
}

fn metric(level: Level, name: &str, baseline: &str, target: &str, by: &str) -> usize {
    judged(level, name, baseline, target, Some(by))
}

#[test]
fn thresholds_depend_on_level() {
    assert_eq!(fires(Level::Vision, "0.02%", "100%"), 1);
    assert_eq!(fires(Level::Vision, "1.8M", "12M"), 0);
    assert_eq!(fires(Level::Option, "1%", "40%"), 1);
    assert_eq!(fires(Level::Vision, "1%", "40%"), 0);
}

#[test]
fn decreases_and_zero_baselines() {
    assert_eq!(fires(Level::Option, "1000", "10"), 1);
    assert_eq!(fires(Level::Option, "0%", "70%"), 0);
    assert_eq!(fires(Level::Option, "$4M", "40%"), 0);
}

#[test]
fn a_share_stops_at_100_percent() {
    assert_eq!(
        metric(
            Level::Intent,
            "share of UK online tyre sales",
            "34%",
            "102%",
            "2029-03"
        ),
        1
    );
    assert_eq!(
        metric(
            Level::Intent,
            "net revenue retention",
            "104%",
            "118%",
            "2029-03"
        ),
        0
    );
    assert_eq!(
        fired(
            super::RULE.name,
            &[("future", "Triple our 34% share of UK online tyre sales.")]
        ),
        1
    );
    assert_eq!(
        fired(
            super::RULE.name,
            &[("future", "Double our 34% share of UK online tyre sales.")]
        ),
        0
    );
}

#[test]
fn growth_is_judged_by_its_pace() {
    use Level::{Intent, Option};
    for (level, name, baseline, target, by, fires) in [
        (Option, "monthly revenue", "$1M", "$3M", "2027-01", 1),
        (Intent, "monthly revenue", "$1M", "$3M", "2029-01", 0),
        // A target written as a multiple of today is the same target.
        (
            Option,
            "monthly revenue",
            "$1M",
            "three times today",
            "2027-01",
            1,
        ),
        (
            Intent,
            "monthly revenue",
            "$1M",
            "three times today",
            "2029-01",
            0,
        ),
        // A count over a stretch of the year is compared with the same
        // stretch a year earlier: 35 to 110 joiners by June is 3.1x a year.
        (Option, "new members", "35", "110", "2027-06", 1),
        (
            Option,
            "New members January-June",
            "35",
            "110",
            "2027-06",
            0,
        ),
        (Option, "summer bookings", "$1M", "$3M", "2027-06", 0),
        // A quarter is as often held against the one before.
        (Option, "Q2 revenue", "$1M", "$3M", "2027-06", 1),
        // Twelve months is still too short for twenty times as much.
        (Option, "summer bookings", "$1M", "$20M", "2027-06", 1),
        // Held for two years or more, 2.5x a year is past any business:
        // £2.1m to £30m by spring 2029 is 3.2x a year; twice over in two
        // years is a plan.
        (Intent, "Annual turnover", "£2.1m", "£30m", "2029-03", 1),
        (Intent, "Annual turnover", "£2.1m", "£8m", "2029-03", 0),
        // A new line may grow faster from its first small year.
        (
            Intent,
            "Payments revenue (annual run-rate)",
            "$0.9M",
            "$14M",
            "2029-06",
            0,
        ),
    ] {
        assert_eq!(
            metric(level, name, baseline, target, by),
            fires,
            "{name}: {target}"
        );
    }
    // A rollout moves as fast as it is installed.
    assert_eq!(
        metric(
            Level::Option,
            "stations with contactless gates",
            "12",
            "52",
            "2027-08"
        ),
        0
    );
}

#[test]
fn growth_with_nothing_new_is_held_to_an_established_pace() {
    let same = "Revenue comes from the same range, sold by our current sales team.";
    let new = "Revenue comes from a new implant range, sold in three new regions.";
    let fires = |future, target| {
        judged_with(
            Level::Intent,
            Some(future),
            "Annual revenue",
            "£2.3m",
            target,
            Some("2028-12"),
        )
    };
    assert_eq!(fires(same, "£11.5m"), 1);
    assert_eq!(fires(same, "five times today"), 1);
    assert_eq!(fires(new, "£11.5m"), 0);
    assert_eq!(fires(same, "£3.2m"), 0);
    // Something new named beside what is kept, or ruled in, is a plan.
    let joined = "Our current sales team is joined by 40 new engineers and a new product line.";
    assert_eq!(fires(joined, "£11.5m"), 0);
    let ruled_in =
        "We cannot triple revenue without new markets, so we open in Germany and France.";
    assert_eq!(fires(ruled_in, "£11.5m"), 0);
    // A rollout or a score is not held to the pace.
    assert_eq!(
        judged_with(
            Level::Initiative,
            Some("Retrofit telematics to every van in our existing fleet."),
            "Vans with telematics",
            "12",
            "40",
            Some("2027-08"),
        ),
        0
    );
    // Any count, not only money: cars on the ship we have.
    assert_eq!(
        judged_with(
            Level::Initiative,
            Some("By August the crossing carries 2,400 cars a day using the ship we have."),
            "Cars carried per peak day",
            "1,100",
            "2,400",
            Some("2027-08"),
        ),
        1
    );
}

#[test]
fn durations_may_collapse_when_work_is_automated() {
    assert_eq!(
        metric(
            Level::Initiative,
            "median days to quote",
            "42",
            "1",
            "2028-04"
        ),
        0
    );
    assert_eq!(
        metric(
            Level::Initiative,
            "defects per month",
            "4200",
            "100",
            "2028-04"
        ),
        1
    );
}

#[test]
fn a_duration_cannot_beat_a_step_the_future_keeps() {
    let judge = |today: &str, future: &str, baseline: &str, target: &str| {
        let (s, id) = cascade_with(Level::Option, |n| {
            n.doc.today = today.into();
            n.doc.future = future.into();
            n.doc.metrics.push(Metric {
                name: "Days from fill to release".into(),
                baseline: Some(baseline.into()),
                target: Some(target.into()),
                by: Some("2027-03".into()),
                start: None,
            })
        });
        count(super::RULE.name, &s, id)
    };
    let today = "Batch release takes 28 days; the sterility test alone needs 14 days.";
    let kept = "Every batch is released within two days of fill, using our current tests.";
    let changed = "Every batch is released within two days of fill, on a rapid sterility test.";
    assert_eq!(judge(today, kept, "28", "2"), 1);
    assert_eq!(judge(today, kept, "4 weeks", "48 hours"), 1);
    // A new test is a plan for the step.
    assert_eq!(judge(today, changed, "28", "2"), 0);
    // Units of time are read: 48 hours is shorter than 4 weeks, not 12x it.
    assert_eq!(judge(today, changed, "4 weeks", "48 hours"), 0);
    // A share of orders "delivered the same day" is not a duration.
    let (s, id) = cascade_with(Level::Initiative, |n| {
        n.doc.metrics.push(Metric {
            name: "Orders delivered the same day".into(),
            baseline: Some("20%".into()),
            target: Some("65%".into()),
            by: Some("2027-08".into()),
            start: None,
        })
    });
    assert_eq!(count(super::RULE.name, &s, id), 0);
    // Longer than the step: the rest of the process can be saved.
    assert_eq!(judge(today, kept, "28", "16"), 0);
}

#[test]
fn a_market_share_is_not_taken_tenfold() {
    let m = |name, from, to| metric(Level::Vision, name, from, to, "2032-12");
    assert_eq!(m("share of UK admissions", "2.4%", "45%"), 1);
    assert_eq!(m("share of county weddings", "4%", "60%"), 1);
    assert_eq!(m("National market share", "3%", "45%"), 1);
    // Shares of the business's own things are no market.
    assert_eq!(m("Share of all orders placed online", "3%", "45%"), 0);
    assert_eq!(m("Zero-emission share of our total fleet", "9%", "100%"), 0);
    // Not tenfold, or not to two fifths: a share a plan can win.
    assert_eq!(m("share of PL-DE part-load bookings", "6%", "50%"), 0);
    assert_eq!(m("share of UK admissions", "2.4%", "20%"), 0);
    // A share of one's own work is no market.
    assert_eq!(m("small motor claims decided same day", "5%", "50%"), 0);
    assert_eq!(m("Zero-emission share of fleet", "9%", "100%"), 0);
}
