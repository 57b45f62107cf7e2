//! What was scarce and is not: "GPs rarely refer people with dementia"
//! in `today`, and a future sentence on the same things that drops the
//! "rarely" says a change, not today again.

use crate::lint::text::{Text, content_senses_in, content_stems_in};

/// Words that keep a future's sentence saying none, beside [`SCARCE`].
const NONE_ALSO: &[&str] = &["free", "nothing", "not", "zero", "non", "nor", "neither"];

/// Words that say something is scarce or absent today: a future without
/// any of them says it is not.
const SCARCE: &[&str] = &[
    "rarely", "seldom", "hardly", "barely", "little", "few", "never", "none", "scarcely", "no",
    "without",
];

/// True when a sentence of `today` says something is scarce ("GPs rarely
/// refer people with dementia, frailty or heart failure") and the future's
/// sentence on the same things (three content words or more in common)
/// does not: what was scarce is not.
pub(super) fn reverses_scarcity(today: &Text, future: &Text) -> bool {
    let scarce = |text: &Text, sentence: &std::ops::Range<usize>| {
        sentence.clone().any(|i| text.word_in(i, SCARCE))
    };
    let sentences = |text: &Text| {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        let mut i = 0;
        while i < text.len() {
            let sentence = text.sentence_of(i);
            i = sentence.end.max(i + 1);
            out.push(sentence);
        }
        out
    };
    let future_sentences = sentences(future);
    sentences(today)
        .iter()
        .filter(|t| scarce(today, t))
        .any(|t| {
            let words = content_stems_in(today, t.clone());
            let shared = |f: &std::ops::Range<usize>| {
                content_senses_in(future, f.clone(), |_| true)
                    .iter()
                    .filter(|w| w.in_set(&words))
                    .count()
            };
            future_sentences
                .iter()
                .map(|f| (shared(f), f))
                .max_by_key(|(n, _)| *n)
                .is_some_and(|(n, f)| {
                    // "free of artificial preservatives" is still none.
                    n >= 3 && !scarce(future, f) && !f.clone().any(|i| future.word_in(i, NONE_ALSO))
                })
        })
}
