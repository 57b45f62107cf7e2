//! Rules as data: a static [`RuleInfo`] per rule, declared next to its check
//! with its documentation captured from the `///` comment (clippy's
//! `declare_clippy_lint` idea, as a plain `macro_rules!`).

use std::ops::Range;

use super::context::NodeCx;
use super::{Criterion, Severity};
use crate::model::Field;

/// Everything known about a rule: what `strata rules NAME` prints, what the
/// config validates against, and the check the engine runs.
#[derive(Debug)]
pub struct RuleInfo {
    /// The rule's name, as used in config and `allow` (`sunday-words`).
    pub name: &'static str,
    /// The criterion it tests.
    pub criterion: Criterion,
    /// The severity unless `[lint.rules]` says otherwise.
    pub default_severity: Severity,
    /// One line: what it catches.
    pub summary: &'static str,
    /// The rule's doc comment: what it does, why, examples.
    pub explanation: &'static str,
    pub(crate) check: fn(&NodeCx<'_>, &mut Findings),
}

/// What a check reports; the engine adds the rule, severity and node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where in the node.
    pub field: Field,
    /// Byte range in the field's text; `0..0` for the whole field.
    pub range: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// Why it matters and what to do.
    pub help: String,
    /// The criterion it is reported under, when not the rule's own: a
    /// future that is missing fails every criterion it stands for.
    pub criterion: Option<Criterion>,
}

/// The findings of one rule on one node.
#[derive(Debug, Default)]
pub struct Findings {
    pub(crate) items: Vec<Finding>,
}

impl Findings {
    /// Reports a finding.
    pub fn push(
        &mut self,
        field: Field,
        range: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.items.push(Finding {
            field,
            range,
            message: message.into(),
            help: help.into(),
            criterion: None,
        });
    }

    /// Reports a finding under `criterion` instead of the rule's own.
    pub fn push_under(
        &mut self,
        criterion: Criterion,
        field: Field,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.push(field, 0..0, message, help);
        if let Some(last) = self.items.last_mut() {
            last.criterion = Some(criterion);
        }
    }
}

/// Declares a rule: its doc comment becomes [`RuleInfo::explanation`].
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub static RULE = {
///         name: "sunday-words",
///         criterion: Concrete,
///         severity: Warning,
///         summary: "Buzzwords that sound like strategy and say nothing",
///         check: check,
///     };
/// }
/// ```
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $rule:ident = {
            name: $name:literal,
            criterion: $criterion:ident,
            severity: $severity:ident,
            summary: $summary:literal,
            check: $check:path $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        pub static $rule: $crate::lint::RuleInfo = $crate::lint::RuleInfo {
            name: $name,
            criterion: $crate::lint::Criterion::$criterion,
            default_severity: $crate::lint::Severity::$severity,
            summary: $summary,
            explanation: concat!($($doc, "\n"),*),
            check: $check,
        };
    };
}

pub(crate) use declare_rule;
