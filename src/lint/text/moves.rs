//! The changes a text states in numbers: "from 12% to 98%", "80 million a
//! year, up from 40 million", "grow bookings by 1%", "revenue triples",
//! "nearly every buyer, up from 4 in 100". A rule that judges how far a
//! number moves in the time it has (no stretch, an impossible pace) reads
//! these the way it reads a metric's baseline and target, so the judgement
//! does not depend on the writer having filled in `metrics`.

use super::numbers::{Value, values};
use super::{Kind, Text, Unit};

/// A change from one amount to another, stated in prose.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    /// Where it starts; 1 when only the ratio is stated ("triples").
    pub from: f64,
    /// Where it ends.
    pub to: f64,
    /// Both ends are shares in percent, so the move stops at 0 and 100.
    pub share: bool,
    /// Only the ratio is stated ("by 30%", "ten times the size"), not the amounts.
    pub relative: bool,
    /// An amount of money.
    pub money: bool,
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token.
    pub last: usize,
    /// Index of the last token of the amount it ends at.
    pub to_last: usize,
}

impl Move {
    /// A share moving from `from` to `to` percent, read from a metric, so
    /// at no place in a text.
    pub fn share(from: f64, to: f64) -> Move {
        Move {
            from,
            to,
            share: true,
            relative: false,
            money: false,
            first: 0,
            last: 0,
            to_last: 0,
        }
    }

    /// `to` over `from`, for growth: "triples" is 3.
    pub fn factor(&self) -> Option<f64> {
        (self.from > 0.0).then(|| self.to / self.from)
    }

    /// For a share moving towards 0% or 100%: how many times over it cuts
    /// what is left on the way there (71% to 99.9% uptime leaves 0.1% of
    /// 29% down, a 290-fold cut; 81% to 100% compliance cuts 19% of bays
    /// unpaid to none, counted as 0.1%).
    pub fn gap_cut(&self) -> Option<f64> {
        if !self.share || self.from <= 0.0 || self.from >= 100.0 || self.to > 100.0 {
            return None;
        }
        Some(if self.to > self.from {
            (100.0 - self.from) / (100.0 - self.to).max(0.1)
        } else {
            self.from / self.to.max(0.1)
        })
    }

    /// For a share: how many times the odds change ("3% to 60%" multiplies
    /// the odds of a guest adding a car by 48), in natural log. Shares move
    /// by people changing what they do, so this, not the points, says how far.
    pub fn log_odds(&self) -> Option<f64> {
        if !self.share || self.from <= 0.0 || self.from >= 100.0 {
            return None;
        }
        let odds = |p: f64| {
            let p = p.clamp(0.5, 99.5) / 100.0;
            (p / (1.0 - p)).ln()
        };
        Some(odds(self.to) - odds(self.from))
    }
}

/// True when the share ending at token `i` is a share of people: "98% of
/// members", "two out of three hotel guests", "nearly every buyer"; not
/// "90% of loads attributed to a rep".
pub fn of_people(text: &Text, i: usize) -> bool {
    let clause = text.clause_of(i);
    (i + 1..clause.end)
        .filter(|&j| !["of", "the", "our", "their", "its", "all", "a"].contains(&text.word(j)))
        .take(2)
        .any(|j| text.tokens[j].is(Kind::Actor) && !text.tokens[j].is(Kind::GenericActor))
}

/// Shares said in words, as percent: "nearly every buyer", "almost all homes".
const SHARE_WORDS: &[(&str, &str, f64)] = &[
    ("nearly", "every", 97.0),
    ("nearly", "all", 97.0),
    ("almost", "every", 97.0),
    ("almost", "all", 97.0),
    ("virtually", "every", 98.0),
    ("virtually", "all", 98.0),
    ("practically", "every", 98.0),
    ("practically", "all", 98.0),
    ("all", "but", 97.0),
];

/// Every move `text` states, in order. Computed once per text
/// ([`Text::moves`]), since more than one rule reads them.
pub fn moves(text: &Text) -> &[Move] {
    text.moves()
}

