//! One node merged field by field: a field only one side changed takes that
//! side's value; the same change on both sides is one change; lists only
//! added to on both sides (review records, check-ins, will-not items) keep
//! both sides' additions; anything else changed on both sides is a conflict,
//! decided by the side the caller prefers and written down to be asked about.

use super::{Conflict, Side};
use crate::model::{Allow, CheckIn, Metric, Node, Review};

/// Where a node's conflicts are written down while it is merged.
pub(super) struct Fields<'a> {
    /// The node's key, as the conflict names it.
    pub key: &'a str,
    /// Which side a conflict keeps.
    pub prefer: Side,
    /// The conflicts found so far.
    pub conflicts: &'a mut Vec<Conflict>,
}

impl Fields<'_> {
    /// The merged value of one field.
    pub fn pick<T: PartialEq + Clone>(
        &mut self,
        field: &'static str,
        [base, ours, theirs]: [&T; 3],
        show: impl Fn(&T) -> String,
    ) -> T {
        if ours == base || ours == theirs {
            theirs.clone()
        } else if theirs == base {
            ours.clone()
        } else {
            self.conflict(field, show(ours), show(theirs));
            match self.prefer {
                Side::Mine => ours.clone(),
                Side::Theirs => theirs.clone(),
            }
        }
    }

    /// The merged value of a list: when both sides only added items at its
    /// end, theirs followed by what I added that they did not; otherwise as
    /// [`Fields::pick`].
    pub fn list<T: PartialEq + Clone>(
        &mut self,
        field: &'static str,
        [base, ours, theirs]: [&Vec<T>; 3],
        show: impl Fn(&T) -> String,
    ) -> Vec<T> {
        if let (Some(mine), Some(their)) = (
            ours.strip_prefix(base.as_slice()),
            theirs.strip_prefix(base.as_slice()),
        ) && !mine.is_empty()
            && !their.is_empty()
        {
            let mut out = theirs.clone();
            out.extend(mine.iter().filter(|item| !their.contains(item)).cloned());
            return out;
        }
        let show_all = |items: &Vec<T>| {
            if items.is_empty() {
                "(none)".to_owned()
            } else {
                items
                    .iter()
                    .map(|item| format!("- {}", show(item)))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        };
        self.pick(field, [base, ours, theirs], show_all)
    }

    /// Writes down that `field` changed on both sides.
    pub fn conflict(&mut self, field: &'static str, mine: String, theirs: String) {
        self.conflicts.push(Conflict {
            key: self.key.to_owned(),
            field,
            mine,
            theirs,
        });
    }
}

/// `ours` and `theirs`, both descended from `base`, as one node.
pub(super) fn merge_node(base: &Node, ours: &Node, theirs: &Node, fields: &mut Fields<'_>) -> Node {
    let text = |s: &String| {
        if s.is_empty() {
            "(empty)".to_owned()
        } else {
            s.clone()
        }
    };
    let maybe = |s: &Option<String>| s.clone().unwrap_or_else(|| "(none)".to_owned());
    let (b, o, t) = (&base.doc, &ours.doc, &theirs.doc);
    let mut node = theirs.clone();
    node.id = fields.pick("id", [&base.id, &ours.id, &theirs.id], String::clone);
    node.parent_ref = fields.pick(
        "parent",
        [&base.parent_ref, &ours.parent_ref, &theirs.parent_ref],
        maybe,
    );
    let doc = &mut node.doc;
    doc.title = fields.pick("title", [&b.title, &o.title, &t.title], text);
    doc.owner = fields.pick("owner", [&b.owner, &o.owner, &t.owner], text);
    doc.status = fields.pick("status", [&b.status, &o.status, &t.status], |s| {
        s.as_str().to_owned()
    });
    doc.horizon = fields.pick("horizon", [&b.horizon, &o.horizon, &t.horizon], |h| {
        h.map_or_else(|| "(none)".to_owned(), |h| h.to_string())
    });
    doc.today = fields.pick("today", [&b.today, &o.today, &t.today], text);
    doc.future = fields.pick("future", [&b.future, &o.future, &t.future], text);
    doc.will_not = fields.list(
        "will_not",
        [&b.will_not, &o.will_not, &t.will_not],
        String::clone,
    );
    doc.metrics = fields.list(
        "metrics",
        [&b.metrics, &o.metrics, &t.metrics],
        Metric::summary,
    );
    doc.notes = fields.pick("notes", [&b.notes, &o.notes, &t.notes], text);
    node.allow = fields.list(
        "allow",
        [&base.allow, &ours.allow, &theirs.allow],
        show_allow,
    );
    node.reviews = fields.list(
        "reviews",
        [&base.reviews, &ours.reviews, &theirs.reviews],
        show_review,
    );
    node.checkins = fields.list(
        "checkins",
        [&base.checkins, &ours.checkins, &theirs.checkins],
        show_checkin,
    );
    node.weight = fields.pick(
        "weight",
        [&base.weight, &ours.weight, &theirs.weight],
        |w| w.map_or_else(|| "(none)".to_owned(), |w| w.to_string()),
    );
    node.tracker = fields.list(
        "tracker",
        [&base.tracker, &ours.tracker, &theirs.tracker],
        String::clone,
    );
    node.links = fields.list(
        "links",
        [&base.links, &ours.links, &theirs.links],
        String::clone,
    );
    node
}

fn show_allow(allow: &Allow) -> String {
    format!("{}: {}", allow.rule, allow.reason)
}

fn show_review(review: &Review) -> String {
    let mut line = format!("{} on {}: {}", review.by, review.on, review.decision);
    if !review.comment.is_empty() {
        line.push_str(&format!(" ({})", review.comment));
    }
    line
}

fn show_checkin(checkin: &CheckIn) -> String {
    format!("{} on {}: {}", checkin.metric, checkin.on, checkin.value)
}

/// A whole node in a few lines, for a conflict between deleting it and
/// editing it.
pub(super) fn show_node(node: &Node) -> String {
    let doc = &node.doc;
    let mut out = format!("{} ({})", doc.title, doc.status.as_str());
    for (name, text) in [("today", &doc.today), ("future", &doc.future)] {
        if !text.is_empty() {
            out.push_str(&format!("\n{name}: {}", text.trim_end()));
        }
    }
    out
}
