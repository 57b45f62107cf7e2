//! One pass over a field's text: words with their byte ranges, sentence and
//! clause numbers, shape (number, capitalised, acronym) and the lexicon's tags.
//!
//! Every rule reads this instead of re-scanning the string, so a keystroke in
//! the TUI costs one tokenisation per field, whatever the number of rules.

pub mod calendar;
pub mod capacity;
pub mod dates;
pub mod exclusion;
mod hash;
mod lexicon;
pub mod limits;
mod measure;
pub mod moves;
pub mod numbers;
pub mod pace;
pub mod parts;
pub mod picture;
pub mod restatement;
pub mod stand_in;
mod stem;
pub mod target;
mod words;

use std::ops::Range;

pub use lexicon::{Kind, Match};
pub use measure::{
    CEILINGS, FLOORS, Sense, Unit, content_senses_in, content_senses_where, content_stems,
    content_stems_in, parse_figure,
};
pub use numbers::{duration_days, metric_unit, parse_quantity};
pub use stem::stem;

/// Shape bits of a token, set by the tokenizer.
pub mod shape {
    /// Starts with a digit, or a currency sign and a digit (`1,600`, `$31M`, `60%`).
    pub const NUMBER: u8 = 1;
    /// Contains a digit anywhere (`TP90`, `v3`).
    pub const HAS_DIGIT: u8 = 2;
    /// Starts with an upper-case letter.
    pub const CAPITALIZED: u8 = 4;
    /// Two or more letters, all upper case (`EU`, `QR`).
    pub const ACRONYM: u8 = 8;
    /// First word of its sentence.
    pub const SENTENCE_START: u8 = 16;
    /// A four-digit year between 1900 and 2099.
    pub const YEAR: u8 = 32;
    /// First word after a semicolon, colon or dash: what follows explains
    /// or qualifies what came before ("we only broker capacity").
    pub const AFTER_BREAK: u8 = 64;
}

/// A word of a field's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the original text.
    pub start: u32,
    /// End of the byte range in the original text.
    pub end: u32,
    lower_start: u32,
    lower_end: u32,
    /// Sentence number within the field, from 0.
    pub sentence: u16,
    /// Clause number within the field (commas, semicolons and colons split clauses).
    pub clause: u16,
    /// [`shape`] bits.
    pub shape: u8,
    /// Bit set of single-word [`Kind`]s the lexicon gives this word.
    pub kinds: u128,
    /// Hash of the word's stem ([`stem`]): equal for "love", "loves", "loved".
    pub stem: u64,
}

impl Token {
    /// True when the lexicon tags this word with `kind`.
    pub fn is(&self, kind: Kind) -> bool {
        self.kinds & kind.bit() != 0
    }

    /// True when the shape bit is set.
    pub fn has(&self, bit: u8) -> bool {
        self.shape & bit != 0
    }
}

/// A tokenised field: its words and the lexicon's multi-word matches.
#[derive(Debug, Clone, Default)]
pub struct Text {
    lower: String,
    /// The words, in order.
    pub tokens: Vec<Token>,
    /// Lexicon entries found in the text, single words and phrases, in order.
    pub matches: Vec<Match>,
    /// Each token's word hash, for phrase matching.
    hashes: Vec<u64>,
    /// True when the text asks a question (holds a `?`).
    question: bool,
    /// True when the text ends with a colon: a heading with nothing after it.
    colon: bool,
    /// The numbers the text states ([`numbers::values`]), read on first use.
    values: std::cell::OnceCell<Vec<numbers::Value>>,
    /// The changes its numbers make ([`moves`]), read on first use.
    moves: std::cell::OnceCell<Vec<moves::Move>>,
    /// Per sentence, whether it gives a picture ([`picture`]), read on first use.
    pictured: std::cell::OnceCell<Vec<bool>>,
    /// The spans of its prose dates ([`picture`] reads them), read once.
    dated: std::cell::OnceCell<Vec<Range<usize>>>,
    /// The runs of tokens that share a clause number, read on first use, so
    /// [`Text::clause_of`] is a search, not a scan.
    clauses: std::cell::OnceCell<Vec<Range<usize>>>,
    /// The same for sentences ([`Text::sentence_of`]).
    sentences: std::cell::OnceCell<Vec<Range<usize>>>,
}

