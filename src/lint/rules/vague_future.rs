use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Text, shape};
use crate::model::{Field, Level};

declare_rule! {
    /// ## What it does
    /// Flags a `future` with nothing a reader can picture: no actor (a
    /// customer, a rep, a driver), no number or date, no named place or
    /// product, no physical thing. Options and initiatives, which are close
    /// to the work, need two such anchors; a vision or an intent needs one.
    ///
    /// ## Why is this bad?
    /// A future made only of abstractions ("respect, integrity, excellence",
    /// "improve the journey and drive engagement") cannot be pictured, so two
    /// readers imagine two different futures and nobody can tell when it has
    /// arrived.
    ///
    /// ## Example
    /// ```toml
    /// # level: option
    /// future = "Improve the onboarding and make it more engaging."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: option
    /// future = "New customers verify their identity with a passport photo and open an account in 6 minutes."
    /// ```
    pub static RULE = {
        name: "vague-future",
        criterion: Concrete,
        severity: Warning,
        summary: "A `future` with no actor, number, date, place or thing to picture",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let text = &cx.future;
    if text.is_empty() {
        return;
    }
    let needed = match cx.level() {
        Level::Vision | Level::Intent => 1,
        Level::Initiative | Level::Option => 2,
    };
    let found = anchors(text);
    if found < needed {
        out.push(
            Field::Future,
            0..0,
            "the future has nothing a reader can picture: no actor, number, date, place or thing",
            "Two readers will imagine two different futures, and nobody can tell when it has \
             arrived. Say who does what differently, where, and by how much: \"a rep sends a \
             spot quote 8 minutes after the request\".",
        );
    }
}

/// Counts the words that let a reader picture the text.
pub fn anchors(text: &Text) -> usize {
    (0..text.len())
        .filter(|&i| {
            let t = &text.tokens[i];
            let proper =
                t.has(shape::CAPITALIZED) && !t.has(shape::SENTENCE_START) && text.word(i) != "i";
            let number_word =
                t.is(Kind::NumberWord) && !(text.word(i) == "one" && text.word(i + 1) == "of");
            t.has(shape::HAS_DIGIT)
                || t.has(shape::ACRONYM)
                || proper
                || number_word
                || t.is(Kind::Actor)
                || t.is(Kind::Concrete)
                || t.is(Kind::TimeWord)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(level: Level, future: &str) -> usize {
        fired_at(super::RULE.name, level, &[("future", future)])
    }

    #[test]
    fn abstractions_alone_fire() {
        assert_eq!(
            fires(
                Level::Vision,
                "Respect. Integrity. Communication. Excellence."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Intent,
                "Our strategy is one of customer-centric intermediation."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Option,
                "Improve the onboarding journey and drive engagement."
            ),
            1
        );
    }

    #[test]
    fn a_scene_without_digits_is_concrete() {
        assert_eq!(
            fires(
                Level::Vision,
                "Land a man on the moon and return him safely to the earth."
            ),
            0
        );
        assert_eq!(
            fires(
                Level::Option,
                "Shoppers scan the QR code on their receipt and the refund reaches their card."
            ),
            0
        );
    }

    #[test]
    fn lower_levels_need_more_than_one_anchor() {
        assert_eq!(fires(Level::Intent, "Make it simple for carriers."), 0);
        assert_eq!(fires(Level::Option, "Make it simple for carriers."), 1);
    }

    #[test]
    fn empty_future_is_left_to_missing_future() {
        assert_eq!(fires(Level::Vision, ""), 0);
    }
}
