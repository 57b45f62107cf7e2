//! Numbers that show nothing: a count of a plan's parts ("three key
//! levers", "all seven workstreams") or a change measured on an
//! abstraction ("a 20% improvement across the patient funnel", "a 30 per
//! cent lift in core brand indicators"). Amazon's rule is data over
//! adjectives, but a number with no subject a reader can name is an
//! adjective in digits: it says "a lot" without saying of what.

use super::super::{Kind, Text};

/// How many words a noun phrase may run to before its head.
const PHRASE: usize = 4;

/// Prepositions the function words (`lexicon/stop.txt`) leave out, which
/// end a noun phrase as theirs do.
const BETWEEN: &[&str] = &[
    "across", "within", "among", "between", "towards", "toward", "against", "beyond", "via",
];

/// True when the number at token `i` counts parts of a plan or measures a
/// change in one, or in an abstraction.
pub(super) fn hollow(text: &Text, i: usize) -> bool {
    let Some(head) = head_after(text, i + 1) else {
        return false;
    };
    if text.is(head, Kind::PlanPart) {
        return true;
    }
    // "a 20% rise in repeat bookings" shows the bookings; "a 20% rise in
    // engagement" shows nothing.
    text.is(head, Kind::ChangeNoun)
        && text.word_in(head + 1, &["in", "across", "on", "of", "to"])
        && head_after(text, head + 2)
            .is_some_and(|h| text.is(h, Kind::PlanPart) || text.is(h, Kind::Abstract))
}

/// The head of the noun phrase from token `from`: its last word before a
/// function word or the clause's end ("the patient funnel in our clinics"
/// is "funnel"), past "per cent" and leading function words ("our core
/// brand indicators" is "indicators"); none past [`PHRASE`] words.
fn head_after(text: &Text, from: usize) -> Option<usize> {
    let clause = text.tokens.get(from)?.clause;
    let mut head = None;
    let mut words = 0;
    for (j, token) in text.tokens.iter().enumerate().skip(from) {
        let word = text.word(j);
        if token.clause != clause {
            break;
        }
        if ["per", "cent", "percent", "%"].contains(&word) && head.is_none() {
            continue;
        }
        if token.is(Kind::Stop) || BETWEEN.contains(&word) {
            if head.is_some() {
                break;
            }
            continue;
        }
        words += 1;
        if words > PHRASE {
            return None;
        }
        head = Some(j);
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hollow_at(text: &str, word: &str) -> bool {
        let t = Text::new(text);
        // Each test names a word of its own text.
        let i = (0..t.len()).find(|&i| t.word(i) == word).expect("word");
        hollow(&t, i)
    }

    #[test]
    fn counts_of_plan_parts_and_changes_in_abstractions_are_hollow() {
        assert!(hollow_at("We pull three key levers.", "three"));
        assert!(hollow_at(
            "All seven workstreams are reporting green.",
            "seven"
        ));
        assert!(hollow_at(
            "A 20% improvement across the patient funnel.",
            "20%"
        ));
        assert!(hollow_at(
            "A 30 per cent lift in core brand indicators, and more.",
            "30"
        ));
    }

    #[test]
    fn numbers_of_things_and_changes_in_them_are_not() {
        assert!(!hollow_at("A 20% rise in repeat bookings.", "20%"));
        assert!(!hollow_at("We open three new clinics in Leeds.", "three"));
        assert!(!hollow_at("Satisfaction reaches 85% by June.", "85%"));
        assert!(!hollow_at("Drivers take 12 minutes to arrive.", "12"));
        // Past a noun phrase's length, no head is read.
        assert!(!hollow_at(
            "We pull three big bold new shiny key levers.",
            "three"
        ));
    }
}
