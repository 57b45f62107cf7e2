use std::borrow::Cow;
use std::ops::Range;

use super::support::{non_overlapping, quote, quote_span, sentence_leads};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::moves::moves;
use crate::lint::text::numbers::values;
use crate::lint::text::target::target;
use crate::lint::text::{
    CEILINGS, FLOORS, Kind, Match, Sense, Text, Unit, content_senses_where, content_stems_in,
    duration_days, metric_unit, pace, parse_quantity, restatement, shape,
};
use crate::model::{Field, Level, Metric, MetricPart};
use direction::Way;

declare_rule! {
    /// ## What it does
    /// Flags goals with no stretch: a `future` led by *maintain*, *sustain*,
    /// *preserve* or *hold steady*, "keep X at N%", "keep doing what we do",
    /// a future that says today goes on ("the same good service they get
    /// today", "at the level it runs at now"), a level kept in words when
    /// no number of the node moves ("sales should hold roughly where they
    /// are", "hold on to what we have"; `lexicon/holds-level.txt`), and
    /// metrics that all barely
    /// move over the life of the node: by less than 15% of the baseline for
    /// a vision, 10% for an intent, 5% for an initiative or an option, or
    /// that today already reaches: a floor under the baseline ("at least 29
    /// kg" against 31), a ceiling over it ("2% or fewer" late against
    /// 1.5%), a plain target under it on a share that should rise ("75%"
    /// of seats filled against "just over 80%", "9 in 10" parents rating
    /// their tutor good against "47 in 50"; `no_stretch/direction.rs`,
    /// words in `lexicon/good-share.txt`), or growth no faster than the trend `today` states ("£1.2m
    /// to £2.0m in two years" after three years of 30% a year;
    /// `src/lint/text/pace.rs`). A target written as a
    /// change ("about 1% lower") is read against its baseline, and a
    /// baseline that points to `today` ("last year's figure (see today)")
    /// is the number `today` gives for it. With no metric, a bound the prose
    /// sets is read the same way ("average occupancy of at least 80%" after
    /// "occupancy averaged 81%"; `no_stretch/prose.rs`). A flat guardrail
    /// metric beside one that moves is fine.
    ///
    /// ## Why is this bad?
    /// Strategy is about where you are going. Holding today's number may be
    /// necessary, but it is operations, not a goal anyone has to stretch for.
    ///
    /// ## Example
    /// ```toml
    /// # level: initiative
    /// future = "Maintain online course completion at 61%."
    /// metrics = [{ name = "course completion", baseline = "61%", target = "61%", by = "2027-12" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: initiative
    /// future = "Raise online course completion from 61% to 75%, while ratings stay at or above 4.6."
    /// metrics = [
    ///   { name = "course completion", baseline = "61%", target = "75%", by = "2027-12" },
    ///   { name = "guardrail: average rating", baseline = "4.6", target = "4.6", by = "2027-12" },
    /// ]
    /// ```
    pub static RULE = {
        name: "no-stretch",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "Goals that hold today's level: maintain, sustain, targets equal to baselines",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let text = &cx.future;
    let leads = sentence_leads(text);
    let metrics = &cx.node.doc.metrics;
    let least = least_move(cx.level());
    // "Sales should hold roughly where they are": a level kept in words,
    // when no number of the node moves.
    let nothing_moves =
        moves(text).is_empty() && metrics.iter().all(|metric| is_flat(metric, least));
    let mut held: Vec<Match> = text
        .matches
        .iter()
        .filter(|m| {
            let holds = m.kind == Kind::Maintain
                && leads.contains(&m.first)
                && !text
                    .sentence_of(m.first)
                    .any(|j| text.tokens[j].is(Kind::ChangeVerb));
            let keep_doing = m.kind == Kind::StatusQuo && text.word(m.first).starts_with("keep");
            let in_words = m.kind == Kind::HoldsLevel && nothing_moves;
            holds || keep_doing || in_words || keeps_at_a_level(text, m, &leads)
        })
        .copied()
        .collect();
    // "the same good service they get today": a future that says today goes
    // on asks nobody to stretch.
    held.extend(restatement::carries_on(text, &cx.today));
    for m in non_overlapping(held.iter()) {
        let words = quote(&cx.node.doc.future, text, &m);
        out.push(
            Field::Future,
            text.span(m.first, m.last),
            format!("`{words}` holds today's level: there is no stretch in it"),
            "Holding a number may be necessary, but it is operations, not a goal to stretch for. \
             Say where this level takes the number, and keep the hold as a guardrail beside it.",
        );
    }
    // "Grow bookings by 1% over three years", "21% to 21.5%": the same test
    // on the moves the prose states, when no metric states them.
    let moves = moves(text);
    if metrics.is_empty()
        && !moves.is_empty()
        && moves
            .iter()
            .all(|m| barely_moves(m.from, m.to, m.share, least))
    {
        for m in moves {
            let words = quote_span(&cx.node.doc.future, text, m.first, m.last);
            out.push(
                Field::Future,
                text.span(m.first, m.last),
                format!("`{words}` barely moves the number"),
                "A move this small happens without a strategy. Say where this level takes the \
                 number, and keep a small move as a guardrail beside one that stretches.",
            );
        }
    }
    if metrics.is_empty() {
        for met in prose::met_bounds(text, &cx.today) {
            let words = quote_span(&cx.node.doc.future, text, met.first, met.last);
            let (kind, how) = if met.floor {
                ("floor", "already clears")
            } else {
                ("ceiling", "is already under")
            };
            out.push(
                Field::Future,
                text.span(met.number, met.last),
                format!("`{words}` sets a {kind} that today's {} {how}", met.today),
                "A target today already meets happens without a strategy. Set the number this \
                 level reaches only if the bet works.",
            );
        }
    }
    // Beside a metric that moves, a floor under today is a guardrail.
    let below = below_today(cx);
    let met_or_flat = |i: usize| below.iter().any(|(j, _)| *j == i) || is_flat(&metrics[i], least);
    let none_moves = (0..metrics.len()).all(met_or_flat);
    for (i, why) in below.iter().filter(|_| none_moves) {
        let i = *i;
        out.push(
            Field::Metric(i, MetricPart::Target),
            0..0,
            format!("`{}` {why}", metrics[i].name),
            "A target today already meets, or the trend reaches by itself, happens without a \
             strategy. Set the number this level reaches only if the bet works.",
        );
    }
    let flat: Vec<usize> = (0..metrics.len())
        .filter(|&i| is_flat(&metrics[i], least))
        .collect();
    if !metrics.is_empty() && flat.len() == metrics.len() {
        // A floor under today is already reported, once.
        for i in flat
            .into_iter()
            .filter(|i| !below.iter().any(|(j, _)| j == i))
        {
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!(
                    "`{}` barely moves: from {} to {}",
                    metrics[i].name,
                    metrics[i].baseline.as_deref().unwrap_or_default(),
                    metrics[i].target.as_deref().unwrap_or_default()
                ),
                "No metric moves, so nothing here has to change. Set the target this level is \
                 meant to reach; a flat metric is fine only as a guardrail beside one that moves.",
            );
        }
    }
}

