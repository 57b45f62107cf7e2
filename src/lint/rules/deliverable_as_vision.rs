use super::support::{quote, sentence_leads};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text, shape};
use crate::model::{Field, Level};

declare_rule! {
    /// ## What it does
    /// Flags a vision or an intent whose `future` is a deliverable, not a
    /// change in the world: it opens with *ship*, *launch*, *build*,
    /// *release* or *roll out*, or it names only things to build or move
    /// (*move our services onto a container cluster*, *get the third release
    /// of our app into the stores*), with no person it changes anything for,
    /// no comparison and no quantity (a version number is not a quantity); or
    /// it is a list of features (*dark mode, offline sync, CSV export and a
    /// Slack integration*).
    ///
    /// ## Why is this bad?
    /// "Ship the new dashboard" is done in months and says nothing about why.
    /// A vision is the change in customers' world that many releases add up
    /// to; mistaking output for outcome is the build trap (Perri).
    ///
    /// ## Example
    /// ```toml
    /// # level: vision
    /// future = "Launch version 3 of the mobile app."
    /// ```
    ///
    /// Use instead:
    /// ```toml
    /// # level: vision
    /// future = "Half of our 2 million policyholders file and track claims in the app, and phone claims fall by two thirds."
    /// ```
    pub static RULE = {
        name: "deliverable-as-vision",
        criterion: LoftyAchievable,
        severity: Warning,
        summary: "A vision or intent that is one deliverable, not a change in the world",
        check: check,
    };
}

const VERSION_WORDS: &[&str] = &[
    "version",
    "v",
    "release",
    "phase",
    "wave",
    "sprint",
    "milestone",
    "step",
    "stage",
];

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if !matches!(cx.level(), Level::Vision | Level::Intent) {
        return;
    }
    let text = &cx.future;
    if let Some(items) = feature_list(text) {
        out.push(
            Field::Future,
            0..0,
            format!(
                "this {}'s future is a list of {items} features, not a change in the world",
                cx.level()
            ),
            "Features are how, not where. Say what customers or the business can do when they \
             exist, and by how much; the features belong to options.",
        );
        return;
    }
    let Some(&lead) = sentence_leads(text).first() else {
        return;
    };
    let Some(build) = text
        .matches_of(Kind::BuildVerb)
        .find(|m| m.first == lead)
        .copied()
        .or_else(|| only_things_to_build(text, lead))
    else {
        return;
    };
    // A quantity ("2 million meals a year") sizes an outcome; a version number does not.
    let outcome = (0..text.len()).any(|i| {
        let t = &text.tokens[i];
        let quantity = t.has(shape::NUMBER)
            && !t.has(shape::YEAR)
            && !(i > 0 && text.word_in(i - 1, VERSION_WORDS));
        quantity
            || (t.is(Kind::ChangeVerb) && i != lead)
            || t.is(Kind::Comparative)
            || ["so", "instead", "until"].contains(&text.word(i))
    });
    if outcome {
        return;
    }
    let words = quote(&cx.node.doc.future, text, &build);
    out.push(
        Field::Future,
        text.span(build.first, text.len().saturating_sub(1)),
        format!(
            "this {}'s future is one deliverable (`{words} …`), not a change in the world",
            cx.level()
        ),
        "A release is done in months and says nothing about why. Describe what is different \
         for customers or the business when the releases add up: who does what, and by how much.",
    );
}

