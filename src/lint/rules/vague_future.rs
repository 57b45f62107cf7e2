use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::picture;
use crate::model::Field;

declare_rule! {
    /// ## What it does
    /// Flags a `future` with nothing a reader can picture. Each clause is
    /// read for what it shows: a number (not a year), a name, a person in a
    /// role (*a pharmacist*, not *people*), a physical thing, a time of day;
    /// a number of a plan's parts (*three key levers*, *seven workstreams*)
    /// or of a change in an abstraction (*a 20% improvement across the
    /// funnel*) shows nothing (`src/lint/text/picture/hollow.rs`), and a
    /// name that opens its clause (*By 2032 Tidewater sits...*, most often
    /// the writer's own organisation) shows one thing, not two;
    /// when the future holds (*three years out*, *in six years*) is not a
    /// number it shows. A clause gives a picture with a number, or with two such things;
    /// a clause whose claim is a judgement or a feeling (*runs well*, *are
    /// thrilled*, *love booking with us*, *good results*, *gets better*)
    /// gives none unless a number measures it. A judging word right before a
    /// thing only decorates it (*stunning solar roofs* still shows roofs).
    /// The future is flagged when no clause gives a picture
    /// (`src/lint/text/picture.rs`; the word lists are in `src/lint/lexicon/`).
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
        summary: "A `future` with nothing to picture: no number, name, role or thing, or only judgements",
        check: check,
    };
}

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    let text = &cx.future;
    if text.is_empty() || picture::pictured(text) {
        return;
    }
    out.push(
        Field::Future,
        0..0,
        "the future has nothing a reader can picture: no number, name, role or thing, or only judgements of them",
        "Two readers will imagine two different futures, and nobody can tell when it has \
         arrived. Say who does what differently, where, and by how much: \"a rep sends a \
         spot quote 8 minutes after the request\".",
    );
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
    fn a_judgement_of_people_is_not_a_scene() {
        assert_eq!(fires(Level::Intent, "Make it simple for carriers."), 1);
        assert_eq!(
            fires(
                Level::Intent,
                "Shippers love booking with us, and carriers choose us first."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Intent,
                "Carriers book a load from their phone at the dock."
            ),
            0
        );
    }

    #[test]
    fn empty_future_is_left_to_missing_future() {
        assert_eq!(fires(Level::Vision, ""), 0);
    }
}
