//! What the deadline reading finds in prose, and what it leaves alone.

use super::*;

fn months(text: &str) -> Vec<i32> {
    let as_of = Date::new(2026, 11, 1).unwrap_or_else(|| unreachable!());
    deadlines(&Text::new(text), as_of)
        .iter()
        .map(|d| d.months)
        .collect()
}

#[test]
fn relative_deadlines_in_months() {
    assert_eq!(months("within six weeks"), [2]);
    assert_eq!(months("in the next 3 years"), [36]);
    assert_eq!(months("over the coming decade"), [120]);
    assert_eq!(months("some time in the next ten years"), [120]);
    assert_eq!(months("next quarter"), [6]);
    assert_eq!(months("by the end of March"), [4]);
    assert_eq!(months("before the Christmas break"), [1]);
    assert_eq!(months("by 2040"), [169]);
    assert_eq!(months("by June 2028"), [19]);
    assert_eq!(months("by spring 2029"), [29]);
    assert_eq!(months("before the festive break"), [1]);
    assert_eq!(months("Ten years out, no shopper carries a card"), [120]);
    assert_eq!(months("Inside a month from sign-off, planning runs"), [1]);
    assert_eq!(
        months("Over a five-year period, adoption is complete"),
        [60]
    );
    assert_eq!(months("Come 2031 or so, all trials are on it"), [61]);
    assert_eq!(months("The trial runs through to the end of 2028"), [25]);
    assert_eq!(months("By the middle of 2028, breeders rely on us"), [19]);
    assert_eq!(
        months("Between now and the mid-2030s the fleet moves"),
        [103]
    );
    assert_eq!(months("by mid-2029"), [31]);
    assert_eq!(
        months("We expect this to take until about 2029 to bed in."),
        [37]
    );
    assert_eq!(
        months("Then both parks, which we expect to reach around 2030."),
        [49]
    );
    assert_eq!(months("by around 2030"), [49]);
    // A count near a year's digits is no time.
    assert_eq!(months("We serve around 2030 homes."), [0; 0]);
    assert_eq!(months("by the 2030s"), [38]);
    assert!(months("Through 2027 and 2028 we make tax simple").is_empty());
    assert_eq!(months("Prices hold through the 2030s"), [157]);
    // The middle of this decade has passed.
    assert!(months("by the middle of the decade").is_empty());
    assert!(months("Stock lasts through the winter").is_empty());
    assert!(months("Customers pay through our app and 2028 prices hold").is_empty());
    assert!(months("Sales have grown since the mid-2010s").is_empty());
    assert_eq!(
        months("By the end of the decade, claims are lodged in the app"),
        [38]
    );
    assert_eq!(
        months("By the end of this academic year, adults pick us"),
        [8]
    );
    assert_eq!(months("next financial year"), [13]);
    assert_eq!(
        months("Guests step ashore on the island within about seven months"),
        [7]
    );
    assert_eq!(
        months("Within a few weeks, all forty centres list cases"),
        [1]
    );
    assert_eq!(months("We will have it fixed within six weeks"), [2]);
    // "half" is half of one unit here, not the share 50%.
    assert_eq!(months("Within the next half-year, we win 12 jobs"), [6]);
    assert_eq!(months("We win 12 jobs in the half-year"), [0; 0]);
    assert_eq!(months("Over the coming half-decade, we grow"), [60]);
}

#[test]
fn dates_that_are_not_deadlines() {
    assert!(months("Carriers are paid within 2 days of delivery.").is_empty());
    assert!(months("Customers open an account in 6 minutes.").is_empty());
    assert!(months("since 2019, in 2024").is_empty());
    assert_eq!(months("In 2032, brokers quote in 8 minutes"), [73]);
    assert!(months("in the year we opened").is_empty());
    assert!(months("three times a year").is_empty());
    assert!(months("Refunds reach customers within six weeks").is_empty());
    assert!(months("Residents live within a quarter mile of a bus stop").is_empty());
    // A count no one means is held to a millennium, so rules can double it.
    assert_eq!(
        months("Within one thousand thousand thousand years, all of it"),
        [12_000]
    );
    assert!(months("People are hired within about seven weeks of starting to look").is_empty());
}
