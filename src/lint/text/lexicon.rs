//! The lexicon: every word list compiled once into one map from a word to the
//! patterns that start with it, so tagging a text costs one hash lookup per word.

use std::sync::LazyLock;

use super::hash::{FxHashMap, hash_str};
use super::stem::stem;
use super::{Text, words};

/// What a lexicon entry means; rules ask for the kinds they care about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `lexicon/fluff.txt`.
    Fluff,
    /// `lexicon/non-choice.txt`.
    NonChoice,
    /// `lexicon/weasel.txt`.
    Weasel,
    /// `lexicon/hedge.txt`.
    Hedge,
    /// `lexicon/intensifier.txt`.
    Intensifier,
    /// `lexicon/booster.txt`.
    Booster,
    /// `lexicon/comparative.txt`.
    Comparative,
    /// `lexicon/evaluative.txt`.
    Evaluative,
    /// `lexicon/superlative.txt`.
    Superlative,
    /// `lexicon/actor.txt`.
    Actor,
    /// `lexicon/concrete.txt`.
    Concrete,
    /// `lexicon/number-word.txt`.
    NumberWord,
    /// `lexicon/time-word.txt`.
    TimeWord,
    /// `lexicon/continuity.txt`.
    Continuity,
    /// `lexicon/status-quo.txt`.
    StatusQuo,
    /// `lexicon/maintain.txt`.
    Maintain,
    /// `lexicon/build-verb.txt`.
    BuildVerb,
    /// `lexicon/solution-noun.txt`.
    SolutionNoun,
    /// `lexicon/change-verb.txt`.
    ChangeVerb,
    /// `lexicon/absolute.txt`.
    Absolute,
    /// `lexicon/global-scope.txt`.
    GlobalScope,
    /// `lexicon/all-quantifier.txt`.
    AllQuantifier,
    /// `lexicon/bad-noun.txt`.
    BadNoun,
    /// `lexicon/placeholder.txt`.
    Placeholder,
    /// `lexicon/vacuous.txt`.
    Vacuous,
    /// `lexicon/output-word.txt`.
    OutputWord,
    /// `lexicon/stop.txt`.
    Stop,
    /// `lexicon/lead-filler.txt`.
    LeadFiller,
    /// `lexicon/judgement.txt`.
    Judgement,
    /// `lexicon/abstract.txt`.
    Abstract,
    /// `lexicon/generic-actor.txt`.
    GenericActor,
    /// `lexicon/copula.txt`.
    Copula,
    /// `lexicon/metaphor.txt`.
    Metaphor,
    /// `lexicon/rank.txt`.
    Rank,
    /// `lexicon/escape.txt`.
    Escape,
    /// `lexicon/bad-outcome.txt`.
    BadOutcome,
    /// `lexicon/nothing.txt`.
    Nothing,
    /// `lexicon/decide.txt`.
    Decide,
    /// `lexicon/document.txt`.
    Document,
    /// `lexicon/pointer.txt`.
    Pointer,
    /// `lexicon/unwritten.txt`.
    Unwritten,
    /// `lexicon/known.txt`.
    Known,
    /// `lexicon/starter.txt`.
    Starter,
    /// `lexicon/ceiling.txt`.
    Ceiling,
    /// `lexicon/feeling.txt`.
    Feeling,
    /// `lexicon/cosmetic.txt`.
    Cosmetic,
    /// `lexicon/financial.txt`.
    Financial,
    /// `lexicon/compounding.txt`.
    Compounding,
}