/// Metrics whose target today already reaches: a floor at or under the
/// baseline ("at least 29 kg" against 31 kg), a ceiling at or over it ("at
/// most 12 days" against 9), or growth no faster than the trend `today`
/// states ("£1.2m to £2.0m in two years" after three years of 30% a year).
fn below_today(cx: &NodeCx<'_>) -> Vec<(usize, String)> {
    let stated = pace::stated(&cx.today);
    let mut out = Vec::new();
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let (Some(base), Some(goal)) = (metric.baseline.as_deref(), metric.target.as_deref())
        else {
            continue;
        };
        // "within 5 days" is a ceiling; other rules read it as no number.
        let goal_trim = goal.trim();
        let bound = match goal_trim.get(..7) {
            Some(p) if p.eq_ignore_ascii_case("within ") => &goal_trim[7..],
            _ => goal,
        };
        // "last year's figure (see today)": the number `today` gives.
        let (b, bu, base) = if let Some((b, bu)) = parse_quantity(base) {
            (b, bu, Cow::Borrowed(base))
        } else if let Some((b, bu)) = given_in_today(cx, &metric.name, base) {
            (b, bu, Cow::Owned(shown(b, bu)))
        } else {
            continue;
        };
        let base = base.as_ref();
        let Some((t, tu)) = target((b, bu), bound) else {
            continue;
        };
        // "3 days" against "within 48 hours": a bound in another unit of
        // time is compared in days; in an unknown unit, not at all.
        let (b, t) = match (metric_unit(base), metric_unit(bound)) {
            (Some(x), Some(y)) if x != y => match (duration_days(x), duration_days(y)) {
                (Some(dx), Some(dy)) => (b * dx, t * dy),
                _ => continue,
            },
            _ => (b, t),
        };
        if bu != tu {
            continue;
        }
        let goal = goal.trim().to_ascii_lowercase();
        let starts = |words: &[&str]| words.iter().any(|w| goal.starts_with(w));
        let floor = starts(FLOORS)
            || starts(&["minimum"])
            || ["or more", "or higher", "or above", "and above"]
                .iter()
                .any(|w| goal.ends_with(w))
            || floor_in_prose(&cx.future, t, tu);
        let ceiling = starts(CEILINGS)
            || starts(&["maximum", "within"])
            || ["or less", "or fewer", "or lower", "or below", "and below"]
                .iter()
                .any(|w| goal.ends_with(w));
        // "under 20 min" against 18, "> 4.5" against 4.7: a strict bound
        // today is already past.
        let above = starts(&["over ", "above ", "more than ", ">"]) && !floor;
        let beneath = starts(&["under ", "below ", "less than ", "fewer than ", "<"]) && !ceiling;
        if (floor && t <= b) || (above && t < b) {
            out.push((
                i,
                format!("sets a floor ({goal}) that today's {base} already clears"),
            ));
            continue;
        }
        if (ceiling && t >= b) || (beneath && t > b) {
            out.push((
                i,
                format!("sets a ceiling ({goal}) that today's {base} is already under"),
            ));
            continue;
        }
        // "75%" of seats filled against today's 82%: a plain target the
        // wrong way from its baseline asks for less than today.
        let plain = !(floor || ceiling || above || beneath);
        // Only a share of what went right is read so: "rebooked without an
        // agent" and "returned the same day" make the words of what went
        // wrong too loose to say a rise is the wrong way.
        let wrong_way = direction::way(&metric.name) == Some(Way::Up) && t < b;
        if plain && bu == Unit::Percent && wrong_way && !direction::says_it_falls(&cx.future) {
            out.push((
                i,
                format!("sets {goal}, which today's {base} already beats"),
            ));
            continue;
        }
        let Some(months) = metric
            .months_to_by(cx.as_of)
            .or(cx.node.doc.horizon.map(|h| h.months_from(cx.as_of)))
            .filter(|m| *m >= 6)
        else {
            continue;
        };
        // A trend in points moves a share or a score; one in percent or in
        // units, a count.
        let points = matches!(stated.map(|s| s.trend), Some(pace::Trend::Points(_)));
        if (bu == Unit::Percent && !points)
            || b <= 0.0
            || t <= b
            || !stated.is_some_and(|s| s.is_about(&cx.today, &Text::new(&metric.name)))
        {
            continue;
        }
        let years = f64::from(months) / 12.0;
        let keeps_pace = match stated.map(|s| s.trend) {
            Some(pace::Trend::Percent(rate)) if rate > 0.0 => {
                ((t / b).powf(1.0 / years) - 1.0) * 100.0 <= rate * 1.1
            }
            Some(pace::Trend::Count(per_year) | pace::Trend::Points(per_year))
                if per_year > 0.0 =>
            {
                (t - b) / years <= per_year * 1.1
            }
            _ => false,
        };
        if keeps_pace {
            out.push((
                i,
                format!("goes from {base} to {goal}, no faster than the trend today states"),
            ));
        }
    }
    out
}

