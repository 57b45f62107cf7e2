//! Reading a `will_not` item: the exclusion after its "We will not" lead,
//! and what keeps it from excluding anything.
//!
//! An item is "we will not" + a predicate; what follows a semicolon, colon
//! or dash explains it ("run our own trucks; we only broker capacity"). The
//! negation's scope is the predicate up to that break, so the readers below
//! look only there.

use std::ops::Range;

use super::numbers::counts_as_number;
use super::picture::scene_of;
use super::{Kind, Match, Text, shape};

/// Words of a lead that only negate: "We will not", "We won't", "No", "Never".
const LEAD: &[&str] = &[
    "we", "will", "won't", "wont", "not", "shall", "do", "don't", "no", "never", "cannot", "can't",
    "must", "should", "i", "our", "team", "company", "is", "are", "going", "to", "be",
];

/// The tokens of the excluded predicate: after the lead, up to the first
/// semicolon, colon or dash, or the end of the first sentence.
pub fn scope(text: &Text) -> Range<usize> {
    let mut start = 0;
    while start < text.len() && LEAD.contains(&text.word(start)) {
        start += 1;
    }
    if start == text.len() {
        start = 0;
    }
    let sentence = text.tokens.first().map_or(0, |t| t.sentence);
    let end = (start + 1..text.len())
        .find(|&i| {
            let t = &text.tokens[i];
            t.sentence != sentence || t.has(shape::AFTER_BREAK)
        })
        .unwrap_or(text.len());
    start..end
}

/// The escape hatch that keeps the exclusion open, if any: "for now",
/// "where possible", "to a minimum", "unless a big opportunity comes along".
pub fn escape(text: &Text) -> Option<Match> {
    let scope = scope(text);
    text.matches_of(Kind::Escape)
        .filter(|m| scope.contains(&m.first))
        .find(|m| {
            let conditional = ["unless", "except", "other"].contains(&text.word(m.first));
            // "unless a big opportunity comes along" leaves the door to
            // judgement; "unless a fraud rule fires", "except assisted digital
            // at libraries" name the exception.
            if conditional {
                vague_condition(text, m.last + 1..scope.end)
            } else {
                // "For now, until the end of 2029, we will not build
                // crematoria": a hold with its end date is a choice for a
                // stated time, not a door left open.
                !dated_end(text)
            }
        })
        .copied()
}

/// True when the item says until when: "until the end of 2029", "until
/// October 2027", "until the new line reaches full output in mid-2028".
/// "Until at least 2028" names only the earliest end.
fn dated_end(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        let at_least = text.word(i + 1) == "at" && text.word(i + 2) == "least";
        ["until", "till", "through"].contains(&text.word(i))
            && !at_least
            && (i + 1..(i + 10).min(text.len()))
                .take_while(|&j| text.tokens[j].sentence == text.tokens[i].sentence)
                .any(|j| {
                    // "2029", "mid-2028"
                    let w = text.word(j);
                    text.tokens[j].has(shape::YEAR)
                        || w.rsplit('-').next().is_some_and(|y| {
                            y.len() == 4
                                && (y.starts_with("19") || y.starts_with("20"))
                                && y.bytes().all(|b| b.is_ascii_digit())
                        })
                })
    })
}

