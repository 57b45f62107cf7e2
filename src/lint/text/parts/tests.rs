use super::*;

fn share(today: &str) -> Option<f64> {
    in_use(&Text::new(today)).map(|u| (u.share * 100.0).round())
}

#[test]
fn stations_shifts_and_days_make_sessions_a_week() {
    // 20 x 3 x 6 = 360 sessions; 112 x 3 = 336 used.
    let today = "The Riverside unit has 20 dialysis stations and runs three shifts a day, \
                 Monday to Saturday. It treats 112 patients, each on three sessions a week.";
    assert_eq!(share(today), Some(93.0));
}

#[test]
fn seats_hours_and_a_sitting_make_covers_a_day() {
    // 320 seats x 11 hours x 60 / 50 minutes = 4,224 covers; 2,900 served.
    let today = "Canal Yard has 14 trader kitchens and 320 covered seats, open 11:00 to 22:00 \
                 seven days a week. A seated customer stays about 50 minutes. An average day \
                 brings 2,900 seated covers; Saturdays reach 4,000 and people wait for tables.";
    assert_eq!(share(today), Some(69.0));
}

#[test]
fn a_licence_at_a_time_makes_nights_a_year() {
    // 60 dogs every night is 21,900 dog-nights; 16,400 sold.
    let today = "Hillcrest is licensed by the council for 60 dogs at a time. \
                 We sold 16,400 dog-nights last year.";
    assert_eq!(share(today), Some(75.0));
}

#[test]
fn units_with_parts_each_and_turns_a_day() {
    // 4,000 x 80 x 1.2 = 384,000 a day; 370,000 on the busiest.
    let today = "We run 4,000 parcel lockers in the region's cities, with 80 compartments each \
                 on average. Each compartment turns about 1.2 times a day. On the busiest day \
                 of the 2025 peak we handled 370,000 locker parcels.";
    assert_eq!(share(today), Some(96.0));
    // 12 aircraft x 70 seats x 6 sectors x 365 = 1.84m seats; 1.1m flown.
    let today = "We carried 1.1 million passengers last year on 12 aircraft with 70 seats each. \
                 Each aircraft flies about six sectors a day.";
    assert_eq!(share(today), Some(60.0));
}

#[test]
fn a_long_use_holds_the_means_round_the_clock() {
    // 4,000 x 80 doors x 24 / 20 hours = 384,000 a day; 370k on the busiest.
    let today = "Lockers: 4,000, averaging 80 doors. Typical time from drop to pickup: about \
                 20 hours. Busiest day of 2025: 370k parcels in lockers.";
    assert_eq!(share(today), Some(96.0));
    // A short use gives no capacity without the hours it runs.
    assert_eq!(
        share("We have 320 seats. A customer stays about 50 minutes. We serve 2,900 covers a day."),
        None
    );
}

#[test]
fn hours_a_week_and_working_weeks() {
    // 6 chairs x 36 hours x 3 an hour x 46 weeks = 29,808; 24,800 delivered.
    let today = "We see patients in six chairs. Each adjustment takes 20 minutes. The clinic \
                 runs 36 hours a week over 46 working weeks. We delivered 24,800 adjustments \
                 last year.";
    assert_eq!(share(today), Some(83.0));
}

#[test]
fn a_crossing_and_its_turnaround_within_the_harbour_hours() {
    // 16 hours / (75 + 30 minutes) x 160 cars = 1,463 a day; 1,100 carried.
    let today = "One vessel works the crossing: 160 car spaces, 75 minutes each way and a \
                 30-minute turnaround at each end. The harbour is licensed for sailings between \
                 06:00 and 22:00. On a summer day we carry about 1,100 cars.";
    assert_eq!(share(today), Some(75.0));
}

#[test]
fn weeks_closed_and_days_worked_shorten_the_year() {
    // 9 x 13 x 5 x 48 = 28,080 slots; 26,100 delivered.
    let today = "We have nine physiotherapists. Each works five days a week with 13 treatment \
                 slots a day, and the clinics close for about four weeks a year. We delivered \
                 26,100 appointments in 2026.";
    assert_eq!(share(today), Some(93.0));
}

#[test]
fn numbers_that_make_no_capacity_are_not_read_as_one() {
    // A load far under what the parts allow: room to grow.
    assert_eq!(
        share(
            "The unit has 20 stations and runs three shifts a day. It treats 30 patients, \
             each on three sessions a week."
        ),
        None
    );
    // More than the parts allow: they are not the capacity.
    assert_eq!(
        share("We have 12 stores open seven days a week and sell 40,000 coffees a week."),
        None
    );
    // No rate, no length of a use, no licence: nothing to multiply.
    assert_eq!(
        share("We have 40 vans and 12 depots. We delivered 2.1 million parcels last year."),
        None
    );
    // A wait is not a use of the means.
    assert_eq!(
        share(
            "The clinic has 6 rooms, open 09:00 to 17:00. Patients wait about 40 minutes. \
             We saw 60 patients a day."
        ),
        None
    );
    assert_eq!(share(""), None);
}