/// [`moves`], computed.
pub(super) fn read_moves(text: &Text) -> Vec<Move> {
    let values: Vec<Value> = values(text)
        .iter()
        .copied()
        .filter(|v| v.days.is_none() && v.per_year.is_none())
        .chain(share_words(text))
        .collect();
    let mut out = Vec::new();
    let mut used = vec![false; values.len()];
    for (i, v) in values.iter().enumerate() {
        if !after(text, v.first, &["from"]) || used[i] {
            continue;
        }
        // "from 12% to 98%"
        let next = values.iter().enumerate().find(|(j, w)| {
            *j != i
                && w.first > v.last
                && w.first <= v.last + 3
                && text.sentence_of(v.first).contains(&w.first)
                && (v.last + 1..w.first).any(|k| text.word(k) == "to")
        });
        if let Some((j, w)) = next {
            if comparable(v, w) && changes(text, v.first) {
                used[i] = true;
                used[j] = true;
                // "from 0.8 to 2.4 billion": one scale for both ends.
                let from = Value {
                    value: v.value * shared_scale(text, v, w),
                    ..*v
                };
                out.push(between(&from, w, v.first, w.last));
            }
            continue;
        }
        // "98% within a year, from 12% now"; "80 million, up from 40 million"
        let sentence = text.sentence_of(v.first);
        if let Some((j, w)) =
            values.iter().enumerate().rev().find(|(j, w)| {
                *j != i && !used[*j] && w.last < v.first && sentence.contains(&w.first)
            })
            && comparable(w, v)
            // "£75m from 4,000 fridges": money made from a count, no move.
            && (w.unit == Unit::Money) == (v.unit == Unit::Money)
        {
            used[i] = true;
            used[j] = true;
            out.push(between(v, w, w.first, v.last));
        }
    }
    for (i, v) in values.iter().enumerate() {
        // "grow bookings by 1%", "cut waste by a third"
        if used[i] || v.unit != Unit::Percent || !after(text, v.first, &["by"]) {
            continue;
        }
        let clause = text.clause_of(v.first);
        let Some(verb) = (clause.start..v.first).find(|&k| text.tokens[k].is(Kind::ChangeVerb))
        else {
            continue;
        };
        if text.word(v.last + 1).starts_with("point") {
            continue;
        }
        let down = falls(text.word(verb));
        let to = if down {
            100.0 - v.value
        } else {
            100.0 + v.value
        };
        out.push(Move {
            from: 100.0,
            to,
            share: false,
            relative: true,
            money: false,
            first: verb.min(v.first),
            last: v.last,
            to_last: v.last,
        });
    }
    for i in 0..text.len() {
        if let Some(factor) = multiplier(text, i)
            && !out.iter().any(|m| (m.first..=m.last).contains(&i))
        {
            out.push(Move {
                from: 1.0,
                to: factor,
                share: false,
                relative: true,
                money: false,
                first: i,
                last: i,
                to_last: i,
            });
        }
    }
    out.sort_by_key(|m| m.first);
    out
}

/// A move from `from` to `to`, spanning tokens `first..=last`.
fn between(from: &Value, to: &Value, first: usize, last: usize) -> Move {
    Move {
        from: from.value,
        to: to.value,
        share: from.unit == Unit::Percent && to.unit == Unit::Percent,
        relative: false,
        money: from.unit == Unit::Money || to.unit == Unit::Money,
        first,
        last,
        to_last: to.last,
    }
}

/// The scale word after `to` ("billion") when `from` has none of its own.
fn shared_scale(text: &Text, from: &Value, to: &Value) -> f64 {
    if from.last != from.first || to.last == to.first {
        return 1.0;
    }
    match text.word(to.last) {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        _ => 1.0,
    }
}

/// Two values that measure the same thing: both shares, or neither.
fn comparable(a: &Value, b: &Value) -> bool {
    (a.unit == Unit::Percent) == (b.unit == Unit::Percent)
}

/// True when one of `words` comes just before token `i`, or two before
/// after "up", "down" or a hedge ("up from", "from about").
fn after(text: &Text, i: usize, words: &[&str]) -> bool {
    if i == 0 {
        return false;
    }
    let before = text.word(i - 1);
    words.contains(&before)
        || (i >= 2
            && words.contains(&text.word(i - 2))
            && ["about", "around", "roughly", "nearly", "almost", "just"].contains(&before))
}

/// True when the sentence of token `i` speaks of a change ("rises from 5
/// to 9"), not a range ("classes for ages from 5 to 11").
fn changes(text: &Text, i: usize) -> bool {
    text.sentence_of(i).any(|k| {
        text.tokens[k].is(Kind::ChangeVerb)
            || ["up", "down", "now", "today"].contains(&text.word(k))
    })
}

/// Verbs of change that make a number smaller.
fn falls(word: &str) -> bool {
    [
        "cut", "reduc", "fall", "fell", "drop", "lower", "shrink", "halv", "shorten", "save",
        "lose", "lost",
    ]
    .iter()
    .any(|w| word.starts_with(w))
}

/// "nearly every", "almost all": a share in words, as a value at the phrase.
fn share_words(text: &Text) -> Vec<Value> {
    let mut out = Vec::new();
    for i in 0..text.len().saturating_sub(1) {
        let (a, b) = (text.word(i), text.word(i + 1));
        if let Some((_, _, value)) = SHARE_WORDS.iter().find(|(x, y, _)| *x == a && *y == b) {
            out.push(Value {
                value: *value,
                unit: Unit::Percent,
                first: i,
                last: i + 1,
                approx: true,
                days: None,
                per_year: None,
            });
        }
    }
    out
}

