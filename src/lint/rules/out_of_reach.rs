use super::support::{quote_span, reach};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::dates::deadlines;
use crate::lint::text::limits::{Limit, limits};
use crate::lint::text::moves::{Move, moves, of_people};
use crate::lint::text::numbers::{new_numbers, values};
use crate::lint::text::{Kind, Text, Unit, pace, parse_quantity};
use crate::model::{Field, Level, MetricPart};

mod budget;
mod compounding;
mod used_up;

declare_rule! {
    /// ## What it does
    /// Flags a number the `future` moves faster than any plan moves it in
    /// the time it has, read from the prose ("revenue triples by the end of
    /// next quarter", "ten times the size within eighteen months", "from 12%
    /// to 98% within a year") as well as from metrics:
    ///
    /// - money, customers, orders or the business itself growing faster than
    ///   4x a year, or by more than the level allows at any pace (100x for a
    ///   vision, 50x for an intent, 30x below);
    /// - a share of people doing something (adding a product, switching
    ///   channel, renewing online) whose odds must change more than 100-fold
    ///   in any time (8% to 92% of a county's households), or more than 30-fold
    ///   (3% to 50%, 12% to 80%) in 18 months or less: people change what
    ///   they do more slowly than that, whatever the plan;
    /// - a share pushed towards its bound, 0% or 100%, so that what is left
    ///   (the downtime, the unpaid bays, the models not won) is cut more
    ///   than 15-fold in three years or less: 71% to 99.9% uptime, 81% to
    ///   100% of cars paid for;
    /// - a share in the prose that passes 100% ("from 31% to 105%");
    /// - a rate of growth per period that compounds past 4x a year ("grow
    ///   40% every month", "1.4 times what it was the month before": 57x a
    ///   year), or, held to a horizon more than a year out, past what the
    ///   level allows ("40% every quarter" to 2033 is 12,000x; "3.8 times
    ///   every year" for seven years; `out_of_reach/compounding.rs`);
    /// - a count at twice today's or more on means `today` says are full
    ///   ("Saturday tunnels run at 95% of capacity", "the gym is full most
    ///   weekday evenings"; `lexicon/full.txt`) when `today` says no capacity
    ///   is coming ("the board has frozen new-site capex", "no new lift is
    ///   planned"; `lexicon/none-coming.txt`) or the future keeps its means
    ///   ("the same 22 sites"), and the future adds neither new means nor
    ///   hours ("a night shift"); the count must be one `today` speaks of
    ///   (`out_of_reach/used_up.rs`);
    /// - a count past the room left in a capacity `today` gives in parts
    ///   ("20 dialysis stations ... three shifts a day, Monday to Saturday"
    ///   beside "112 patients, each on three sessions a week"; "320 seats,
    ///   open 11:00 to 22:00", "stays about 50 minutes"; "licensed for 60
    ///   dogs at a time" beside "16,400 dog-nights last year";
    ///   `src/lint/text/parts.rs`): the reading holds only when today's load
    ///   fills half to all of it, the means stay (or grow only as a metric
    ///   says), and with nothing said of the means only double what they
    ///   carry is out of reach;
    /// - a node that asks for more, due before a lead time `today` names
    ///   ("licensing a new site runs 12-18 months", "three years to train an
    ///   apprentice") has passed, unless the node cuts that step itself (a
    ///   metric from the lead time down) at no more than 4x a year;
    /// - a count past a limit `today` states, from a baseline within it
    ///   ("the licence allows no more than 80 events a year" and 64 weddings
    ///   to 190; "the six counties contain about 900,000 premises" and 1.4
    ///   million passed; "a town of about 96,000 people in roughly 41,000
    ///   households" and 55,000 households holding a pass; a place's stock
    ///   bounds no count of things a year, "visits a year", but does bound
    ///   its people counted over one, "villagers borrowing in a year";
    ///   `src/lint/text/limits.rs`, `lexicon/occasion.txt`);
    /// - a budget that cannot buy what the node counts at the price the text
    ///   gives ("140 machines", "readers cost £450 per machine", "the budget
    ///   is £6,000"; `out_of_reach/budget.rs`, `lexicon/budget.txt`).
    ///
    /// The time is the deadline written in the same sentence, else the
    /// node's `horizon`. A baseline of zero (a new product) is left alone.
    ///
    /// ## Why is this bad?
    /// A multiple means something only per unit of time: doubling in five
    /// years is a plan, doubling in a quarter is a wish, and a team given
    /// the wish quietly discounts it.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// horizon = "2027-09"
    /// future = "By autumn, two out of three hotel guests also rent their car through us, up from three in a hundred."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// horizon = "2027-09"
    /// future = "By autumn, one hotel guest in ten also rents their car through us, up from three in a hundred."
    /// ```
    pub static RULE = {
        name: "out-of-reach",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A number moved faster than any plan moves it in the time given",
        check: check,
    };
}

