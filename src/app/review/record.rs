//! Writing what the room decided: each record signed by the reviewer,
//! dated, with who is in the room and the minutes spent on the node, saved
//! at once in a review (and as an ordinary edit from the browser, for
//! closing an action item there).

use super::super::overlays::note::{self, NoteKind};
use super::super::{App, Effect};
use super::{Banner, NO_REVIEWER};
use crate::model::{ActionItem, Decision, NodeId, Review, record_review};

impl App {
    /// Records `decision` on the node under review, with `comment` and,
    /// for an approval over lint errors, `reason`; saves at once.
    pub(in crate::app) fn record_decision(
        &mut self,
        node: NodeId,
        decision: Decision,
        comment: String,
        reason: Option<String>,
    ) -> Vec<Effect> {
        self.record(node, decision, |r| {
            r.comment = comment;
            r.reason = reason;
        })
    }

    /// Records "discuss" with the question the room is to answer.
    pub(in crate::app) fn record_question(
        &mut self,
        node: NodeId,
        question: String,
    ) -> Vec<Effect> {
        self.record(node, Decision::Discuss, |r| r.question = Some(question))
    }

    /// Records an action item on the node (a record deciding nothing).
    pub(in crate::app) fn record_action_item(
        &mut self,
        node: NodeId,
        item: ActionItem,
    ) -> Vec<Effect> {
        self.record(node, Decision::Comment, |r| r.action = Some(item))
    }

    /// Records `decision` on `node`, signed, dated, with who is in the
    /// room and the minutes spent on it, `fill` adding what was said;
    /// saves at once and shows what was recorded.
    fn record(
        &mut self,
        node: NodeId,
        decision: Decision,
        fill: impl FnOnce(&mut Review),
    ) -> Vec<Effect> {
        let mut record = match &self.review {
            Some(review) => {
                let mut record = Review::new(&review.reviewer, review.today, decision);
                record.attendees = review.attendees.clone();
                if review.clock.timebox.is_some() {
                    record.minutes = Some(review.clock.minutes_on(node));
                }
                record
            }
            // Closing an action item from the browser: an edit like any
            // other, saved with the others.
            None => match &self.reviewer {
                Some(reviewer) => Review::new(reviewer, self.today, decision),
                None => {
                    self.notice = Some(NO_REVIEWER.into());
                    return Vec::new();
                }
            },
        };
        fill(&mut record);
        let banner = Banner::describe(&self.strategy, node, &record);
        let Some(edit) = record_review(&self.strategy, node, record) else {
            return Vec::new();
        };
        if let Err(error) = self.commit(edit) {
            self.notice = Some(format!("not recorded: {error}"));
            return Vec::new();
        }
        if self.review.is_none() {
            self.notice = Some(banner);
            return Vec::new();
        }
        self.show_banner(node, banner, decision.is_decision());
        vec![Effect::Save]
    }

    /// Records that the open action item `what` on `node` ended with `outcome`.
    pub(in crate::app) fn record_closing(
        &mut self,
        node: NodeId,
        what: String,
        outcome: crate::model::Outcome,
    ) -> Vec<Effect> {
        self.record(node, Decision::Comment, |r| {
            r.closes = Some(crate::model::Closing { what, outcome })
        })
    }

    /// Opens the box that closes one of the shown node's open action items.
    pub(in crate::app) fn start_closing_action(&mut self) {
        let Some(node) = self.shown_node() else {
            return;
        };
        let open: Vec<String> = self
            .strategy
            .get(node)
            .map(|n| {
                crate::model::open_actions(&n.reviews)
                    .iter()
                    .map(|s| s.item.what.clone())
                    .collect()
            })
            .unwrap_or_default();
        if open.is_empty() {
            self.notice = Some("this node has no open action item".into());
            return;
        }
        note::open(self, node, NoteKind::CloseAction { open });
    }
}
