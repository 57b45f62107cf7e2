//! The lexicon: every word list compiled once into one map from a word to the
//! patterns that start with it, so tagging a text costs one hash lookup per word.

use std::sync::LazyLock;

use super::hash::{FxHashMap, hash_str};
use super::stem::{stem, stem_hash};
use super::{Text, words};

/// Declares every list of the lexicon once: its [`Kind`], its file in
/// `src/lint/lexicon/` (whose header says what the words mean) and whether
/// rules read its words as [`Match`]es (`reported`) or only as bits on tokens.
macro_rules! lists {
    ($($kind:ident: $file:literal $(, $reported:ident)?;)*) => {
        /// What a lexicon entry means; rules ask for the kinds they care about.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kind {
            $(
                #[doc = concat!("`lexicon/", $file, ".txt`.")]
                $kind,
            )*
        }

        /// Every kind with its list, in declaration order.
        const LISTS: &[(Kind, &str, bool)] = &[
            $((
                Kind::$kind,
                include_str!(concat!("../lexicon/", $file, ".txt")),
                lists!(@reported $($reported)?),
            ),)*
        ];
    };
    (@reported reported) => { true };
    (@reported) => { false };
}

lists! {
    Fluff: "fluff", reported;
    NonChoice: "non-choice", reported;
    Weasel: "weasel", reported;
    Hedge: "hedge", reported;
    Intensifier: "intensifier", reported;
    Booster: "booster";
    Comparative: "comparative";
    Evaluative: "evaluative";
    Superlative: "superlative", reported;
    Actor: "actor";
    Concrete: "concrete";
    NumberWord: "number-word";
    TimeWord: "time-word";
    Continuity: "continuity", reported;
    StatusQuo: "status-quo", reported;
    Maintain: "maintain", reported;
    BuildVerb: "build-verb", reported;
    SolutionNoun: "solution-noun";
    ChangeVerb: "change-verb";
    Absolute: "absolute", reported;
    GlobalScope: "global-scope", reported;
    AllQuantifier: "all-quantifier";
    BadNoun: "bad-noun";
    Placeholder: "placeholder", reported;
    Vacuous: "vacuous", reported;
    OutputWord: "output-word", reported;
    Stop: "stop";
    LeadFiller: "lead-filler";
    Judgement: "judgement";
    Abstract: "abstract";
    GenericActor: "generic-actor";
    Copula: "copula";
    Metaphor: "metaphor", reported;
    Rank: "rank", reported;
    Escape: "escape", reported;
    BadOutcome: "bad-outcome", reported;
    Nothing: "nothing";
    Decide: "decide", reported;
    Document: "document";
    Pointer: "pointer";
    Unwritten: "unwritten", reported;
    Known: "known";
    Starter: "starter", reported;
    Ceiling: "ceiling", reported;
    Feeling: "feeling";
    Cosmetic: "cosmetic", reported;
    Financial: "financial", reported;
    Compounding: "compounding";
    Growth: "growth";
    SameMeans: "same-means";
    LeadTime: "lead-time";
    StandAlone: "stand-alone";
    Finding: "finding";
    Gathering: "gathering";
    About: "about";
    Counting: "counting";
    Finished: "finished";
    Activity: "activity";
    ActivityNoun: "activity-noun";
    Unsized: "unsized";
    Limit: "limit", reported;
    Total: "total", reported;
    Release: "release";
    Problem: "problem";
    Community: "community";
    Rival: "rival";
    Benchmark: "benchmark";
    Matching: "matching";
    Version: "version";
    Later: "later";
    Judged: "judged";
    Full: "full", reported;
    NoneComing: "none-coming", reported;
    Place: "place";
    GoodShare: "good-share";
    BadShare: "bad-share";
    PlanPart: "plan-part";
    ChangeNoun: "change-noun";
    Occasion: "occasion";
    ProcessVerb: "process-verb";
    Falling: "falling";
    MarketScope: "market-scope";
    Budget: "budget";
    TaskVerb: "task-verb";
    Cost: "cost";
    Takings: "takings";
    WholeBusiness: "whole-business";
    HoldsLevel: "holds-level";
}