/// True when the item only puts the thing off: "before 2030", "until the
/// replanting is finished", "in this plan period", "out of scope for this
/// release", "waits for a later release", "planned for phase two". One
/// such hold beside real exclusions is a choice for a stated time; a list
/// of nothing else gives nothing up.
pub fn postpones(text: &Text) -> bool {
    // "never, now or later" rules it out for good.
    if (0..text.len()).any(|i| ["never", "ever"].contains(&text.word(i))) {
        return false;
    }
    (0..text.len()).any(|i| {
        let word = text.word(i);
        let dated = || {
            (i + 1..(i + 5).min(text.len())).any(|j| {
                let w = text.word(j);
                text.tokens[j].has(shape::YEAR)
                    || [
                        "end", "q1", "q2", "q3", "q4", "quarter", "launch", "release",
                    ]
                    .contains(&w)
            })
        };
        let stage = |j: usize| {
            ["release", "phase", "stage", "period", "quarter", "version"].contains(&text.word(j))
        };
        match word {
            "until" | "till" | "initially" => true,
            // "not yet", "yet to be", "a later release", "wait for the pilot"
            "yet" => text.word(i.wrapping_sub(1)) == "not" || text.word(i + 1) == "to",
            "later" => stage(i + 1) || text.word(i.wrapping_sub(1)) == "until",
            // "counts wait for a later release"; "we will not wait for
            // customers to complain" refuses the wait.
            "wait" | "waits" => {
                ["for", "until"].contains(&text.word(i + 1))
                    && !(i.saturating_sub(2)..i).any(|j| ["not", "never"].contains(&text.word(j)))
            }
            "before" | "by" => dated(),
            // "no Saturday opening during the workshop refit": for our
            // own works, not for good; "during a move" is the customer's. A
            // guardrail during the node's own change ("no price changes
            // during the migration") holds for the node's life: a choice.
            "during" | "while" => {
                ["the", "our"].contains(&text.word(i + 1))
                    && (i + 2..(i + 4).min(text.len())).any(|j| {
                        [
                            "refit",
                            "refurbishment",
                            "rebuild",
                            "renovation",
                            "move",
                            "relocation",
                        ]
                        .contains(&text.word(j))
                    })
            }
            "release" | "phase" | "period" | "stage" | "quarter" => {
                (i.saturating_sub(3)..i).any(|j| {
                    [
                        "this", "first", "later", "next", "one", "two", "third", "second",
                    ]
                    .contains(&text.word(j))
                }) || ["one", "two", "1", "2"].contains(&text.word(i + 1))
            }
            _ => false,
        }
    })
}

/// A decision the item promises instead of making: "we'll decide that after
/// the Leeds pilot", "to be picked once the pilot reports".
pub fn defers(text: &Text) -> Option<Match> {
    // The decision is still to be made: "we'll decide", "to be picked",
    // "a decision at the next review", not "customers choose a slot".
    let pending = |m: &&Match| {
        m.first == 0
            || text.tokens[m.first].has(shape::AFTER_BREAK)
            || (m.first.saturating_sub(3)..m.first).any(|j| {
                [
                    "will", "'ll", "we'll", "to", "be", "shall", "going", "a", "the",
                ]
                .contains(&text.word(j))
                    || text.word(j).ends_with("'ll")
            })
    };
    // "Whether payroll belongs in the product depends on who we hire."
    let depends = (0..text.len()).find(|&i| {
        ["depends", "depend", "depending", "dependent"].contains(&text.word(i))
            && text.word(i + 1) == "on"
    });
    if let Some(i) = depends
        && (0..i).any(|j| text.word(j) == "whether")
    {
        return Some(Match {
            kind: Kind::Decide,
            first: i,
            last: i + 1,
        });
    }
    let decision = text.matches_of(Kind::Decide).find(pending)?;
    (0..text.len())
        .any(|i| text.is(i, Kind::Later))
        .then_some(*decision)
}

/// True when the exception after "unless" is decided case by case.
fn vague_condition(text: &Text, range: Range<usize>) -> bool {
    range.clone().any(|i| {
        let t = &text.tokens[i];
        t.is(Kind::Judgement) || t.is(Kind::Nothing) || text.is(i, Kind::Judged)
    }) || range.is_empty()
}

/// A bad act or outcome the item rules out, which nobody would choose
/// anyway: "ignore our customers", "lose any of our 20 largest accounts".
pub fn nobody_would(text: &Text) -> Option<Match> {
    let scope = scope(text);
    if states_a_price(text) {
        return None;
    }
    text.matches
        .iter()
        .filter(|m| matches!(m.kind, Kind::Vacuous | Kind::BadOutcome))
        .find(|m| scope.contains(&m.first))
        .copied()
        .or_else(|| threshold_goal(text))
}

