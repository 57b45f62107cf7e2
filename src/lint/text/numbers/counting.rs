//! Whether a word counts something: digits that are not a year, or a
//! number word that counts ("one order", not "one of the leaders").

use super::super::{Kind, Text, shape};

/// True when token `i` is a quantity: digits that are not a year, or a
/// number word that counts.
pub fn counts_as_number(text: &Text, i: usize) -> bool {
    let token = &text.tokens[i];
    if token.has(shape::NUMBER) {
        return !token.has(shape::YEAR);
    }
    let word = text.word(i);
    if text.is(i, Kind::Counting) {
        return true;
    }
    if word == "one" {
        let before = if i > 0 { text.word(i - 1) } else { "" };
        let after = text.word(i + 1);
        // The counted word, past any adjectives: "one smooth thing" counts nothing.
        let counted = (i + 1..(i + 4).min(text.len()))
            .find(|&j| !text.tokens[j].is(Kind::Judgement))
            .map_or("", |j| text.word(j));
        // "one shift hands over to the next": one of a pair, not a count.
        let one_of_a_pair = (i + 1..(i + 6).min(text.len()))
            .any(|j| ["next", "another", "other"].contains(&text.word(j)));
        if one_of_a_pair {
            return false;
        }
        let abstract_count = (i + 1..(i + 4).min(text.len()))
            .find(|&j| !text.tokens[j].is(Kind::Judgement))
            .is_some_and(|j| text.tokens[j].is(Kind::Abstract));
        return ![
            "no", "every", "any", "some", "the", "this", "that", "each", "which",
        ]
        .contains(&before)
            && ![
                "of", "another", "day", "way", "place", "more", "thing", "by", "at", "hand",
                "side", "time", "",
            ]
            .contains(&after)
            && !abstract_count
            && !counted.is_empty();
    }
    false
}
