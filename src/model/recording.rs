//! Recording a check-in as an edit, which the command line, the CSV import
//! and the browser share: one rule for what is new, what is already there
//! and what conflicts. Also what keeps check-ins with their metric when an
//! editor renames it.

use std::collections::HashMap;
use std::fmt;

use super::quantity::{Quantity, metric_unit};
use super::{CheckIn, Date, Edit, Metric, NodeId, Strategy, TwoPager};
use crate::suggest::did_you_mean;

/// Whether recording adds a check-in or corrects one already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recording {
    /// A new measurement; one for the same metric and day must be identical.
    Add,
    /// A correction: replaces the value (and, when given, the note and
    /// source) of the check-in of the same metric and day.
    Fix,
    /// A correction where there is a check-in of that metric and day, an
    /// addition where there is none (importing a corrected export).
    AddOrFix,
}

/// Why a check-in was not recorded; the strategy is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckinError {
    /// The node is no longer in the strategy.
    NoSuchNode,
    /// The node has no metric of that name.
    NoSuchMetric {
        /// The name as given.
        name: String,
        /// A close name, when there is one.
        suggestion: Option<String>,
        /// Every metric of the node.
        known: Vec<String>,
    },
    /// The value does not read as a number.
    NotANumber(String),
    /// The value counts something else than the metric's baseline and target.
    OtherUnit {
        /// The value as given.
        value: String,
        /// What the metric counts.
        metric_unit: String,
    },
    /// A different check-in is already recorded for that metric and day.
    Conflict(CheckIn),
    /// Correcting, but there is no check-in on that day to correct.
    NothingToFix {
        /// The days the metric has check-ins on, oldest first.
        days: Vec<Date>,
    },
}

impl fmt::Display for CheckinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckinError::NoSuchNode => f.write_str("that node is no longer in the strategy"),
            CheckinError::NoSuchMetric {
                name, suggestion, ..
            } => match suggestion {
                Some(close) => write!(f, "no metric named `{name}`; did you mean `{close}`?"),
                None => write!(f, "no metric named `{name}`"),
            },
            CheckinError::NotANumber(value) => write!(
                f,
                "`{value}` does not read as a number; write it like `14%`, `$4.2M`, `1,800` or `38 days`"
            ),
            CheckinError::OtherUnit { value, metric_unit } => write!(
                f,
                "`{value}` cannot be compared with this metric, which counts {metric_unit}"
            ),
            CheckinError::Conflict(existing) => write!(
                f,
                "{} is already recorded as `{}` on {}; to correct it, fix it (`--fix`)",
                existing.metric, existing.value, existing.on
            ),
            CheckinError::NothingToFix { days } if days.is_empty() => {
                f.write_str("there is no check-in of this metric to fix yet")
            }
            CheckinError::NothingToFix { days } => write!(
                f,
                "there is no check-in on that day to fix; its check-ins are on {}",
                days.iter()
                    .map(Date::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// The node's metric called `name`, or why there is none (with a
/// did-you-mean among the node's metric names).
pub fn find_metric<'a>(doc: &'a TwoPager, name: &str) -> Result<&'a Metric, CheckinError> {
    if let Some(metric) = doc.metrics.iter().find(|m| m.name == name) {
        return Ok(metric);
    }
    // Case and spacing are forgiven when they leave one candidate.
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let folded: Vec<&Metric> = doc
        .metrics
        .iter()
        .filter(|m| fold(&m.name) == fold(name))
        .collect();
    if let [only] = folded.as_slice() {
        return Ok(only);
    }
    let known: Vec<String> = doc.metrics.iter().map(|m| m.name.clone()).collect();
    Err(CheckinError::NoSuchMetric {
        name: name.to_owned(),
        suggestion: did_you_mean(name, known.iter().map(String::as_str)).map(str::to_owned),
        known,
    })
}

