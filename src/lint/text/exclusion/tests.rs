//! Tests of `exclusion.rs`: scopes, escapes, deferrals, holds, items that name nothing.

use super::*;

fn scoped(item: &str) -> Vec<String> {
    let t = Text::new(item);
    t.words(scope(&t)).into_iter().map(str::to_owned).collect()
}

#[test]
fn the_scope_is_the_predicate_before_the_explanation() {
    assert_eq!(
        scoped("We will not run our own trucks; we only broker capacity"),
        ["run", "our", "own", "trucks"]
    );
    assert_eq!(
        scoped("Never discount below cost"),
        ["discount", "below", "cost"]
    );
}

#[test]
fn escapes_are_found_unless_the_exception_is_named() {
    assert!(escape(&Text::new("an Android version, for now")).is_some());
    assert!(
        escape(&Text::new(
            "expand beyond the Nordics, unless a big opportunity comes along"
        ))
        .is_some()
    );
    assert!(
        escape(&Text::new(
            "keep a paper route after June 2028, except assisted digital at libraries"
        ))
        .is_none()
    );
    assert!(escape(&Text::new("support joint accounts in the first release")).is_none());
    // A hold with no end, or only its earliest one.
    for item in [
        "A second site is parked until at least 2028.",
        "Online classes are on hold.",
        "Teacher training is off the table at the moment, though we may revisit.",
    ] {
        assert!(escape(&Text::new(item)).is_some(), "{item}");
    }
    assert!(escape(&Text::new("A second site is parked until the end of 2028.")).is_none());
}

#[test]
fn holds_that_only_postpone() {
    let postpones = |item: &str| super::postpones(&Text::new(item));
    assert!(postpones(
        "We will not open a retail tea brand before 2030."
    ));
    assert!(postpones(
        "Camera counting is out of scope for this release."
    ));
    assert!(postpones(
        "Feed-system integration is planned for phase two."
    ));
    assert!(postpones("The Scottish sites follow in the third quarter."));
    assert!(!postpones("We will not build a budget second brand."));
    assert!(!postpones("We will not franchise new shops, ever."));
    assert!(!postpones(
        "No phone support; customers write to us instead."
    ));
    assert!(!postpones(
        "We will never sell customer data, now or later."
    ));
    assert!(!postpones(
        "We will not wait for customers to complain before fixing a fault."
    ));
    assert!(postpones("Automated counts wait for a later release."));
    assert!(postpones("No Saturday opening during the workshop refit."));
    assert!(postpones("While the refit is on, Saturdays are closed."));
    // A customer's move, a rule that holds for good.
    assert!(!postpones("We will not store furniture during a move."));
    assert!(!postpones(
        "We will not put callers on hold to transfer them."
    ));
    assert!(!postpones(
        "We will not charge rent while repair works keep tenants out."
    ));
    assert!(!postpones(
        "We will not open on Sundays during the school term."
    ));
    assert!(!postpones(
        "No bookings taken while a customer is on the phone to us."
    ));
    assert!(postpones(
        "Cargo bikes come back with the new stand; until then, none."
    ));
    assert!(!postpones(
        "No changes to prices or plans during the migration."
    ));
}

#[test]
fn deferred_decisions() {
    assert!(
        defers(&Text::new(
            "a second city yet; we'll decide that after the Leeds pilot"
        ))
        .is_some()
    );
    assert!(
        defers(&Text::new(
            "We'll settle this when the leadership team meets in January"
        ))
        .is_some()
    );
    assert!(defers(&Text::new("let shoppers choose a delivery slot")).is_none());
}

#[test]
fn items_that_name_nothing() {
    assert!(names_nothing(&Text::new("anything that does not support our strategy")).is_some());
    assert!(names_nothing(&Text::new("extras we could live without")).is_some());
    assert!(
        names_nothing(&Text::new(
            "sell furniture that does not fit in a flat-pack box"
        ))
        .is_none()
    );
    assert!(names_nothing(&Text::new("take venture capital")).is_none());
    assert!(names_nothing(&Text::new("spend on traditional advertising")).is_none());
    assert!(names_nothing(&Text::new("low-value work")).is_some());
}
