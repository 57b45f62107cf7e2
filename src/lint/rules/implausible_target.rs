use super::support::{names_something_new, quote, reach};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::calendar::{year_on_year, yearly_stretch};
use crate::lint::text::moves::multiplier;
use crate::lint::text::numbers::{Value, values};
use crate::lint::text::pace;
use crate::lint::text::target::target;
use crate::lint::text::{Kind, Match, Text, Unit, parse_quantity};
use crate::model::{Field, MetricPart};

mod business;
use business::{market_taken, whole_business};

declare_rule! {
    /// ## What it does
    /// Flags targets no plan reaches: a metric whose target is so many times
    /// its baseline (or so small a fraction of it) that no plan at this level
    /// could get there (more than 100x for a vision, 50x for an intent, 30x
    /// for an initiative or an option); a count or amount that must grow
    /// faster than 4x a year to reach its target by its date (tripling
    /// revenue in a quarter), or faster than 1.5x a year when the future
    /// keeps its means ("the same range, sold by our current sales team",
    /// "the ship we have"; `lexicon/same-means.txt`); a share whose target
    /// passes 100% (`share of UK tyre sales`, 34% to 102%), in a metric or
    /// in the prose ("triple our 34% share"). A target written as a change
    /// ("five times today", "+25%") is read against its baseline; a count
    /// over a stretch of the year ("new members January-June") is paced
    /// from the same stretch a year earlier. Baselines of zero (a new
    /// product line) are left alone, and growth, returns and net revenue
    /// retention may pass 100%.
    ///
    /// ## Why is this bad?
    /// Lofty is good; impossible is not. A target thousands of times today's
    /// level tells the teams below that the number is decoration.
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// horizon = "2033"
    /// metrics = [{ name = "mobile accounts opened", baseline = "1.2 million", target = "8 billion", by = "2033-12" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// horizon = "2033"
    /// metrics = [{ name = "mobile accounts opened", baseline = "1.2 million", target = "25 million", by = "2033-12" }]
    /// ```
    pub static RULE = {
        name: "implausible-target",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A metric target so far from its baseline that no plan could reach it",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let limit = reach(cx.level());
    let horizon = cx.node.doc.horizon.map(|h| h.months_from(cx.as_of));
    // "Against 35 in the same months last year": the node's, for every metric.
    let compared_a_year_on = year_on_year(&cx.future) || year_on_year(&cx.today);
    // Only when nothing new is named beside it: "our current team is
    // joined by 40 new engineers" keeps nothing.
    let same_means = cx
        .future
        .matches_of(Kind::SameMeans)
        .next()
        .filter(|_| !names_something_new(&cx.future))
        .map(|m| quote(&cx.node.doc.future, &cx.future, m));
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        // "five times today", "+25%": a change, read against the baseline.
        let Some(baseline) = metric.baseline.as_deref().and_then(parse_quantity) else {
            continue;
        };
        let Some(target) = metric.target.as_deref().and_then(|t| target(baseline, t)) else {
            continue;
        };
        // "4 weeks" to "48 hours": durations compare in one unit of time.
        let (baseline, target) = match pace::duration_months(metric) {
            Some((b, t)) => ((b, Unit::Plain), (t, Unit::Plain)),
            None => (baseline, target),
        };
        let field = Field::Metric(i, MetricPart::Target);
        let (from, to) = (
            metric.baseline.as_deref().unwrap_or_default(),
            metric.target.as_deref().unwrap_or_default(),
        );
        if target.1 == Unit::Percent && target.0 > 100.0 && is_share(&metric.name) {
            out.push(
                field,
                0..0,
                format!("`{}` aims for {to}: a share cannot pass 100%", metric.name),
                "A share of anything stops at 100%. If this counts growth, name it so \
                 (\"growth in …\"); if it is a share, the target is the share you can win.",
            );
            continue;
        }
        // "revenue uplift", 0% to +100% by March: a doubling, at a pace.
        let uplift = baseline.0 == 0.0
            && target.1 == Unit::Percent
            && target.0 > 0.0
            && compounds(&metric.name)
            && is_change(&metric.name);
        if uplift {
            let months = metric.months_to_by(cx.as_of).or(horizon).filter(|m| *m > 0);
            let factor = 1.0 + target.0 / 100.0;
            if let Some(months) = months
                && factor.powf(12.0 / f64::from(months)) > PACE
            {
                out.push(
                    field,
                    0..0,
                    format!(
                        "`{}` aims for {to} in {months} months: a pace of {:.0}x a year",
                        metric.name,
                        factor.powf(12.0 / f64::from(months))
                    ),
                    "A multiple means something only per unit of time. Give the target a date it \
                     can be reached by, or say what new product or market makes this pace possible.",
                );
            }
            continue;
        }
        if baseline.1 != target.1 || baseline.0 <= 0.0 || target.0 <= 0.0 {
            continue;
        }
        if target.1 == Unit::Percent && market_taken(&metric.name, baseline.0, target.0) {
            out.push(
                field,
                0..0,
                format!(
                    "`{}` goes from {from} to {to} of a market others hold: {}x the share",
                    metric.name,
                    times(target.0 / baseline.0)
                ),
                "A share of a whole market is won from rivals, a few points a year. Aim for the \
                 share the plan can take, or count what you can grow yourself: customers, visits.",
            );
            continue;
        }
        // A duration can fall forty-fold when work is automated (six weeks
        // to a day); other numbers are held to the level's limit both ways.
        let ratio = if target.0 < baseline.0 && is_duration(&metric.name) {
            1.0
        } else {
            (target.0 / baseline.0).max(baseline.0 / target.0)
        };
        if ratio > limit {
            out.push(
                field,
                0..0,
                format!(
                    "`{}` goes from {from} to {to}, a {ratio:.0}x change: more than {} can plan for ({limit:.0}x)",
                    metric.name,
                    cx.level().with_article()
                ),
                "A target nobody believes is decoration. Pick the number this level could reach \
                 if the bet works, and move the rest of the ambition up to the vision.",
            );
            continue;
        }
        // Tripling in a quarter: the pace, not the size, is impossible. A
        // share moves by adoption, not by compounding, so it is left out.
        // A count over a stretch of the year ("new members January-June")
        // held against the same stretch a year earlier moves over twelve
        // months, however close its date.
        let months = metric.months_to_by(cx.as_of).or(horizon);
        let yearly = yearly_stretch(&metric.name) || compared_a_year_on;
        let months = months.map(|m| if yearly { m.max(12) } else { m });
        // "The same range, the same two reps": with nothing new to sell or
        // to make it with, any count moves at an established business's
        // pace.
        // Money, what compounds, and what a day's capacity bounds ("cars
        // per peak day"); not a rollout ("vans with telematics") or a score.
        let same = same_means.as_ref().filter(|_| {
            target.1 == Unit::Money || compounds(&metric.name) || throughput(&metric.name)
        });
        if let Some(months) = months.filter(|m| *m > 0)
            && (target.1 == Unit::Money
                || (target.1 == Unit::Plain && compounds(&metric.name))
                || same.is_some())
            && target.0 > baseline.0
            && ratio >= 2.0
        {
            let per_year = ratio.powf(12.0 / f64::from(months));
            if let Some(words) = same
                && per_year > SAME_MEANS_PACE
                && per_year <= PACE
            {
                out.push(
                    field,
                    0..0,
                    format!(
                        "`{}` goes from {from} to {to} in {months} months ({per_year:.1}x a year) with `{words}`",
                        metric.name
                    ),
                    "Growth this fast needs something new: a product, a market, a channel or the \
                     capacity to make it. Say which, or set the pace the means you keep can reach.",
                );
            } else if per_year > PACE
                || (months >= SUSTAINED
                    && per_year > SUSTAINED_PACE
                    && whole_business(&metric.name))
            {
                out.push(
                    field,
                    0..0,
                    format!(
                        "`{}` goes from {from} to {to} in {months} months: {ratio:.1}x, a pace of {}x a year",
                        metric.name, times(per_year)
                    ),
                    "A multiple means something only per unit of time. Give the target a date it \
                     can be reached by, or say what new product or market makes this pace possible.",
                );
            }
        }
    }
    // "The sterility test alone needs 14 days", and a release in two days
    // "using our current tests": a duration cut below a step of it that
    // the future keeps.
    if let Some(words) = &same_means
        && let Some(step) = pace::lead_time(&cx.today)
    {
        for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
            let Some((from, to)) = pace::duration_months(metric) else {
                continue;
            };
            if to < 0.9 * step && step < 0.95 * from {
                out.push(
                    Field::Metric(i, MetricPart::Target),
                    0..0,
                    format!(
                        "`{}` aims for {}, shorter than a step `today` says takes {}, and the future keeps `{words}`",
                        metric.name,
                        metric.target.as_deref().unwrap_or_default(),
                        months_in_words(step)
                    ),
                    "A whole cannot take less time than one of its steps. Say how that step \
                     changes (a faster test, another route), or aim for what the rest can save.",
                );
            }
        }
    }
    for m in shares_multiplied_past_100(&cx.future) {
        let words = cx
            .node
            .doc
            .future
            .get(cx.future.span(m.first, m.last))
            .unwrap_or_default();
        out.push(
            Field::Future,
            cx.future.span(m.first, m.last),
            format!("`{words}` takes a share past 100%"),
            "A share of anything stops at 100%. Say the share you can win, or count something \
             that can grow: orders, revenue, customers.",
        );
    }
}

