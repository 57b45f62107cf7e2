//! What a meeting said, record by record, for the summary: every decision
//! with its node's title, who and the comment; the comments that decided
//! nothing; the questions left for discussion; the action items with
//! owners and dates; who was in the room; and the nodes' statuses, which
//! are the file's standing, not the decisions taken in reviews.

use serde::Serialize;

use crate::model::{Date, Node, Outcome, Review, Status, action_items};

/// A node named in a list: its key and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NodeLine {
    /// `intents.win`.
    pub key: String,
    /// Its title.
    pub title: String,
}

/// One decision (approve, request changes, discuss) as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionLine {
    /// The node decided on.
    #[serde(flatten)]
    pub node: NodeLine,
    /// `approve`, `request-changes` or `discuss`.
    pub decision: &'static str,
    /// Who recorded it.
    pub by: String,
    /// The day, `2026-12-02`.
    pub on: String,
    /// What was said with it; empty when nothing.
    pub comment: String,
    /// The question to discuss, with `discuss`.
    pub question: Option<String>,
    /// Why it was approved over lint errors.
    pub reason: Option<String>,
    /// Minutes the meeting spent on the node, with `--timebox`.
    pub minutes: Option<u32>,
}

/// A comment recorded without a decision, or a question asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaidLine {
    /// The node it is about.
    #[serde(flatten)]
    pub node: NodeLine,
    /// Who said it.
    pub by: String,
    /// The day.
    pub on: String,
    /// What was said.
    pub text: String,
}

/// An action item and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionLine {
    /// The node it was recorded on.
    #[serde(flatten)]
    pub node: NodeLine,
    /// What is to be done.
    pub what: String,
    /// Who does it; empty when nobody was named.
    pub owner: String,
    /// By when, `2026-12-15`; `None` when no day was set.
    pub due: Option<String>,
    /// `open`, `done` or `dropped`.
    pub state: &'static str,
    /// True when it is open and its due day has passed.
    pub overdue: bool,
    /// Who recorded it.
    pub by: String,
    /// The day it was recorded.
    pub on: String,
}

/// How many nodes of the review stand at one status in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    /// `approved`, `draft`, …
    pub status: &'static str,
    /// Nodes with it.
    pub nodes: usize,
}

/// What the records in scope said, gathered over the nodes of a review.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Said {
    /// Every decision in scope, in the review's order, oldest first per node.
    pub decisions: Vec<DecisionLine>,
    /// Comments recorded without a decision.
    pub comments: Vec<SaidLine>,
    /// Questions left for discussion.
    pub questions: Vec<SaidLine>,
    /// Action items recorded or closed in scope; open ones first, overdue first among them.
    pub actions: Vec<ActionLine>,
    /// Who was in the room, as the records name them, first mention first.
    pub attendees: Vec<String>,
    /// Minutes recorded over the nodes, with `--timebox`.
    pub minutes: u32,
    /// The nodes' statuses in the file (not the decisions taken in reviews).
    pub statuses: Vec<StatusCount>,
}

impl Said {
    /// Adds what `node`'s records in scope (`counts`) said, with `line`
    /// naming it; `today` decides which open action items are overdue.
    pub fn add(
        &mut self,
        node: &Node,
        line: &NodeLine,
        counts: impl Fn(&Review) -> bool,
        today: Date,
    ) {
        match self
            .statuses
            .iter_mut()
            .find(|s| s.status == node.doc.status.as_str())
        {
            Some(count) => count.nodes += 1,
            None => self.statuses.push(StatusCount {
                status: node.doc.status.as_str(),
                nodes: 1,
            }),
        }
        for review in node.reviews.iter().filter(|r| counts(r)) {
            for name in &review.attendees {
                if !self.attendees.iter().any(|a| a == name) {
                    self.attendees.push(name.clone());
                }
            }
            let said = |text: &str| SaidLine {
                node: line.clone(),
                by: review.by.clone(),
                on: review.on.to_string(),
                text: text.to_owned(),
            };
            if let Some(question) = review.question.as_deref().filter(|q| !q.trim().is_empty()) {
                self.questions.push(said(question));
            }
            if review.decision.is_decision() {
                self.decisions.push(DecisionLine {
                    node: line.clone(),
                    decision: review.decision.as_str(),
                    by: review.by.clone(),
                    on: review.on.to_string(),
                    comment: review.comment.clone(),
                    question: review.question.clone(),
                    reason: review.reason.clone(),
                    minutes: review.minutes,
                });
            } else if !review.comment.trim().is_empty() {
                self.comments.push(said(&review.comment));
            }
        }
        // Each record carries the minutes spent on the node so far, so
        // the node's time is its largest, not their sum.
        self.minutes += node
            .reviews
            .iter()
            .filter(|r| counts(r))
            .filter_map(|r| r.minutes)
            .max()
            .unwrap_or(0);
        for state in action_items(&node.reviews) {
            let closed_in_scope = state.closed.is_some_and(|(r, _)| counts(r));
            // Items still open are listed whenever they were recorded: the
            // meeting should see them; closed ones only when in scope.
            if !counts(state.opened) && !closed_in_scope && !state.is_open() {
                continue;
            }
            self.actions.push(ActionLine {
                node: line.clone(),
                what: state.item.what.clone(),
                owner: state.item.owner.clone(),
                due: state.item.due.map(|d| d.to_string()),
                state: match state.closed {
                    None => "open",
                    Some((_, Outcome::Done)) => "done",
                    Some((_, Outcome::Dropped)) => "dropped",
                },
                overdue: state.is_overdue(today),
                by: state.opened.by.clone(),
                on: state.opened.on.to_string(),
            });
        }
    }

    /// Puts the lists in their reading order: open action items first,
    /// overdue first, then by due day; statuses in the order `Status::ALL`.
    pub fn finish(&mut self) {
        self.actions.sort_by_key(|a| {
            (
                a.state != "open",
                !a.overdue,
                a.due.clone().unwrap_or_else(|| "9999".to_owned()),
            )
        });
        self.statuses.sort_by_key(|s| {
            Status::ALL
                .iter()
                .position(|st| st.as_str() == s.status)
                .unwrap_or(usize::MAX)
        });
    }
}
