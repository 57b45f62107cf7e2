//! The one edit that turns a strategy into another version of it, for
//! changes that arrive whole rather than edit by edit (the edits recovered
//! from a crash journal). Applied, it is one step whose inverse undo takes
//! back to the first version, exactly.

use super::{Edit, NodeId, Strategy};

/// The edit that makes `from` equal to `to`, nodes matched by [`NodeId`]
/// (`to` is `from` after changes, as a journal's edits rebased onto the file
/// are). `None` when no edit can say the difference exactly (the file's
/// `as_of` changed, two ids swapped, the vision went): the caller then
/// starts from `to` without history, as before.
pub fn edit_between(from: &Strategy, to: &Strategy) -> Option<Edit> {
    let mut edits = Vec::new();
    if from.company != to.company {
        edits.push(Edit::SetCompany {
            company: to.company.clone(),
        });
    }
    for (id, _) in from.iter() {
        if to.get(id).is_none() {
            edits.push(Edit::Remove { node: id });
        }
    }
    for (id, new) in to.iter() {
        let Some(old) = from.get(id) else {
            continue;
        };
        if old == new {
            continue;
        }
        // What the field edits cannot reach (the level, allows, weight,
        // tracker keys) makes the node go and come back whole.
        let mut reached = old.clone();
        reached.doc.clone_from(&new.doc);
        reached.reviews.clone_from(&new.reviews);
        reached.checkins.clone_from(&new.checkins);
        reached.id.clone_from(&new.id);
        reached.parent_ref.clone_from(&new.parent_ref);
        if reached != *new {
            edits.push(Edit::Remove { node: id });
            edits.push(insert(id, new, from.position(id)?));
            continue;
        }
        if old.id != new.id {
            edits.push(Edit::SetId {
                node: id,
                id: new.id.clone(),
            });
        }
        if old.parent_ref != new.parent_ref {
            edits.push(Edit::SetParent {
                node: id,
                parent: new.parent_ref.clone(),
            });
        }
        if old.doc != new.doc {
            edits.push(Edit::SetDoc {
                node: id,
                doc: Box::new(new.doc.clone()),
            });
        }
        if old.reviews != new.reviews {
            edits.push(Edit::SetReviews {
                node: id,
                reviews: new.reviews.clone(),
            });
        }
        if old.checkins != new.checkins {
            edits.push(Edit::SetCheckins {
                node: id,
                checkins: new.checkins.clone(),
            });
        }
    }
    for (index, (id, new)) in to.iter().enumerate() {
        if from.get(id).is_none() {
            edits.push(insert(id, new, index));
        }
    }
    // File order last: each node moved to its place in turn, as far as it
    // is not there already.
    let mut trial = from.clone();
    trial.apply(Edit::Batch(edits.clone())).ok()?;
    for (index, (id, _)) in to.iter().enumerate() {
        if trial.position(id) != Some(index) {
            let step = Edit::Move { node: id, index };
            trial.apply(step.clone()).ok()?;
            edits.push(step);
        }
    }
    (trial == *to).then_some(Edit::Batch(edits))
}

fn insert(id: NodeId, node: &super::Node, index: usize) -> Edit {
    Edit::Insert {
        node: id,
        value: Box::new(node.clone()),
        index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node, Status};

    fn node(level: Level, id: &str, parent: Option<&str>) -> Node {
        let mut node = Node::new(level, id);
        node.parent_ref = parent.map(str::to_owned);
        node
    }

    fn sample() -> Strategy {
        let mut s = Strategy::new("Acme");
        for n in [
            node(Level::Vision, "vision", None),
            node(Level::Intent, "a", None),
            node(Level::Intent, "b", None),
            node(Level::Initiative, "c", Some("a")),
        ] {
            let id = s.next_id();
            let at = s.len();
            assert!(s.insert_at(id, n, at));
        }
        s
    }

    #[test]
    fn the_edit_between_two_versions_goes_there_and_its_inverse_back() {
        let from = sample();
        let mut to = from.clone();
        let ids: Vec<NodeId> = to.iter().map(|(id, _)| id).collect();
        to.company = "Acme Freight".into();
        to.apply(Edit::SetDoc {
            node: ids[0],
            doc: Box::new(crate::model::TwoPager {
                title: "Every load".into(),
                status: Status::InReview,
                ..Default::default()
            }),
        })
        .unwrap();
        to.apply(Edit::Remove { node: ids[2] }).unwrap();
        to.apply(crate::model::rename(&to, ids[1], "win")).unwrap();
        let fresh = to.next_id();
        let at = to.len();
        assert!(to.insert_at(fresh, node(Level::Intent, "new", None), at));
        to.apply(Edit::Move {
            node: fresh,
            index: 1,
        })
        .unwrap();
        let mut weighted = to.get(ids[3]).unwrap().clone();
        weighted.weight = Some(2.0);
        to.apply(Edit::Remove { node: ids[3] }).unwrap();
        assert!(to.insert_at(ids[3], weighted, 4));

        let edit = edit_between(&from, &to).expect("an edit says it");
        let mut there = from.clone();
        let back = there.apply(edit).unwrap();
        assert_eq!(there, to);
        there.apply(back).unwrap();
        assert_eq!(there, from);
        assert_eq!(
            edit_between(&from, &from).map(|e| from.clone().apply(e).is_ok()),
            Some(true)
        );
    }

    #[test]
    fn a_difference_no_edit_can_say_is_none() {
        let from = sample();
        let mut to = from.clone();
        to.as_of = crate::model::Date::parse("2027-01-01");
        assert_eq!(edit_between(&from, &to), None);
    }
}