/// True when the future sets `value` as a floor in its prose: "retention of
/// at least 85% each season" beside a metric whose target is "85%".
fn floor_in_prose(future: &Text, value: f64, unit: Unit) -> bool {
    future.values().iter().any(|v| {
        let floor = prose::bound_before(future, v.first).is_some_and(|b| b.floor);
        floor && v.unit == unit && (v.value - value).abs() < 1e-9
    })
}

/// A baseline that points to `today` ("see today", "last year's figure",
/// "as reported above"): the number `today` gives in the clause that
/// shares most words (or their senses) with the metric's name, the first
/// such clause on a tie.
fn given_in_today(cx: &NodeCx<'_>, name: &str, base: &str) -> Option<(f64, Unit)> {
    // A pointer, not a word: "not measured today" gives no number.
    let base = base.to_ascii_lowercase();
    let pointers = [
        "see today",
        "in today",
        "as today",
        "today's figure",
        "see above",
        "as above",
        "as reported",
        "stated above",
        "given above",
        "last year's figure",
    ];
    if !pointers.iter().any(|w| base.contains(w)) {
        return None;
    }
    let name = content_senses_where(&Text::new(name), |_| true);
    let today = &cx.today;
    values(today)
        .iter()
        .filter(|v| {
            v.days.is_none() && v.per_year.is_none() && !today.tokens[v.first].has(shape::YEAR)
        })
        // The clause that shares most with the name: "we kept 80% of
        // clients" for retention, not "clients rate us 96% satisfied".
        .map(|v| (shared_words(today, today.clause_of(v.first), &name), v))
        .filter(|(shared, _)| *shared > 0)
        .max_by_key(|(shared, v)| (*shared, std::cmp::Reverse(v.first)))
        .map(|(_, v)| (v.value, v.unit))
}

