//! `strata rules [NAME]`: what each lint rule catches and why.

use clap::Args;

use super::exit::Exit;
use super::output;
use crate::lint;
use crate::sanitize;
use crate::suggest::did_you_mean;

/// `strata rules [NAME]`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rule's name, e.g. `sunday-words`.
    pub name: Option<String>,
}

/// Examples under `strata rules --help`.
pub const HELP: &str = "Examples:\n  strata rules\n  strata rules sunday-words";

/// Lists the rules, or explains the one named in `args`.
pub fn run(args: &RulesArgs) -> Exit {
    let Some(name) = args.name.as_deref() else {
        return output::then(output::print_str(&lint::rule_list()), Exit::Ok);
    };
    match lint::explain(name) {
        Some(text) => output::then(output::print_str(&text), Exit::Ok),
        None => {
            let names = lint::RULES.iter().map(|r| r.name);
            let hint = did_you_mean(name, names)
                .map(|close| format!("did you mean `{close}`? "))
                .unwrap_or_default();
            eprintln!("error: no lint rule named `{}`", sanitize::line(name));
            eprintln!("  = help: {hint}`strata rules` lists them all");
            Exit::Error
        }
    }
}
