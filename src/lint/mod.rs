//! STAND-IN for the linter on branch `lint`: the same public API, finding
//! nothing, so the TUI can be built against it before that branch merges.
//! The merge replaces this file with the real module.

use std::ops::Range;

use crate::model::{Date, Field, NodeId, Strategy};

/// How much a finding should hold up a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Worth a look; never blocks a review.
    Note,
    /// Weakens the two-pager; fix it before approval.
    Warning,
    /// The document or the cascade is broken as written.
    Error,
}

impl Severity {
    /// The spelling used in config files and JSON (`"warning"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Which test of a good two-pager a rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Criterion {
    /// A reader can picture it.
    Concrete,
    /// Ambitious enough to matter, possible within the level's horizon.
    LoftyAchievable,
    /// The future is a different world from `today`.
    DifferentFromToday,
    /// It says what we choose not to do.
    WillNot,
    /// It fits the cascade.
    Cascade,
    /// The document itself.
    Writing,
}

impl Criterion {
    /// The name used in output and config (`"lofty-achievable"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::Concrete => "concrete",
            Criterion::LoftyAchievable => "lofty-achievable",
            Criterion::DifferentFromToday => "different-from-today",
            Criterion::WillNot => "will-not",
            Criterion::Cascade => "cascade",
            Criterion::Writing => "writing",
        }
    }
}

/// One finding: which rule, where (node, field, byte range), and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's name.
    pub rule: &'static str,
    /// The criterion the rule tests.
    pub criterion: Criterion,
    /// The severity after configuration.
    pub severity: Severity,
    /// The node it is about.
    pub node: NodeId,
    /// The field it is about.
    pub field: Field,
    /// Byte range inside the field's text.
    pub range: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// Why it matters and what to do.
    pub help: String,
}

/// The linter's settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LintConfig {}

/// A mistake in `[lint]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The key path inside `[lint]`.
    pub path: Vec<String>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

impl LintConfig {
    /// Builds the config from the `[lint]` table.
    pub fn from_toml(_table: &toml::Table) -> Result<LintConfig, Vec<ConfigError>> {
        Ok(LintConfig {})
    }
}

/// Lints every node.
pub fn lint_strategy(_strategy: &Strategy, _config: &LintConfig, _as_of: Date) -> Vec<Diagnostic> {
    Vec::new()
}

/// Lints one node.
pub fn lint_node(
    _strategy: &Strategy,
    _id: NodeId,
    _config: &LintConfig,
    _as_of: Date,
) -> Vec<Diagnostic> {
    Vec::new()
}