const _: () = assert!(LISTS.len() <= 128, "Token::kinds holds 128 kinds");

impl Kind {
    /// The kind's bit in [`super::Token::kinds`].
    pub fn bit(self) -> u128 {
        1 << (self as u32)
    }

    /// True when the lexicon gives the lower-case `word` this single-word
    /// kind: for a word the rules have made themselves (a possessive trimmed,
    /// a metric's target), where no token's [`super::Token::is`] can be asked.
    /// The word is stemmed only for a kind with `~` entries.
    pub fn tags(self, word: &str) -> bool {
        let lexicon = &*LEXICON;
        let bits = |map: &FxHashMap<u64, Entry>, hash| map.get(&hash).map_or(0, |e| e.bits);
        let hash = hash_str(word);
        let mut found = bits(&lexicon.forms, hash);
        if found & self.bit() == 0 && lexicon.stemmed & self.bit() != 0 {
            found |= bits(&lexicon.stems, stem_hash(word, hash));
        }
        found & self.bit() != 0
    }
}

/// A lexicon entry found in a text: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// What the entry means.
    pub kind: Kind,
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token.
    pub last: usize,
}

/// A word a pattern position accepts: this exact form, or any word with
/// this stem (an entry written with a trailing `~`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Form(u64),
    Stem(u64),
}

/// One position of a phrase: the words that may stand there; empty = any word.
type Slot = Vec<Key>;

struct Pattern {
    rest: Vec<Slot>,
    kind: Kind,
}

/// What the lexicon knows about one word form or stem.
#[derive(Default)]
struct Entry {
    /// Bits of the single-word kinds the word carries.
    bits: u128,
    /// Multi-word patterns that start with the word.
    phrases: Vec<Pattern>,
}

/// Entries keyed by a word's 64-bit hash (exact forms) and by its stem's
/// hash (`~` entries), each computed once per token: two different words
/// sharing a hash among a few thousand entries is a 1-in-10^15 event, and the
/// cost would be one misread word.
#[derive(Default)]
struct Lexicon {
    forms: FxHashMap<u64, Entry>,
    stems: FxHashMap<u64, Entry>,
    /// Bits of the kinds with an entry keyed by stem.
    stemmed: u128,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut lexicon = Lexicon::default();
    for &(kind, list, _) in LISTS {
        for entry in words::entries(list) {
            let slots: Vec<Slot> = entry.split(' ').map(slot).collect();
            let Some((first, rest)) = slots.split_first() else {
                continue;
            };
            for key in first {
                let at = match *key {
                    Key::Form(h) => lexicon.forms.entry(h).or_default(),
                    Key::Stem(h) => {
                        lexicon.stemmed |= kind.bit();
                        lexicon.stems.entry(h).or_default()
                    }
                };
                if rest.is_empty() {
                    at.bits |= kind.bit();
                } else {
                    at.phrases.push(Pattern {
                        rest: rest.to_vec(),
                        kind,
                    });
                }
            }
        }
    }
    lexicon
}

fn slot(spec: &str) -> Slot {
    if spec == "*" {
        return Vec::new();
    }
    let mut out = Vec::new();
    for alt in spec.split('|') {
        if let Some(base) = alt.strip_suffix('~') {
            out.push(Key::Stem(hash_str(&stem(base))));
        } else if let Some(base) = alt.strip_suffix('+') {
            out.extend(inflections(base).iter().map(|w| Key::Form(hash_str(w))));
        } else {
            out.push(Key::Form(hash_str(alt)));
        }
    }
    out
}

/// Regular inflections of `base`: plural or third person, past, gerund.
pub fn inflections(base: &str) -> Vec<String> {
    let mut out = vec![base.to_owned()];
    if let Some(stem) = base.strip_suffix('e') {
        out.extend([format!("{base}s"), format!("{base}d"), format!("{stem}ing")]);
    } else if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{base}ing"),
        ]);
    } else if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        out.extend([
            format!("{base}es"),
            format!("{base}ed"),
            format!("{base}ing"),
        ]);
    } else {
        out.extend([
            format!("{base}s"),
            format!("{base}ed"),
            format!("{base}ing"),
        ]);
    }
    out
}

