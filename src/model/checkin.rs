//! Check-ins: a metric's value on a day, as someone measured it. A node
//! keeps them beside its two-pager (like its review records), each naming
//! the metric it measures, so recording one adds one line to the file and
//! `git log -p` reads as the metric's history.
//!
//! Only the record lives here, so a [`Node`](super::Node) can hold it;
//! recording one as an edit is `recording.rs`.

use super::Date;

/// One measurement of a metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckIn {
    /// The `name` of the metric it measures, in the same node.
    pub metric: String,
    /// The day it was measured (`on`).
    pub on: Date,
    /// The value as written (`"14%"`, `"$4.2M"`), like a metric's baseline.
    pub value: String,
    /// What a reader should know about it; empty when there is none.
    pub note: String,
    /// Where the number came from (a report, a dashboard); empty when unsaid.
    pub source: String,
}

impl CheckIn {
    /// True when `self` and `other` measure the same metric on the same day.
    pub fn same_slot(&self, other: &CheckIn) -> bool {
        self.metric == other.metric && self.on == other.on
    }

    /// True when `again`, recorded after `self`, says nothing new: the same
    /// metric, day and value, and no other note or source (an empty one
    /// says nothing).
    pub fn repeats(&self, again: &CheckIn) -> bool {
        let same_or_unsaid = |mine: &str, theirs: &str| theirs.is_empty() || mine == theirs;
        self.same_slot(again)
            && self.value == again.value
            && same_or_unsaid(&self.note, &again.note)
            && same_or_unsaid(&self.source, &again.source)
    }
}
