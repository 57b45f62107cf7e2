//! Every rule's documented examples behave as documented: each block under
//! `## Example` fires the rule, each block after `Use instead:` does not.

use crate::support;

use strata::lint::{RULES, explain, lint_node};

/// The ```toml blocks of `doc`, split into (examples, fixes).
fn blocks(doc: &str) -> (Vec<String>, Vec<String>) {
    let after_example = doc.split_once("## Example").map_or("", |(_, rest)| rest);
    let (examples, fixes) = after_example
        .split_once("Use instead:")
        .unwrap_or((after_example, ""));
    (toml_blocks(examples), toml_blocks(fixes))
}

fn toml_blocks(text: &str) -> Vec<String> {
    text.split("```toml")
        .skip(1)
        .filter_map(|b| b.split_once("```").map(|(body, _)| body.to_owned()))
        .collect()
}

fn fired(rule: &str, block: &str) -> usize {
    let (strategy, id, config) = support::example(block);
    lint_node(&strategy, id, &config, support::as_of())
        .iter()
        .filter(|d| d.rule == rule)
        .count()
}

#[test]
fn documented_examples_fire_and_fixes_do_not() {
    let mut failures = Vec::new();
    for rule in RULES {
        let doc = explain(rule.name).expect("registered rule has docs");
        let (examples, fixes) = blocks(&doc);
        if examples.is_empty() || fixes.is_empty() {
            failures.push(format!("{}: needs an example and a fix", rule.name));
        }
        for block in &examples {
            if fired(rule.name, block) == 0 {
                failures.push(format!("{}: example does not fire:{block}", rule.name));
            }
        }
        for block in &fixes {
            let n = fired(rule.name, block);
            if n > 0 {
                failures.push(format!("{}: fix fires {n} times:{block}", rule.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
