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
use crate::lint::text::parts::in_use;
use crate::lint::text::target::target;
use crate::lint::text::{Kind, Text, Unit, parse_quantity, shape, stem};
use crate::model::{Field, MetricPart};

/// The multiple full means cannot carry: twice today's load.
const MULTIPLE: f64 = 2.0;

const HELP: &str = "Means already full cannot carry a multiple of today's load. Say what adds \
                    the capacity (a site, a line, a vessel, longer hours), or set the target \
                    the capacity you have can carry.";

/// Flags each count that grows past what the means can carry, in a metric
/// or else in the future's prose: [`MULTIPLE`] times its baseline when
/// `today` says the means are used up, or the room left in a capacity
/// worked out from parts ([`full`]). A move `flagged` as too fast is not
/// said again.
pub(super) fn check(cx: &NodeCx<'_>, out: &mut Findings, flagged: &[Range<usize>]) {
    let today = &cx.today;
    let Some(Full { because, multiple }) = full(cx) else {
        return;
    };
    let why = |ratio: f64| format!("asks {ratio:.1}x today's load{because}");
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
        if ratio >= multiple {
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
        if m.share || m.money || m.from <= 0.0 || m.to / m.from < multiple {
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
        if future.value / now.value >= multiple {
            let why = why(future.value / now.value);
            super::flag_words(cx, out, (future.first, future.last + 1), &why, HELP);
        }
    }
}

/// Means with no room for the load the node asks of them: why, and the
/// multiple of today's load past which they cannot carry it.
struct Full {
    /// What follows "asks 2.4x today's load".
    because: String,
    multiple: f64,
}

/// The means `today` says are used up (`text/capacity.rs`), or works out
/// from its parts are mostly used (`text/parts.rs`), when they stay as
/// they are: `today` says none are coming, or the future keeps them and
/// adds neither new means nor hours. Parts the node's metrics grow ("4,000
/// lockers" to 5,000) grow the room with them.
fn full(cx: &NodeCx<'_>) -> Option<Full> {
    let today = &cx.today;
    // Parts read to a share say more than a word for full.
    let parts = in_use(today);
    // "4,000 lockers" to 5,000 in a metric: the room grows by a quarter.
    let grown = parts.and_then(|p| means_growth(cx, p.means?.value));
    // New means or longer hours beside the old ones add capacity:
    // "joined by 12 new tunnels", "the same depots run a night shift".
    if grown.is_none() && (names_something_new(&cx.future) || adds_hours(&cx.future)) {
        return None;
    }
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
    let quote = |first: usize, last: usize| quote_span(&cx.node.doc.today, today, first, last);
    let Some(parts) = parts else {
        let (first, last) = used_up(today)?;
        let full = quote(first, last);
        let kept = kept?;
        return Some(Full {
            because: format!(
                " of means today says are full (`{full}`), with none coming (`{kept}`)"
            ),
            multiple: MULTIPLE,
        });
    };
    // With nothing said of the means, and nothing new named, the load may
    // still not double what the means can carry.
    let (growth, kept) = match (grown, kept) {
        (Some((growth, name)), _) => (growth, format!("{name} grows only {growth:.2}x")),
        (None, Some(kept)) => (1.0, format!("`{kept}`")),
        (None, None) => (MULTIPLE / SLACK, "nothing adds to them".to_string()),
    };
    let means = parts.means.map_or(String::new(), |m| {
        format!("`{}` ", quote(m.first, m.last + 1))
    });
    let load = quote(parts.load.first, parts.load.last + 1);
    let used = parts.share * 100.0;
    Some(Full {
        because: format!(
            ", but today's `{load}` already uses about {used:.0}% of what its {means}parts can \
             carry, and the means stay ({kept})"
        ),
        multiple: SLACK * growth / parts.share,
    })
}

/// The room a load may take past the capacity worked out from parts:
/// numbers in prose are rounded.
const SLACK: f64 = 1.1;

/// How much a metric grows the count taken as the means, with its name:
/// a metric whose baseline is that count ("Lockers", 4,000 to 5,000).
fn means_growth(cx: &NodeCx<'_>, means: f64) -> Option<(f64, String)> {
    cx.node.doc.metrics.iter().find_map(|m| {
        let base = m.baseline.as_deref().and_then(parse_quantity)?;
        let to = target(base, m.target.as_deref()?)?;
        let same = base.1 == Unit::Plain && (base.0 - means).abs() < 1e-9;
        (same && to.0 > base.0).then(|| (to.0 / base.0, format!("`{}`", m.name)))
    })
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
    // "with no new stations and no evening shift" rules the hours out;
    // "on the Saturday of half-term" is a day, not one added.
    let ruled_out = |i: usize| {
        // "without new machines or longer hours".
        let clause = future.clause_of(i);
        (i.saturating_sub(5).max(clause.start)..i)
            .any(|j| future.word_in(j, &["no", "not", "without"]))
            || (future.word_in(i, &["saturday", "sunday"])
                && future.word(i.wrapping_sub(1)) == "the")
    };
    (0..future.len()).any(|i| future.word_in(i, LONGER) && !kept(i) && !ruled_out(i))
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
