//! out-of-reach's examples: what must fire and what must not.

use crate::lint::rules::support::tests::fired_at;
use crate::model::Level;

fn fires(level: Level, horizon: &str, future: &str) -> usize {
    fired_at(
        "out-of-reach",
        level,
        &[("future", future), ("horizon", horizon)],
    )
}

/// Fires on an initiative due in 2027-06 with `today` and one metric
/// "name|baseline|target".
fn fires_with(today: &str, metric: &str) -> usize {
    use crate::lint::rules::support::tests::{cascade_with, count, metric as parse};
    let (s, id) = cascade_with(Level::Initiative, |n| {
        n.doc.today = today.into();
        n.doc.future = "More of our customers book with us.".into();
        n.doc.metrics.push(parse(metric, "2027-06"));
    });
    count("out-of-reach", &s, id)
}

#[test]
fn targets_past_a_limit_today_states() {
    let licence = "We hosted 64 weddings. Our licence allows no more than 80 events a year.";
    assert_eq!(fires_with(licence, "Weddings booked|64|190"), 1);
    assert_eq!(fires_with(licence, "Weddings booked|64|78"), 0);
    // A baseline already past the number: not the same thing counted.
    assert_eq!(fires_with(licence, "Guests per year|6,000|9,000"), 0);
    // A whole bounds only what it counts; a baseline at it is today's count.
    let stores = "We run a total of 40 stores and employ 85 people in total.";
    assert_eq!(fires_with(stores, "Stores|40|60"), 0);
    assert_eq!(fires_with(stores, "Newsletter subscribers|60|500"), 0);
    assert_eq!(fires_with(stores, "Stores open on Sundays|12|55"), 1);
    let market = "The six counties contain about 900,000 premises.";
    assert_eq!(fires_with(market, "Premises passed|260,000|1,400,000"), 1);
    assert_eq!(fires_with(market, "Premises passed|260,000|600,000"), 0);
    // A place's people or things, said without a limit word.
    let town = "Dunmore is a town of about 96,000 people in roughly 41,000 households.";
    assert_eq!(
        fires_with(town, "Households holding a pass|6,300|55,000"),
        1
    );
    assert_eq!(
        fires_with(town, "Households holding a pass|6,300|20,000"),
        0
    );
    // A stock of households bounds no count a year.
    assert_eq!(
        fires_with(town, "Household visits per year|30,000|90,000"),
        0
    );
    let area = "The club has 41,000 members, and the area our sites serve has about 620,000 cars.";
    assert_eq!(fires_with(area, "Club members|41,000|750,000"), 1);
    // What we have in a place is not the place's whole.
    let ours = "We run 4,000 lockers in the region's cities.";
    assert_eq!(fires_with(ours, "Lockers|4,000|5,000"), 0);
}

#[test]
fn a_step_the_node_cuts_is_not_a_wait() {
    let transfer = "Bringing a product onto our line takes 14 months from signing.";
    assert_eq!(fires_with(transfer, "Months to first batch|14|9"), 0);
    assert_eq!(fires_with(transfer, "Products on the line|2|5"), 1);
    let outfitting = "Outfitting a vessel takes 40 weeks after hull completion.";
    assert_eq!(fires_with(outfitting, "Outfitting time|40 weeks|1 week"), 1);
    // Only a duration is the step; a cut that still ends past the date
    // leaves the wait.
    let licence = "Licensing a new site takes 12 months.";
    assert_eq!(fires_with(licence, "Sites|3|9"), 1);
    assert_eq!(fires_with(licence, "Complaints per month|12|8"), 0);
    assert_eq!(fires_with(licence, "Months to licence|12|10"), 0);
}

#[test]
fn a_rate_per_period_compounds() {
    let grows = "Subscriptions grow 40% every month from January 2027, fulfilled from the \
                 current roastery.";
    assert_eq!(fires(Level::Intent, "2029-12", grows), 1);
    assert_eq!(
        fires(
            Level::Intent,
            "2029-12",
            "Subscriptions grow 3% every month to 2029."
        ),
        0
    );
    assert_eq!(
        fires(Level::Intent, "2029-12", "Churn falls to 3% a month."),
        0
    );
    // Under 4x a year, but held for seven years: 12,000x.
    let estate = "From 2027 we grow the estate by 40% every quarter, compounding.";
    assert_eq!(fires(Level::Vision, "2033-12", estate), 1);
    assert_eq!(fires(Level::Initiative, "2027-09", estate), 0);
    let steady = "From 2027 we grow the estate by 5% every quarter, compounding.";
    assert_eq!(fires(Level::Vision, "2033-12", steady), 0);
    // A yearly step too: 3.8x a year for seven years; 40% a year is 10x.
    let network = "We multiply the network by about 3.8 times every year from 2027 to 2033.";
    assert_eq!(fires(Level::Vision, "2033-12", network), 1);
    // Held as long as its sentence says, not to the horizon.
    let bakery = "Loaves sold double every year until 2029, then grow 10% a year.";
    assert_eq!(fires(Level::Vision, "2035-12", bakery), 0);
    let revenue = "Revenue grows 40% a year from 2027 to 2033.";
    assert_eq!(fires(Level::Vision, "2033-12", revenue), 0);
}