/// Checks that `value` reads as a number the metric can be measured in.
pub fn check_value(metric: &Metric, value: &str) -> Result<(), CheckinError> {
    let Some(quantity) = Quantity::parse(value) else {
        return Err(CheckinError::NotANumber(value.to_owned()));
    };
    let written: Vec<Quantity> = [&metric.baseline, &metric.target]
        .into_iter()
        .flatten()
        .filter_map(|v| Quantity::parse(v))
        .collect();
    if written.is_empty() {
        return Ok(());
    }
    let unit = metric_unit(&written);
    match quantity.in_unit_of(&unit) {
        Some(_) => Ok(()),
        None => Err(CheckinError::OtherUnit {
            value: value.to_owned(),
            metric_unit: unit.describe(),
        }),
    }
}

/// What recording `checkin` on `node` does: `Ok(None)` when it says nothing
/// new ([`CheckIn::repeats`] one already there, so importing the same export
/// twice changes nothing), else the one undoable edit. `checkin.metric` is found as
/// [`find_metric`] finds it (the file keeps the metric's own spelling), and
/// its value must be a number in the metric's unit ([`check_value`]); an
/// empty note or source in a fix keeps the old one.
pub fn record_checkin(
    strategy: &Strategy,
    node: NodeId,
    checkin: CheckIn,
    recording: Recording,
) -> Result<Option<Edit>, CheckinError> {
    record_checkins(strategy, node, [checkin], recording)
        .map(|batch| batch.edit)
        .map_err(|(_, error)| error)
}

/// What recording many check-ins on one node did.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    /// The one undoable edit; `None` when nothing changed.
    pub edit: Option<Edit>,
    /// Check-ins added or corrected.
    pub recorded: usize,
    /// Check-ins identical to one already there, left out.
    pub skipped: usize,
}

/// [`record_checkin`] for many check-ins on one node at once, in one edit:
/// a CSV import of thousands of rows costs one pass, not one copy of the
/// list per row. On error, the index of the check-in at fault.
pub fn record_checkins(
    strategy: &Strategy,
    node: NodeId,
    checkins: impl IntoIterator<Item = CheckIn>,
    recording: Recording,
) -> Result<Batch, (usize, CheckinError)> {
    let current = strategy.get(node).ok_or((0, CheckinError::NoSuchNode))?;
    let mut list = current.checkins.clone();
    // The last of a day's check-ins is the one that counts, and the one fixed.
    let mut slots: HashMap<(String, Date), usize> = list
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.metric.clone(), c.on), i))
        .collect();
    let (mut recorded, mut skipped) = (0, 0);
    for (row, checkin) in checkins.into_iter().enumerate() {
        let metric = find_metric(&current.doc, &checkin.metric).map_err(|e| (row, e))?;
        check_value(metric, &checkin.value).map_err(|e| (row, e))?;
        let checkin = CheckIn {
            metric: metric.name.clone(),
            ..checkin
        };
        let key = (checkin.metric.clone(), checkin.on);
        match (recording, slots.get(&key).copied()) {
            // The same value again (with no other note or source) is no news.
            (Recording::Add, Some(at)) if list[at].repeats(&checkin) => skipped += 1,
            (Recording::Add, Some(at)) => {
                return Err((row, CheckinError::Conflict(list[at].clone())));
            }
            (Recording::Add | Recording::AddOrFix, None) => {
                slots.insert(key, list.len());
                list.push(checkin);
                recorded += 1;
            }
            (Recording::Fix | Recording::AddOrFix, Some(at)) => {
                let old = &list[at];
                let fixed = CheckIn {
                    note: if checkin.note.is_empty() {
                        old.note.clone()
                    } else {
                        checkin.note
                    },
                    source: if checkin.source.is_empty() {
                        old.source.clone()
                    } else {
                        checkin.source
                    },
                    ..checkin
                };
                if *old == fixed {
                    skipped += 1;
                } else {
                    list[at] = fixed;
                    recorded += 1;
                }
            }
            (Recording::Fix, None) => {
                let mut days: Vec<Date> = list
                    .iter()
                    .filter(|c| c.metric == checkin.metric)
                    .map(|c| c.on)
                    .collect();
                days.sort_unstable();
                return Err((row, CheckinError::NothingToFix { days }));
            }
        }
    }
    Ok(Batch {
        edit: (recorded > 0).then_some(Edit::SetCheckins {
            node,
            checkins: list,
        }),
        recorded,
        skipped,
    })
}

