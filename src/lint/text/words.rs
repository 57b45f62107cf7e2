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

/// Near-synonyms folded together when comparing `today` with `future` (`lexicon/synonyms.txt`).
pub const SYNONYMS: &str = include_str!("../lexicon/synonyms.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        let list: &'static str = "# a header\n\nfoo|bar\n  # indented comment\nbaz qux  \n";
        assert_eq!(entries(list).collect::<Vec<_>>(), ["foo|bar", "baz qux"]);
    }
}
