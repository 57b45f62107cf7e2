//! One file per rule, each declared with `declare_rule!`, and the flat list
//! the engine runs and the docs print, grouped by criterion.

use super::RuleInfo;

pub(crate) mod support;

mod activity_target;
mod checkin_without_metric;
mod continues_today;
mod deliverable_as_vision;
mod distant_deadline;
mod duplicate_id;
mod empty_superlative;
mod future_is_today;
mod goal_as_strategy;
mod hedged_will_not;
mod hidden_characters;
mod horizon_in_past;
mod horizon_out_of_range;
mod horizon_past_parent;
mod implausible_target;
mod incomparable_checkin;
mod incomplete_metric;
mod initiative_is_a_solution;
mod initiative_without_options;
mod intent_without_initiatives;
mod invalid_allow;
mod metaphor_future;
mod misdated_checkin;
mod missing_future;
mod missing_horizon;
mod missing_metrics;
mod missing_today;
mod missing_will_not;
mod no_stretch;
mod non_choice;
mod out_of_reach;
mod output_metric;
mod over_two_pages;
mod restates_today;
mod score_only_future;
mod short_deadline;
mod stale_metric;
mod sunday_words;
mod target_missed;
mod to_do_future;
mod too_many_intents;
mod unachievable_absolute;
mod unknown_parent;
mod unsized_target;
mod vacuous_will_not;
mod vague_future;
mod weasel_words;
mod will_not_placeholder;

/// Every rule, in the order `strata rules` lists them.
pub static RULES: &[&RuleInfo] = &[
    // concrete
    &missing_future::RULE,
    &sunday_words::RULE,
    &non_choice::RULE,
    &empty_superlative::RULE,
    &weasel_words::RULE,
    &vague_future::RULE,
    &to_do_future::RULE,
    &metaphor_future::RULE,
    &score_only_future::RULE,
    // lofty-achievable
    &missing_horizon::RULE,
    &horizon_in_past::RULE,
    &horizon_out_of_range::RULE,
    &unachievable_absolute::RULE,
    &implausible_target::RULE,
    &out_of_reach::RULE,
    &no_stretch::RULE,
    &deliverable_as_vision::RULE,
    &goal_as_strategy::RULE,
    &activity_target::RULE,
    &unsized_target::RULE,
    &short_deadline::RULE,
    &distant_deadline::RULE,
    // different-from-today
    &missing_today::RULE,
    &future_is_today::RULE,
    &restates_today::RULE,
    &continues_today::RULE,
    // will-not
    &missing_will_not::RULE,
    &will_not_placeholder::RULE,
    &vacuous_will_not::RULE,
    &hedged_will_not::RULE,
    // cascade
    &unknown_parent::RULE,
    &duplicate_id::RULE,
    &too_many_intents::RULE,
    &intent_without_initiatives::RULE,
    &initiative_without_options::RULE,
    &initiative_is_a_solution::RULE,
    &output_metric::RULE,
    &horizon_past_parent::RULE,
    // writing
    &missing_metrics::RULE,
    &incomplete_metric::RULE,
    &over_two_pages::RULE,
    &hidden_characters::RULE,
    &invalid_allow::RULE,
    // tracking
    &stale_metric::RULE,
    &target_missed::RULE,
    &misdated_checkin::RULE,
    &incomparable_checkin::RULE,
    &checkin_without_metric::RULE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        for name in &names {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }

    #[test]
    fn every_rule_documents_an_example_and_a_fix() {
        for rule in RULES {
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "Use instead:",
            ] {
                assert!(
                    rule.explanation.contains(heading),
                    "{}: {heading}",
                    rule.name
                );
            }
        }
    }
}
