//! Three-way merge of strategies: `base` (the file as this session read it),
//! `ours` (this session's strategy, `base` after its edits) and `theirs`
//! (the file as it is on disk now, a colleague's newer version). Edits to
//! nodes and fields only one side touched are all kept; the same field
//! changed on both sides to different values is a [`Conflict`].
//!
//! The one merge for everything a node holds (two-pager fields, tracker
//! keys and links, check-ins, review records) and for the order of nodes:
//! saving onto a changed file and carrying a review's decisions onto a
//! colleague's version both go through [`merge`].
//!
//! `ours` is matched to `base` by [`NodeId`] (it is `base` edited, so a
//! renamed node is the same node); `theirs` was read apart, so it is matched
//! by key. The result is `theirs` with my changes applied, under theirs'
//! ids, so a save can patch their text against their strategy and keep their
//! comments and layout.

mod field;
mod order;

use std::collections::HashMap;

use super::{Node, NodeId, Strategy};
use field::{Fields, merge_node, show_node};

/// Which side a conflict is decided for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// This session's edit.
    Mine,
    /// The version on disk.
    Theirs,
}

/// One field changed on both sides to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The node (`intents.grow`), or `company` or `order` for the file's own.
    pub key: String,
    /// The field (`title`, `will_not`, `node` for deleted on one side and
    /// edited on the other, `order` for siblings reordered on both sides).
    pub field: &'static str,
    /// My value, as text. Raw file text: callers sanitize for their output.
    pub mine: String,
    /// Their value, as text. Raw file text: callers sanitize for their output.
    pub theirs: String,
}

/// What [`merge`] found: the merged strategy, and the conflicts it decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// Every conflict, in file order; empty when the merge is clean.
    pub conflicts: Vec<Conflict>,
    mine: Strategy,
    theirs: Option<Strategy>,
}

impl Merge {
    /// The merged strategy, each conflict decided for `side` (with no
    /// conflicts, the one result).
    pub fn resolved(&self, side: Side) -> &Strategy {
        match (side, &self.theirs) {
            (Side::Theirs, Some(theirs)) => theirs,
            _ => &self.mine,
        }
    }

    /// As [`Merge::resolved`], taking it.
    pub fn into_resolved(self, side: Side) -> Strategy {
        match (side, self.theirs) {
            (Side::Theirs, Some(theirs)) => theirs,
            _ => self.mine,
        }
    }
}

/// Merges `ours` and `theirs`, both descended from `base` (see the module's
/// doc). The result keeps `theirs`' node ids.
pub fn merge(base: &Strategy, ours: &Strategy, theirs: &Strategy) -> Merge {
    let mut conflicts = Vec::new();
    let mine = build(base, ours, theirs, Side::Mine, &mut conflicts);
    let theirs =
        (!conflicts.is_empty()).then(|| build(base, ours, theirs, Side::Theirs, &mut Vec::new()));
    Merge {
        conflicts,
        mine,
        theirs,
    }
}

/// Where one node is on each side.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    base: Option<NodeId>,
    ours: Option<NodeId>,
    theirs: Option<NodeId>,
}