/// The latest check-in of `metric` on `node` (the last in the file among
/// those of the latest day), for correcting it without naming its day.
pub fn latest_checkin<'a>(checkins: &'a [CheckIn], metric: &str) -> Option<&'a CheckIn> {
    checkins.iter().filter(|c| c.metric == metric).fold(
        None,
        |best: Option<&CheckIn>, c| match best {
            Some(b) if b.on > c.on => Some(b),
            _ => Some(c),
        },
    )
}

/// The check-ins after `before`'s metrics became `after`'s, when that
/// renamed a metric: a metric whose name is gone, at a place where a metric
/// with a name that is new now stands, is the same metric renamed, and its
/// check-ins follow it. `None` when no check-in needs to change.
pub fn follow_metric_renames(
    before: &TwoPager,
    after: &TwoPager,
    checkins: &[CheckIn],
) -> Option<Vec<CheckIn>> {
    let renames: Vec<(&str, &str)> = before
        .metrics
        .iter()
        .zip(&after.metrics)
        .filter(|(old, new)| {
            old.name != new.name
                && !after.metrics.iter().any(|m| m.name == old.name)
                && !before.metrics.iter().any(|m| m.name == new.name)
        })
        .map(|(old, new)| (old.name.as_str(), new.name.as_str()))
        .collect();
    if renames.is_empty()
        || !checkins
            .iter()
            .any(|c| renames.iter().any(|(old, _)| c.metric == *old))
    {
        return None;
    }
    Some(
        checkins
            .iter()
            .map(|c| match renames.iter().find(|(old, _)| c.metric == *old) {
                Some((_, new)) => CheckIn {
                    metric: (*new).to_owned(),
                    ..c.clone()
                },
                None => c.clone(),
            })
            .collect(),
    )
}