/// A metric name that counts what a stretch of time's capacity bounds:
/// "cars carried per peak day", "daily in-house units", "jobs a week".
fn throughput(name: &str) -> bool {
    let name = Text::new(name);
    (0..name.len()).any(|i| {
        let word = name.word(i);
        ["daily", "weekly", "monthly", "hourly"].contains(&word)
            // "per day", "per peak day", "a working week"
            || ((1..=2).any(|k| ["per", "a", "each", "every"].contains(&name.word(i.wrapping_sub(k))))
                && ["day", "week", "hour", "shift", "month"].contains(&word))
            || word.ends_with("-day")
    })
}

/// "14 days", "18 months": a lead time read in months, as people say it.
fn months_in_words(months: f64) -> String {
    if months < 1.0 {
        format!("{:.0} days", months * 365.0 / 12.0)
    } else {
        format!("{months:.0} months")
    }
}

/// A multiple as people say it: "2.6", "15", never "3" for 2.6.
fn times(x: f64) -> String {
    if x < 10.0 {
        format!("{x:.1}")
    } else {
        format!("{x:.0}")
    }
}

/// A year-on-year pace beyond this (more than quadrupling every year) no plan reaches without a new
/// product or market.
const PACE: f64 = 4.0;

/// The pace no business holds for [`SUSTAINED`] months or more: two and a
/// half times over every year, six-fold in two years, for the takings of
/// a whole business ([`whole_business`]).
const SUSTAINED_PACE: f64 = 2.5;

