//! Word stems: the Snowball English (Porter2) stemmer from `rust-stemmers`,
//! so "loves", "loved" and "loving" are one word to the rules, and so are
//! "happiness" and "happy".
//!
//! Stemming costs a few hundred nanoseconds a word; a large file repeats a
//! few thousand words, so each thread keeps the stems it has computed, keyed
//! by the word's hash, and a repeated word costs one lookup.

use std::cell::RefCell;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::hash::{FxHashMap, hash_str};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// The cache stops growing here: a file of random words must not grow it
/// without bound (each entry is 16 bytes).
const CACHE_LIMIT: usize = 1 << 16;

thread_local! {
    static CACHE: RefCell<FxHashMap<u64, u64>> = RefCell::new(FxHashMap::default());
}

/// The stem of a lower-case word: a possessive `'s` is dropped first.
pub fn stem(word: &str) -> String {
    let word = word.strip_suffix("'s").unwrap_or(word);
    STEMMER.stem(word).into_owned()
}

/// The hash of `word`'s stem; `word_hash` is `hash_str(word)`, which the
/// tokenizer has already computed.
pub fn stem_hash(word: &str, word_hash: u64) -> u64 {
    CACHE.with(|cache| {
        if let Some(&hit) = cache.borrow().get(&word_hash) {
            return hit;
        }
        let hash = hash_str(&stem(word));
        let mut cache = cache.borrow_mut();
        if cache.len() < CACHE_LIMIT {
            cache.insert(word_hash, hash);
        }
        hash
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_derivations_share_a_stem() {
        assert_eq!(stem("loves"), stem("loving"));
        assert_eq!(stem("resolved"), stem("resolve"));
        assert_eq!(stem("happiness"), stem("happy"));
        assert_eq!(stem("manually"), stem("manual"));
        assert_eq!(stem("customer's"), stem("customers"));
        assert_ne!(stem("news"), stem("new"));
    }

    #[test]
    fn the_cached_hash_is_the_stems_hash() {
        for word in ["delivering", "delivering", "warehouses"] {
            assert_eq!(stem_hash(word, hash_str(word)), hash_str(&stem(word)));
        }
    }
}
