use super::support::{non_overlapping, overlaps, quote, stands_alone};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text, stem};

declare_rule! {
    /// ## What it does
    /// Flags "Sunday words": buzzwords such as *world-class*, *synergy*,
    /// *leverage*, *seamless*, *transform*, *empower*, *best-in-class* or
    /// *unlock value*, in any inflection, in the title, `today` or `future`.
    /// Words with a literal sense are left alone where the context shows it:
    /// financial leverage, a data transform step, seamless steel tubes, a train
    /// journey. A buzzword in a sentence that also gives a picture (a number,
    /// or things to see) is left alone: it is style beside substance, not
    /// fluff in place of it; three or more buzzwords in a sentence with no
    /// number are the sentence, whatever place or people it also names. Add words with `fluff = [...]` and exempt them
    /// with `allow_words = [...]` under `[lint]`.
    ///
    /// ## Why is this bad?
    /// They sound like strategy and say nothing a reader can picture or
    /// check. Every competitor can sign the same sentence, so it makes no
    /// choice and gives the teams below nothing to ladder up to.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// future = "We leverage synergies to deliver a seamless, world-class payment experience."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// future = "Carriers choose at invoice time to be paid within 48 hours for a 2% fee, and 25% of invoices are paid that way."
    /// ```
    pub static RULE = {
        name: "sunday-words",
        criterion: Concrete,
        severity: Warning,
        summary: "Buzzwords that sound like strategy and say nothing a reader can picture",
        check: check,
    };
}

/// Buzzwords this many to a sentence are the sentence, whatever else it
/// names: "a world-class, resilient, customer-centric service for the
/// Algarve" pictures nothing but the place.
const STACKED: usize = 3;