#[test]
fn growth_too_fast_for_its_time() {
    assert_eq!(
        fires(
            Level::Option,
            "2027-03",
            "Revenue from the existing catalogue triples by the end of next quarter."
        ),
        1
    );
    assert_eq!(
        fires(
            Level::Intent,
            "2028-06",
            "Within eighteen months the chain is ten times the size it is now."
        ),
        1
    );
    assert_eq!(
        fires(
            Level::Vision,
            "2034-12",
            "By 2034 we carry twice as many riders as today, 80 million a year."
        ),
        0
    );
    // A rollout moves as fast as it is installed.
    assert_eq!(
        fires(
            Level::Initiative,
            "2027-12",
            "Screens go from 35 stops to 140 stops."
        ),
        0
    );
}

#[test]
fn shares_of_people_change_slowly() {
    assert_eq!(
        fires(
            Level::Initiative,
            "2027-12",
            "98% of members renew online within a year, from 12% now."
        ),
        1
    );
    assert_eq!(
        fires(
            Level::Intent,
            "2029-06",
            "By 2029 62% of members renew online, up from 35%."
        ),
        0
    );
    assert_eq!(
        fires(
            Level::Option,
            "2027-09",
            "By autumn 60% of guests also rent their car through us, up from 3%."
        ),
        1
    );
    // Over years, odds of a hundredfold or more: almost every household,
    // from one in twelve.
    assert_eq!(
        fires(
            Level::Vision,
            "2032-12",
            "By 2032 92% of households in the county pay for the paper, up from 8%."
        ),
        1
    );
    assert_eq!(
        fires(
            Level::Vision,
            "2032-12",
            "By 2032 40% of households in the county pay for the paper, up from 8%."
        ),
        0
    );
    // Not people: a process the company runs moves as fast as it is fixed.
    assert_eq!(
        fires(
            Level::Option,
            "2027-09",
            "By autumn 60% of repairs are booked within a day, up from 3%."
        ),
        0
    );
}

#[test]
fn shares_pushed_to_their_bound() {
    assert_eq!(
        fires(
            Level::Option,
            "2027-08",
            "By August the presses run at 99.9% uptime, up from 71%."
        ),
        1
    );
    // Halving the downtime is a plan.
    assert_eq!(
        fires(
            Level::Option,
            "2027-08",
            "By August the presses run at 85% uptime, up from 71%."
        ),
        0
    );
    // A metric's share is bounded; a ratio to a standard is not.
    assert_eq!(
        fires_with("Presses run most days.", "Press uptime|71%|99.9%"),
        1
    );
    assert_eq!(
        fires_with(
            "New venues open each year.",
            "New-venue revenue per screen vs estate average|82%|100%"
        ),
        0
    );
}

/// Fires on an initiative due in 2027-06 with `today` and `future` and no metric.
fn fires_in_prose(today: &str, future: &str) -> usize {
    use crate::lint::rules::support::tests::{cascade_with, count};
    let (s, id) = cascade_with(Level::Initiative, |n| {
        n.doc.today = today.into();
        n.doc.future = future.into();
    });
    count("out-of-reach", &s, id)
}

#[test]
fn a_multiple_on_means_already_full() {
    let tunnels = "22 sites wash 6.1m cars a year; Saturday tunnels run at 95% of capacity. \
                   The board has frozen new-site capex.";
    assert_eq!(fires_with(tunnels, "Cars washed|6.1m|14m"), 1);
    // Within what full means can still carry, or with capacity coming.
    assert_eq!(fires_with(tunnels, "Cars washed|6.1m|7m"), 0);
    let opening = "Saturday tunnels run at 95% of capacity. Two new sites open in March.";
    assert_eq!(fires_with(opening, "Cars washed|6.1m|14m"), 0);
    // Room to spare is no limit.
    let spare = "Tunnels run at 40% of capacity. The board has frozen new-site capex.";
    assert_eq!(fires_with(spare, "Cars washed|6.1m|14m"), 0);
    let gym = "Our one gym has 2,400 members and is full most weekday evenings. There is no \
               plan or budget for a second site.";
    assert_eq!(fires_with(gym, "Members|2,400|9,000"), 1);
    // A share or money is not a count the building bounds.
    assert_eq!(fires_with(gym, "Members who renew|40%|85%"), 0);
    assert_eq!(fires_with(gym, "Revenue|£400k|£900k"), 0);
    // Another count than the load the full means carry.
    assert_eq!(
        fires_with(tunnels, "Chats answered by the help desk|900|9,000"),
        0
    );
    // Frozen food is no frozen budget; idle hours leave room.
    let kitchen = "Our kitchen cooks 20,000 meals a week and runs at 95% of capacity. Meals \
                   are frozen within an hour of cooking.";
    assert_eq!(fires_with(kitchen, "Meals a week|20,000|45,000"), 0);
    let quiet = "Our one gym is full most weekday evenings but quiet before 4pm. There is no \
                 plan or budget for a second site.";
    assert_eq!(fires_with(quiet, "Members|2,400|5,000"), 0);
    // "Full of" describes.
    let foyer = "The foyer is full of posters. No new building is planned.";
    assert_eq!(fires_with(foyer, "Members|2,400|9,000"), 0);
}