/// "Waits beyond a fortnight will not be tolerated", "we will not go live
/// later than 15 March", "a satisfaction score under 90% is off the table":
/// a threshold on how well we perform, which is a target, not a choice.
pub fn threshold_goal(text: &Text) -> Option<Match> {
    const BEYOND: &[&str] = &[
        "beyond",
        "longer",
        "later",
        "more",
        "under",
        "below",
        "less",
        "over",
        "past",
        "above",
        "exceed",
        "exceeds",
        "exceeding",
    ];
    const OUTCOME: &[&str] = &[
        "wait",
        "waits",
        "waiting",
        "score",
        "scores",
        "satisfaction",
        "rating",
        "ratings",
        "delay",
        "delays",
        "deadline",
        "response",
        "downtime",
        "churn",
        "late",
        "nps",
        "queue",
        "queues",
        "backlog",
        "complaints",
        "errors",
        "uptime",
        "availability",
        "take-up",
        "uptake",
        "adoption",
    ];
    const DISTANCE: &[&str] = &["walk", "drive", "ride", "cycle", "away", "journey", "trip"];
    let scope = scope(text);
    // "go live", not "live training sessions".
    let go_live = |i: usize| {
        text.word(i) == "live"
            && i > 0
            && ["go", "goes", "going", "went"].contains(&text.word(i - 1))
    };
    let outcome = scope
        .clone()
        .any(|i| OUTCOME.contains(&text.word(i)) || go_live(i));
    // Without a word for the outcome, a wait past the bar is still how
    // well we do ("delivery times above 10 days"); a share past a bar is as
    // often a price or a segment ("mark-ups above 14%"), so it needs one.
    // "more than two hours' walk from a station" is a distance, not a wait.
    let distance = |unit: usize| DISTANCE.contains(&text.word(unit + 1));
    let performance = |number: usize| {
        text.values().iter().any(|v| {
            v.first == number
                && v.days.is_some_and(|d| d > 0.0 && d < 365.0)
                && !distance(v.last + 1)
        })
    };
    scope.clone().find_map(|i| {
        if !BEYOND.contains(&text.word(i)) {
            return None;
        }
        let number = (i + 1..(i + 4).min(scope.end)).find(|&j| {
            let t = &text.tokens[j];
            counts_as_number(text, j) || t.is(Kind::TimeWord) || t.has(shape::NUMBER)
        })?;
        // "carriers with under 6 months of authority": what a segment has.
        let attribute = ["with", "has", "have", "having"].contains(&text.word(i.wrapping_sub(1)))
            || text.word(number + 2) == "of";
        if !outcome && (!performance(number) || attribute) {
            return None;
        }
        Some(Match {
            kind: Kind::BadOutcome,
            first: i,
            last: number,
        })
    })
}

/// "even if we lose the 3 US prospects": an item that names what it costs is
/// a real choice whatever its words.
fn states_a_price(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        let (w, next) = (text.word(i), text.word(i + 1));
        (w == "even" && ["if", "though", "when"].contains(&next))
            || (w == "at" && next == "the" && text.word(i + 2) == "cost")
            || w == "whatever"
    })
}

/// An exclusion that names no particular thing: a generic head ("anything",
/// "work", "extras") qualified only by a judgement, or an item made only of
/// abstract and judging words. Returns the tokens to point at.
pub fn names_nothing(text: &Text) -> Option<Range<usize>> {
    let scope = scope(text);
    if scope.is_empty() || names_something(text, scope.clone()) {
        return None;
    }
    // "anything that…", "extras we could live without", "low-value work":
    // the head is qualified only by what follows it, or by nothing.
    let head = (scope.start..scope.end.min(scope.start + 3)).find(|&i| {
        text.tokens[i].is(Kind::Nothing)
            && (i + 1 == scope.end || QUALIFIERS.contains(&text.word(i + 1)))
    });
    if let Some(head) = head {
        return Some(head..scope.end);
    }
    // Made only of vague words, and at least one that names nothing or only
    // judges: "everything at once", "things that matter less". An
    // abstraction alone can be a real posture ("industry leadership in
    // sustainability").
    let vague = scope.clone().all(|i| {
        let t = &text.tokens[i];
        t.is(Kind::Stop)
            || t.is(Kind::Abstract)
            || t.is(Kind::Judgement)
            || t.is(Kind::GenericActor)
            || t.is(Kind::Nothing)
            || t.is(Kind::Vacuous)
            || t.is(Kind::Copula)
    }) && scope
        .clone()
        .any(|i| text.tokens[i].is(Kind::Nothing) || text.tokens[i].is(Kind::Judgement));
    vague.then_some(scope)
}

/// Words that start a qualifier of a generic head: "work that…", "projects
/// without…", "extras we could live without".
const QUALIFIERS: &[&str] = &[
    "that",
    "which",
    "who",
    "we",
    "nobody",
    "no",
    "without",
    "outside",
    "beyond",
    "not",
    "isn't",
    "aren't",
    "don't",
    "doesn't",
    "with",
    "of",
    "off",
    "unrelated",
    "irrelevant",
    "nobody's",
];

/// True when `range` holds a number, a name or a thing a reader can see.
fn names_something(text: &Text, range: Range<usize>) -> bool {
    if range.is_empty() {
        return false;
    }
    range.clone().any(|i| counts_as_number(text, i)) || scene_of(text, range).things > 0
}

#[cfg(test)]
mod tests;