/// The runs of consecutive tokens with the same `key`, in order.
fn runs(tokens: &[Token], key: fn(&Token) -> u16) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match out.last_mut() {
            Some(run) if key(&tokens[run.start]) == key(token) => run.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// The run that holds token `i`; `0..0` past the end.
fn run_of(runs: &[Range<usize>], i: usize) -> Range<usize> {
    let at = runs.partition_point(|r| r.end <= i);
    runs.get(at)
        .filter(|r| r.start <= i)
        .cloned()
        .unwrap_or(0..0)
}

impl Text {
    /// Tokenises `text` and looks every word up in the lexicon once.
    pub fn new(text: &str) -> Text {
        let mut out = Text {
            lower: String::with_capacity(text.len()),
            tokens: Vec::with_capacity(text.len() / 5),
            matches: Vec::new(),
            hashes: Vec::new(),
            pictured: std::cell::OnceCell::new(),
            dated: std::cell::OnceCell::new(),
            question: text.contains('?'),
            colon: text.trim_end().ends_with(':'),
            values: std::cell::OnceCell::new(),
            moves: std::cell::OnceCell::new(),
            clauses: std::cell::OnceCell::new(),
            sentences: std::cell::OnceCell::new(),
        };
        out.tokenize(text);
        out.hashes.reserve(out.tokens.len());
        for i in 0..out.tokens.len() {
            let hash = hash::hash_str(out.word(i));
            out.hashes.push(hash);
            out.tokens[i].stem = stem::stem_hash(out.word(i), hash);
        }
        lexicon::tag(&mut out);
        out
    }

    /// The lower-case form of token `i`.
    pub fn word(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| {
            &self.lower[t.lower_start as usize..t.lower_end as usize]
        })
    }

    /// The lower-case words of `range`.
    pub fn words(&self, range: Range<usize>) -> Vec<&str> {
        range.map(|i| self.word(i)).collect()
    }

    /// The word hash of token `i`; computed for every token before tagging.
    fn hashes_at(&self, i: usize) -> u64 {
        self.hashes.get(i).copied().unwrap_or(0)
    }

    /// True when the sentence of token `i` gives a picture: some clause of
    /// it holds a number or things to see ([`picture::Scene::pictured`]).
    pub fn sentence_pictured(&self, i: usize) -> bool {
        let per_sentence = self.pictured.get_or_init(|| {
            let sentences = self
                .tokens
                .last()
                .map_or(0, |t| usize::from(t.sentence) + 1);
            let mut out = vec![false; sentences];
            for scene in picture::scenes(self) {
                if scene.pictured() {
                    let sentence = usize::from(self.tokens[scene.range.start].sentence);
                    out[sentence] = true;
                }
            }
            out
        });
        self.tokens
            .get(i)
            .and_then(|t| per_sentence.get(usize::from(t.sentence)))
            .copied()
            .unwrap_or(false)
    }

    /// The numbers the text states, however written ([`numbers::values`]).
    pub fn values(&self) -> &[numbers::Value] {
        self.values.get_or_init(|| numbers::read_values(self))
    }

    /// The changes its numbers make ([`moves::moves`]), computed once.
    pub fn moves(&self) -> &[moves::Move] {
        self.moves.get_or_init(|| moves::read_moves(self))
    }

    /// True when any sentence of the text gives a picture.
    pub fn any_pictured(&self) -> bool {
        (0..self.len()).any(|i| self.sentence_pictured(i))
    }

    /// True when the text ends with a colon.
    pub fn ends_with_colon(&self) -> bool {
        self.colon
    }

    /// True when the text asks a question.
    pub fn has_question(&self) -> bool {
        self.question
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the text holds no word.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The byte range covering tokens `first..=last` in the original text.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) => a.start as usize..b.end as usize,
            _ => 0..0,
        }
    }

    /// Matches of `kind`, in text order.
    pub fn matches_of(&self, kind: Kind) -> impl Iterator<Item = &Match> + '_ {
        self.matches.iter().filter(move |m| m.kind == kind)
    }

    /// True when token `i` exists and the lexicon tags it with `kind`.
    pub fn is(&self, i: usize, kind: Kind) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is(kind))
    }

    /// True when token `i` exists and its word is one of `words`.
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        i < self.tokens.len() && words.contains(&self.word(i))
    }

    /// Indices of the tokens in the same clause as token `i`.
    pub fn clause_of(&self, i: usize) -> Range<usize> {
        let runs = self
            .clauses
            .get_or_init(|| runs(&self.tokens, |t| t.clause));
        run_of(runs, i)
    }

    /// Indices of the tokens in the same sentence as token `i`.
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        let runs = self
            .sentences
            .get_or_init(|| runs(&self.tokens, |t| t.sentence));
        run_of(runs, i)
    }

    /// True when `other` shares a content word (by stem or synonym, as
    /// "premises" and "homes" do; no stop word, no number) with the tokens
    /// `range` of this text: a metric's name and the sentence that states
    /// a trend or a limit.
    pub fn shares_content(&self, range: Range<usize>, other: &Text) -> bool {
        let here = measure::content_stems_in(self, range);
        measure::content_senses_where(other, |_| true)
            .iter()
            .any(|s| s.in_set(&here))
    }

    /// True when any token in `range` is a number that is not a year.
    pub fn has_quantity(&self, range: Range<usize>) -> bool {
        self.tokens[range]
            .iter()
            .any(|t| (t.has(shape::NUMBER) && !t.has(shape::YEAR)) || t.is(Kind::NumberWord))
    }

    fn tokenize(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut sentence: u16 = 0;
        let mut clause: u16 = 0;
        let mut at_sentence_start = true;
        let mut after_break = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' {
                i += 1;
                continue;
            }
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                char_at(text, i)
            };
            if c.is_ascii_alphanumeric()
                || (!c.is_ascii() && is_word_start(text, i))
                || (matches!(c, '$' | '#') && is_word_start(text, i))
            {
                let end = word_end(text, i);
                self.push_word(text, i..end, sentence, clause, at_sentence_start);
                if after_break && let Some(last) = self.tokens.last_mut() {
                    last.shape |= shape::AFTER_BREAK;
                }
                at_sentence_start = false;
                after_break = false;
                i = end;
                continue;
            }
            // A sentence ends at . ! ? or a blank line, never twice in a row.
            let blank_line = c == '\n'
                && text[i + 1..]
                    .trim_start_matches([' ', '\t'])
                    .starts_with('\n');
            let ends_sentence = matches!(c, '.' | '!' | '?') || blank_line;
            if ends_sentence && !at_sentence_start {
                sentence = sentence.saturating_add(1);
                clause = clause.saturating_add(1);
                at_sentence_start = true;
            } else if matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2014}' | '\u{2013}') {
                clause = clause.saturating_add(1);
                after_break |= matches!(c, ';' | ':' | '\u{2014}' | '\u{2013}');
            }
            i += c.len_utf8();
        }
    }

    fn push_word(
        &mut self,
        text: &str,
        range: Range<usize>,
        sentence: u16,
        clause: u16,
        start: bool,
    ) {
        let word = &text[range.clone()];
        let lower_start = self.lower.len();
        let mut upper = 0usize;
        let mut letters = 0usize;
        if word.is_ascii() {
            // The common case, without per-character Unicode case mapping.
            for b in word.bytes() {
                if b.is_ascii_alphabetic() {
                    letters += 1;
                    upper += usize::from(b.is_ascii_uppercase());
                }
            }
            self.lower.push_str(word);
            self.lower[lower_start..].make_ascii_lowercase();
        } else {
            for ch in word.chars() {
                if ch.is_alphabetic() {
                    letters += 1;
                    if ch.is_uppercase() {
                        upper += 1;
                    }
                }
                // Curly apostrophes are folded so the lexicon needs one spelling.
                let ch = if ch == '\u{2019}' { '\'' } else { ch };
                self.lower.extend(ch.to_lowercase());
            }
        }
        let first = word.chars().next().unwrap_or(' ');
        let mut shape_bits = 0u8;
        let digit_led =
            first.is_ascii_digit() || (matches!(first, '$' | '€' | '£' | '#') && word.len() > 1);
        if digit_led {
            shape_bits |= shape::NUMBER;
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            shape_bits |= shape::HAS_DIGIT;
        }
        if first.is_uppercase() {
            shape_bits |= shape::CAPITALIZED;
        }
        if letters >= 2 && upper == letters {
            shape_bits |= shape::ACRONYM;
        }
        if start {
            shape_bits |= shape::SENTENCE_START;
        }
        if word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && (word.starts_with("19") || word.starts_with("20"))
        {
            shape_bits |= shape::YEAR;
        }
        self.tokens.push(Token {
            start: range.start as u32,
            end: range.end as u32,
            lower_start: lower_start as u32,
            lower_end: self.lower.len() as u32,
            sentence,
            clause,
            shape: shape_bits,
            kinds: 0,
            stem: 0,
        });
    }
}

