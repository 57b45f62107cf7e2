//! What the linter reports: plain data that the TUI, the CLI and the JSON
//! reporter all read, so none of them re-derives a finding.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::model::{Field, NodeId};

/// How much a finding should hold up a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; never blocks a review.
    Note,
    /// Weakens the two-pager; fix it before approval.
    Warning,
    /// The document or the cascade is broken as written.
    Error,
}

impl Severity {
    /// Every severity, mildest first.
    pub const ALL: [Severity; 3] = [Severity::Note, Severity::Warning, Severity::Error];

    /// The spelling used in config files and JSON (`"warning"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses the config spelling; `None` for anything else.
    pub fn parse(text: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which test of a good two-pager a rule applies: the review screens group
/// findings by it, so its names are an output contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Criterion {
    /// A reader can picture it: actors, numbers, places, observable change.
    Concrete,
    /// Ambitious enough to matter, possible within the level's horizon.
    LoftyAchievable,
    /// The future is a different world from `today`.
    DifferentFromToday,
    /// It says what we choose not to do, and those are real choices.
    WillNot,
    /// It fits the cascade: linked, problem or solution at the right level.
    Cascade,
    /// The document itself: length, metrics, invisible characters.
    Writing,
    /// Its metrics are tracked: checked in lately, dated sensibly, measured
    /// in their own units, and their dates kept or faced.
    Tracking,
}

impl Criterion {
    /// Every criterion, in the order reviews discuss them.
    pub const ALL: [Criterion; 7] = [
        Criterion::Concrete,
        Criterion::LoftyAchievable,
        Criterion::DifferentFromToday,
        Criterion::WillNot,
        Criterion::Cascade,
        Criterion::Writing,
        Criterion::Tracking,
    ];

    /// The name used in output and config (`"lofty-achievable"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Criterion::Concrete => "concrete",
            Criterion::LoftyAchievable => "lofty-achievable",
            Criterion::DifferentFromToday => "different-from-today",
            Criterion::WillNot => "will-not",
            Criterion::Cascade => "cascade",
            Criterion::Writing => "writing",
            Criterion::Tracking => "tracking",
        }
    }

    /// Parses the output name; `None` for anything else.
    pub fn parse(text: &str) -> Option<Criterion> {
        Criterion::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: which rule, where (node, field, byte range), and what to do.
///
/// Positions are inside the model, not the file, so they survive edits in the
/// TUI; only the CLI maps them to `file:line:col`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's name (`sunday-words`).
    pub rule: &'static str,
    /// The criterion the rule tests.
    pub criterion: Criterion,
    /// The severity after configuration.
    pub severity: Severity,
    /// The node it is about.
    pub node: NodeId,
    /// The field it is about; `Field::Node` for the node as a whole.
    pub field: Field,
    /// Byte range inside the field's text; `0..0` for the field as a whole.
    pub range: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// Why it matters and what to do.
    pub help: String,
}