/// Metrics rebuilt from text (the section editor, `$EDITOR`) keep the keys
/// their text form does not show (`start`): from the metric of the same name,
/// else from the one at the same place when that one's name is gone.
pub fn keep_metric_dates(before: &[Metric], after: &mut [Metric]) {
    let names: Vec<String> = after.iter().map(|m| m.name.clone()).collect();
    for (index, metric) in after.iter_mut().enumerate() {
        if metric.start.is_some() {
            continue;
        }
        let same_name = before.iter().find(|m| m.name == metric.name);
        let renamed = || {
            before.get(index).filter(|old| {
                !names.contains(&old.name) && !before.iter().any(|m| m.name == metric.name)
            })
        };
        metric.start = same_name.or_else(renamed).and_then(|m| m.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node};

    fn day(d: u8) -> Date {
        Date::new(2026, 10, d).unwrap()
    }

    fn checkin(metric: &str, d: u8, value: &str) -> CheckIn {
        CheckIn {
            metric: metric.into(),
            on: day(d),
            value: value.into(),
            note: String::new(),
            source: String::new(),
        }
    }

    fn strategy() -> (Strategy, NodeId) {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        let mut node = Node::new(Level::Intent, "grow");
        node.doc.metrics = vec![Metric {
            name: "Win rate".into(),
            baseline: Some("16%".into()),
            target: Some("33%".into()),
            by: Some("2028-12".into()),
            start: None,
        }];
        let id = s.add(node);
        (s, id)
    }

    fn apply(s: &mut Strategy, id: NodeId, c: CheckIn, how: Recording) -> Option<Edit> {
        let edit = record_checkin(s, id, c, how).unwrap();
        if let Some(edit) = &edit {
            s.apply(edit.clone()).unwrap();
        }
        edit
    }

    #[test]
    fn adding_twice_is_harmless_and_a_different_value_on_that_day_is_a_conflict() {
        let (mut s, id) = strategy();
        assert!(apply(&mut s, id, checkin("Win rate", 1, "17%"), Recording::Add).is_some());
        assert!(apply(&mut s, id, checkin("Win rate", 1, "17%"), Recording::Add).is_none());
        assert_eq!(s.node(id).checkins.len(), 1);
        let clash = record_checkin(&s, id, checkin("Win rate", 1, "18%"), Recording::Add);
        assert_eq!(
            clash,
            Err(CheckinError::Conflict(checkin("Win rate", 1, "17%")))
        );
        // Case and spacing in the name are forgiven; the file keeps its spelling.
        apply(&mut s, id, checkin("win  rate", 2, "18%"), Recording::Add);
        assert_eq!(s.node(id).checkins[1].metric, "Win rate");
    }

    #[test]
    fn fixing_replaces_the_value_of_that_day_and_keeps_the_note() {
        let (mut s, id) = strategy();
        let mut first = checkin("Win rate", 1, "71%");
        first.note = "Q3 close".into();
        apply(&mut s, id, first, Recording::Add);
        let before = s.clone();
        let fix = record_checkin(&s, id, checkin("Win rate", 1, "17%"), Recording::Fix);
        let undo = s.apply(fix.unwrap().unwrap()).unwrap();
        assert_eq!(s.node(id).checkins.len(), 1);
        assert_eq!(s.node(id).checkins[0].value, "17%");
        assert_eq!(s.node(id).checkins[0].note, "Q3 close");
        s.apply(undo).unwrap();
        assert_eq!(s, before);
        apply(&mut s, id, checkin("Win rate", 1, "17%"), Recording::Fix);
        assert_eq!(
            record_checkin(&s, id, checkin("Win rate", 9, "1%"), Recording::Fix),
            Err(CheckinError::NothingToFix { days: vec![day(1)] })
        );
    }

    #[test]
    fn unknown_metrics_and_unreadable_values_are_refused_with_a_suggestion() {
        let (s, id) = strategy();
        let Err(CheckinError::NoSuchMetric { suggestion, .. }) =
            record_checkin(&s, id, checkin("Win rat", 1, "17%"), Recording::Add)
        else {
            panic!("a typo is not a metric")
        };
        assert_eq!(suggestion.as_deref(), Some("Win rate"));
        assert_eq!(
            record_checkin(&s, id, checkin("Win rate", 1, "soon"), Recording::Add),
            Err(CheckinError::NotANumber("soon".into()))
        );
        assert!(matches!(
            record_checkin(&s, id, checkin("Win rate", 1, "$4M"), Recording::Add),
            Err(CheckinError::OtherUnit { .. })
        ));
        assert!(record_checkin(&s, id, checkin("Win rate", 1, "17"), Recording::Add).is_ok());
    }

    #[test]
    fn a_renamed_metric_takes_its_checkins_and_its_start_along() {
        let (s, id) = strategy();
        let before = s.node(id).doc.clone();
        let mut after = before.clone();
        after.metrics[0].name = "Mid-market win rate".into();
        let checkins = vec![checkin("Win rate", 1, "17%"), checkin("Other", 1, "3")];
        let followed = follow_metric_renames(&before, &after, &checkins).unwrap();
        assert_eq!(followed[0].metric, "Mid-market win rate");
        assert_eq!(followed[1].metric, "Other");
        assert_eq!(follow_metric_renames(&before, &before, &checkins), None);

        let mut dated = before.metrics.clone();
        dated[0].start = Some(day(1));
        keep_metric_dates(&dated, &mut after.metrics);
        assert_eq!(after.metrics[0].start, Some(day(1)));
    }

    #[test]
    fn the_latest_checkin_is_the_latest_day_then_the_last_written() {
        let list = vec![
            checkin("Win rate", 3, "a"),
            checkin("Win rate", 1, "b"),
            checkin("Win rate", 3, "c"),
        ];
        assert_eq!(latest_checkin(&list, "Win rate").unwrap().value, "c");
        assert_eq!(latest_checkin(&list, "Other"), None);
    }
}
