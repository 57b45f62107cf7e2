use super::support::{non_overlapping, quote};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text, Unit, parse_quantity, shape};
use crate::model::{Field, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags absolutes no company can reach: *100% of the world's freight*,
    /// *every person on Earth*, *zero errors*, *eliminate all fraud*,
    /// *perfect*, *never fails*, *never … downtime*; metrics whose target
    /// drives an error, fraud or harm measure (*falls*, *infections*) to
    /// zero, unless it counts under ten a period (two falls a year can
    /// become none); and rates pushed to their
    /// ceiling: a target of 100% for availability, on-time or first-attempt
    /// delivery, accuracy, retention (`lexicon/ceiling.txt`), or the share of
    /// people doing something (*households setting out food scraps*, target
    /// 100% or *all of them*). A countable
    /// scope you control is fine: "100% of our 212 services", "every one of
    /// our 40 wards".
    ///
    /// ## Why is this bad?
    /// A goal that cannot be met is not lofty, it is ignored: teams quietly
    /// discount it, and the real target is never written down.
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// future = "Give every person on Earth a bank account on their phone."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// future = "Open mobile accounts for 25 million unbanked adults in Nigeria, Kenya and Ghana."
    /// ```
    pub static RULE = {
        name: "unachievable-absolute",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "Absolutes no company can reach: 100% of the world, zero errors, everyone",
        check: check,
    };
}

/// A count of harm under this many a period is rare enough to reach zero.
const RARE: f64 = 10.0;

const HELP: &str = "A goal nobody believes is quietly discounted, and the real target is never \
written down. Name a scope you control and a number you could reach: \"cut errors on our 40 \
wards from 6.1 to 2.0 per 1,000 doses\".";

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (field, text) in [(Field::Title, &cx.title), (Field::Future, &cx.future)] {
        let source = cx.node.doc.text(field).unwrap_or_default();
        let mut found: Vec<Match> = text
            .matches_of(Kind::Absolute)
            .filter(|m| !bounded_scope(text, m))
            .copied()
            .collect();
        found.extend(zero_or_eliminate_bad(text));
        found.extend(everyone_everywhere(text));
        for m in non_overlapping(found.iter()) {
            let words = quote(source, text, &m);
            out.push(
                field,
                text.span(m.first, m.last),
                format!("`{words}` is an absolute no company can reach"),
                HELP,
            );
        }
    }
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        // "all of them", "everyone": the whole population, as a share.
        let target = metric.target.as_deref().and_then(|t| {
            let whole = ["all", "all of them", "everyone", "everybody", "every one"];
            if whole.contains(&t.trim().to_lowercase().as_str()) {
                Some((100.0, Unit::Percent))
            } else {
                parse_quantity(t)
            }
        });
        let baseline = metric.baseline.as_deref().and_then(parse_quantity);
        let name = Text::new(&metric.name);
        let bad_measure = name.tokens.iter().any(|t| t.is(Kind::BadNoun));
        // A share of people doing something (households setting out food
        // scraps, patients attending their recall) is a ceiling too: some
        // never will, whatever the plan.
        let ceiling_rate = name.tokens.iter().any(|t| t.is(Kind::Ceiling))
            || name.matches_of(Kind::Ceiling).next().is_some()
            || name.tokens.iter().any(|t| t.is(Kind::Actor));
        if ceiling_rate
            && target.is_some_and(|t| t.1 == Unit::Percent && (t.0 - 100.0).abs() < 1e-9)
            && baseline.is_some_and(|b| b.0 < 100.0)
        {
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!(
                    "target 100% for `{}`: a rate pushed to its ceiling, which no operation holds",
                    metric.name
                ),
                HELP,
            );
            continue;
        }
        // Two falls a year can become none; two hundred cannot, nor can a
        // rate ("errors per 1,000 doses", "fraud in bps of volume").
        let rate = (0..name.len()).any(|j| {
            ["rate", "rates", "bps"].contains(&name.word(j))
                || (name.word(j) == "per"
                    && name.tokens.get(j + 1).is_some_and(|t| t.has(shape::NUMBER)))
        });
        let many = |b: (f64, Unit)| b.0 > 0.0 && (b.1 == Unit::Percent || rate || b.0 >= RARE);
        if bad_measure && target.is_some_and(|t| t.0 == 0.0) && baseline.is_some_and(many) {
            out.push(
                Field::Metric(i, MetricPart::Target),
                0..0,
                format!(
                    "target 0 for `{}`: errors, fraud and failures never reach zero",
                    metric.name
                ),
                HELP,
            );
        }
    }
}