#[test]
fn a_multiple_on_full_means_in_the_prose() {
    let today = "Across our 22 tunnels we did 6.1m washes last year; at weekend peaks the \
                 tunnels are close to full. Capex on new sites is frozen until 2029.";
    assert_eq!(
        fires_in_prose(today, "Without adding a site, reach 14m washes a year."),
        1
    );
    assert_eq!(
        fires_in_prose(today, "Without adding a site, reach 7m washes a year."),
        0
    );
    // Another thing counted is not today's load.
    assert_eq!(fires_in_prose(today, "Reach 14m app downloads a year."), 0);
    assert_eq!(
        fires_in_prose(today, "Washes double from 6.1m to 12.5m a year."),
        1
    );
    // New means or longer hours beside the old ones.
    assert_eq!(
        fires_in_prose(
            today,
            "The same 22 sites, joined by 12 new express tunnels, reach 14m washes a year."
        ),
        0
    );
    assert_eq!(
        fires_in_prose(
            today,
            "The same 22 sites open overnight and reach 14m washes a year."
        ),
        0
    );
    // Hours kept are no hours added.
    assert_eq!(
        fires_in_prose(
            today,
            "With the same four tunnels and opening hours, reach 14m washes a year."
        ),
        1
    );
}

/// Fires on an initiative due in 2027-06 with `today`, `future` and
/// metrics "name|baseline|target".
fn fires_on(today: &str, future: &str, metrics: &[&str]) -> usize {
    use crate::lint::rules::support::tests::{cascade_with, count, metric as parse};
    let (s, id) = cascade_with(Level::Initiative, |n| {
        n.doc.today = today.into();
        n.doc.future = future.into();
        n.doc.metrics = metrics.iter().map(|m| parse(m, "2027-06")).collect();
    });
    count("out-of-reach", &s, id)
}

#[test]
fn a_load_past_a_capacity_worked_out_from_parts() {
    // 20 stations x 3 shifts x 6 days = 360 sessions; 112 x 3 = 336 used.
    let unit = "The unit has 20 dialysis stations and runs three shifts a day, Monday to \
                Saturday. It treats 112 patients, each on three sessions a week.";
    let kept = "150 patients dialyse here, with no new stations and no evening shift.";
    assert_eq!(fires_on(unit, kept, &["Patients treated|112|150"]), 1);
    // Within the room left, or with the hours the future adds.
    assert_eq!(fires_on(unit, kept, &["Patients treated|112|118"]), 0);
    let evening = "150 patients dialyse here, with an evening shift from March.";
    assert_eq!(fires_on(unit, evening, &["Patients treated|112|150"]), 0);
    // Another count than the load.
    assert_eq!(fires_on(unit, kept, &["Home visits|30|80"]), 0);
    // Means a metric grows grow the room: 5,000 lockers carry 480,000 a day.
    let lockers = "We run 4,000 lockers with 80 compartments each. Each compartment turns \
                   about 1.2 times a day. On the busiest day we handled 370,000 locker parcels.";
    let more = "We handle more locker parcels on the peak day with 1,000 more lockers.";
    let peak = "Locker parcels on the peak day|370,000";
    assert_eq!(
        fires_on(
            lockers,
            more,
            &[&format!("{peak}|1,100,000"), "Lockers|4,000|5,000"]
        ),
        1
    );
    assert_eq!(
        fires_on(
            lockers,
            more,
            &[&format!("{peak}|450,000"), "Lockers|4,000|5,000"]
        ),
        0
    );
    // Nothing said of the means: only double what they carry is out of
    // reach, and a second court is new means.
    let court = "Our court is certified for 60 jumpers at a time. We open 9am to 8pm, so 11 \
                 sessions a day. Our busiest day last year was 610 jumpers.";
    let promo = "On the Saturday of half-term we welcome more jumpers, through a promotion.";
    assert_eq!(fires_on(court, promo, &["Jumpers on the day|610|2,000"]), 1);
    assert_eq!(fires_on(court, promo, &["Jumpers on the day|610|900"]), 0);
    let second = "We open a second court and welcome more jumpers.";
    assert_eq!(
        fires_on(court, second, &["Jumpers on the day|610|2,000"]),
        0
    );
}
