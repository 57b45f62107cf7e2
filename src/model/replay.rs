//! Recording a review as an edit, and carrying the records one version of
//! the file adds onto another (a colleague's newer one), by replaying them.

use super::{Edit, NodeId, Review, Strategy};

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
    use crate::model::{Date, Decision, Status};

    fn review(by: &str, day: u8, decision: Decision) -> Review {
        Review::new(by, Date::new(2026, 11, day).unwrap(), decision)
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
