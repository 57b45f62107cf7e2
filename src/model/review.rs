//! The record a review meeting leaves on a node: who decided what, when,
//! and why. Kept beside the two-pager, not in it, so the record travels with
//! the file in git but never through the `$EDITOR` Markdown round trip.
//!
//! Only the records themselves live here, so a [`Node`](super::Node) can
//! hold them; recording one as an edit is `replay.rs`.

use std::fmt;

use super::{Date, Status};

/// What a reviewer decided about a two-pager, or a plain remark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Decision {
    /// Good as written: the node's status becomes `approved`.
    Approve,
    /// Sent back with comments: the status becomes `changes-requested`.
    RequestChanges,
    /// Needs a conversation before anyone decides: the status becomes `in-review`.
    Discuss,
    /// A remark with no decision; the status stays as it is.
    Comment,
}

impl Decision {
    /// Every kind of record, decisions first.
    pub const ALL: [Decision; 4] = [
        Decision::Approve,
        Decision::RequestChanges,
        Decision::Discuss,
        Decision::Comment,
    ];

    /// The spelling used in the file (`"request-changes"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::RequestChanges => "request-changes",
            Decision::Discuss => "discuss",
            Decision::Comment => "comment",
        }
    }

    /// Parses the file's spelling; `None` for anything else.
    pub fn parse(text: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.as_str() == text)
    }

    /// The status a node takes when this is recorded; `None` for a comment.
    pub fn status(self) -> Option<Status> {
        match self {
            Decision::Approve => Some(Status::Approved),
            Decision::RequestChanges => Some(Status::ChangesRequested),
            Decision::Discuss => Some(Status::InReview),
            Decision::Comment => None,
        }
    }

    /// True for approve, request changes and discuss: the records that
    /// count a node as decided.
    pub fn is_decision(self) -> bool {
        self != Decision::Comment
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One review record: one line in the file's `reviews` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// The reviewer's name (`by`).
    pub by: String,
    /// The day it was recorded (`on`).
    pub on: Date,
    /// What was decided (`decision`).
    pub decision: Decision,
    /// What the reviewer said; may be empty (`comment`).
    pub comment: String,
    /// Why the node was approved although it had lint errors (`reason`).
    pub reason: Option<String>,
    /// The question a "discuss" leaves for the room (`question`).
    pub question: Option<String>,
    /// Who was in the room (`with`); empty when nobody was named.
    pub attendees: Vec<String>,
    /// Minutes the meeting spent on the node (`minutes`), with `--timebox`.
    pub minutes: Option<u32>,
    /// An action item this record opens (`action`, `owner`, `due`).
    pub action: Option<ActionItem>,
    /// An action item this record closes (`closes`, `outcome`).
    pub closes: Option<Closing>,
}

/// Something a person agreed to do, by a day: opened by a record whose
/// `action` names it, open until a later record `closes` it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// What is to be done (`action`).
    pub what: String,
    /// Who does it (`owner`); may be empty.
    pub owner: String,
    /// By when (`due`).
    pub due: Option<Date>,
}

/// How an action item ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// It was done.
    Done,
    /// It was given up.
    Dropped,
}

impl Outcome {
    /// Both outcomes.
    pub const ALL: [Outcome; 2] = [Outcome::Done, Outcome::Dropped];

    /// The spelling used in the file (`"done"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::Dropped => "dropped",
        }
    }

    /// Parses the file's spelling; `None` for anything else.
    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// A record closing the open action item whose text is `what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// The action item's text, as its record wrote it (`closes`).
    pub what: String,
    /// Done or dropped (`outcome`).
    pub outcome: Outcome,
}

impl Review {
    /// A record of `decision` by `by` on `on`, saying nothing more.
    pub fn new(by: &str, on: Date, decision: Decision) -> Review {
        Review {
            by: by.to_owned(),
            on,
            decision,
            comment: String::new(),
            reason: None,
            question: None,
            attendees: Vec::new(),
            minutes: None,
            action: None,
            closes: None,
        }
    }

    /// True for a record that only opens or closes an action item.
    pub fn is_bookkeeping(&self) -> bool {
        self.decision == Decision::Comment
            && (self.action.is_some() || self.closes.is_some())
            && self.comment.trim().is_empty()
    }

    /// True when this record is a decision by `reviewer` on or after `from`:
    /// what makes a node decided within a review session.
    pub fn decides_for(&self, reviewer: &str, from: Date) -> bool {
        self.decision.is_decision() && self.by == reviewer && self.on >= from
    }
}

/// The latest decision among `reviews` that `within` accepts: a node's
/// standing after a meeting. Later records win; plain comments never do.
pub fn latest_decision(reviews: &[Review], within: impl Fn(&Review) -> bool) -> Option<&Review> {
    reviews
        .iter()
        .rev()
        .find(|r| r.decision.is_decision() && within(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(by: &str, day: u8, decision: Decision) -> Review {
        Review::new(by, Date::new(2026, 11, day).unwrap(), decision)
    }

    #[test]
    fn spellings_round_trip_and_decisions_set_status() {
        for decision in Decision::ALL {
            assert_eq!(Decision::parse(decision.as_str()), Some(decision));
        }
        assert_eq!(Decision::parse("approved"), None);
        assert_eq!(Decision::Approve.status(), Some(Status::Approved));
        assert_eq!(
            Decision::RequestChanges.status(),
            Some(Status::ChangesRequested)
        );
        assert_eq!(Decision::Discuss.status(), Some(Status::InReview));
        assert_eq!(Decision::Comment.status(), None);
    }

    #[test]
    fn the_latest_decision_wins_and_comments_never_decide() {
        let reviews = [
            review("Dana", 20, Decision::Approve),
            review("Lee", 21, Decision::RequestChanges),
            review("Dana", 22, Decision::Comment),
        ];
        let latest = latest_decision(&reviews, |_| true).unwrap();
        assert_eq!(latest.decision, Decision::RequestChanges);
        let dana = latest_decision(&reviews, |r| r.by == "Dana").unwrap();
        assert_eq!(dana.decision, Decision::Approve);
        let from = Date::new(2026, 11, 21).unwrap();
        assert!(!reviews[0].decides_for("Dana", from));
        assert!(reviews[1].decides_for("Lee", from));
        assert!(
            !reviews[2].decides_for("Dana", from),
            "a comment decides nothing"
        );
    }
}
