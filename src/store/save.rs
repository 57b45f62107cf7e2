//! Saving by patching: the original text is re-read with `toml_edit` and only
//! what changed is rewritten, so comments, key order and untouched nodes stay
//! byte-identical and a git diff shows exactly the edit.

mod list;
mod review;

use list::{match_entries, patch_list, set_or_remove_array};

use toml_edit::{ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::toml_string::text_value;
use crate::model::{Allow, Level, Metric, Node, NodeId, Strategy};

/// Applies the differences between `baseline` (what `original` was loaded
/// into) and `current` to `original`, returning the new file text.
///
/// Nodes are matched by [`NodeId`]: `current` is `baseline` after edits, so an
/// id present in both is the same node, even if it was renamed.
pub fn patch(original: &str, baseline: &Strategy, current: &Strategy) -> Result<String, String> {
    if baseline == current {
        return Ok(original.to_owned());
    }
    let mut doc: DocumentMut = original.parse().map_err(|e: toml_edit::TomlError| {
        format!("the file no longer parses as TOML: {}", e.message())
    })?;

    if baseline.company != current.company {
        let company = doc
            .entry("company")
            .or_insert_with(|| Item::Table(Table::new()));
        if let Some(table) = company.as_table_like_mut() {
            set_text(table, "name", &current.company);
        }
    }
    if baseline.as_of != current.as_of {
        match current.as_of {
            Some(date) => set_value(doc.as_table_mut(), "as_of", Value::from(date.to_string())),
            None => {
                doc.remove("as_of");
            }
        }
    }

    for (id, old) in baseline.iter() {
        if current.get(id).is_none() {
            remove_node(&mut doc, old);
        }
    }
    rename_nodes(&mut doc, baseline, current)?;
    for (id, new) in current.iter() {
        match baseline.get(id) {
            Some(old) if old == new => {}
            Some(old) => patch_existing(&mut doc, old, new)?,
            None => append_node(&mut doc, new),
        }
    }
    for level in [Level::Intent, Level::Initiative, Level::Option] {
        reorder_section(&mut doc, current, level);
    }
    let patched = doc.to_string();
    Ok(if uses_crlf(original) {
        to_crlf(&patched)
    } else {
        patched
    })
}

/// A file written on Windows keeps its line endings, so git shows only the edit.
pub(super) fn uses_crlf(text: &str) -> bool {
    text.find('\n').is_some_and(|i| text[..i].ends_with('\r'))
}

fn to_crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    let mut previous = '\0';
    for c in text.chars() {
        if c == '\n' && previous != '\r' {
            out.push('\r');
        }
        out.push(c);
        previous = c;
    }
    out
}

fn node_table<'d>(
    doc: &'d mut DocumentMut,
    level: Level,
    id: &str,
) -> Option<&'d mut dyn TableLike> {
    let item = doc.get_mut(level.table())?;
    let item = match level {
        Level::Vision => item,
        _ => item.as_table_like_mut()?.get_mut(id)?,
    };
    item.as_table_like_mut()
}

fn patch_existing(doc: &mut DocumentMut, old: &Node, new: &Node) -> Result<(), String> {
    let table = node_table(doc, new.level, &new.id)
        .ok_or_else(|| format!("{} is no longer in the file", new.key()))?;
    let (a, b) = (&old.doc, &new.doc);
    for (key, before, after) in [
        ("title", &a.title, &b.title),
        ("owner", &a.owner, &b.owner),
        ("today", &a.today, &b.today),
        ("future", &a.future, &b.future),
        ("notes", &a.notes, &b.notes),
    ] {
        if before != after {
            set_text(table, key, after);
        }
    }
    if a.status != b.status {
        set_value(table, "status", Value::from(b.status.as_str()));
    }
    if a.horizon != b.horizon {
        match b.horizon {
            Some(h) => set_value(table, "horizon", Value::from(h.to_string())),
            None => {
                table.remove("horizon");
            }
        }
    }
    if let Some(parent_key) = new.level.parent_key()
        && old.parent_ref != new.parent_ref
    {
        match &new.parent_ref {
            Some(parent) => set_value(table, parent_key, text_value(parent)),
            None => {
                table.remove(parent_key);
            }
        }
    }
    if a.will_not != b.will_not {
        patch_strings(table, "will_not", &b.will_not);
    }
    if a.metrics != b.metrics {
        patch_metrics(table, &b.metrics);
    }
    if old.reviews != new.reviews {
        review::patch_reviews(table, &new.reviews);
    }
    if old.allow != new.allow {
        let same_rule = |a: &Allow, b: &Allow| a.rule == b.rule;
        patch_list(
            table,
            "allow",
            &new.allow,
            read_allow,
            same_rule,
            allow_value,
            |slot, _, after| {
                *slot = allow_value(after);
            },
        );
    }
    Ok(())
}