/// Growth in a year beyond this (more than quadrupling) no plan reaches
/// without a new product or market.
const PACE: f64 = 4.0;

/// The most the odds of a share of people can change, in natural log, in
/// [`QUICK`] months or less: about 30-fold (3% to 48%, 12% to 80%).
const ODDS: f64 = 3.4;

/// The most the odds of a share of people can change, in natural log, in
/// any time a level allows: about 100-fold (8% to 90% of households).
const ODDS_EVER: f64 = 4.6;

/// The most a share can cut what is left to its bound (the downtime, the
/// unpaid bays, the models not won) in three years or less: 15-fold.
const GAP: f64 = 15.0;

/// A month, in days, as `numbers` counts it.
const MONTH: f64 = 365.0 / 12.0;

/// What counts as little time for people to change what they do.
const QUICK: i32 = 18;

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let horizon = cx.node.doc.horizon.map(|h| h.months_from(cx.as_of));
    let text = &cx.future;
    let dates = deadlines(text, cx.as_of);
    // The time a number at token `i` has: the latest deadline written in
    // its sentence, else the node's horizon.
    let due = |i: usize| {
        let sentence = text.sentence_of(i);
        dates
            .iter()
            .filter(|d| sentence.contains(&d.first))
            .map(|d| d.months)
            .max()
            .or(horizon)
    };
    let mut flagged = Vec::new();
    for &m in moves(text) {
        let sentence = text.sentence_of(m.first);
        let months = due(m.first).filter(|m| *m > 0);
        let people = of_people(text, m.to_last);
        let Some(why) = judge(&m, months, people, cx.level(), text, sentence) else {
            continue;
        };
        let help = "A multiple means something only per unit of time. Give the number a date it \
                    can be reached by, or the move this level can make, and say what makes the \
                    pace possible.";
        flag_words(cx, out, (m.first, m.last), &why, help);
        flagged.push(m.first..m.last + 1);
    }
    for rate in compounding::rates(text) {
        // Over the node's time, a year at most: "10% a week" through a
        // two-month option is 2x a month, a pace of 144x a year. Held as
        // long as its sentence says ("until 2029"), else to a distant
        // horizon, a slower rate passes what the level can plan for: 40% a
        // quarter to 2033 is 12,000x.
        let until = due(rate.first);
        let over = |months: i32| rate.factor.powf(f64::from(months) * MONTH / rate.days);
        let year = until.map_or(12, |h| h.clamp(0, 12));
        let held = until.unwrap_or(12).max(0);
        let fast = rate.per_year() > PACE && f64::from(year) * MONTH >= rate.days;
        let far = held > 12 && over(held) > reach(cx.level());
        let said = flagged
            .iter()
            .any(|f| f.contains(&rate.first) || f.contains(&rate.last));
        if !(fast || far) || said {
            continue;
        }
        let months = if fast { year } else { held };
        let total = over(months);
        let total = if total > 1000.0 {
            String::from("more than 1,000x")
        } else {
            format!("{total:.0}x")
        };
        let why = format!("compounds to {total} in {months} months");
        let help = "A small step repeated every period is a multiple: 40% a month is 57x a year. \
                    Give the rate a stretch it can hold, or the total the node reaches and by when.";
        flag_words(cx, out, (rate.first, rate.last), &why, help);
    }
    if let Some(why) = outrun_by_lead_time(cx, horizon) {
        out.push(
            Field::Future,
            0..0,
            why,
            "A target due before the thing it needs can exist is not a plan. Give it the time \
             today says the step takes, or say how this node gets round it.",
        );
    }
    past_a_limit(cx, out);
    used_up::check(cx, out, &flagged);
    budget::check(cx, out);
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let (Some((from, Unit::Percent)), Some((to, Unit::Percent))) = (
            metric.baseline.as_deref().and_then(parse_quantity),
            metric.target.as_deref().and_then(parse_quantity),
        ) else {
            continue;
        };
        let months = metric.months_to_by(cx.as_of).or(horizon).filter(|m| *m > 0);
        let name = Text::new(&metric.name);
        // "Revenue per screen vs estate average", "price index against
        // rivals": a ratio to a standard, which has no bound at 100%.
        if (0..name.len()).any(|j| name.word_in(j, RELATIVE)) {
            continue;
        }
        // "Members renewing online", not "loads attributed to a rep".
        let people = name
            .tokens
            .iter()
            .take(3)
            .any(|t| t.is(Kind::Actor) && !t.is(Kind::GenericActor));
        if let Some(why) = share_too_fast(&Move::share(from, to), months, people) {
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!("`{}` {why}", metric.name),
                "People change what they do more slowly than this. Set the share this date can \
                 reach, or give it the time the change takes.",
            );
        }
    }
}