impl Kind {
    /// The kind's bit in [`super::Token::kinds`].
    pub fn bit(self) -> u64 {
        1 << (self as u32)
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

const LISTS: &[(Kind, &str)] = &[
    (Kind::Fluff, words::FLUFF),
    (Kind::NonChoice, words::NON_CHOICE),
    (Kind::Weasel, words::WEASEL),
    (Kind::Hedge, words::HEDGE),
    (Kind::Intensifier, words::INTENSIFIER),
    (Kind::Booster, words::BOOSTER),
    (Kind::Comparative, words::COMPARATIVE),
    (Kind::Evaluative, words::EVALUATIVE),
    (Kind::Superlative, words::SUPERLATIVE),
    (Kind::Actor, words::ACTOR),
    (Kind::Concrete, words::CONCRETE),
    (Kind::NumberWord, words::NUMBER_WORD),
    (Kind::TimeWord, words::TIME_WORD),
    (Kind::Continuity, words::CONTINUITY),
    (Kind::StatusQuo, words::STATUS_QUO),
    (Kind::Maintain, words::MAINTAIN),
    (Kind::BuildVerb, words::BUILD_VERB),
    (Kind::SolutionNoun, words::SOLUTION_NOUN),
    (Kind::ChangeVerb, words::CHANGE_VERB),
    (Kind::Absolute, words::ABSOLUTE),
    (Kind::GlobalScope, words::GLOBAL_SCOPE),
    (Kind::AllQuantifier, words::ALL_QUANTIFIER),
    (Kind::BadNoun, words::BAD_NOUN),
    (Kind::Placeholder, words::PLACEHOLDER),
    (Kind::Vacuous, words::VACUOUS),
    (Kind::OutputWord, words::OUTPUT_WORD),
    (Kind::Stop, words::STOP),
    (Kind::LeadFiller, words::LEAD_FILLER),
    (Kind::Judgement, words::JUDGEMENT),
    (Kind::Abstract, words::ABSTRACT),
    (Kind::GenericActor, words::GENERIC_ACTOR),
    (Kind::Copula, words::COPULA),
    (Kind::Metaphor, words::METAPHOR),
    (Kind::Rank, words::RANK),
    (Kind::Escape, words::ESCAPE),
    (Kind::BadOutcome, words::BAD_OUTCOME),
    (Kind::Nothing, words::NOTHING),
    (Kind::Decide, words::DECIDE),
    (Kind::Document, words::DOCUMENT),
    (Kind::Pointer, words::POINTER),
    (Kind::Unwritten, words::UNWRITTEN),
    (Kind::Known, words::KNOWN),
    (Kind::Starter, words::STARTER),
    (Kind::Ceiling, words::CEILING),
    (Kind::Feeling, words::FEELING),
    (Kind::Cosmetic, words::COSMETIC),
    (Kind::Financial, words::FINANCIAL),
    (Kind::Compounding, words::COMPOUNDING),
];

/// What the lexicon knows about one word form or stem.
#[derive(Default)]
struct Entry {
    /// Bits of the single-word kinds the word carries.
    bits: u64,
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
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut lexicon = Lexicon::default();
    for &(kind, list) in LISTS {
        for entry in words::entries(list) {
            let slots: Vec<Slot> = entry.split(' ').map(slot).collect();
            let Some((first, rest)) = slots.split_first() else {
                continue;
            };
            for key in first {
                let at = match *key {
                    Key::Form(h) => lexicon.forms.entry(h).or_default(),
                    Key::Stem(h) => lexicon.stems.entry(h).or_default(),
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

/// Kinds that rules read as matches; the others are only bits on tokens.
fn reported(kind: Kind) -> bool {
    !matches!(
        kind,
        Kind::Stop
            | Kind::LeadFiller
            | Kind::Actor
            | Kind::Concrete
            | Kind::NumberWord
            | Kind::TimeWord
            | Kind::Comparative
            | Kind::Evaluative
            | Kind::Booster
            | Kind::AllQuantifier
            | Kind::BadNoun
            | Kind::SolutionNoun
            | Kind::ChangeVerb
            | Kind::Judgement
            | Kind::Abstract
            | Kind::GenericActor
            | Kind::Copula
            | Kind::Nothing
            | Kind::Document
            | Kind::Pointer
            | Kind::Known
            | Kind::Feeling
            | Kind::Compounding
    )
}

const ALL_KINDS: [Kind; 48] = [
    Kind::Fluff,
    Kind::NonChoice,
    Kind::Weasel,
    Kind::Hedge,
    Kind::Intensifier,
    Kind::Booster,
    Kind::Comparative,
    Kind::Evaluative,
    Kind::Superlative,
    Kind::Actor,
    Kind::Concrete,
    Kind::NumberWord,
    Kind::TimeWord,
    Kind::Continuity,
    Kind::StatusQuo,
    Kind::Maintain,
    Kind::BuildVerb,
    Kind::SolutionNoun,
    Kind::ChangeVerb,
    Kind::Absolute,
    Kind::GlobalScope,
    Kind::AllQuantifier,
    Kind::BadNoun,
    Kind::Placeholder,
    Kind::Vacuous,
    Kind::OutputWord,
    Kind::Stop,
    Kind::LeadFiller,
    Kind::Judgement,
    Kind::Abstract,
    Kind::GenericActor,
    Kind::Copula,
    Kind::Metaphor,
    Kind::Rank,
    Kind::Escape,
    Kind::BadOutcome,
    Kind::Nothing,
    Kind::Decide,
    Kind::Document,
    Kind::Pointer,
    Kind::Unwritten,
    Kind::Known,
    Kind::Starter,
    Kind::Ceiling,
    Kind::Feeling,
    Kind::Cosmetic,
    Kind::Financial,
    Kind::Compounding,
];

/// Bits of the kinds that [`reported`] lets through.
static REPORTED: LazyLock<u64> = LazyLock::new(|| {
    ALL_KINDS
        .iter()
        .filter(|k| reported(**k))
        .fold(0, |bits, k| bits | k.bit())
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
            // ALL_KINDS is in declaration order, so a bit's index is its kind.
            let kind = ALL_KINDS[reportable.trailing_zeros() as usize];
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
    fn all_kinds_are_in_declaration_order() {
        for (i, kind) in ALL_KINDS.iter().enumerate() {
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
