//! Where nodes' tables are in the file: appending a new node after its
//! section, removing one, giving renamed ones their new keys, and ordering a
//! section's tables as the model orders its nodes, through the positions
//! `toml_edit` keeps for header tables.

use toml_edit::{DocumentMut, Item, Table, Value};

use super::list::set_or_remove_array;
use super::metric::metric_value;
use super::{allow_value, checkin, patch_strings, review, set_text, weight_value};
use crate::model::{Level, Node, Strategy};
use crate::store::toml_string::text_value;

/// Gives renamed nodes' tables their new keys. All renamed tables are taken
/// out before any is put back, so swapping two ids, or renaming `b` to `c` and
/// then `a` to `b`, never writes one table over another.
pub(super) fn rename_nodes(
    doc: &mut DocumentMut,
    baseline: &Strategy,
    current: &Strategy,
) -> Result<(), String> {
    let mut moving = Vec::new();
    for (id, new) in current.iter() {
        let Some(old) = baseline.get(id).filter(|old| old.id != new.id) else {
            continue;
        };
        let section = doc
            .get_mut(new.level.table())
            .and_then(Item::as_table_like_mut)
            .ok_or_else(|| format!("[{}] is no longer in the file", new.level.table()))?;
        let item = section
            .remove(&old.id)
            .ok_or_else(|| format!("{} is no longer in the file", old.key()))?;
        moving.push((new.level, new.id.clone(), item));
    }
    for (level, id, item) in moving {
        if let Some(section) = doc.get_mut(level.table()).and_then(Item::as_table_like_mut) {
            // Header tables keep their place through their position, not map order.
            section.insert(&id, item);
        }
    }
    Ok(())
}

/// Makes the order of a section's tables in the file follow `current`'s file
/// order (siblings moved up or down). Header tables are ordered by their
/// position, so the positions they already have are handed out again in the
/// new order; nothing else in the file moves. Sections written with dotted
/// keys or inline are written in key order, so their keys are sorted.
pub(super) fn reorder_section(doc: &mut DocumentMut, current: &Strategy, level: Level) {
    let wanted: Vec<&str> = current
        .at_level(level)
        .map(|id| current.node(id).id.as_str())
        .collect();
    let rank = |key: &str| wanted.iter().position(|w| *w == key).unwrap_or(usize::MAX);
    match doc.get_mut(level.table()) {
        Some(Item::Table(section)) => {
            let positions: Option<Vec<isize>> = wanted
                .iter()
                .map(|id| {
                    section
                        .get(id)
                        .and_then(Item::as_table)
                        .and_then(Table::position)
                })
                .collect();
            match positions {
                Some(mut positions) => {
                    if positions.windows(2).all(|w| w[0] < w[1]) {
                        return;
                    }
                    positions.sort_unstable();
                    for (id, position) in wanted.iter().zip(positions) {
                        if let Some(table) = section.get_mut(id).and_then(Item::as_table_mut) {
                            table.set_position(Some(position));
                        }
                    }
                }
                // Dotted keys (`intents.a.title = …`) are written in key order.
                None => section.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get()))),
            }
        }
        // `intents = { a = {…}, b = {…} }` is written in key order too.
        Some(Item::Value(Value::InlineTable(section))) => {
            section.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
        }
        _ => {}
    }
}

/// Takes a node's table out of the file. The comment above the first table
/// of a section introduces the section (the starter's "# Options (epics):
/// …"), not that node, so it stays where it was: above the table that now
/// follows, or at the end of the file.
pub(super) fn remove_node(doc: &mut DocumentMut, node: &Node) {
    let first = first_position_in(doc, node.level);
    let removed = match node.level {
        Level::Vision => doc.remove("vision"),
        level => doc
            .get_mut(level.table())
            .and_then(Item::as_table_like_mut)
            .and_then(|section| section.remove(&node.id)),
    };
    let Some(Item::Table(table)) = removed else {
        return;
    };
    let Some(position) = table.position().filter(|&p| Some(p) == first) else {
        return;
    };
    let comment = table
        .decor()
        .prefix()
        .and_then(|raw| raw.as_str())
        .unwrap_or("");
    if !comment.contains('#') {
        return;
    }
    let mut next = None;
    for_each_table(doc, &mut |t| {
        if let Some(p) = t.position().filter(|&p| p > position) {
            next = Some(next.map_or(p, |n: isize| n.min(p)));
        }
    });
    let mut placed = false;
    if let Some(next) = next {
        for_each_table(doc, &mut |t| {
            if !placed && t.position() == Some(next) {
                let own = t
                    .decor()
                    .prefix()
                    .and_then(|raw| raw.as_str())
                    .unwrap_or("");
                let joined = format!("{comment}{own}");
                t.decor_mut().set_prefix(joined);
                placed = true;
            }
        });
    }
    if !placed {
        let trailer = doc.trailing().as_str().unwrap_or("").to_owned();
        doc.set_trailing(format!("{}{trailer}", comment.trim_end_matches(' ')));
    }
}