/// Months from which a pace counts as held, not a burst: two years.
const SUSTAINED: i32 = 24;

/// The pace beyond which growth needs something new: more than half as
/// much again every year, from the same products, people and capacity.
const SAME_MEANS_PACE: f64 = 1.5;

/// Metric names that count a change itself ("revenue uplift", "growth in
/// orders"), so their target is the move.
fn is_change(name: &str) -> bool {
    let name = name.to_lowercase();
    ["uplift", "growth", "increase", "rise", "gain", "change"]
        .iter()
        .any(|w| name.contains(w))
}

/// Metric names that measure time: how long something takes or waits.
fn is_duration(name: &str) -> bool {
    let name = name.to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    // "defects per month" is a rate, not a duration.
    words.iter().enumerate().any(|(i, w)| {
        let rate = i > 0 && ["per", "a", "each", "every"].contains(&words[i - 1]);
        !rate
            && [
                "minute",
                "hour",
                "day",
                "week",
                "month",
                "time",
                "latency",
                "wait",
                "duration",
                "delay",
                "turnaround",
                "second",
            ]
            .iter()
            .any(|unit| w.starts_with(unit))
    })
}

/// Metric names that count what grows by compounding (revenue, customers,
/// orders), where a pace per year means something; a rollout (stations
/// switched over, schools connected) moves as fast as it is installed.
fn compounds(name: &str) -> bool {
    let name = name.to_lowercase();
    // Whole words, in the singular or the plural: "arr" is not in
    // "carriers", nor "sales" in "wholesalers".
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(|w| w.trim_end_matches('s'))
        .collect();
    [
        "revenue",
        "sales",
        "income",
        "profit",
        "arr",
        "mrr",
        "turnover",
        "customers",
        "users",
        "subscribers",
        "members",
        "orders",
        "bookings",
        "gmv",
        "volume",
        "transactions",
        "players",
        "dau",
        "mau",
        "visitors",
        "downloads",
        "installs",
        "followers",
        "readers",
        "listeners",
        "viewers",
        "signups",
        "sign-ups",
        "traffic",
        "sessions",
    ]
    .iter()
    .any(|w| words.contains(&w.trim_end_matches('s')))
}

/// A metric in percent reads as a share of a whole ("share of UK tyre
/// sales", "UK dental surgeries on our booking tool"), which stops at 100%,
/// unless its name says it counts a change or a ratio that may pass it:
/// growth, returns, net revenue retention, an index.
fn is_share(name: &str) -> bool {
    let name = name.to_lowercase();
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let change = words.iter().any(|w| {
        [
            "growth",
            "increase",
            "uplift",
            "change",
            "return",
            "roi",
            "yoy",
            "year-on-year",
            "retention",
            "versus",
            "vs",
            "index",
            "ratio",
            "multiple",
            "utilisation",
            "utilization",
        ]
        .iter()
        .any(|c| w.starts_with(c))
    }) || name.contains("of target")
        || name.contains("of plan")
        || name.contains("of budget");
    !change
}

/// "triple our 34% share", "double the 60% of …": a multiplier applied to a
/// share in one clause, past 100%.
fn shares_multiplied_past_100(text: &Text) -> Vec<Match> {
    let shares: Vec<Value> = values(text)
        .iter()
        .copied()
        .filter(|v| v.unit == Unit::Percent)
        .collect();
    let mut out = Vec::new();
    for i in 0..text.len() {
        let Some(factor) = multiplier(text, i) else {
            continue;
        };
        let clause = text.clause_of(i);
        if let Some(share) = shares.iter().find(|v| clause.contains(&v.first))
            && share.value * factor > 100.0
        {
            out.push(Match {
                kind: Kind::Absolute,
                first: i.min(share.first),
                last: i.max(share.last),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
