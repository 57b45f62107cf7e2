//! A budget that cannot buy what the node counts: "140 machines" to take
//! contactless, "card readers cost about £450 per machine", and "the budget
//! for this option is £6,000" (`lexicon/budget.txt`). The count times the
//! price per unit, both stated in `today` or the future, passes the sum
//! set aside.

use super::super::support::quote_span;
use crate::lint::context::NodeCx;
use crate::lint::registry::Findings;
use crate::lint::text::numbers::{Value, unit_days};
use crate::lint::text::{Kind, Text, Unit, shape};
use crate::model::Field;

/// How far past its budget a cost must go to be out of reach: estimates
/// are rough, and a budget may stretch by half.
const OVER: f64 = 1.5;

/// How many words may stand between a count and its noun ("140
/// coin-operated machines").
const NOUN: usize = 3;

/// Flags the future when what it counts, at the price per unit the text
/// states, costs more than [`OVER`] times its budget.
pub(super) fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let texts = [
        (&cx.today, cx.node.doc.today.as_str()),
        (&cx.future, cx.node.doc.future.as_str()),
    ];
    let Some((budget, said)) = texts
        .iter()
        .filter_map(|(t, source)| budget(t).map(|v| (v.value, words(source, t, v))))
        .min_by(|a, b| a.0.total_cmp(&b.0))
    else {
        return;
    };
    let mut worst: Option<(f64, f64, String)> = None;
    for (text, source) in texts {
        for (price, noun) in prices(text) {
            let Some(count) = texts
                .iter()
                .filter_map(|(t, _)| count_of(t, noun))
                .reduce(f64::max)
            else {
                continue;
            };
            let cost = price.value * count;
            if cost > OVER * budget && worst.as_ref().is_none_or(|(c, ..)| cost > *c) {
                let per = quote_span(source, text, price.first, price.last + 2);
                worst = Some((cost, count, per));
            }
        }
    }
    let Some((cost, count, per)) = worst else {
        return;
    };
    out.push(
        Field::Future,
        0..0,
        format!(
            "{count:.0} at `{per}` costs {:.0}x the budget of `{said}` the text sets aside",
            cost / budget
        ),
        "A budget that cannot buy what the plan counts is a wish. Raise the budget, count \
         fewer things (start where they pay back first), or say where the rest comes from.",
    );
}

/// The quoted words of value `v`.
fn words(source: &str, text: &Text, v: &Value) -> String {
    quote_span(source, text, v.first, v.last)
}

/// The smallest sum of money in a clause that names a budget.
fn budget(text: &Text) -> Option<&Value> {
    text.values()
        .iter()
        .filter(|v| v.unit == Unit::Money && v.value > 0.0)
        .filter(|v| {
            // "The budget for this option is £6,000", "we've set aside
            // £6,000": the word and the sum share a clause.
            let clause = text.clause_of(v.first);
            clause.clone().any(|i| text.is(i, Kind::Budget))
                || text
                    .matches_of(Kind::Budget)
                    .any(|m| clause.contains(&m.first))
        })
        .min_by(|a, b| a.value.total_cmp(&b.value))
}

/// Prices per unit: "£450 per machine", "£120 a machine", with the stem
/// of the unit's noun. A price per day or per month is a rate, not a unit.
fn prices(text: &Text) -> Vec<(&Value, u64)> {
    text.values()
        .iter()
        .filter(|v| v.unit == Unit::Money && v.value > 0.0)
        .filter_map(|v| {
            let per = v.last + 1;
            let noun = per + 1;
            let priced = text.word_in(per, &["per", "a", "an", "each", "every"])
                && text.tokens.get(noun).is_some_and(|t| !t.has(shape::NUMBER))
                && unit_days(text.word(noun)).is_none()
                && text.tokens[noun].clause == text.tokens[v.last].clause;
            priced.then(|| (v, text.tokens[noun].stem))
        })
        .collect()
}

/// The largest plain count of things with the stem `noun`: "140
/// machines", "all 140 machines".
fn count_of(text: &Text, noun: u64) -> Option<f64> {
    text.values()
        .iter()
        .filter(|v| v.unit == Unit::Plain && v.value > 1.0 && v.per_year.is_none())
        .filter(|v| v.days.is_none() && !text.tokens[v.first].has(shape::YEAR))
        .filter(|v| {
            (v.last + 1..v.last + 1 + NOUN)
                .take_while(|&j| {
                    text.tokens
                        .get(j)
                        .is_some_and(|t| t.clause == text.tokens[v.last].clause)
                })
                .any(|j| text.tokens[j].stem == noun)
        })
        .map(|v| v.value)
        .reduce(f64::max)
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(today: &str, future: &str) -> usize {
        fired_at(
            "out-of-reach",
            Level::Option,
            &[("today", today), ("future", future)],
        )
    }

    #[test]
    fn a_budget_that_cannot_buy_the_count() {
        let today = "Our arcade on the North Pier has 140 coin-operated machines and no card \
                     payment anywhere on the floor.";
        assert_eq!(
            fires(
                today,
                "By June every one of the 140 machines takes contactless. The budget for this \
                 option is £6,000; card readers cost about £450 per machine plus £120 to fit."
            ),
            1
        );
        assert_eq!(
            fires(
                "None of our 140 machines takes cards.",
                "We'll have contactless on all 140 machines before the summer. Readers are £450 \
                 each and the fitter charges £120 a machine; we've set aside £6,000 for it."
            ),
            1
        );
        // Enough money, or no budget stated: nothing to weigh.
        assert_eq!(
            fires(
                today,
                "Every one of the 140 machines takes contactless. The budget is £90,000; readers \
                 cost about £450 per machine plus £120 to fit."
            ),
            0
        );
        assert_eq!(
            fires(
                today,
                "Every one of the 140 machines takes contactless; readers cost £450 per machine."
            ),
            0
        );
        // A price per month is a running cost, not a unit bought.
        assert_eq!(
            fires(
                today,
                "All 140 machines take cards. The budget is £6,000; the card service costs £400 \
                 a month."
            ),
            0
        );
    }
}