/// The position of the first header table of `level`'s section.
fn first_position_in(doc: &DocumentMut, level: Level) -> Option<isize> {
    let item = doc.get(level.table())?;
    if level == Level::Vision {
        return item.as_table().and_then(Table::position);
    }
    let mut first: Option<isize> = None;
    for (_, child) in item.as_table()?.iter() {
        if let Some(p) = child.as_table().and_then(Table::position) {
            first = Some(first.map_or(p, |f| f.min(p)));
        }
    }
    first
}

/// Calls `f` on every table of the document, at any depth.
fn for_each_table(doc: &mut DocumentMut, f: &mut dyn FnMut(&mut Table)) {
    fn walk(item: &mut Item, f: &mut dyn FnMut(&mut Table)) {
        match item {
            Item::Table(table) => {
                f(table);
                for (_, child) in table.iter_mut() {
                    walk(child, f);
                }
            }
            Item::ArrayOfTables(tables) => {
                for table in tables.iter_mut() {
                    f(table);
                    for (_, child) in table.iter_mut() {
                        walk(child, f);
                    }
                }
            }
            _ => {}
        }
    }
    for (_, item) in doc.as_table_mut().iter_mut() {
        walk(item, f);
    }
}

/// Adds a new node's table after the last table of its section, so the file
/// keeps its vision, intents, initiatives, options layout.
pub(super) fn append_node(doc: &mut DocumentMut, node: &Node) {
    let mut table = Table::new();
    fill_new_table(&mut table, node);
    let position = last_position_in(doc, node.level).map(|p| p + 1);
    if let Some(at) = position {
        shift_positions_from(doc, at);
        table.set_position(Some(at));
    } else {
        // The table goes after everything, so after the comments that end
        // the file (a deleted section's introduction, kept by `remove_node`):
        // they are written above it, where they were.
        let trailer = doc.trailing().as_str().unwrap_or("").to_owned();
        if trailer.contains('#') {
            doc.set_trailing("");
            table.decor_mut().set_prefix(trailer);
        }
    }
    if node.level == Level::Vision {
        doc.insert("vision", Item::Table(table));
        return;
    }
    let section = doc.entry(node.level.table()).or_insert_with(|| {
        let mut implicit = Table::new();
        implicit.set_implicit(true);
        Item::Table(implicit)
    });
    if let Some(section) = section.as_table_like_mut() {
        section.insert(&node.id, Item::Table(table));
    }
}

fn fill_new_table(table: &mut Table, node: &Node) {
    let doc = &node.doc;
    set_text(table, "title", &doc.title);
    set_text(table, "owner", &doc.owner);
    table.insert("status", Item::Value(Value::from(doc.status.as_str())));
    if let Some(h) = doc.horizon {
        table.insert("horizon", Item::Value(Value::from(h.to_string())));
    }
    if let (Some(key), Some(parent)) = (node.level.parent_key(), &node.parent_ref) {
        table.insert(key, Item::Value(text_value(parent)));
    }
    set_text(table, "today", &doc.today);
    set_text(table, "future", &doc.future);
    patch_strings(table, "will_not", &doc.will_not);
    set_or_remove_array(
        table,
        "metrics",
        doc.metrics.iter().map(metric_value).collect(),
    );
    set_text(table, "notes", &doc.notes);
    patch_strings(table, "tracker", &node.tracker);
    patch_strings(table, "links", &node.links);
    set_or_remove_array(table, "allow", node.allow.iter().map(allow_value).collect());
    review::patch_reviews(table, &node.reviews);
    checkin::patch_checkins(table, &node.checkins);
    if let Some(weight) = node.weight {
        table.insert("weight", Item::Value(weight_value(weight)));
    }
}

fn last_position_in(doc: &DocumentMut, level: Level) -> Option<isize> {
    let item = doc.get(level.table())?;
    let mut last = None;
    collect_positions(item, &mut |p| last = last.max(Some(p)));
    last
}

fn collect_positions(item: &Item, f: &mut dyn FnMut(isize)) {
    match item {
        Item::Table(table) => {
            if let Some(p) = table.position() {
                f(p);
            }
            for (_, child) in table.iter() {
                collect_positions(child, f);
            }
        }
        Item::ArrayOfTables(tables) => {
            for table in tables.iter() {
                if let Some(p) = table.position() {
                    f(p);
                }
                for (_, child) in table.iter() {
                    collect_positions(child, f);
                }
            }
        }
        _ => {}
    }
}

fn shift_positions_from(doc: &mut DocumentMut, from: isize) {
    fn shift(item: &mut Item, from: isize) {
        let bump = |t: &mut Table| {
            if let Some(p) = t.position()
                && p >= from
            {
                t.set_position(Some(p + 1));
            }
        };
        match item {
            Item::Table(table) => {
                bump(table);
                for (_, child) in table.iter_mut() {
                    shift(child, from);
                }
            }
            Item::ArrayOfTables(tables) => {
                for table in tables.iter_mut() {
                    bump(table);
                    for (_, child) in table.iter_mut() {
                        shift(child, from);
                    }
                }
            }
            _ => {}
        }
    }
    for (_, item) in doc.as_table_mut().iter_mut() {
        shift(item, from);
    }
}
