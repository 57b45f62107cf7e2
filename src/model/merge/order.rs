//! The order of nodes in the merge (which is sibling order, and the order of
//! tables in the file). When only one side reordered nodes both sides have,
//! its order wins; the nodes only the other side has go after the node they
//! followed there. Both sides reordering them differently is a conflict.

use super::{Conflict, Place, Side};
use crate::model::{NodeId, Strategy};

/// For each side, each place's position in that side's file order.
struct Positions {
    base: Vec<Option<usize>>,
    ours: Vec<Option<usize>>,
    theirs: Vec<Option<usize>>,
}

fn positions(
    strategy: &Strategy,
    places: &[Place],
    side: fn(&Place) -> Option<NodeId>,
) -> Vec<Option<usize>> {
    let at: std::collections::HashMap<NodeId, usize> = strategy
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id, i))
        .collect();
    places
        .iter()
        .map(|place| side(place).and_then(|id| at.get(&id).copied()))
        .collect()
}

/// The result's ids (`result[place]`) in merged order.
pub(super) fn merged_order(
    base: &Strategy,
    ours: &Strategy,
    theirs: &Strategy,
    places: &[Place],
    result: &[Option<NodeId>],
    prefer: Side,
    conflicts: &mut Vec<Conflict>,
) -> Vec<NodeId> {
    let at = Positions {
        base: positions(base, places, |p| p.base),
        ours: positions(ours, places, |p| p.ours),
        theirs: positions(theirs, places, |p| p.theirs),
    };
    let kept: Vec<usize> = (0..places.len()).filter(|&i| result[i].is_some()).collect();
    let common: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| at.base[i].is_some() && at.ours[i].is_some() && at.theirs[i].is_some())
        .collect();
    let sorted = |by: &[Option<usize>], among: &[usize]| {
        let mut out = among.to_vec();
        out.sort_by_key(|&i| by[i]);
        out
    };
    let (in_base, in_ours, in_theirs) = (
        sorted(&at.base, &common),
        sorted(&at.ours, &common),
        sorted(&at.theirs, &common),
    );
    let (ours_moved, theirs_moved) = (in_ours != in_base, in_theirs != in_base);
    let lead = if ours_moved && theirs_moved && in_ours != in_theirs {
        let first = in_ours
            .iter()
            .zip(&in_theirs)
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let show = |order: &[usize], strategy: &Strategy, side: fn(&Place) -> Option<NodeId>| {
            let keys: Vec<String> = order[first..]
                .iter()
                .take(8)
                .filter_map(|&i| {
                    side(&places[i])
                        .and_then(|id| strategy.get(id))
                        .map(|n| n.key())
                })
                .collect();
            keys.join(", ")
        };
        conflicts.push(Conflict {
            key: "order".into(),
            field: "order",
            mine: show(&in_ours, ours, |p| p.ours),
            theirs: show(&in_theirs, theirs, |p| p.theirs),
        });
        prefer
    } else if ours_moved {
        Side::Mine
    } else {
        Side::Theirs
    };
    let (lead_at, other_at) = match lead {
        Side::Mine => (&at.ours, &at.theirs),
        Side::Theirs => (&at.theirs, &at.ours),
    };
    let led: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| lead_at[i].is_some())
        .collect();
    let mut order = sorted(lead_at, &led);
    let mut rest: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| lead_at[i].is_none())
        .collect();
    rest.sort_by_key(|&i| other_at[i]);
    // Each one goes after the nearest node before it on its own side that is
    // already placed; one that was the last of its level there stays last.
    let level = |i: usize| {
        let place = &places[i];
        (place.theirs.and_then(|id| theirs.get(id)))
            .or_else(|| place.ours.and_then(|id| ours.get(id)))
            .map(|node| node.level)
    };
    let mut by_other: Vec<usize> = kept
        .iter()
        .copied()
        .filter(|&i| other_at[i].is_some())
        .collect();
    by_other.sort_by_key(|&i| other_at[i]);
    for i in rest {
        let Some(mine) = by_other.iter().position(|&j| j == i) else {
            order.push(i);
            continue;
        };
        let last_of_level = !by_other[mine + 1..].iter().any(|&j| level(j) == level(i));
        let after = if last_of_level {
            order.iter().rposition(|&k| level(k) == level(i))
        } else {
            None
        };
        let after = after.or_else(|| {
            by_other[..mine]
                .iter()
                .rev()
                .find_map(|j| order.iter().position(|k| k == j))
        });
        order.insert(after.map_or(0, |p| p + 1), i);
    }
    order.into_iter().filter_map(|i| result[i]).collect()
}
