//! A count multiplied on means `today` says are full, with no capacity
//! coming: "Saturday tunnels run at 95% of capacity", "the board has frozen
//! new-site capex", and cars washed from 6.1m to 14m a year
//! (`text/capacity.rs`).

use std::ops::Range;

use super::super::support::{names_something_new, quote_span};
use crate::lint::context::NodeCx;
use crate::lint::registry::Findings;
use crate::lint::text::capacity::{none_coming, used_up};
use crate::lint::text::moves::moves;
use crate::lint::text::numbers::Value;
use crate::lint::text::target::target;
use crate::lint::text::{Kind, Text, Unit, parse_quantity, shape, stem};
use crate::model::{Field, MetricPart};

/// The multiple full means cannot carry: twice today's load.
const MULTIPLE: f64 = 2.0;

const HELP: &str = "Means already full cannot carry a multiple of today's load. Say what adds \
                    the capacity (a site, a line, a vessel, longer hours), or set the target \
                    the capacity you have can carry.";

/// Flags each count that grows to [`MULTIPLE`] times its baseline or more,
/// in a metric or else in the future's prose, when `today` says the means
/// are used up and either `today` says none are coming or the future keeps
/// them ("the same 22 sites"). A move `flagged` as too fast is not said
/// again.
pub(super) fn check(cx: &NodeCx<'_>, out: &mut Findings, flagged: &[Range<usize>]) {
    let today = &cx.today;
    // New means or longer hours beside the old ones add capacity:
    // "joined by 12 new tunnels", "the same depots run a night shift".
    if names_something_new(&cx.future) || adds_hours(&cx.future) {
        return;
    }
    let Some((first, last)) = used_up(today) else {
        return;
    };
    // From the start of its clause: "capex on new sites is frozen".
    let kept = none_coming(today)
        .map(|m| {
            let from = today.clause_of(m.first).start;
            quote_span(&cx.node.doc.today, today, from, m.last)
        })
        .or_else(|| {
            cx.future
                .matches_of(Kind::SameMeans)
                .next()
                .map(|m| quote_span(&cx.node.doc.future, &cx.future, m.first, m.last))
        });
    let Some(kept) = kept else {
        return;
    };
    let full = quote_span(&cx.node.doc.today, today, first, last);
    let why = |ratio: f64| {
        format!(
            "asks {ratio:.1}x today's load of means today says are full (`{full}`), with none \
             coming (`{kept}`)"
        )
    };
    let mut in_metrics = false;
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        // The load today speaks of, not another count ("chats answered").
        let name = Text::new(&metric.name);
        if !today.shares_content(0..today.len(), &name) {
            continue;
        }
        let Some(baseline) = metric.baseline.as_deref().and_then(parse_quantity) else {
            continue;
        };
        let Some(to) = metric.target.as_deref().and_then(|t| target(baseline, t)) else {
            continue;
        };
        if baseline.1 != Unit::Plain || to.1 != Unit::Plain || baseline.0 <= 0.0 {
            continue;
        }
        let ratio = to.0 / baseline.0;
        if ratio >= MULTIPLE {
            in_metrics = true;
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!("`{}` {}", metric.name, why(ratio)),
                HELP,
            );
        }
    }
    if in_metrics || !cx.node.doc.metrics.is_empty() {
        return;
    }
    // Once a sentence: "double from 6.1m to 12.5m" is one move said twice.
    let mut sentences: Vec<u16> = Vec::new();
    for m in moves(&cx.future) {
        if m.share || m.money || m.from <= 0.0 || m.to / m.from < MULTIPLE {
            continue;
        }
        let sentence = cx.future.tokens[m.first].sentence;
        // Already too fast for its time: said once.
        let too_fast = flagged.iter().any(|f| f.contains(&m.first));
        if !too_fast && !sentences.contains(&sentence) {
            let why = why(m.to / m.from);
            super::flag_words(cx, out, (m.first, m.last), &why, HELP);
        }
        sentences.push(sentence);
    }
    if !sentences.is_empty() {
        return;
    }
    // "reach 14m washes a year" against "we did 6.1m washes last year".
    for (future, now) in counts_of_the_same(today, &cx.future) {
        if future.value / now.value >= MULTIPLE {
            let why = why(future.value / now.value);
            super::flag_words(cx, out, (future.first, future.last + 1), &why, HELP);
        }
    }
}

/// Words that say the future runs longer: "a night shift", "evening and
/// Saturday clinics", "longer opening hours".
const LONGER: &[&str] = &[
    "shift",
    "shifts",
    "evening",
    "evenings",
    "night",
    "nights",
    "overnight",
    "weekend",
    "weekends",
    "saturday",
    "saturdays",
    "sunday",
    "sundays",
    "hours",
    "24/7",
];

/// True when the future adds time to the means it keeps; "the same four
/// rooms and opening hours" keeps it.
fn adds_hours(future: &Text) -> bool {
    // Only hours are kept so: "the same 22 sites open overnight" adds.
    let kept = |i: usize| {
        let clause = future.clause_of(i);
        // "the same opening hours", "the opening hours stay as they are".
        let after = |j: usize| j > i && j < clause.end.min(i + 3);
        future.word(i) == "hours"
            && ((i.saturating_sub(5).max(clause.start)..i)
                .any(|j| future.word_in(j, &["same", "existing", "current", "usual"]))
                || future.matches_of(Kind::SameMeans).any(|m| after(m.first)))
    };
    (0..future.len()).any(|i| future.word_in(i, LONGER) && !kept(i))
}

/// Each count in `future` beside the count `today` gives of the same
/// thing: the word right after both numbers shares a stem ("14m washes a
/// year", "6.1m washes last year"). Dates, durations, rates and shares are
/// not counts.
fn counts_of_the_same<'a>(today: &'a Text, future: &'a Text) -> Vec<(&'a Value, &'a Value)> {
    let counts = |text: &'a Text| {
        text.values()
            .iter()
            .filter(move |v| {
                v.unit == Unit::Plain
                    && v.days.is_none()
                    && v.per_year.is_none()
                    && v.value > 0.0
                    && !text.tokens[v.first].has(shape::YEAR)
                    && text
                        .tokens
                        .get(v.last + 1)
                        .is_some_and(|t| !t.is(Kind::Stop))
            })
            .map(move |v| (v, stem(text.word(v.last + 1))))
    };
    let now: Vec<_> = counts(today).collect();
    counts(future)
        .filter_map(|(f, noun)| {
            let mut same = now.iter().filter(|(_, n)| *n == noun);
            // One count of the thing in `today`, or no telling which.
            match (same.next(), same.next()) {
                (Some((t, _)), None) => Some((f, *t)),
                _ => None,
            }
        })
        .collect()
}