/// The first token of each sentence that is not a filler, date or number:
/// where a sentence's main verb usually stands in a two-pager.
pub fn sentence_leads(text: &Text) -> Vec<usize> {
    let mut out = Vec::new();
    let mut current: Option<u16> = None;
    let mut found = false;
    for (i, token) in text.tokens.iter().enumerate() {
        if current != Some(token.sentence) {
            current = Some(token.sentence);
            found = false;
        }
        if found {
            continue;
        }
        let filler =
            token.is(Kind::LeadFiller) || token.has(shape::NUMBER) || token.is(Kind::TimeWord);
        if !filler {
            out.push(i);
            found = true;
        }
    }
    out
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_word_start(text: &str, i: usize) -> bool {
    let c = char_at(text, i);
    if c.is_alphanumeric() {
        return true;
    }
    // `$31M`, `#1`: a sign that only means something before a digit.
    matches!(c, '$' | '€' | '£' | '#')
        && text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|n| n.is_ascii_digit())
}

/// Where the word starting at `i` ends: letters and digits, joined by
/// hyphens, apostrophes and slashes, with `.`/`,` inside numbers and a
/// trailing `%` or `+`.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start + char_at(text, start).len_utf8();
    loop {
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        let rest = &text[end..];
        let Some(c) = rest.chars().next() else { break };
        if c.is_alphanumeric() {
            end += c.len_utf8();
            continue;
        }
        let prev = text[..end].chars().next_back().unwrap_or(' ');
        let next = rest[c.len_utf8()..].chars().next();
        let joins = match c {
            '-' | '\'' | '\u{2019}' | '/' => next.is_some_and(char::is_alphanumeric),
            '.' | ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            '%' | '+' => {
                end += 1;
                break;
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end += c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests;
