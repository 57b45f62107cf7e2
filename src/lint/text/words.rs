//! The word lists behind the lexicon. They are data, not code: one file per
//! list in `src/lint/lexicon/`, embedded at build time; each file's header
//! says what its words mean to the rules. See `src/lint/lexicon/README.md`
//! for the syntax.

/// The entries of a list file: one per line; blank lines and `#` comments skipped.
pub fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// Buzzwords that sound like strategy and say nothing a reader can picture. (`lexicon/fluff.txt`)
pub const FLUFF: &str = include_str!("../lexicon/fluff.txt");
/// Martin's non-choices: things whose opposite is stupid, so everyone says them. (`lexicon/non-choice.txt`)
pub const NON_CHOICE: &str = include_str!("../lexicon/non-choice.txt");
/// Hedges and data-free quantifiers: words that stand where a number belongs. (`lexicon/weasel.txt`)
pub const WEASEL: &str = include_str!("../lexicon/weasel.txt");
/// Hedges: fair in a diagnosis of today ("usually from the shipper"), weasel (`lexicon/hedge.txt`)
pub const HEDGE: &str = include_str!("../lexicon/hedge.txt");
/// Intensifiers that stand in for a measurement ("significantly better"). (`lexicon/intensifier.txt`)
pub const INTENSIFIER: &str = include_str!("../lexicon/intensifier.txt");
/// Words that turn a comparative into a claim with no size: "much faster". (`lexicon/booster.txt`)
pub const BOOSTER: &str = include_str!("../lexicon/booster.txt");
/// Comparatives and change words that need a number or a `than` beside them. (`lexicon/comparative.txt`)
pub const COMPARATIVE: &str = include_str!("../lexicon/comparative.txt");
/// Adjectives of praise with no observation behind them. (`lexicon/evaluative.txt`)
pub const EVALUATIVE: &str = include_str!("../lexicon/evaluative.txt");
/// Superlatives that claim a rank without saying by what measure. (`lexicon/superlative.txt`)
pub const SUPERLATIVE: &str = include_str!("../lexicon/superlative.txt");
/// People a reader can picture doing something (with plurals added by `~`). (`lexicon/actor.txt`)
pub const ACTOR: &str = include_str!("../lexicon/actor.txt");
/// Things and places a reader can picture. (`lexicon/concrete.txt`)
pub const CONCRETE: &str = include_str!("../lexicon/concrete.txt");
/// Number words: they count as data as much as digits do. (`lexicon/number-word.txt`)
pub const NUMBER_WORD: &str = include_str!("../lexicon/number-word.txt");
/// Units and names of time that make a statement checkable. (`lexicon/time-word.txt`)
pub const TIME_WORD: &str = include_str!("../lexicon/time-word.txt");
/// Verbs that keep the present going: a future led by them is today again. (`lexicon/continuity.txt`)
pub const CONTINUITY: &str = include_str!("../lexicon/continuity.txt");
/// Phrases that say outright that nothing changes. (`lexicon/status-quo.txt`)
pub const STATUS_QUO: &str = include_str!("../lexicon/status-quo.txt");
/// Verbs that hold a number where it is: no stretch when they lead a goal. (`lexicon/maintain.txt`)
pub const MAINTAIN: &str = include_str!("../lexicon/maintain.txt");
/// Verbs that announce a deliverable rather than a change in the world. (`lexicon/build-verb.txt`)
pub const BUILD_VERB: &str = include_str!("../lexicon/build-verb.txt");
/// Nouns that name a solution: an initiative titled after one has skipped the problem. (`lexicon/solution-noun.txt`)
pub const SOLUTION_NOUN: &str = include_str!("../lexicon/solution-noun.txt");
/// Verbs of measurable change: their presence marks an outcome, not an output. (`lexicon/change-verb.txt`)
pub const CHANGE_VERB: &str = include_str!("../lexicon/change-verb.txt");
/// Unachievable absolutes (context checked by `unachievable-absolute`). (`lexicon/absolute.txt`)
pub const ABSOLUTE: &str = include_str!("../lexicon/absolute.txt");
/// Words that make an absolute reach everyone, everywhere. (`lexicon/global-scope.txt`)
pub const GLOBAL_SCOPE: &str = include_str!("../lexicon/global-scope.txt");
/// Quantifiers that, with a global scope, promise everyone. (`lexicon/all-quantifier.txt`)
pub const ALL_QUANTIFIER: &str = include_str!("../lexicon/all-quantifier.txt");
/// Things nobody can drive to zero: "zero X" or "eliminate X" is absolute. (`lexicon/bad-noun.txt`)
pub const BAD_NOUN: &str = include_str!("../lexicon/bad-noun.txt");
/// Placeholders where a `will_not` item should be. (`lexicon/placeholder.txt`)
pub const PLACEHOLDER: &str = include_str!("../lexicon/placeholder.txt");
/// `will_not` items whose opposite is stupid, or that exclude nothing nameable. (`lexicon/vacuous.txt`)
pub const VACUOUS: &str = include_str!("../lexicon/vacuous.txt");
/// Words that are output, not outcome, when they are the key result. (`lexicon/output-word.txt`)
pub const OUTPUT_WORD: &str = include_str!("../lexicon/output-word.txt");
/// Function words left out when comparing `today` with `future`. (`lexicon/stop.txt`)
pub const STOP: &str = include_str!("../lexicon/stop.txt");
/// Near-synonyms folded together when comparing `today` with `future`, so a (`lexicon/synonyms.txt`)
pub const SYNONYMS: &str = include_str!("../lexicon/synonyms.txt");
/// Words that may stand before a sentence's main verb without being it: (`lexicon/lead-filler.txt`)
pub const LEAD_FILLER: &str = include_str!("../lexicon/lead-filler.txt");
/// Judgements (`lexicon/judgement.txt`)
pub const JUDGEMENT: &str = include_str!("../lexicon/judgement.txt");
/// Abstract nouns (`lexicon/abstract.txt`)
pub const ABSTRACT: &str = include_str!("../lexicon/abstract.txt");
/// People in general (`lexicon/generic-actor.txt`)
pub const GENERIC_ACTOR: &str = include_str!("../lexicon/generic-actor.txt");
/// Verbs that join a subject to what is said of it (`lexicon/copula.txt`)
pub const COPULA: &str = include_str!("../lexicon/copula.txt");
/// Figures of speech that stand in for a picture (`lexicon/metaphor.txt`)
pub const METAPHOR: &str = include_str!("../lexicon/metaphor.txt");
/// How-we-win claims that are only "better than the others" (`lexicon/rank.txt`)
pub const RANK: &str = include_str!("../lexicon/rank.txt");
/// Escape hatches in a `will_not` item (`lexicon/escape.txt`)
pub const ESCAPE: &str = include_str!("../lexicon/escape.txt");
/// Bad outcomes (`lexicon/bad-outcome.txt`)
pub const BAD_OUTCOME: &str = include_str!("../lexicon/bad-outcome.txt");
/// Heads of an exclusion that name no particular thing (`lexicon/nothing.txt`)
pub const NOTHING: &str = include_str!("../lexicon/nothing.txt");
/// Decisions (`lexicon/decide.txt`)
pub const DECIDE: &str = include_str!("../lexicon/decide.txt");
/// Documents and meetings a field can point to instead of saying what it (`lexicon/document.txt`)
pub const DOCUMENT: &str = include_str!("../lexicon/document.txt");
/// Words that send the reader somewhere else (`lexicon/pointer.txt`)
pub const POINTER: &str = include_str!("../lexicon/pointer.txt");
/// A field that says it will be written later (`lexicon/unwritten.txt`)
pub const UNWRITTEN: &str = include_str!("../lexicon/unwritten.txt");
/// A field that assumes the reader already knows (`lexicon/known.txt`)
pub const KNOWN: &str = include_str!("../lexicon/known.txt");
/// The starter's guidance (`lexicon/starter.txt`)
pub const STARTER: &str = include_str!("../lexicon/starter.txt");
/// Rates no operation holds at 100% (`lexicon/ceiling.txt`)
pub const CEILING: &str = include_str!("../lexicon/ceiling.txt");
/// Feelings (`lexicon/feeling.txt`)
pub const FEELING: &str = include_str!("../lexicon/feeling.txt");
/// Cosmetic changes (`lexicon/cosmetic.txt`)
pub const COSMETIC: &str = include_str!("../lexicon/cosmetic.txt");
/// The score of a business: revenue, margin, returns (`lexicon/financial.txt`).
pub const FINANCIAL: &str = include_str!("../lexicon/financial.txt");
/// `lexicon/compounding.txt`.
pub const COMPOUNDING: &str = include_str!("../lexicon/compounding.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let list: &'static str = "# a header\n\nfoo|bar\n  # indented comment\nbaz qux  \n";
        assert_eq!(entries(list).collect::<Vec<_>>(), ["foo|bar", "baz qux"]);
    }
}
