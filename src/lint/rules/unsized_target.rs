use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::numbers::counts_as_number;
use crate::lint::text::{Kind, Text};
use crate::model::{Field, MetricPart};

declare_rule! {
    /// ## What it does
    /// Flags a metric whose `target` names a direction or a rank and no
    /// amount: *more*, *up*, *higher than now*, *best in city*, *top*,
    /// *improved* (the words in `lexicon/unsized.txt`), with no number
    /// beside them. A target that names a state ("all stores", "zero",
    /// "live") or a rank by number ("1st", "top 3") is sized.
    ///
    /// ## Why is this bad?
    /// "More" is met by one more. Without an amount nobody can tell whether
    /// the target stretches the business or is out of its reach, and at the
    /// review nobody can say whether it was hit.
    ///
    /// ## Example
    /// ```toml
    /// # level: intent
    /// metrics = [{ name = "Guests per year", baseline = "current level", target = "more", by = "2028-12" }]
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: intent
    /// metrics = [{ name = "Guests per year", baseline = "412,000", target = "520,000", by = "2028-12" }]
    /// ```
    pub static RULE = {
        name: "unsized-target",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A metric's target names a direction (more, up, best) and no amount",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    for (i, metric) in cx.node.doc.metrics.iter().enumerate() {
        let Some(target) = metric.target.as_deref() else {
            continue;
        };
        if !has_no_size(target) {
            continue;
        }
        out.push(
            Field::Metric(i, MetricPart::Target),
            0..0,
            format!(
                "`{}` has the target `{}`, a direction with no amount",
                metric.name,
                target.trim()
            ),
            "\"More\" is met by one more, so no one can tell whether this stretches or is in \
             reach. Write the number this level reaches: \"520,000 guests\", \"top 3 by review \
             score in each city\".",
        );
    }
}

/// True when `target` holds a direction or rank word and no size: no
/// number (a year is none: "higher than in 2025"), no state ("set up in all
/// stores"), no checkable standard ("better than the industry average"),
/// no rank in parts ("top quartile").
fn has_no_size(target: &str) -> bool {
    let text = Text::new(target);
    let sized = (0..text.len()).any(|i| {
        counts_as_number(&text, i)
            || text.is(i, Kind::NumberWord)
            || text.is(i, Kind::AllQuantifier)
            || text.is(i, Kind::Benchmark)
            || ["quartile", "decile", "percentile", "quintile"]
                .contains(&text.word(i).trim_end_matches('s'))
    });
    // "Set up", "best practice": the word begins a compound, not a direction.
    let direction = |i: usize| {
        text.is(i, Kind::Unsized)
            && !(text.word(i) == "up" && i > 0)
            && !(text.word(i) == "best" && text.word(i + 1) == "practice")
    };
    !sized && (0..text.len()).any(direction)
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::{cascade_with, count, metric};
    use crate::model::Level;

    fn fires(target: &str) -> usize {
        let (s, id) = cascade_with(Level::Intent, |n| {
            n.doc.future = "Guests stay longer and come back.".into();
            let spec = format!("Guests per year|412,000|{target}");
            n.doc.metrics.push(metric(&spec, "2028-12"));
        });
        count(super::RULE.name, &s, id)
    }

    #[test]
    fn directions_without_amounts_fire() {
        for target in [
            "more",
            "up",
            "higher than now",
            "best in city",
            "Improved",
            "top",
            "higher than in 2025",
        ] {
            assert_eq!(fires(target), 1, "{target}");
        }
    }

    #[test]
    fn amounts_states_and_numbered_ranks_do_not() {
        for target in [
            "520,000",
            "more than 500k",
            "top 3",
            "1st in region",
            "all stores",
            "zero",
            "live",
            "up by a third",
            "Set up in all stores",
            "Best practice adopted by every team",
            "better than the industry average",
            "top quartile",
        ] {
            assert_eq!(fires(target), 0, "{target}");
        }
    }
}
