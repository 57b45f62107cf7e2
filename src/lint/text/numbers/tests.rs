//! How numbers in prose read.

use super::*;

fn read(text: &str) -> Vec<f64> {
    values(&Text::new(text)).iter().map(|v| v.value).collect()
}

#[test]
fn digits_words_and_shares_read_alike() {
    assert_eq!(read("14 screens, 45% give up"), [14.0, 45.0]);
    assert_eq!(read("fourteen screens, twenty five drivers"), [14.0, 25.0]);
    assert_eq!(read("a 14-screen set-up"), [14.0]);
    assert_eq!(read("a twenty-minute appointment"), [20.0]);
    assert_eq!(
        read("a one-off, two-way radio in the twenty-first century"),
        [0.0; 0]
    );
    assert_eq!(
        read("seven-tenths wholesale and three-tenths direct"),
        [70.0, 30.0]
    );
    assert_eq!(
        read("four in five repairs, a third now, half of all"),
        [80.0, 100.0 / 3.0, 50.0]
    );
    assert_eq!(read("two million loads"), [2e6]);
    assert_eq!(
        read("two hundred and ten thousand live series"),
        [210_000.0]
    );
    assert_eq!(
        read("between two hundred and three hundred stores"),
        [200.0, 300.0]
    );
    assert_eq!(
        read("one thousand and two thousand members"),
        [1000.0, 2000.0]
    );
    assert_eq!(read("a thousand and ten"), [1010.0]);
    assert_eq!(read("one app purchase in eight is late"), [1.0, 12.5, 8.0]);
    assert_eq!(
        read("one hundred twenty stops, then ten twenty"),
        [120.0, 10.0, 20.0]
    );
    assert_eq!(
        read("1.2 million premises, forty-two planes"),
        [1.2e6, 42.0]
    );
}

#[test]
fn durations_frequencies_and_hedges_compare_as_measures() {
    let one = |text: &str| values(&Text::new(text)).to_vec();
    let same = |a: &str, b: &str| {
        let (a, b) = (one(a), one(b));
        new_numbers(&b, &a).is_empty()
    };
    assert!(same(
        "paid 23 days after issue",
        "paid three weeks and two days after issue"
    ));
    assert!(same(
        "paid 23 days after issue",
        "paid a bit over three weeks after issue"
    ));
    assert!(same(
        "we review prices twice a year",
        "prices are reviewed every six months"
    ));
    assert!(same(
        "we review prices twice a year",
        "a price review happens each half-year"
    ));
    assert!(same(
        "4,000 members get it; 35% of them open it",
        "roughly 1,400 of our 4,000 members open it"
    ));
    assert!(same(
        "wins about one tender in five",
        "winning roughly one in five"
    ));
    assert!(same(
        "lead time is 14 calendar days from order",
        "delivered no later than a fortnight after the order"
    ));
    assert!(same(
        "we win about a 20% of public tenders",
        "one won in every five"
    ));
    assert!(same(
        "four customers in ten look at the bill",
        "forty per cent of customers look at it"
    ));
    assert!(same(
        "about six calls in ten are answered",
        "answering 62% of calls"
    ));
    assert!(same(
        "each month around 200,000 readings come in",
        "roughly 200,000 readings a month"
    ));
    assert!(!same(
        "the app shows a PDF bill",
        "each month's bill is in the app"
    ));
    assert!(!same("paid 23 days after issue", "paid 9 days after issue"));
    assert!(!same(
        "lead time is 14 calendar days",
        "lead time is ten working days"
    ));
}

#[test]
fn shares_of_every_parts_of_an_hour_and_tens_odd() {
    let one = |text: &str| values(&Text::new(text)).to_vec();
    let same = |a: &str, b: &str| new_numbers(&one(b), &one(a)).is_empty();
    assert_eq!(read("81 of every 100 departures"), [81.0]);
    assert_eq!(one("81 of every 100 departures")[0].unit, Unit::Percent);
    assert!(same("within 6 hours", "within a quarter of a day"));
    assert!(same("a wait of 12 hours", "half a day"));
    assert!(same(
        "delivered every two weeks",
        "delivered every other week"
    ));
    assert!(!same(
        "the wait reaches 3 hours",
        "the wait is under an hour"
    ));
    let rate = one("staff turnover is 19% a year");
    assert_eq!(
        (rate[0].value, rate[0].unit, rate[0].days),
        (19.0, Unit::Percent, None)
    );
    let odd = one("sixty-odd cafés");
    assert_eq!((odd[0].value, odd[0].approx), (60.0, true));
    assert!(same("about sixty cafés", "sixty-odd cafés"));
}

#[test]
fn years_ordinals_and_idioms_are_not_numbers() {
    assert!(read("By 2030, in the third quarter, one of our rivals").is_empty());
    assert!(read("no one waits").is_empty());
}

#[test]
fn quantities_in_words_and_hedges() {
    let cases = [
        ("just over £2m", Some((2e6, Unit::Money))),
        ("a little over £0.5m", Some((5e5, Unit::Money))),
        ("around a dozen", Some((12.0, Unit::Plain))),
        ("nine in ten or better", Some((90.0, Unit::Percent))),
        ("999 in 1,000", Some((99.9, Unit::Percent))),
        ("91 of every 100", Some((91.0, Unit::Percent))),
        ("a quarter of a million", Some((250_000.0, Unit::Plain))),
        ("three weeks", Some((3.0, Unit::Plain))),
        ("as reported in today", None),
        ("see the plan", None),
        ("twice a year", None),
    ];
    for (text, want) in cases {
        let got = parse_quantity(text).map(|(v, u)| ((v * 10.0).round() / 10.0, u));
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_number_and_its_unit_of_time_in_one_word_are_a_duration() {
    let days = |text: &str| {
        values(&Text::new(text))
            .iter()
            .map(|v| v.days)
            .collect::<Vec<_>>()
    };
    assert_eq!(days("two-day delivery"), [Some(2.0)]);
    assert_eq!(days("a six-week cycle"), [Some(42.0)]);
    assert_eq!(days("a 48-hour turnaround"), [Some(2.0)]);
    // "One day" is no number, so neither is "one-day"; an age is no span.
    assert!(days("a one-day extension").is_empty());
    assert!(days("a two-day-old loaf").is_empty());
    assert_eq!(days("a 14-screen cinema"), [None]);
}
