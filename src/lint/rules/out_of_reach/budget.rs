//! A budget that cannot buy what the node counts: "140 machines" to take
//! contactless, "card readers cost about £450 per machine", and "the budget
//! for this option is £6,000" (`lexicon/budget.txt`). The count times the
//! price per unit, both stated in `today` or the future, passes the sum
//! set aside.

use std::collections::HashMap;

use super::super::support::quote_span;
use crate::lint::context::NodeCx;
use crate::lint::registry::Findings;
use crate::lint::text::numbers::{Value, unit_days};
use crate::lint::text::{Kind, Text, Unit, shape};
use crate::model::Field;

/// How far past its budget a cost must go to be out of reach: estimates
/// are rough, and a budget may stretch by half.
const OVER: f64 = 1.5;

/// How far from its sum a word of cost or budget may stand, within its
/// clause: a long clause costs no more than a short one.
const NEAR: usize = 6;

/// The tokens of `v`'s clause within [`NEAR`] words of it.
fn near(text: &Text, v: &Value) -> std::ops::Range<usize> {
    let clause = text.clause_of(v.first);
    clause.start.max(v.first.saturating_sub(NEAR))..clause.end.min(v.last + 1 + NEAR)
}

/// How many words may stand between a count and its noun ("140
/// coin-operated machines").
const NOUN: usize = 3;

/// Flags the future when what it counts, at the price per unit the text
/// states, costs more than [`OVER`] times its budget. The budget, and the
/// count, are the future's where it gives them ("the 20 busiest machines"
/// when today has 140), else today's.
pub(super) fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let (today, future) = (&cx.today, &cx.future);
    let sources = [cx.node.doc.today.as_str(), cx.node.doc.future.as_str()];
    let priced = [prices(today), prices(future)];
    let Some((budget, said)) = budget(future, &priced[1])
        .map(|v| (v.value, quote_span(sources[1], future, v.first, v.last)))
        .or_else(|| {
            budget(today, &priced[0])
                .map(|v| (v.value, quote_span(sources[0], today, v.first, v.last)))
        })
    else {
        return;
    };
    let (now, later) = (counts(today), counts(future));
    let mut worst: Option<(f64, f64, String, String)> = None;
    for ((text, source), prices) in [(today, sources[0]), (future, sources[1])]
        .into_iter()
        .zip(&priced)
    {
        for &(price, noun) in prices {
            let Some(&(count, ref name)) = later.get(&noun).or_else(|| now.get(&noun)) else {
                continue;
            };
            let cost = price.value * count;
            if cost > OVER * budget && worst.as_ref().is_none_or(|(c, ..)| cost > *c) {
                let per = quote_span(source, text, price.first, price.last);
                worst = Some((cost, count, name.clone(), per));
            }
        }
    }
    let Some((cost, count, name, per)) = worst else {
        return;
    };
    out.push(
        Field::Future,
        0..0,
        format!(
            "{} {name} at {per} each come to {}, {:.1}x the budget of {said}",
            thousands(count),
            amount(&per, cost),
            cost / budget
        ),
        "A budget that cannot buy what the plan counts is a wish. Raise the budget, count \
         fewer things (start where they pay back first), or say where the rest comes from.",
    );
}

/// The first sum of money in a clause that names a budget ("the budget for
/// this option is £6,000", "we've set aside £6,000"), not a price per unit
/// ("we've budgeted £450 per machine"; `prices` are the text's).
fn budget<'t>(text: &'t Text, prices: &[(&Value, u64)]) -> Option<&'t Value> {
    text.values().iter().find(|v| {
        let a_price = prices.iter().any(|(p, _)| p.first == v.first);
        if v.unit != Unit::Money || v.value <= 0.0 || a_price {
            return false;
        }
        let near = near(text, v);
        near.clone().any(|i| text.is(i, Kind::Budget))
            || text
                .matches_of(Kind::Budget)
                .any(|m| near.contains(&m.first))
    })
}

/// Prices paid per unit: "readers cost about £450 per machine", "the
/// fitter charges £120 a machine" (a word of `lexicon/cost.txt` in the
/// clause), with the stem of the unit's noun. "We charge £45 per session"
/// is a price the business takes; a price per day or month is a rate.
fn prices(text: &Text) -> Vec<(&Value, u64)> {
    text.values()
        .iter()
        .filter(|v| v.unit == Unit::Money && v.value > 0.0)
        .filter_map(|v| {
            let per = v.last + 1;
            let noun = per + 1;
            let clause = text.clause_of(v.first);
            // "Readers cost about £450": the cost word stands near its price.
            let paid = near(text, v)
                .any(|i| text.is(i, Kind::Cost) && !(i > 0 && text.word_in(i - 1, &["we", "i"])));
            let priced = paid
                && text.word_in(per, &["per", "a", "an", "each", "every"])
                && text
                    .tokens
                    .get(noun)
                    .is_some_and(|t| !t.has(shape::NUMBER) && !t.is(Kind::Stop))
                && unit_days(text.word(noun)).is_none()
                && clause.contains(&noun);
            priced.then(|| (v, text.tokens[noun].stem))
        })
        .collect()
}

/// For each noun's stem, the largest plain count of it and the noun's
/// words: "140 machines", "all 140 coin-operated machines".
fn counts(text: &Text) -> HashMap<u64, (f64, String)> {
    let mut out: HashMap<u64, (f64, String)> = HashMap::new();
    for v in text.values() {
        let plain = v.unit == Unit::Plain && v.value > 1.0 && v.per_year.is_none();
        if !plain || v.days.is_some() || text.tokens[v.first].has(shape::YEAR) {
            continue;
        }
        let clause = text.clause_of(v.last);
        for j in (v.last + 1..v.last + 1 + NOUN).filter(|j| clause.contains(j)) {
            let entry = out
                .entry(text.tokens[j].stem)
                .or_insert((0.0, String::new()));
            if v.value > entry.0 {
                *entry = (v.value, text.word(j).to_owned());
            }
        }
    }
    out
}

/// "140", "1,200": a count as the text would write it.
fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A sum in the currency `like` is written in: "£63,000" for "£450".
fn amount(like: &str, value: f64) -> String {
    let symbol: String = like.chars().take_while(|c| !c.is_ascii_digit()).collect();
    format!("{}{}", symbol.trim(), thousands(value))
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
        // A price is no budget, and the future's budget and count come first.
        assert_eq!(
            fires(
                today,
                "The budget is £90,000 and readers cost about £450 per machine, on all 140 machines."
            ),
            0
        );
        assert_eq!(
            fires(
                "Last year's budget was £2,000. We have 140 machines.",
                "All 140 machines take cards; the budget is £90,000 and readers cost £450 per machine."
            ),
            0
        );
        assert_eq!(
            fires(
                today,
                "By June the 20 busiest machines take contactless. The budget is £12,000; readers \
                 cost £450 per machine."
            ),
            0
        );
        // What the business charges is no cost.
        assert_eq!(
            fires(
                "We run 120 sessions a month.",
                "We charge £45 per session across 120 sessions; the marketing budget is £500."
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