/// "Dark mode, offline sync, CSV export and a Slack integration": three or
/// more short items in one sentence, with no verb that says what happens.
fn feature_list(text: &Text) -> Option<usize> {
    let first = text.tokens.first()?;
    // "Shared budgets. Offline sync. Dark mode.": fragments, one per sentence.
    let sentences = usize::from(text.tokens.last().map_or(0, |t| t.sentence) - first.sentence) + 1;
    if sentences >= 3 {
        let fragments = (0..text.len())
            .filter(|&i| text.tokens[i].has(shape::SENTENCE_START))
            .all(|i| text.sentence_of(i).len() <= 5);
        let verbless = !text
            .tokens
            .iter()
            .any(|t| t.is(Kind::Copula) || t.is(Kind::ChangeVerb));
        return (fragments && verbless).then_some(sentences);
    }
    let sentence = text.sentence_of(0);
    if sentences > 1 {
        return None;
    }
    let mut items = 0;
    let mut long = 0;
    let mut start = sentence.start;
    while start < sentence.end {
        let clause = text.clause_of(start);
        // "CSV export, two-factor login and a Slack integration": "and" joins items too.
        items += 1 + clause.clone().filter(|&j| text.word(j) == "and").count();
        // One lead-in may be long: "By 2033 the platform has dark mode, …".
        long += usize::from(clause.len() > 6);
        if long > 1 {
            return None;
        }
        start = clause.end.max(start + 1);
    }
    // "The app will have …", "the platform offers …": a verb that only
    // introduces the list.
    const LISTS: &[&str] = &[
        "have", "has", "offer", "offers", "include", "includes", "support", "supports", "feature",
        "features", "ship", "ships",
    ];
    let says_what_happens = sentence.clone().any(|j| {
        let t = &text.tokens[j];
        let modal = ["will", "can", "could", "would", "shall", "must"].contains(&text.word(j))
            && !LISTS.contains(&text.word(j + 1));
        (t.is(Kind::Copula) && !LISTS.contains(&text.word(j)))
            || t.is(Kind::ChangeVerb)
            || modal
            || ["every", "all"].contains(&text.word(j))
            || (t.has(shape::NUMBER) && !t.has(shape::YEAR))
    });
    (items >= 3 && !says_what_happens).then_some(items)
}

/// "Move all our services onto a container cluster", "get the third release
/// of our app into the stores": the future names only things to build or
/// move, and nobody for whom anything changes.
fn only_things_to_build(text: &Text, lead: usize) -> Option<Match> {
    let artifact = text.tokens.iter().any(|t| t.is(Kind::SolutionNoun));
    let for_someone = (0..text.len()).any(|i| {
        let t = &text.tokens[i];
        (t.is(Kind::Actor) && !t.is(Kind::GenericActor))
            || (t.has(shape::NUMBER) && !t.has(shape::YEAR))
            || (t.has(shape::CAPITALIZED)
                && !t.has(shape::SENTENCE_START)
                && !t.is(Kind::SolutionNoun))
            || t.is(Kind::Comparative)
    });
    (artifact && !for_someone).then_some(Match {
        kind: Kind::BuildVerb,
        first: lead,
        last: lead,
    })
}

#[cfg(test)]
mod tests {
    use crate::lint::rules::support::tests::fired_at;
    use crate::model::Level;

    fn fires(level: Level, future: &str) -> usize {
        fired_at(super::RULE.name, level, &[("future", future)])
    }

    #[test]
    fn a_release_is_not_a_vision() {
        assert_eq!(fires(Level::Vision, "Ship the new analytics dashboard."), 1);
        assert_eq!(
            fires(Level::Intent, "We will launch version 3 of the mobile app."),
            1
        );
        assert_eq!(fires(Level::Option, "Ship the new analytics dashboard."), 0);
    }

    #[test]
    fn an_outcome_after_the_verb_is_fine() {
        assert_eq!(
            fires(
                Level::Vision,
                "Build a motor car so cheap that any wage earner can own one."
            ),
            0
        );
        assert_eq!(
            fires(
                Level::Intent,
                "Launch a radio and change how the world sees Japanese goods."
            ),
            0
        );
        assert_eq!(
            fires(Level::Vision, "Deliver 2 million meals a year to schools."),
            0
        );
        assert_eq!(
            fires(
                Level::Vision,
                "Launch payments so carriers are paid in 2 days."
            ),
            0
        );
    }
}