/// "100% of our 212 services", "eliminate all paper forms in our 6 offices":
/// a countable scope the company controls.
fn bounded_scope(text: &Text, m: &Match) -> bool {
    let end = (m.last + 5).min(text.len());
    if text
        .matches_of(Kind::GlobalScope)
        .any(|g| g.first > m.last && g.first < end)
    {
        return false;
    }
    (m.last + 1..end).any(|j| {
        ["our", "its", "their"].contains(&text.word(j))
            || (text.tokens[j].has(shape::NUMBER) && !text.tokens[j].has(shape::YEAR))
    })
}

/// "zero medication errors", "eliminate card fraud", "never ... downtime".
fn zero_or_eliminate_bad(text: &Text) -> Vec<Match> {
    let mut out = Vec::new();
    for i in 0..text.len() {
        let word = text.word(i);
        let reach = match word {
            "zero" | "never" => 3,
            w if w.starts_with("eliminat") || w.starts_with("eradicat") => 4,
            _ => continue,
        };
        let end = (i + 1 + reach).min(text.len());
        // "revenue never falls below £2m" is a floor, not an absolute.
        let floor = |j: usize| text.word_in(j + 1, &["below", "under", "behind", "short"]);
        if let Some(j) = (i + 1..end).find(|&j| text.tokens[j].is(Kind::BadNoun) && !floor(j)) {
            out.push(Match {
                kind: Kind::Absolute,
                first: i,
                last: j,
            });
        }
    }
    out
}

/// "every person on Earth", "everyone in the world": a quantifier over a
/// global scope in one sentence.
fn everyone_everywhere(text: &Text) -> Vec<Match> {
    let mut out = Vec::new();
    for scope in text.matches_of(Kind::GlobalScope) {
        let sentence = text.sentence_of(scope.first);
        if let Some(q) =
            (sentence.start..scope.first).find(|&j| text.tokens[j].is(Kind::AllQuantifier))
        {
            out.push(Match {
                kind: Kind::Absolute,
                first: q,
                last: scope.last,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count, fired_at};
    use crate::model::{Level, Metric};

    fn fires(future: &str) -> usize {
        fired_at(super::RULE.name, Level::Vision, &[("future", future)])
    }

    #[test]
    fn catches_absolutes() {
        assert_eq!(
            fires("Move 100% of the world's freight through our network."),
            1
        );
        assert_eq!(
            fires("Achieve zero medication errors in every hospital, permanently."),
            1
        );
        assert_eq!(fires("Eliminate all card fraud on our platform."), 1);
        assert_eq!(fires("Everyone in the world pays by phone."), 1);
        assert_eq!(fires("100% uptime and flawless service."), 2);
        assert_eq!(fires("Customers never see an outage."), 1);
    }

    fn fires_on_metric(name: &str, baseline: &str, target: &str) -> usize {
        let (s, id) = cascade_with(Level::Initiative, |n| {
            n.doc.metrics = vec![Metric {
                name: name.into(),
                baseline: Some(baseline.into()),
                target: Some(target.into()),
                ..Metric::default()
            }];
        });
        count(super::RULE.name, &s, id)
    }

    #[test]
    fn a_share_of_people_at_its_ceiling_fires_a_rollout_does_not() {
        assert_eq!(
            fires_on_metric("households setting out food scraps weekly", "22%", "100%"),
            1
        );
        assert_eq!(
            fires_on_metric("patients attending their recall", "64%", "all of them"),
            1
        );
        assert_eq!(
            fires_on_metric("patients attending their recall", "64%", "80%"),
            0
        );
        assert_eq!(fires_on_metric("stores on the new tills", "22%", "100%"), 0);
        assert_eq!(
            fires_on_metric("Sell-through of cards shipped", "71%", "100%"),
            1
        );
        assert_eq!(
            fires_on_metric(
                "Share of shipped cards returned or written off",
                "29%",
                "0%"
            ),
            1
        );
    }

    #[test]
    fn harm_driven_to_zero_fires_unless_it_is_rare() {
        assert_eq!(fires_on_metric("falls per year, all homes", "212", "0"), 1);
        assert_eq!(fires_on_metric("errors per 1,000 doses", "6.1", "0"), 1);
        // Two falls a year can become none.
        assert_eq!(fires_on_metric("falls from height per year", "2", "0"), 0);
        assert_eq!(fires("Residents have zero falls, day or night."), 1);
        assert_eq!(fires("Revenue never falls below two million pounds."), 0);
    }

    #[test]
    fn accepts_bounded_scopes() {
        assert_eq!(
            fires("Cut errors on every one of our 40 partner wards from 6.1 to 2.0."),
            0
        );
        assert_eq!(
            fires("Move 100% of our 212 services to the new cluster."),
            0
        );
        assert_eq!(
            fires("Half of all part-load freight between Poland and Germany."),
            0
        );
        assert_eq!(fires("Deploy with zero-downtime releases."), 0);
    }
}
