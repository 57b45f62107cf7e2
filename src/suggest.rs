//! "Did you mean …?": the closest of the names a thing could have been, when
//! it is close enough to be a typo. Every place that reads a name from a user
//! (the config's sections and keys, key bindings, theme roles, `[lint]`, rule
//! names, node ids, the file's keys, Markdown sections and statuses) asks
//! here, so every suggestion follows the same rule. It imports nothing of
//! strata, so any layer can use it.

/// How alike (Jaro-Winkler, 0 to 1) a name must be to a candidate to be
/// taken for a typo of it.
const CLOSE_ENOUGH: f64 = 0.8;

/// The closest of `candidates` to `name`, when one is close enough to be a
/// typo; of equally close ones, the last.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::jaro_winkler(name, candidate), candidate))
        .filter(|(score, _)| *score >= CLOSE_ENOUGH)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_finds_typos_only() {
        let keys = ["will_not", "notes", "today"];
        assert_eq!(did_you_mean("wil_not", keys), Some("will_not"));
        assert_eq!(did_you_mean("todya", keys), Some("today"));
        assert_eq!(did_you_mean("budget", keys), None);
    }
}