/// Sets a text field, or removes its key when the text is now empty.
fn set_text(table: &mut dyn TableLike, key: &str, text: &str) {
    if text.is_empty() {
        table.remove(key);
    } else {
        set_value(table, key, text_value(text));
    }
}

/// Replaces a value but keeps the whitespace and comment around it.
fn set_value(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        Some(item) => *item = Item::Value(value),
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Updates a list of strings so that items which survive keep their layout
/// (one per line, comments, trailing comma): see [`patch_list`].
fn patch_strings(table: &mut dyn TableLike, key: &str, items: &[String]) {
    let read = |v: &Value| v.as_str().map(str::to_owned);
    let never = |_: &String, _: &String| false;
    patch_list(
        table,
        key,
        items,
        read,
        never,
        |s| text_value(s),
        |slot, _, new| {
            let decor = slot.decor().clone();
            *slot = text_value(new);
            *slot.decor_mut() = decor;
        },
    );
}

fn patch_metrics(table: &mut dyn TableLike, new: &[Metric]) {
    let same_metric = |a: &Metric, b: &Metric| a.name == b.name;
    if let Some(Item::ArrayOfTables(tables)) = table.get_mut("metrics") {
        if new.is_empty() {
            table.remove("metrics");
        } else {
            patch_metric_tables(tables, new, same_metric);
        }
        return;
    }
    patch_list(
        table,
        "metrics",
        new,
        read_metric_value,
        same_metric,
        metric_value,
        |slot, before, after| {
            if let Some(entry) = slot.as_inline_table_mut() {
                patch_metric(entry, before, after);
            } else {
                *slot = metric_value(after);
            }
        },
    );
}

/// Metrics written as `[[….metrics]]` tables stay tables: each surviving
/// metric keeps its table (comments, unknown keys, place), an edited one is
/// patched in place, and a new one is added after the last.
fn patch_metric_tables(
    tables: &mut ArrayOfTables,
    new: &[Metric],
    same_metric: impl Fn(&Metric, &Metric) -> bool,
) {
    let old: Vec<Table> = tables.iter().cloned().collect();
    let readings: Vec<Option<Metric>> = old.iter().map(|t| read_metric(t)).collect();
    let (chosen, _) = match_entries(&readings, new, same_metric);
    let last_position = old.iter().filter_map(Table::position).max();
    let mut rebuilt = ArrayOfTables::new();
    for (metric, choice) in new.iter().zip(&chosen) {
        let table = match choice.and_then(|i| Some((old[i].clone(), readings[i].clone()?))) {
            Some((table, before)) if before == *metric => table,
            Some((mut table, before)) => {
                patch_metric(&mut table, &before, metric);
                table
            }
            None => {
                let mut table = Table::new();
                if let Value::InlineTable(entry) = metric_value(metric) {
                    for (key, value) in entry.iter() {
                        table.insert(key, Item::Value(value.clone()));
                    }
                }
                table.set_position(last_position);
                table
            }
        };
        rebuilt.push(table);
    }
    *tables = rebuilt;
}

fn patch_metric(entry: &mut dyn TableLike, before: &Metric, after: &Metric) {
    if before.name != after.name {
        set_value(entry, "name", text_value(&after.name));
    }
    for (key, old, new) in [
        ("baseline", &before.baseline, &after.baseline),
        ("target", &before.target, &after.target),
        ("by", &before.by, &after.by),
    ] {
        if old != new {
            match new {
                Some(text) => set_value(entry, key, text_value(text)),
                None => {
                    entry.remove(key);
                }
            }
        }
    }
}

fn read_allow(value: &Value) -> Option<Allow> {
    let entry = value.as_inline_table()?;
    let text = |key: &str| {
        entry
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    Some(Allow {
        rule: text("rule"),
        reason: text("reason"),
    })
}

fn read_metric_value(value: &Value) -> Option<Metric> {
    read_metric(value.as_inline_table()?)
}

fn read_metric(entry: &dyn TableLike) -> Option<Metric> {
    let text = |key: &str| {
        // Numbers go through the loader's own spelling, so an untouched value compares equal.
        entry.get(key).and_then(Item::as_value).map(|v| match v {
            Value::String(s) => s.value().clone(),
            other => {
                let raw = other.to_string();
                toml::de::DeValue::parse(raw.trim())
                    .ok()
                    .and_then(|parsed| super::schema::number_text(parsed.get_ref()))
                    .unwrap_or_else(|| raw.trim().to_owned())
            }
        })
    };
    Some(Metric {
        name: text("name").unwrap_or_default(),
        baseline: text("baseline"),
        target: text("target"),
        by: text("by"),
    })
}

fn metric_value(metric: &Metric) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("name", text_value(&metric.name));
    for (key, value) in [
        ("baseline", &metric.baseline),
        ("target", &metric.target),
        ("by", &metric.by),
    ] {
        if let Some(text) = value {
            entry.insert(key, text_value(text));
        }
    }
    Value::InlineTable(entry)
}

fn allow_value(allow: &Allow) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("rule", text_value(&allow.rule));
    entry.insert("reason", text_value(&allow.reason));
    Value::InlineTable(entry)
}