impl Key {
    fn accepts(self, token: &super::Token, form: u64) -> bool {
        match self {
            Key::Form(h) => h == form,
            Key::Stem(h) => h == token.stem,
        }
    }
}

/// Bits of the kinds whose words rules read as matches.
static REPORTED: LazyLock<u128> = LazyLock::new(|| {
    LISTS
        .iter()
        .filter(|(_, _, reported)| *reported)
        .fold(0, |bits, (kind, _, _)| bits | kind.bit())
});

/// Sets each token's kind bits and records reported matches, phrases included.
pub(super) fn tag(text: &mut Text) {
    let lexicon = &*LEXICON;
    for i in 0..text.tokens.len() {
        let by_form = lexicon.forms.get(&text.hashes_at(i));
        let by_stem = lexicon.stems.get(&text.tokens[i].stem);
        if by_form.is_none() && by_stem.is_none() {
            continue;
        }
        let bits = by_form.map_or(0, |e| e.bits) | by_stem.map_or(0, |e| e.bits);
        text.tokens[i].kinds = bits;
        let mut reportable = bits & *REPORTED;
        while reportable != 0 {
            // LISTS is in declaration order, so a bit's index is its kind.
            let kind = LISTS[reportable.trailing_zeros() as usize].0;
            reportable &= reportable - 1;
            text.matches.push(Match {
                kind,
                first: i,
                last: i,
            });
        }
        for entry in by_form.into_iter().chain(by_stem) {
            for pattern in &entry.phrases {
                if let Some(last) = phrase_end(text, i, &pattern.rest) {
                    text.matches.push(Match {
                        kind: pattern.kind,
                        first: i,
                        last,
                    });
                }
            }
        }
    }
}

/// The index of the last token if the phrase continues from token `i`; a
/// phrase never runs across a sentence.
fn phrase_end(text: &Text, i: usize, rest: &[Slot]) -> Option<usize> {
    let sentence = text.tokens[i].sentence;
    let mut at = i;
    for slot in rest {
        at += 1;
        let token = text.tokens.get(at)?;
        if token.sentence != sentence {
            return None;
        }
        if !slot.is_empty() && !slot.iter().any(|k| k.accepts(token, text.hashes_at(at))) {
            return None;
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        let t = Text::new(text);
        t.matches
            .iter()
            .map(|m| (m.kind, t.word(m.first).to_owned() + "…" + t.word(m.last)))
            .collect()
    }

    #[test]
    fn lists_are_in_declaration_order() {
        for (i, (kind, _, _)) in LISTS.iter().enumerate() {
            assert_eq!(*kind as usize, i);
        }
    }

    #[test]
    fn single_words_and_phrases_are_found_case_insensitively() {
        let found = kinds("We LEVERAGE synergies to Drive Value.");
        assert!(found.contains(&(Kind::Fluff, "leverage…leverage".into())));
        assert!(found.contains(&(Kind::Fluff, "synergies…synergies".into())));
        assert!(found.contains(&(Kind::Fluff, "drive…value".into())));
    }

    #[test]
    fn phrases_stop_at_sentence_ends() {
        let found = kinds("We drive. Value is ours.");
        assert!(!found.iter().any(|(k, _)| *k == Kind::Fluff));
    }

    #[test]
    fn wildcards_match_any_one_word() {
        let found = kinds("let our customers down");
        assert!(found.contains(&(Kind::Vacuous, "let…down".into())));
    }

    #[test]
    fn bits_mark_single_words() {
        let t = Text::new("Drivers book trucks");
        assert!(t.tokens[0].is(Kind::Actor));
        assert!(t.tokens[2].is(Kind::Concrete));
        assert!(!t.tokens[1].is(Kind::Actor));
    }
}
