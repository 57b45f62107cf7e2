//! Small helpers several rules share: test fixtures, quoting, overlaps.

pub use crate::lint::text::sentence_leads;

use crate::lint::context::NodeCx;
use crate::lint::text::{Kind, Match, Text};
use crate::model::Field;
use crate::model::{Level, Status};

/// True when the words at token `i` of `field` stand in for a picture
/// rather than sit beside one: their sentence gives none, and, in the title,
/// neither does the future (a catchy title over a concrete future is fine).
pub fn stands_alone(cx: &NodeCx<'_>, field: Field, text: &Text, i: usize) -> bool {
    let future_shows = field == Field::Title && cx.future.any_pictured();
    !future_shows && !text.sentence_pictured(i)
}

/// Children of the node that are not retired.
pub fn live_children(cx: &NodeCx<'_>) -> usize {
    cx.strategy
        .children(cx.id)
        .iter()
        .filter(|&&c| {
            cx.strategy
                .get(c)
                .is_some_and(|n| n.doc.status != Status::Retired)
        })
        .count()
}

/// Keeps the first of overlapping matches (the longest when they start together).
pub fn non_overlapping<'a>(matches: impl Iterator<Item = &'a Match>) -> Vec<Match> {
    let mut all: Vec<Match> = matches.copied().collect();
    all.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
    let mut out: Vec<Match> = Vec::with_capacity(all.len());
    for m in all {
        if out.last().is_none_or(|prev| m.first > prev.last) {
            out.push(m);
        }
    }
    out
}

/// True when match `m` overlaps any match of `kind` in `text`.
pub fn overlaps(text: &Text, m: &Match, kind: Kind) -> bool {
    text.matches_of(kind)
        .any(|o| o.first <= m.last && m.first <= o.last)
}

/// The quoted words of a match, for messages.
pub fn quote(source: &str, text: &Text, m: &Match) -> String {
    quote_span(source, text, m.first, m.last)
}

/// The quoted words of tokens `first..=last`, for messages.
pub fn quote_span(source: &str, text: &Text, first: usize, last: usize) -> String {
    source
        .get(text.span(first, last))
        .unwrap_or_default()
        .to_owned()
}

/// A placeholder phrase in a longer item still defers the decision, up to this many words.
const SHORT: usize = 8;

/// Why a `will_not` item is a placeholder phrase ("nothing is off the
/// table", "keep our options open"), if it is one.
pub fn placeholder_phrase(text: &Text) -> Option<&'static str> {
    let words = strip_negation(text);
    let phrase = text.matches_of(Kind::Placeholder).next();
    phrase
        .filter(|_| words.len() <= SHORT)
        .map(|_| "it defers the decision")
}

/// The item's words after a leading "We will not" / "We won't" / "No".
fn strip_negation(text: &Text) -> std::ops::Range<usize> {
    let mut start = 0;
    while start < text.len()
        && ["we", "will", "won't", "not", "shall", "do", "don't"].contains(&text.word(start))
    {
        start += 1;
    }
    if start == text.len() {
        0..text.len()
    } else {
        start..text.len()
    }
}

/// A future that names something new beside what it keeps: "a new
/// product line", "we open in Germany", "40 more engineers".
pub fn names_something_new(text: &Text) -> bool {
    (0..text.len()).any(|i| {
        let word = text.word(i);
        // "no new products", "without new markets", "not new staff": the
        // new ruled out.
        let ruled_out = ["no", "not", "without", "any"].contains(&text.word(i.wrapping_sub(1)));
        (["new", "extra", "additional", "another", "second"].contains(&word) && !ruled_out)
            || [
                "open", "opens", "launch", "launches", "hire", "hires", "acquire", "buy",
            ]
            .contains(&word)
    })
}

/// The most a level can plan to multiply a number by, at any pace.
pub fn reach(level: Level) -> f64 {
    match level {
        Level::Vision => 100.0,
        Level::Intent => 50.0,
        Level::Initiative | Level::Option => 30.0,
    }
}

#[cfg(test)]
pub mod tests {
    //! A minimal cascade around one node, for the rules' unit tests.

    use crate::lint::{LintConfig, lint_node};
    use crate::model::{Date, Horizon, Level, Metric, Node, NodeId, Strategy};

    /// The day every unit test lints as of.
    pub fn as_of() -> Date {
        Date {
            year: 2026,
            month: 11,
            day: 1,
        }
    }

    /// A vision, an intent, an initiative and an option, linked, with the node
    /// at `level` edited by `edit`; returns the strategy and that node's id.
    pub fn cascade_with(level: Level, edit: impl FnOnce(&mut Node)) -> (Strategy, NodeId) {
        let mut s = Strategy::new("Test");
        let ids = ["vision", "intent-a", "initiative-a", "option-a"];
        let mut target = None;
        let mut edit = Some(edit);
        for (depth, level_here) in Level::ALL.into_iter().enumerate() {
            let mut node = Node::new(level_here, ids[depth]);
            if depth >= 2 {
                node.parent_ref = Some(ids[depth - 1].to_owned());
            }
            if level_here == level
                && let Some(edit) = edit.take()
            {
                edit(&mut node);
            }
            let id = s.push_unlinked(node);
            if level_here == level {
                target = Some(id);
            }
        }
        s.relink();
        let id = target.unwrap_or_else(|| unreachable!("every level is pushed above"));
        (s, id)
    }

    /// A metric from "name|baseline|target", due `by`.
    pub fn metric(spec: &str, by: &str) -> Metric {
        let mut parts = spec.split('|').map(|p| p.trim().to_owned());
        Metric {
            name: parts.next().unwrap_or_default(),
            baseline: parts.next(),
            target: parts.next(),
            by: Some(by.into()),
            start: None,
        }
    }

    /// Sets text fields by key; `will_not` appends an item.
    pub fn set(node: &mut Node, fields: &[(&str, &str)]) {
        for &(key, value) in fields {
            let doc = &mut node.doc;
            match key {
                "title" => doc.title = value.into(),
                "owner" => doc.owner = value.into(),
                "today" => doc.today = value.into(),
                "future" => doc.future = value.into(),
                "notes" => doc.notes = value.into(),
                "horizon" => doc.horizon = Horizon::parse(value),
                "will_not" => doc.will_not.push(value.into()),
                other => panic!("no field {other}"),
            }
        }
    }

    /// How many times `rule` fires on a node at `level` with `fields`.
    pub fn fired_at(rule: &str, level: Level, fields: &[(&str, &str)]) -> usize {
        let (s, id) = cascade_with(level, |n| set(n, fields));
        count(rule, &s, id)
    }

    /// How many times `rule` fires on an intent with `fields`.
    pub fn fired(rule: &str, fields: &[(&str, &str)]) -> usize {
        fired_at(rule, Level::Intent, fields)
    }

    /// How many times `rule` fires on node `id`.
    pub fn count(rule: &str, s: &Strategy, id: NodeId) -> usize {
        lint_node(s, id, &LintConfig::default(), as_of())
            .iter()
            .filter(|d| d.rule == rule)
            .count()
    }
}
