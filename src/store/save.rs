//! Saving by patching: the original text is re-read with `toml_edit` and only
//! what changed is rewritten, so comments, key order and untouched nodes stay
//! byte-identical and a git diff shows exactly the edit.

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use crate::model::{Allow, Level, Metric, Node, NodeId, Strategy};

/// Applies the differences between `baseline` (what `original` was loaded
/// into) and `current` to `original`, returning the new file text.
///
/// Nodes are matched by [`NodeId`]: `current` is `baseline` after edits, so an
/// id present in both is the same node, even if it was renamed.
pub fn patch(original: &str, baseline: &Strategy, current: &Strategy) -> Result<String, String> {
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
    for (id, new) in current.iter() {
        match baseline.get(id) {
            Some(old) if old == new => {}
            Some(old) => patch_existing(&mut doc, old, new)?,
            None => append_node(&mut doc, new),
        }
    }
    Ok(doc.to_string())
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
    if old.id != new.id {
        rename_node(doc, new.level, &old.id, &new.id)?;
    }
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
            Some(parent) => set_value(table, parent_key, Value::from(parent.as_str())),
            None => {
                table.remove(parent_key);
            }
        }
    }
    if a.will_not != b.will_not {
        patch_strings(table, "will_not", &b.will_not);
    }
    if a.metrics != b.metrics {
        patch_metrics(table, &a.metrics, &b.metrics);
    }
    if old.allow != new.allow {
        set_or_remove_array(table, "allow", new.allow.iter().map(allow_value).collect());
    }
    Ok(())
}

/// Sets a text field, or removes its key when the text is now empty.
fn set_text(table: &mut dyn TableLike, key: &str, text: &str) {
    if text.is_empty() {
        table.remove(key);
    } else {
        set_value(table, key, Value::from(text));
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

/// Updates a list of strings item by item when its length is unchanged, so the
/// array's layout (one item per line, trailing comma, comments) is kept.
fn patch_strings(table: &mut dyn TableLike, key: &str, items: &[String]) {
    if let Some(array) = table.get_mut(key).and_then(Item::as_array_mut)
        && array.len() == items.len()
    {
        for (index, text) in items.iter().enumerate() {
            if array.get(index).and_then(Value::as_str) != Some(text.as_str())
                && let Some(slot) = array.get_mut(index)
            {
                let decor = slot.decor().clone();
                *slot = Value::from(text.as_str());
                *slot.decor_mut() = decor;
            }
        }
        return;
    }
    set_or_remove_array(
        table,
        key,
        items.iter().map(|s| Value::from(s.as_str())).collect(),
    );
}

fn patch_metrics(table: &mut dyn TableLike, old: &[Metric], new: &[Metric]) {
    let same_shape = old.len() == new.len();
    if same_shape && let Some(array) = table.get_mut("metrics").and_then(Item::as_array_mut) {
        for (index, (before, after)) in old.iter().zip(new).enumerate() {
            if before == after {
                continue;
            }
            if let Some(entry) = array.get_mut(index).and_then(Value::as_inline_table_mut) {
                patch_metric(entry, before, after);
            }
        }
        return;
    }
    set_or_remove_array(table, "metrics", new.iter().map(metric_value).collect());
}

fn patch_metric(entry: &mut InlineTable, before: &Metric, after: &Metric) {
    if before.name != after.name {
        set_value(entry, "name", Value::from(after.name.as_str()));
    }
    for (key, old, new) in [
        ("baseline", &before.baseline, &after.baseline),
        ("target", &before.target, &after.target),
        ("by", &before.by, &after.by),
    ] {
        if old != new {
            match new {
                Some(text) => set_value(entry, key, Value::from(text.as_str())),
                None => {
                    entry.remove(key);
                }
            }
        }
    }
}

fn set_or_remove_array(table: &mut dyn TableLike, key: &str, values: Vec<Value>) {
    if values.is_empty() {
        table.remove(key);
        return;
    }
    let multiline = values.len() > 1;
    let mut array: Array = values.into_iter().collect();
    if multiline {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n    ");
        }
        array.set_trailing(",\n");
        array.set_trailing_comma(false);
    }
    set_value(table, key, Value::Array(array));
}

fn metric_value(metric: &Metric) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("name", Value::from(metric.name.as_str()));
    for (key, value) in [
        ("baseline", &metric.baseline),
        ("target", &metric.target),
        ("by", &metric.by),
    ] {
        if let Some(text) = value {
            entry.insert(key, Value::from(text.as_str()));
        }
    }
    Value::InlineTable(entry)
}

fn allow_value(allow: &Allow) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("rule", Value::from(allow.rule.as_str()));
    entry.insert("reason", Value::from(allow.reason.as_str()));
    Value::InlineTable(entry)
}

fn rename_node(doc: &mut DocumentMut, level: Level, old: &str, new: &str) -> Result<(), String> {
    let section = doc
        .get_mut(level.table())
        .and_then(Item::as_table_like_mut)
        .ok_or_else(|| format!("[{}] is no longer in the file", level.table()))?;
    let item = section
        .remove(old)
        .ok_or_else(|| format!("{}.{old} is no longer in the file", level.table()))?;
    // Header tables keep their place through their position, not map order.
    section.insert(new, item);
    Ok(())
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
        table.insert(key, Item::Value(Value::from(parent.as_str())));
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