/// How many of `name`'s content words (their senses: "kept" is
/// "retention") the tokens `range` of `text` hold.
fn shared_words(text: &Text, range: Range<usize>, name: &[Sense]) -> usize {
    let here = content_stems_in(text, range);
    name.iter().filter(|w| w.in_set(&here)).count()
}

/// A number read from `today`, as a baseline is written: "94%", "1,200".
fn shown(value: f64, unit: Unit) -> String {
    let value = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    };
    if unit == Unit::Percent {
        format!("{value}%")
    } else {
        value
    }
}

/// "Keep churn at 3%", "keep costs flat": "keep" as holding a level, not as having.
fn keeps_at_a_level(text: &Text, m: &Match, leads: &[usize]) -> bool {
    if m.kind != Kind::Continuity
        || !text.word(m.first).starts_with("keep")
        || !leads.contains(&m.first)
    {
        return false;
    }
    let clause = text.clause_of(m.first);
    clause.clone().any(|j| {
        let level_word = ["steady", "flat", "stable", "unchanged", "level"].contains(&text.word(j));
        let at_number = text.word(j) == "at" && text.has_quantity(j + 1..(j + 3).min(clause.end));
        level_word || at_number
    }) && !text
        .sentence_of(m.first)
        .any(|j| text.tokens[j].is(Kind::ChangeVerb))
}

/// The smallest move that is a goal at each level, as a share of the
/// baseline: a vision moving a number 2.5% over eight years holds it.
fn least_move(level: Level) -> f64 {
    match level {
        Level::Vision => 0.15,
        Level::Intent => 0.10,
        Level::Initiative | Level::Option => 0.05,
    }
}

fn is_flat(metric: &Metric, least: f64) -> bool {
    // "Reduction in leakage", 0% to 2.3%: a metric that counts the change
    // itself has its move in the target.
    let counts_change = [
        "reduction",
        "increase",
        "growth",
        "improvement",
        "change",
        "cut",
        "uplift",
        "rise",
    ]
    .iter()
    .any(|w| metric.name.to_lowercase().contains(w));
    if counts_change
        && let (Some((b, Unit::Percent)), Some((t, Unit::Percent))) = (
            metric.baseline.as_deref().and_then(parse_quantity),
            metric.target.as_deref().and_then(parse_quantity),
        )
        && b == 0.0
    {
        return t.abs() < least * 100.0;
    }
    match (metric.baseline.as_deref(), metric.target.as_deref()) {
        (Some(b), Some(t)) => {
            match parse_quantity(b).and_then(|base| Some((base, target(base, t)?))) {
                Some((b, t)) => b.1 == t.1 && barely_moves(b.0, t.0, b.1 == Unit::Percent, least),
                None => b.trim().eq_ignore_ascii_case(t.trim()),
            }
        }
        _ => false,
    }
}

/// A move under `least` of the baseline is holding it. For a share, the
/// part left to 100% counts too: 99.5% to 99.95% availability is a ten-fold
/// cut in downtime, while 41.0% to 41.3% moves neither part.
fn barely_moves(baseline: f64, target: f64, share: bool, least: f64) -> bool {
    let small = |from: f64, to: f64| (to - from).abs() <= least * from.abs().max(f64::EPSILON);
    small(baseline, target) && (!share || small(100.0 - baseline, 100.0 - target))
}

mod direction;
mod prose;
#[cfg(test)]
mod tests;