/// Gives renamed nodes' tables their new keys. All renamed tables are taken
/// out before any is put back, so swapping two ids, or renaming `b` to `c` and
/// then `a` to `b`, never writes one table over another.
fn rename_nodes(
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

/// True when `a` and `b` hold the same strategy as a reader sees it: the same
/// company and date, and at every level the same nodes in the same order.
/// Arena slots are not compared, so a strategy read back from a saved file
/// can be checked against the one that was saved.
pub fn same_content(a: &Strategy, b: &Strategy) -> bool {
    a.company == b.company
        && a.as_of == b.as_of
        && Level::ALL.into_iter().all(|level| {
            a.at_level(level)
                .map(|id| a.node(id))
                .eq(b.at_level(level).map(|id| b.node(id)))
        })
}

/// Makes the order of a section's tables in the file follow `current`'s file
/// order (siblings moved up or down). Header tables are ordered by their
/// position, so the positions they already have are handed out again in the
/// new order; nothing else in the file moves. Sections written with dotted
/// keys or inline are written in key order, so their keys are sorted.
fn reorder_section(doc: &mut DocumentMut, current: &Strategy, level: Level) {
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

fn remove_node(doc: &mut DocumentMut, node: &Node) {
    match node.level {
        Level::Vision => {
            doc.remove("vision");
        }
        level => {
            if let Some(section) = doc.get_mut(level.table()).and_then(Item::as_table_like_mut) {
                section.remove(&node.id);
            }
        }
    }
}

/// Adds a new node's table after the last table of its section, so the file
/// keeps its vision, intents, initiatives, options layout.
fn append_node(doc: &mut DocumentMut, node: &Node) {
    let mut table = Table::new();
    fill_new_table(&mut table, node);
    let position = last_position_in(doc, node.level).map(|p| p + 1);
    if let Some(at) = position {
        shift_positions_from(doc, at);
        table.set_position(Some(at));
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
    set_or_remove_array(table, "allow", node.allow.iter().map(allow_value).collect());
    review::patch_reviews(table, &node.reviews);
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

/// The nodes of `current` that differ from `baseline`, for "which nodes changed" prompts.
pub fn changed_nodes(baseline: &Strategy, current: &Strategy) -> Vec<NodeId> {
    let mut changed: Vec<NodeId> = current
        .iter()
        .filter(|(id, node)| baseline.get(*id) != Some(*node))
        .map(|(id, _)| id)
        .collect();
    changed.extend(
        baseline
            .iter()
            .filter(|(id, _)| current.get(*id).is_none())
            .map(|(id, _)| id),
    );
    changed
}
