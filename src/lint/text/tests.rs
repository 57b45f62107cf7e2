use super::*;

fn words(text: &str) -> Vec<String> {
    let t = Text::new(text);
    (0..t.len()).map(|i| t.word(i).to_owned()).collect()
}

#[test]
fn keeps_numbers_compounds_and_contractions_whole() {
    assert_eq!(
        words("We'll move 1,600 loads, $31M and 60% via best-in-class TP90 n/a."),
        [
            "we'll",
            "move",
            "1,600",
            "loads",
            "$31m",
            "and",
            "60%",
            "via",
            "best-in-class",
            "tp90",
            "n/a"
        ]
    );
}

#[test]
fn ranges_point_into_the_original_text() {
    let text = "Ünïcode Reps — type 1.5 loads.";
    let t = Text::new(text);
    let last = t.len() - 1;
    assert_eq!(&text[t.span(last, last)], "loads");
    assert_eq!(&text[t.span(0, 0)], "Ünïcode");
}

#[test]
fn sentences_and_clauses_are_counted() {
    let t = Text::new("One, two. Three; four");
    let s: Vec<(u16, u16)> = t.tokens.iter().map(|t| (t.sentence, t.clause)).collect();
    assert_eq!(s, [(0, 0), (0, 1), (1, 2), (1, 3)]);
    assert!(t.tokens[2].has(shape::SENTENCE_START));
    assert!(!t.tokens[3].has(shape::SENTENCE_START));
}

#[test]
fn shapes_mark_numbers_years_and_acronyms() {
    let t = Text::new("By 2032 the EU pays $4 to Kansas");
    assert!(t.tokens[1].has(shape::YEAR));
    assert!(t.tokens[3].has(shape::ACRONYM));
    assert!(t.tokens[5].has(shape::NUMBER));
    assert!(t.tokens[7].has(shape::CAPITALIZED));
    assert!(!t.has_quantity(0..3));
    assert!(t.has_quantity(0..6));
}

#[test]
fn a_today_that_only_says_when_it_will_be_written_stands_in() {
    let today = |s: &str| stand_in::stand_in_today(&Text::new(s));
    assert_eq!(
        today(
            "Baseline figures are being compiled by the analytics team and will be added once available."
        ),
        Some(stand_in::StandIn::Awaited)
    );
    // Today, with a plan beside it, is a today.
    assert_eq!(
        today("We run 14 clinics. Two more will open next year, once the leases are signed."),
        None
    );
}

#[test]
fn a_hold_with_an_end_date_is_not_a_hedge() {
    let escape = |s: &str| exclusion::escape(&Text::new(s)).is_some();
    assert!(escape("For now, we will not build crematoria of our own."));
    assert!(!escape(
        "For now, until the end of 2029, we will not build crematoria of our own."
    ));
    assert!(!escape(
        "For now, until the new line reaches full output in mid-2028, we will not deliver outside the 40 metros."
    ));
}
