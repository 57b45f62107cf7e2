//! The linter: pure checks of a [`Strategy`](crate::model::Strategy) against
//! what makes a good two-pager, and the rule docs printed by `strata rules`.
//!
//! No terminal and no IO: the engine returns [`Diagnostic`]s as data, and the
//! TUI, the CLI and any other reporter decide how to show them.

mod config;
mod context;
mod diagnostic;
mod docs;
mod engine;
mod read_config;
mod registry;
mod rules;
mod scorecard;
mod text;

pub use config::LintConfig;
pub use diagnostic::{Criterion, Diagnostic, Severity};
pub use docs::{explain, rule_list, rules_markdown};
pub use engine::{lint_node, lint_strategy};
pub use read_config::ConfigError;
pub use registry::RuleInfo;
pub use rules::RULES;
pub use scorecard::{Grade, Scorecard, scorecard};

/// The rule called `name`, if there is one.
pub fn rule(name: &str) -> Option<&'static RuleInfo> {
    RULES.iter().copied().find(|r| r.name == name)
}
