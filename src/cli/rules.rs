//! `strata rules [NAME]`: what each lint rule catches and why.

use super::Exit;
use crate::lint;
use crate::sanitize;
use crate::store::did_you_mean;

/// Lists the rules, or explains the one called `name`.
pub fn run(name: Option<&str>) -> Exit {
    let Some(name) = name else {
        print!("{}", lint::rule_list());
        return Exit::Ok;
    };
    match lint::explain(name) {
        Some(text) => {
            print!("{text}");
            Exit::Ok
        }
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
