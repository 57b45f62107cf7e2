//! Recording a review as an edit. Carrying the records one version of the
//! file adds onto another (a colleague's newer one) is the one merge every
//! edit goes through, `merge/`: records added on both sides are all kept.

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
    fn decisions_merge_onto_a_newer_file_and_other_edits_merge_with_them() {
        use crate::model::{Side, merge};
        let text = "version = 1\n[vision]\ntitle = \"V\"\n[intents.a]\ntitle = \"A\"\n";
        let saved = crate::store::parse(text).unwrap().strategy;
        let a = saved.find_key("intents.a").unwrap();
        let mut current = saved.clone();
        let edit = record_review(&current, a, review("Dana", 22, Decision::Approve)).unwrap();
        current.apply(edit).unwrap();
        // A colleague added a node and edited the vision meanwhile.
        let theirs = crate::store::parse(&format!(
            "{}[intents.b]\ntitle = \"B\"\n",
            text.replace("\"V\"", "\"V2\"")
        ))
        .unwrap()
        .strategy;
        let merged = merge(&saved, &current, &theirs);
        assert!(merged.conflicts.is_empty());
        let merged = merged.resolved(Side::Mine);
        let a = merged.node(merged.find_key("intents.a").unwrap());
        assert_eq!(a.doc.status, Status::Approved);
        assert_eq!(a.reviews.len(), 1);
        assert_eq!(merged.node(merged.vision().unwrap()).doc.title, "V2");
        assert_eq!(merged.len(), 3);
        // Another edit with the decision: it merges too.
        let mut edited = current.clone();
        let mut doc = edited.node(a_id(&edited)).doc.clone();
        doc.title = "A, edited".into();
        edited
            .apply(Edit::SetDoc {
                node: a_id(&edited),
                doc: Box::new(doc),
            })
            .unwrap();
        let merged = merge(&saved, &edited, &theirs).into_resolved(Side::Mine);
        let a = merged.node(a_id(&merged));
        assert_eq!((a.doc.title.as_str(), a.reviews.len()), ("A, edited", 1));
        // A reviewed node the colleague deleted: a question, not a lost record.
        let without_a = crate::store::parse("version = 1\n[vision]\ntitle = \"V\"\n")
            .unwrap()
            .strategy;
        let merged = merge(&saved, &current, &without_a);
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(
            merged
                .resolved(Side::Mine)
                .node(a_id(merged.resolved(Side::Mine)))
                .reviews
                .len(),
            1
        );
    }

    fn a_id(strategy: &Strategy) -> NodeId {
        strategy.find_key("intents.a").unwrap()
    }
}
