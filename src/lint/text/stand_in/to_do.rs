//! A `today` that is a note to whoever fills it in: "Need to pull this
//! season's box numbers before the review. Ask Sam for the till figures.";
//! "To do: get the 2026 box count from the spreadsheet; confirm with Sam."
//! Every sentence opens with a task (`lexicon/task-verb.txt`, "to do",
//! "need to"), so nothing in it says where things stand.

use super::super::{Kind, Text};

/// The longest note read as a to-do list: past it, more is being said.
const LONGEST: usize = 40;

/// True when every sentence of `text` opens with a task.
pub(super) fn to_do(text: &Text) -> bool {
    // "24% of treated water is lost" says where things stand.
    if text.is_empty() || text.len() > LONGEST || super::counts_something(text) {
        return false;
    }
    let mut start = 0;
    while start < text.len() {
        let sentence = text.sentence_of(start);
        if !opens_with_task(text, sentence.start) {
            return false;
        }
        start = sentence.end.max(start + 1);
    }
    true
}

/// "Ask Sam …", "To do: …", "Need to pull …", "We need to get …", "Still
/// to check …": a task at the sentence's start. "Needs outstrip supply"
/// and "Get-togethers are monthly" are not.
fn opens_with_task(text: &Text, at: usize) -> bool {
    let mut i = at;
    // "We need to add …" is a task; "we find out about leaks when …" is today.
    let subject = text.word_in(i, &["we", "i"]);
    if subject || text.word_in(i, &["still", "then", "also"]) {
        i += 1;
    }
    if text.word(i) == "to" && text.word_in(i + 1, &["do", "check", "confirm", "add", "get"]) {
        return true;
    }
    if text.word_in(i, &["need", "needs"]) {
        return text.word(i + 1) == "to";
    }
    !subject
        && text.is(i, Kind::TaskVerb)
        && !text.word_in(i + 1, &["is", "are", "was", "were", "has", "have"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_to_whoever_fills_it_in() {
        for today in [
            "Need to pull this season's box numbers and pack-shed hours before the review. Ask \
             Sam for the till figures.",
            "To do: get the 2026 box count and packing hours from the spreadsheet; confirm with Sam.",
            "Get the numbers from finance.",
            "We need to add last year's figures. Check with Priya.",
        ] {
            assert!(to_do(&Text::new(today)), "{today}");
        }
        for today in [
            "Needs outstrip supply: 310 families are on the waiting list.",
            "We pack 1,200 boxes a week on two lines. Ask any member and they will say swaps are hard.",
            "Members need to phone by Friday to swap an item, and 40% never do.",
            "Calls to the helpline take 9 minutes on average.",
            "We find out about leaks mostly when customers report water in the street.",
        ] {
            assert!(!to_do(&Text::new(today)), "{today}");
        }
    }
}
