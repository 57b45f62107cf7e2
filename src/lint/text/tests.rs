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