/// A count that `today` says is capped ("the licence allows no more than
/// 80 events a year") and a target past it from a baseline within it
/// (64 weddings to 190): the limit has to move first. A metric's target, or
/// else a move the future states.
fn past_a_limit(cx: &NodeCx<'_>, out: &mut Findings) {
    let limits = limits(&cx.today);
    if limits.is_empty() {
        return;
    }
    // A baseline at the limit is today's count, not a cap on it.
    // A whole bounds only a metric that counts the same thing; in prose,
    // only a cap is held against a move.
    let past = |from: f64, to: f64, metric: Option<&Text>| {
        limits
            .iter()
            .find(|l| {
                let bounds = metric.map_or(!l.whole, |name| l.bounds(&cx.today, name));
                from > 0.0 && from < l.value && to > l.value * 1.05 && bounds
            })
            .copied()
    };
    let number = |l: &Limit| quote_span(&cx.node.doc.today, &cx.today, l.at, l.last);
    let help = "A target past a limit today states is out of reach until the limit moves. Say \
                how this node moves it (a new licence, new sites, a new market), or set the \
                target within it.";
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let (Some((from, Unit::Plain)), Some((to, Unit::Plain))) = (
            metric.baseline.as_deref().and_then(parse_quantity),
            metric.target.as_deref().and_then(parse_quantity),
        ) else {
            continue;
        };
        if let Some(limit) = past(from, to, Some(&Text::new(&metric.name))) {
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!(
                    "`{}` goes from {} to {}, past the limit of {} that today states",
                    metric.name,
                    metric.baseline.as_deref().unwrap_or_default().trim(),
                    metric.target.as_deref().unwrap_or_default().trim(),
                    number(&limit)
                ),
                help,
            );
        }
    }
    // The prose is read only when no metric states the move.
    if !cx.node.doc.metrics.is_empty() {
        return;
    }
    for m in moves(&cx.future) {
        if m.share {
            continue;
        }
        if let Some(limit) = past(m.from, m.to, None) {
            let words = quote_span(&cx.node.doc.future, &cx.future, m.first, m.last);
            out.push(
                Field::Future,
                cx.future.span(m.first, m.last),
                format!(
                    "`{words}` goes past the limit of {} that today states",
                    number(&limit)
                ),
                help,
            );
        }
    }
}