fn build(
    base: &Strategy,
    ours: &Strategy,
    theirs: &Strategy,
    prefer: Side,
    conflicts: &mut Vec<Conflict>,
) -> Strategy {
    let mut out = theirs.clone();
    let keep = |prefer_mine: bool| prefer_mine == (prefer == Side::Mine);
    let mut company = Fields {
        key: "company",
        prefer,
        conflicts,
    };
    out.company = company.pick(
        "name",
        [&base.company, &ours.company, &theirs.company],
        String::clone,
    );
    out.as_of = company.pick("as_of", [&base.as_of, &ours.as_of, &theirs.as_of], |d| {
        d.map_or_else(|| "(none)".to_owned(), |d| d.to_string())
    });

    // Each node's place on the three sides; `out` is theirs, so a node of
    // theirs has the same id in `out`.
    let mut places: Vec<Place> = Vec::new();
    let mut theirs_matched: HashMap<NodeId, usize> = HashMap::new();
    for (id, node) in base.iter() {
        let their = theirs.find(node.level, &node.id);
        if let Some(t) = their {
            theirs_matched.insert(t, places.len());
        }
        places.push(Place {
            base: Some(id),
            ours: ours.get(id).map(|_| id),
            theirs: their,
        });
    }
    for (id, _) in theirs.iter() {
        if let std::collections::hash_map::Entry::Vacant(slot) = theirs_matched.entry(id) {
            slot.insert(places.len());
            places.push(Place {
                theirs: Some(id),
                ..Place::default()
            });
        }
    }
    // My new nodes; one theirs also added under the same key is merged with it.
    for (id, node) in ours.iter() {
        if base.get(id).is_some() {
            continue;
        }
        match theirs
            .find(node.level, &node.id)
            .map(|t| theirs_matched[&t])
        {
            Some(at) if places[at].base.is_none() && places[at].ours.is_none() => {
                places[at].ours = Some(id)
            }
            _ => places.push(Place {
                ours: Some(id),
                ..Place::default()
            }),
        }
    }

    // `out` id of each place that ends up in the result.
    let mut result: Vec<Option<NodeId>> = vec![None; places.len()];
    let mut to_add: Vec<(usize, Node)> = Vec::new();
    for (at, place) in places.iter().enumerate() {
        let b = place.base.map(|id| base.node(id));
        let o = place.ours.map(|id| ours.node(id));
        // Their node with its id in their strategy (which `out` started as).
        let their = place.theirs.map(|id| (id, theirs.node(id)));
        let t = their.map(|(_, node)| node);
        let key = o.or(t).or(b).map(Node::key).unwrap_or_default();
        match (b, o, their) {
            (_, Some(o), Some((id, t))) => {
                let empty = Node {
                    parent_ref: None,
                    ..Node::new(o.level, o.id.clone())
                };
                let b = b.unwrap_or(&empty);
                let mut fields = Fields {
                    key: &key,
                    prefer,
                    conflicts,
                };
                let merged = merge_node(b, o, t, &mut fields);
                if &merged != t && !out.replace(id, merged) {
                    conflicts.push(Conflict {
                        key: key.clone(),
                        field: "id",
                        mine: o.id.clone(),
                        theirs: format!("{} (another node has {})", t.id, o.id),
                    });
                }
                result[at] = Some(id);
            }
            (Some(b), None, Some((id, t))) => {
                // I deleted it: gone, unless they edited it meanwhile.
                let deleted = if t == b {
                    true
                } else {
                    conflicts.push(Conflict {
                        key: key.clone(),
                        field: "node",
                        mine: "(deleted)".into(),
                        theirs: show_node(t),
                    });
                    keep(true)
                };
                if deleted {
                    out.remove(id);
                } else {
                    result[at] = Some(id);
                }
            }
            (Some(b), Some(o), None) => {
                // They deleted it: gone, unless I edited it meanwhile.
                if o != b {
                    conflicts.push(Conflict {
                        key: key.clone(),
                        field: "node",
                        mine: show_node(o),
                        theirs: "(deleted)".into(),
                    });
                    if keep(true) {
                        to_add.push((at, o.clone()));
                    }
                }
            }
            (None, Some(o), None) => to_add.push((at, o.clone())),
            (_, None, Some((id, _))) => result[at] = Some(id),
            (_, None, None) => {}
        }
    }
    for (at, node) in to_add {
        let id = out.next_id();
        let end = out.len();
        if out.insert_at(id, node.clone(), end) {
            result[at] = Some(id);
        } else {
            conflicts.push(Conflict {
                key: node.key(),
                field: "id",
                mine: node.id.clone(),
                theirs: format!("another node has {}", node.id),
            });
        }
    }
    let order = order::merged_order(base, ours, theirs, &places, &result, prefer, conflicts);
    out.reorder(&order);
    out
}