/// "double", "triple", "three times", "3x", "tenfold", "an order of
/// magnitude" at token `i`: the factor it multiplies by.
pub fn multiplier(text: &Text, i: usize) -> Option<f64> {
    let word = text.word(i);
    let by_word = match word {
        w if w.starts_with("doubl") => Some(2.0),
        w if w.starts_with("tripl") => Some(3.0),
        w if w.starts_with("quadrupl") => Some(4.0),
        "twice" if ["as", "the"].contains(&text.word(i + 1)) => Some(2.0),
        "magnitude" if i >= 2 && text.word(i - 1) == "of" && text.word(i - 2) == "order" => {
            Some(10.0)
        }
        w if w.ends_with("fold") => {
            values(&Text::new(w.trim_end_matches("fold").trim_end_matches('-')))
                .first()
                .map(|v| v.value)
        }
        _ => None,
    };
    if by_word.is_some() {
        return by_word;
    }
    if let Some(n) = word.strip_suffix('x').and_then(|n| n.parse::<f64>().ok()) {
        return Some(n);
    }
    // "three times the size", not "three times a week".
    if text.word(i + 1) == "times"
        && !["a", "an", "per", "each", "every"].contains(&text.word(i + 2))
    {
        return values(text)
            .iter()
            .find(|v| v.last == i)
            .map(|v| v.value)
            .filter(|v| *v >= 2.0);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{Move, moves};
    use crate::lint::text::Text;

    fn read(text: &str) -> Vec<(f64, f64, bool, bool)> {
        moves(&Text::new(text))
            .iter()
            .map(|m| (m.from, m.to, m.share, m.relative))
            .collect()
    }

    #[test]
    fn from_and_to_in_either_order() {
        assert_eq!(
            read("Online renewals rise from 35% to 62%."),
            [(35.0, 62.0, true, false)]
        );
        assert_eq!(
            read("In 2029 we serve 40,400 members, up from 40,000 today."),
            [(40_000.0, 40_400.0, false, false)]
        );
        assert_eq!(
            read("98% of members renew online within a year, from 12% now."),
            [(12.0, 98.0, true, false)]
        );
        assert_eq!(
            read("Volume rises from 0.8 to 2.4 billion euros."),
            [(0.8e9, 2.4e9, false, false)]
        );
        assert_eq!(
            read("Nearly every buyer adds the plan by summer, up from 4 in 100."),
            [(4.0, 97.0, true, false)]
        );
    }

    #[test]
    fn relative_moves_and_multipliers() {
        assert_eq!(
            read("Grow bookings by 1% over three years."),
            [(100.0, 101.0, false, true)]
        );
        assert_eq!(
            read("Cut waste by 30% by 2028."),
            [(100.0, 70.0, false, true)]
        );
        assert_eq!(read("Revenue triples."), [(1.0, 3.0, false, true)]);
        assert_eq!(
            read("The chain is ten times the size it is now."),
            [(1.0, 10.0, false, true)]
        );
        assert_eq!(
            read("An order of magnitude larger by turnover."),
            [(1.0, 10.0, false, true)]
        );
    }

    #[test]
    fn ranges_rates_and_points_are_not_moves() {
        assert!(read("Classes for ages from 5 to 11 in every town.").is_empty());
        assert!(read("Crews visit three times a week.").is_empty());
        assert!(read("Raise the pass rate by 4 percentage points.").is_empty());
        assert!(read("Deliver 40% of parcels by 2030.").is_empty());
        // Money made from a count of things is no move between them.
        assert!(read("Sales reach £75m from 4,000 fridges.").is_empty());
        assert_eq!(
            read("Sales reach £75m, up from £38m."),
            [(38e6, 75e6, false, false)]
        );
    }

    #[test]
    fn shares_of_people() {
        let at = |text: &str, word: &str| {
            let t = Text::new(text);
            let i = (0..t.len())
                .find(|&i| t.word(i).starts_with(word))
                .expect("word");
            super::of_people(&t, i)
        };
        assert!(at("98% of members renew online", "98"));
        assert!(at("two out of three hotel guests rent a car", "three"));
        assert!(at("nearly every buyer adds the plan", "every"));
        assert!(!at("90% of loads attributed to a rep", "90"));
        assert!(!at("98% of repairs are booked", "98"));
    }

    #[test]
    fn a_shares_odds() {
        let m = Move::share;
        // 3% to 60% multiplies the odds by about 48.
        assert!(
            m(3.0, 60.0)
                .log_odds()
                .is_some_and(|l| (l.exp() - 48.5).abs() < 1.0)
        );
        assert!(m(0.0, 40.0).log_odds().is_none());
        assert!(
            m(71.0, 99.9)
                .gap_cut()
                .is_some_and(|c| (c - 290.0).abs() < 1.0)
        );
        assert!(
            m(81.0, 100.0)
                .gap_cut()
                .is_some_and(|c| (c - 190.0).abs() < 0.1)
        );
        assert!(m(4.0, 0.5).gap_cut().is_some_and(|c| (c - 8.0).abs() < 0.1));
        assert!(m(0.0, 100.0).gap_cut().is_none());
    }
}
