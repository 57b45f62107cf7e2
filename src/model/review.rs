//! The record a review meeting leaves on a node: who decided what, when,
//! and why. Kept beside the two-pager, not in it, so the record travels with
//! the file in git but never through the `$EDITOR` Markdown round trip.

use std::fmt;

use super::{Date, Edit, NodeId, Status, Strategy};

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
}

impl Review {
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

/// The edit that records `review` on `node` and moves its status as the
/// decision says, as one undoable step; `None` if the node is gone.
pub fn record_review(strategy: &Strategy, node: NodeId, review: Review) -> Option<Edit> {
    let current = strategy.get(node)?;
    let mut edits = Vec::with_capacity(2);
    if let Some(status) = review.decision.status()
        && status != current.doc.status
    {
        let mut doc = current.doc.clone();
        doc.status = status;
        edits.push(Edit::SetDoc {
            node,
            doc: Box::new(doc),
        });
    }
    let mut reviews = current.reviews.clone();
    reviews.push(review);
    edits.push(Edit::SetReviews { node, reviews });
    Some(Edit::Batch(edits))
}

/// The review records `current` adds to `saved`, node by node (by key),
/// when they (and the status each decision sets) are the only difference:
/// what can be replayed onto a colleague's newer version of the file.
/// `None` when anything else changed too.
pub fn added_reviews(saved: &Strategy, current: &Strategy) -> Option<Vec<(String, Vec<Review>)>> {
    if saved.len() != current.len() {
        return None;
    }
    let mut added = Vec::new();
    for (id, now) in current.iter() {
        let before = saved.get(id)?;
        let mut before_doc = before.doc.clone();
        before_doc.status = now.doc.status;
        let new_records = now.reviews.strip_prefix(before.reviews.as_slice())?;
        let status_moved = before.doc.status != now.doc.status;
        let same_otherwise = before.id == now.id
            && before.level == now.level
            && before.parent_ref == now.parent_ref
            && before.allow == now.allow
            && before_doc == now.doc;
        if !same_otherwise || (status_moved && new_records.is_empty()) {
            return None;
        }
        if !new_records.is_empty() {
            added.push((now.key(), new_records.to_vec()));
        }
    }
    // The proof: replaying them on `saved` gives `current` exactly (order,
    // statuses and all), so nothing else can be lost by replaying them on
    // a newer file instead.
    (replay_reviews(saved, &added).as_ref() == Some(current)).then_some(added)
}

/// `onto` with `added` (from [`added_reviews`]) recorded again, each
/// decision moving its node's status as it did the first time. `None` when
/// a reviewed node is no longer in `onto`.
pub fn replay_reviews(onto: &Strategy, added: &[(String, Vec<Review>)]) -> Option<Strategy> {
    let mut out = onto.clone();
    for (key, reviews) in added {
        let node = out.find_key(key).ok()?;
        for review in reviews {
            let edit = record_review(&out, node, review.clone())?;
            out.apply(edit).ok()?;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(by: &str, day: u8, decision: Decision) -> Review {
        Review {
            by: by.into(),
            on: Date::new(2026, 11, day).unwrap(),
            decision,
            comment: String::new(),
            reason: None,
        }
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
    fn recording_sets_the_status_and_undoes_exactly() {
        use crate::model::{Level, Node};
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        let intent = s.add(Node::new(Level::Intent, "grow"));
        let original = s.clone();
        let edit = record_review(&s, intent, review("Dana", 22, Decision::RequestChanges)).unwrap();
        let inverse = s.apply(edit).unwrap();
        assert_eq!(s.node(intent).doc.status, Status::ChangesRequested);
        assert_eq!(s.node(intent).reviews.len(), 1);
        s.apply(inverse).unwrap();
        assert_eq!(s, original);
        let comment = record_review(&s, intent, review("Dana", 22, Decision::Comment)).unwrap();
        s.apply(comment).unwrap();
        assert_eq!(
            s.node(intent).doc.status,
            Status::Draft,
            "a comment moves nothing"
        );
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

    #[test]
    fn added_records_are_found_and_replayed_onto_a_newer_file() {
        let text = "version = 1\n[vision]\ntitle = \"V\"\n[intents.a]\ntitle = \"A\"\n";
        let saved = crate::store::parse(text).unwrap().strategy;
        let a = saved.find_key("intents.a").unwrap();
        let mut current = saved.clone();
        let edit = record_review(&current, a, review("Dana", 22, Decision::Approve)).unwrap();
        current.apply(edit).unwrap();
        let added = added_reviews(&saved, &current).unwrap();
        assert_eq!(added.len(), 1);
        assert_eq!(added[0].0, "intents.a");
        // A colleague added a node and edited the vision meanwhile.
        let theirs = crate::store::parse(&format!(
            "{}[intents.b]\ntitle = \"B\"\n",
            text.replace("\"V\"", "\"V2\"")
        ))
        .unwrap()
        .strategy;
        let merged = replay_reviews(&theirs, &added).unwrap();
        let a = merged.node(merged.find_key("intents.a").unwrap());
        assert_eq!(a.doc.status, Status::Approved);
        assert_eq!(a.reviews.len(), 1);
        assert_eq!(merged.node(merged.vision().unwrap()).doc.title, "V2");
        assert_eq!(merged.len(), 3);
        // Any other edit, and nothing is replayed.
        let mut edited = current.clone();
        let mut doc = edited.node(a_id(&edited)).doc.clone();
        doc.title = "A, edited".into();
        edited
            .apply(Edit::SetDoc {
                node: a_id(&edited),
                doc: Box::new(doc),
            })
            .unwrap();
        assert_eq!(added_reviews(&saved, &edited), None);
        // A move together with a decision: not only decisions either.
        let two = crate::store::parse(&format!("{text}[intents.b]\ntitle = \"B\"\n"))
            .unwrap()
            .strategy;
        let mut moved = two.clone();
        let decide = record_review(&moved, a_id(&moved), review("Dana", 22, Decision::Comment));
        moved.apply(decide.unwrap()).unwrap();
        assert!(added_reviews(&two, &moved).is_some());
        let step = crate::model::move_among_siblings(&moved, a_id(&moved), false).unwrap();
        moved.apply(step).unwrap();
        assert_eq!(added_reviews(&two, &moved), None);
        // A reviewed node the colleague deleted: nothing to replay onto.
        let without_a = crate::store::parse("version = 1\n[vision]\ntitle = \"V\"\n")
            .unwrap()
            .strategy;
        assert_eq!(replay_reviews(&without_a, &added), None);
    }

    fn a_id(strategy: &Strategy) -> NodeId {
        strategy.find_key("intents.a").unwrap()
    }
}
