use super::support::{quote, sentence_leads};
use crate::lint::context::NodeCx;
use crate::lint::registry::{Findings, declare_rule};
use crate::lint::text::{Kind, Match, Text, Unit, shape};
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
    /// Slack integration*), however long each item is: five things or more
    /// that a product has or offers (*the arena has a retractable roof, 4K
    /// boards on all four sides, cashless concessions, …*), or that stand
    /// alone, with nothing in the future that says what they change (no
    /// change verb, comparison, move, share or sum of money). A list whose
    /// subject is people or a whole population pictures the world instead.
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

fn check(cx: &NodeCx<'_>, out: &mut Findings) {
    if !matches!(cx.level(), Level::Vision | Level::Intent) {
        return;
    }
    let text = &cx.future;
    if let Some(items) = feature_list(text).or_else(|| inventory(text)) {
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
            && !(i > 0 && text.is(i - 1, Kind::Version));
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

/// "The arena has a retractable roof, 4K boards on all four sides,
/// cashless concessions, a members' lounge, app-based seat upgrades and LED
/// advertising": five things or more in a row, however long each is, and
/// nothing in the whole future that says what they change (no change verb,
/// no comparison, no share or sum of money). The numbers in an inventory
/// size the things ("in 40 languages"), not an outcome. A list whose
/// subject is a whole population ("every home in the county has fibre, a
/// heat pump, …") pictures the world, not a product.
fn inventory(text: &Text) -> Option<usize> {
    if text.is_empty() {
        return None;
    }
    let heading = headed(text);
    let outcome = (0..text.len()).any(|i| {
        let t = &text.tokens[i];
        (t.is(Kind::ChangeVerb) && !names_a_thing(text, i))
            || t.is(Kind::Comparative)
            || OUTCOME_WORDS.contains(&text.word(i))
    }) || !text.moves().is_empty()
        || text.values().iter().any(|v| {
            // "Monthly weekend workshops" opening an item of a headed list
            // is a feature's cadence; "2 million meals a year" sizes an outcome, and
            // "families collect a box weekly" says what happens.
            let cadence = v.per_year.is_some()
                && heading
                && !text.has_quantity(v.first..v.last + 1)
                && item_start(text, v.first)
                && text
                    .tokens
                    .get(v.last + 1)
                    .is_some_and(|next| next.clause == text.tokens[v.last].clause);
            matches!(v.unit, Unit::Percent | Unit::Money) || (v.per_year.is_some() && !cadence)
        });
    if outcome {
        return None;
    }
    // Things, not qualities: "a world-class, resilient, sustainable
    // service" is fluff (another rule's), not an inventory.
    let judging = (0..text.len())
        .filter(|&i| {
            let t = &text.tokens[i];
            t.is(Kind::Judgement) || t.is(Kind::Evaluative) || t.is(Kind::Fluff)
        })
        .count();
    if judging >= 2 {
        return None;
    }
    let introduces = (0..text.len()).find(|&j| INTRODUCERS.contains(&text.word(j)));
    let population = (0..introduces.unwrap_or(0))
        .any(|j| ["every", "all", "each", "most", "nearly"].contains(&text.word(j)));
    if population {
        return None;
    }
    // Items of one sentence: commas, semicolons and "and" part them ("22:00"
    // is a time, not two items).
    let mut items = 1;
    let mut most = 1;
    for i in 1..text.len() {
        let (token, previous) = (&text.tokens[i], &text.tokens[i - 1]);
        if token.sentence != previous.sentence {
            items = 1;
            continue;
        }
        let clock = token.has(shape::NUMBER) && previous.has(shape::NUMBER);
        if (token.clause != previous.clause && !clock) || text.word(i) == "and" {
            items += 1;
            most = most.max(items);
        }
    }
    // "Shared budgets for couples. Offline sync. Dark mode. …": one item a
    // sentence.
    let sentences = sentence_leads(text);
    let short = sentences
        .iter()
        .all(|&lead| text.sentence_of(lead).len() <= 7);
    if short {
        most = most.max(sentences.len());
    }
    (most >= 5 && (short || introduced(text, introduces) || stands_alone(text) || heading))
        .then_some(most)
}

/// "Our vision for 2033: a mobile app with …; contactless boarding; …": a
/// short heading, then a colon, semicolon or long dash, and the list after
/// it.
fn headed(text: &Text) -> bool {
    let Some(end) = (1..text.len().min(HEADING + 1)).find(|&i| {
        let t = &text.tokens[i];
        t.has(shape::AFTER_BREAK) && t.sentence == 0
    }) else {
        return false;
    };
    // "We serve eighteen towns: our six, plus twelve …" counts; it lists
    // nothing. "The club in six years:" only dates the list. "By 2032
    // readers pay for the newsroom: …" says what people do, then how.
    !(0..end).any(|j| {
        let t = &text.tokens[j];
        let someone = (t.is(Kind::Actor) && !t.is(Kind::Concrete))
            || t.is(Kind::GenericActor)
            || text.word_in(j, &["we", "they"]);
        let number = (t.has(shape::NUMBER) && !t.has(shape::YEAR)) || t.is(Kind::NumberWord);
        someone || number && !text.word_in(j + 1, &["years", "year", "months"])
    })
}

/// The longest heading a list may have: "six launches will define us by 2032".
const HEADING: usize = 8;

/// "Saved places", "a refreshed cafe menu": a change verb's participle
/// opening a list item names a thing; it changes nothing.
fn names_a_thing(text: &Text, i: usize) -> bool {
    let names = text.tokens.get(i + 1).is_some_and(|next| {
        next.clause == text.tokens[i].clause
            && !next.has(shape::NUMBER)
            && !text.word_in(i + 1, PARTICLES)
    });
    // "Reduced fares", "raised limits" still say which way something moves.
    let moves = text.is(i, Kind::Falling) || text.is(i, Kind::Growth);
    item_start(text, i) && text.word(i).ends_with("ed") && names && !moves
}

/// True when token `i` opens an item of a list: the first word after a
/// break (comma, semicolon, colon), or the word after "a", "an", "the",
/// "and" or "with".
fn item_start(text: &Text, i: usize) -> bool {
    i == 0
        || text.tokens[i - 1].clause != text.tokens[i].clause
        || text.word_in(i - 1, &["a", "an", "the", "and", "with"])
}

/// Words after a participle that make it a verb again ("reduced by a third").
const PARTICLES: &[&str] = &[
    "by", "to", "from", "in", "on", "at", "for", "with", "than", "over", "up", "down", "out",
];

/// "The arena has …", "our range includes …", "users can …": a thing that
/// has parts, or what someone can do with it. "We have a presence in 48
/// countries" and "drivers have a van each" are the world, not a product.
fn introduced(text: &Text, introduces: Option<usize>) -> bool {
    let Some(at) = introduces else {
        return false;
    };
    if text.word(at) == "can" {
        return true;
    }
    // "our operations have been sold", "we have to": not a list of parts.
    if ["been", "to", "had", "got"].contains(&text.word(at + 1)) {
        return false;
    }
    let sentence = text.sentence_of(at);
    !(sentence.start..at).any(|j| {
        let t = &text.tokens[j];
        (t.is(Kind::Actor) && !t.is(Kind::Concrete))
            || t.is(Kind::GenericActor)
            || ["we", "they", "us"].contains(&text.word(j))
    })
}

/// "A booking app, an online pharmacy, video consultations, …": a list
/// with no lead-in, its first item a short phrase that is not a date.
fn stands_alone(text: &Text) -> bool {
    let first = text.clause_of(0);
    first.len() <= 4
        && !first.clone().any(|j| {
            let t = &text.tokens[j];
            t.has(shape::YEAR) || t.is(Kind::TimeWord) || t.has(shape::NUMBER)
        })
        && !["by", "in", "from", "over", "within", "for", "we", "our"].contains(&text.word(0))
}

/// Words that say what the things are for or change.
const OUTCOME_WORDS: &[&str] = &[
    "than", "so", "instead", "until", "because", "fewer", "less", "more", "without", "no", "not",
    "never", "nobody", "against", "times",
];

/// Verbs that introduce a list of things: "the app has", "listeners find".
const INTRODUCERS: &[&str] = &[
    "has", "have", "offers", "offer", "includes", "include", "features", "ships", "provides",
    "provide", "can",
];

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
    fn an_inventory_is_not_a_vision() {
        assert_eq!(
            fires(
                Level::Vision,
                "The arena has a retractable roof, 4K video boards on all four sides, cashless \
                 concessions, a members' club lounge, app-based seat upgrades and LED advertising."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Vision,
                "Every home in the county has fibre, a heat pump, rooftop solar, a battery and a smart meter."
            ),
            0
        );
        assert_eq!(
            fires(
                Level::Vision,
                "Guests get a roof that opens, boards on four sides, card payment, a lounge and \
                 seat upgrades, so a concert night sells 30% more food per fan."
            ),
            0
        );
    }

    #[test]
    fn a_headed_list_is_an_inventory() {
        assert_eq!(
            fires(
                Level::Vision,
                "Our vision for 2033: a mobile app with live vessel tracking; contactless boarding \
                 with QR codes; free wifi on every crossing; a loyalty scheme with tiered rewards; \
                 a refreshed cafe menu; digital departure boards in every terminal."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Vision,
                "The app has live tracking, split fares, in-app tipping, Apple Pay, saved places, \
                 scheduled rides, a loyalty scheme and a dark mode."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Vision,
                "We serve eighteen towns: our six, plus twelve run by partners who use our \
                 matching, vetting, notes app and pay us a share of fees."
            ),
            0
        );
        assert_eq!(
            fires(
                Level::Vision,
                "Lotus Yard in 2032: our own booking app with waitlists; a heated studio; an \
                 infrared sauna; a members' lounge with tea; a 200-hour teacher training course; \
                 monthly weekend workshops; a podcast."
            ),
            1
        );
        assert_eq!(
            fires(
                Level::Vision,
                "By 2032 readers pay for the newsroom: reader revenue covers its cost, a reporter \
                 is back at every council sitting, a print edition runs three days a week, a \
                 podcast, and an app."
            ),
            0
        );
        // A participle that acts ("fares reduced by a third") says what changes.
        assert_eq!(
            fires(
                Level::Vision,
                "Our vision for 2033: live vessel tracking; contactless boarding; free wifi; a \
                 loyalty scheme; fares reduced by a third for islanders."
            ),
            0
        );
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