/// True when `m`'s sentence holds at least [`STACKED`] buzzwords and no
/// number to measure them.
fn stacked(text: &Text, buzzwords: &[Match], m: &Match) -> bool {
    let sentence = |i: usize| text.tokens[i].sentence;
    let here = sentence(m.first);
    buzzwords
        .iter()
        .filter(|b| sentence(b.first) == here)
        .count()
        >= STACKED
        && !text.values().iter().any(|v| sentence(v.first) == here)
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in cx.prose() {
        let source = cx.node.doc.text(field).unwrap_or_default();
        let buzzwords: Vec<Match> = non_overlapping(text.matches_of(Kind::Fluff))
            .into_iter()
            .filter(|m| !literal_sense(text, m) && !overlaps(text, m, Kind::NonChoice))
            .collect();
        let mut found: Vec<Match> = buzzwords
            .iter()
            .copied()
            .filter(|m| stands_alone(cx, field, text, m.first) || stacked(text, &buzzwords, m))
            .filter(|m| !cx.allowed(text, m))
            .collect();
        if !cx.config.fluff.is_empty() {
            for i in 0..text.len() {
                let word = text.word(i);
                let extra = cx
                    .config
                    .fluff
                    .iter()
                    .any(|f| f == word || stem(f) == stem(word));
                let m = Match {
                    kind: Kind::Fluff,
                    first: i,
                    last: i,
                };
                if extra
                    && !found.iter().any(|f| f.first <= i && i <= f.last)
                    && !cx.allowed(text, &m)
                {
                    found.push(m);
                }
            }
        }
        for m in found {
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` is a Sunday word: it sounds like strategy but names nothing a reader can picture"),
                "Any rival could sign this sentence, so it chooses nothing. Replace it with what changes, \
                 for whom, by how much: an actor, a number, a date or a place.",
            );
        }
    }
}

/// True when a word that is usually fluff is used in its literal sense here.
fn literal_sense(text: &Text, m: &Match) -> bool {
    if m.first != m.last {
        return false;
    }
    let word = text.word(m.first);
    let before = if m.first > 0 {
        text.word(m.first - 1)
    } else {
        ""
    };
    let after = text.word(m.first + 1);
    let next_is_number = text
        .tokens
        .get(m.first + 1)
        .is_some_and(|t| t.has(crate::lint::text::shape::NUMBER));
    if word.starts_with("leverag") {
        const BEFORE: &[&str] = &[
            "cap",
            "caps",
            "capped",
            "capping",
            "limit",
            "limits",
            "financial",
            "operating",
            "margin",
            "the",
            "of",
            "high",
            "low",
            "max",
            "maximum",
            "more",
            "less",
            "reduce",
            "reduced",
            "lower",
            "net",
            "gross",
            "with",
            "without",
            "no",
        ];
        const AFTER: &[&str] = &[
            "ratio", "ratios", "of", "on", "at", "limit", "limits", "cap", "caps", "to", "above",
            "below",
        ];
        return BEFORE.contains(&before) || AFTER.contains(&after) || next_is_number;
    }
    if word.starts_with("transform") {
        const BEFORE: &[&str] = &[
            "data",
            "sql",
            "etl",
            "elt",
            "fourier",
            "laplace",
            "coordinate",
            "image",
            "geometric",
            "linear",
            "dbt",
            "affine",
            "wavelet",
        ];
        // "a transform", "each transform": the noun, never "a transformative".
        const DETERMINERS: &[&str] = &["a", "each", "every", "this", "that", "one", "the"];
        let noun = (word == "transform" || word == "transforms") && DETERMINERS.contains(&before);
        const AFTER: &[&str] = &[
            "step",
            "steps",
            "function",
            "functions",
            "job",
            "jobs",
            "layer",
            "layers",
            "stage",
            "stages",
            "pipeline",
            "pipelines",
            "matrix",
            "script",
            "scripts",
            "rule",
            "rules",
            "data",
            "records",
            "files",
            "rows",
            "csv",
            "json",
            "xml",
            "events",
            "logs",
            "raw",
        ];
        return noun || BEFORE.contains(&before) || AFTER.contains(&after);
    }
    if word.starts_with("seamless") {
        const AFTER: &[&str] = &[
            "steel",
            "tube",
            "tubes",
            "tubing",
            "pipe",
            "pipes",
            "gutter",
            "gutters",
            "stocking",
            "stockings",
            "knit",
            "knitting",
            "flooring",
            "floor",
            "floors",
            "rolled",
            "fabric",
            "garment",
            "garments",
            "rings",
            "ring",
        ];
        // "seamless hydrogen-rated steel tubes": the product noun may come a few words on.
        return (m.first + 1..(m.first + 4).min(text.len())).any(|j| AFTER.contains(&text.word(j)));
    }
    if word.starts_with("journey") {
        const BEFORE: &[&str] = &[
            "train",
            "rail",
            "bus",
            "car",
            "coach",
            "passenger",
            "flight",
            "air",
            "commute",
            "commuter",
            "school",
            "delivery",
            "walking",
            "cycle",
            "bike",
            "ferry",
            "taxi",
            "return",
            "outbound",
            "inbound",
            "one-way",
            "door-to-door",
            "truck",
            "tram",
            "metro",
            "her",
            "his",
            "their",
        ];
        return BEFORE.contains(&before);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired;

    fn fires(future: &str) -> usize {
        fired(super::RULE.name, &[("future", future)])
    }

    #[test]
    fn catches_inflections_and_case() {
        assert_eq!(fires("Leveraging SYNERGIES, we Empowered brokers."), 3);
        assert_eq!(fires("A transformative, best-in-class hub."), 2);
        assert_eq!(fires("We will drive value and unlock growth."), 2);
    }

    #[test]
    fn leaves_literal_senses_alone() {
        assert_eq!(fires("Cap leverage on retail margin accounts at 5:1."), 0);
        assert_eq!(fires("Add a transform step to the SQL pipeline."), 0);
        assert_eq!(fires("Sell seamless steel tubes to 3 grid operators."), 0);
        assert_eq!(fires("Passengers book a train journey in 2 taps."), 0);
    }

    #[test]
    fn stacked_buzzwords_fire_beside_a_picture_but_one_does_not() {
        // The place and the crews would picture the sentence; three
        // buzzwords and no number are what it says.
        assert_eq!(
            fires(
                "A world-class, seamless, best-in-class service for the Algarve, run by our crews."
            ),
            3
        );
        assert_eq!(
            fires("A seamless booking for the Algarve's 40 hotels, run by our crews."),
            0
        );
        assert_eq!(
            fires("A world-class, seamless, best-in-class service for 40 hotels in the Algarve."),
            0
        );
    }

    #[test]
    fn non_choices_are_left_to_their_own_rule() {
        assert_eq!(fires("Operational excellence in every plant."), 0);
    }
}
