//! A node named on the command line (`strata rollup ID`, `review --under ID`):
//! the message when no node, or more than one, answers to the name.

use crate::model::FindError;
use crate::sanitize;

/// "no node with id …" with a suggestion, or the list of ambiguous matches.
pub fn describe_find_error(id: &str, error: &FindError) -> String {
    let id = sanitize::line(id);
    match error {
        FindError::NotFound {
            suggestion: Some(close),
        } => format!(
            "error: no node with id `{id}`\n  = help: did you mean `{}`? `strata tree` lists every id\n",
            sanitize::line(close)
        ),
        FindError::NotFound { suggestion: None } => {
            format!("error: no node with id `{id}`\n  = help: `strata tree` lists every id\n")
        }
        FindError::Ambiguous(keys) => format!(
            "error: `{id}` names more than one node: {}\n  = help: use the full key, e.g. `{}`\n",
            keys.iter()
                .map(|k| sanitize::line(k).into_owned())
                .collect::<Vec<_>>()
                .join(", "),
            sanitize::line(&keys[0])
        ),
    }
}
