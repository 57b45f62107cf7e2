//! `[lint]` in the strategy file, as the rules see it: limits, extra words,
//! severities, horizons. Reading it from TOML is `read_config.rs`, which needs
//! the rule registry; this file needs nothing but the model, so every rule
//! can hold it.

use std::collections::HashMap;

use super::Severity;
use crate::model::Level;
use crate::model::progress::Thresholds;

/// The linter's settings; `Default` is what a file without `[lint]` gets.
#[derive(Debug, Clone, PartialEq)]
pub struct LintConfig {
    /// More intents than this spreads the company thin ("peanut-buttering").
    pub max_intents: usize,
    /// A two-pager longer than this many words is more than two pages.
    pub max_words: usize,
    /// Extra fluff words, lower case, flagged by `sunday-words`.
    pub fluff: Vec<String>,
    /// Words never flagged by the wording rules, lower case.
    pub allow_words: Vec<String>,
    /// Severity overrides by rule name; `None` turns the rule off.
    pub rules: HashMap<&'static str, Option<Severity>>,
    /// Allowed horizon per level, in months from `as_of`: `[min, max]`,
    /// indexed by [`Level::depth`].
    pub horizons: [(i32, i32); 4],
    /// When a metric is at risk or off track (`[lint.progress]`).
    pub progress: Thresholds,
    /// A metric with no check-in for more days than this is stale.
    pub stale_after_days: u32,
}

impl Default for LintConfig {
    fn default() -> LintConfig {
        LintConfig {
            max_intents: 3,
            max_words: 1000,
            fluff: Vec::new(),
            allow_words: Vec::new(),
            rules: HashMap::new(),
            horizons: [(60, 120), (12, 36), (0, 18), (0, 12)],
            progress: Thresholds::default(),
            stale_after_days: 45,
        }
    }
}

impl LintConfig {
    /// The horizon window for `level`, in months from `as_of`.
    pub fn horizon(&self, level: Level) -> (i32, i32) {
        self.horizons[level.depth()]
    }

    /// The severity `rule` reports at, or `None` when it is off.
    pub fn severity(&self, rule: &'static str, default: Severity) -> Option<Severity> {
        self.rules.get(rule).copied().unwrap_or(Some(default))
    }
}