/// "A new connection takes the network operator 18 to 24 months" in
/// `today`, and a future due in 13 that grows: the lead time today names is
/// longer than the time the node has.
fn outrun_by_lead_time(cx: &NodeCx<'_>, horizon: Option<i32>) -> Option<String> {
    let lead = pace::lead_time(&cx.today)?;
    let due = cx
        .node
        .doc
        .metrics
        .iter()
        .filter_map(|m| m.months_to_by(cx.as_of))
        .max()
        .or(horizon)
        .filter(|m| *m > 0)?;
    // Only a node that asks for more needs the thing that takes time.
    let grows = !moves(&cx.future).is_empty()
        || cx.node.doc.metrics.iter().any(|m| {
            matches!(
                (
                    m.baseline.as_deref().and_then(parse_quantity),
                    m.target.as_deref().and_then(parse_quantity)
                ),
                (Some((b, _)), Some((t, _))) if t > b
            )
        })
        || (0..cx.future.len()).any(|i| ["all", "whole", "every"].contains(&cx.future.word(i)))
        || !new_numbers(values(&cx.future), values(&cx.today)).is_empty();
    // "Takes 14 months" with a metric from 14 to 9: the node shortens the
    // step itself, so its time is the target, not a wait; only a cut faster
    // than any plan makes (14 weeks to 1 in two months) is out of reach.
    let cut = cx.node.doc.metrics.iter().find_map(|m| pace::cut(m, lead));
    if lead < f64::from(due) {
        return None;
    }
    // A cut that still ends past the date leaves the wait in place.
    if let Some((factor, _)) = cut.filter(|(_, left)| *left < f64::from(due)) {
        let per_year = factor.powf(12.0 / f64::from(due));
        return (per_year > PACE).then(|| {
            format!(
                "cuts a step today says takes {lead:.0} months {factor:.1}-fold in {due} months: a pace of {per_year:.0}x a year"
            )
        });
    }
    grows.then(|| {
        format!(
            "today says a step takes {lead:.0} months or more, and this is due in {due}: the time runs out before the step is done"
        )
    })
}

/// A finding on the future's tokens `first..=last`, quoted before `why`.
fn flag_words(
    cx: &NodeCx<'_>,
    out: &mut Findings,
    (first, last): (usize, usize),
    why: &str,
    help: &str,
) {
    let text = &cx.future;
    let quoted = quote_span(&cx.node.doc.future, text, first, last);
    out.push(
        Field::Future,
        text.span(first, last),
        format!("`{quoted}` {why}"),
        help,
    );
}

/// Words that make a metric in percent a ratio to a standard ("vs estate
/// average", "relative to target") rather than a share of a whole.
const RELATIVE: &[&str] = &[
    "vs", "vs.", "versus", "relative", "against", "index", "indexed",
];

/// Why move `m` is out of reach in `months`, if it is.
fn judge(
    m: &Move,
    months: Option<i32>,
    people: bool,
    level: Level,
    text: &Text,
    sentence: std::ops::Range<usize>,
) -> Option<String> {
    if m.share && m.to > 100.0 {
        return Some(String::from("takes a share past 100%"));
    }
    if m.share {
        return share_too_fast(m, months, people);
    }
    let factor = m.factor().filter(|f| *f >= 2.0)?;
    let limit = reach(level);
    if factor > limit {
        return Some(format!(
            "is {factor:.0}x: more than {}'s reach at any pace",
            level.with_article()
        ));
    }
    let compounds = m.money
        || sentence
            .clone()
            .any(|k| text.tokens[k].is(Kind::Compounding));
    let months = months?;
    let per_year = factor.powf(12.0 / f64::from(months));
    (compounds && per_year > PACE)
        .then(|| format!("is {factor:.1}x in {months} months: a pace of {per_year:.0}x a year"))
}

/// Why a share moving as `m` does in `months` is out of reach: pushed to
/// its bound, or, for a share of people, changed faster than people change.
fn share_too_fast(m: &Move, months: Option<i32>, people: bool) -> Option<String> {
    let months = months?;
    if let Some(cut) = m.gap_cut().filter(|c| *c >= GAP && months <= 36) {
        let (left, bound) = if m.to > m.from {
            (100.0 - m.from, "100%")
        } else {
            (m.from, "0%")
        };
        return Some(format!(
            "moves from {}% to {}% in {months} months: it cuts the {left:.1} points left to {bound} {cut:.0}-fold",
            m.from, m.to
        ));
    }
    let odds = m.log_odds()?;
    let most = if months <= QUICK { ODDS } else { ODDS_EVER };
    (people && odds.abs() > most).then(|| {
        format!(
            "moves from {}% to {}% in {months} months: the odds of it change {:.0}-fold",
            m.from,
            m.to,
            odds.abs().exp()
        )
    })
}

#[cfg(test)]
mod tests;
