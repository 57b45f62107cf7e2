//! Saving by patching: the original text is re-read with `toml_edit` and only
//! what changed is rewritten, so comments, key order and untouched nodes stay
//! byte-identical and a git diff shows exactly the edit.

mod review;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

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

/// Rewrites the array at `key` to hold `items`, reusing the old entries:
/// an item equal to an old entry keeps that entry's text (decor, comments,
/// unknown keys); an edited item is patched into the old entry it most likely
/// is (`same_entry`, then the same position); only truly new items are written
/// fresh. Nothing the loader did not understand is dropped by adding,
/// removing or reordering items.
#[allow(clippy::too_many_arguments)]
fn patch_list<T: PartialEq + Clone>(
    table: &mut dyn TableLike,
    key: &str,
    items: &[T],
    read: impl Fn(&Value) -> Option<T>,
    same_entry: impl Fn(&T, &T) -> bool,
    fresh: impl Fn(&T) -> Value,
    patch_in_place: impl Fn(&mut Value, &T, &T),
) {
    let Some(array) = table.get_mut(key).and_then(Item::as_array_mut) else {
        set_or_remove_array(table, key, items.iter().map(&fresh).collect());
        return;
    };
    let old: Vec<(Value, Option<T>)> = array.iter().map(|v| (v.clone(), read(v))).collect();
    let readings: Vec<Option<T>> = old.iter().map(|(_, reading)| reading.clone()).collect();
    let (chosen, used) = match_entries(&readings, items, &same_entry);
    if items.is_empty() {
        table.remove(key);
        return;
    }
    if old.is_empty() {
        // `key = []`: nothing to keep but the key's own decor.
        set_or_remove_array(table, key, items.iter().map(&fresh).collect());
        return;
    }
    let unchanged =
        chosen.iter().enumerate().all(|(i, c)| *c == Some(i)) && items.len() == old.len();
    // A new item is laid out like the last item on a line of its own (like
    // the others in a one-line list) but takes none of their comments.
    let layout = old
        .iter()
        .rev()
        .map(|(value, _)| prefix_of(value))
        .find(|prefix| prefix.contains('\n'))
        .or_else(|| old.last().map(|(value, _)| prefix_of(value)))
        .map(|prefix| indent_of(&prefix));
    let mut values: Vec<Value> = items
        .iter()
        .zip(&chosen)
        .map(|(item, choice)| match choice {
            Some(i) => {
                let (mut value, before) = old[*i].clone();
                match before {
                    Some(before) if before == *item => {}
                    Some(before) => patch_in_place(&mut value, &before, item),
                    None => value = fresh(item),
                }
                value
            }
            None => {
                let mut value = fresh(item);
                if let Some(layout) = &layout {
                    value.decor_mut().set_prefix(layout.clone());
                    value.decor_mut().set_suffix("");
                }
                value
            }
        })
        .collect();
    // In toml_edit an item's prefix holds, on its first line, the comment
    // written after the previous item (`"a", # why a`), then the comment lines
    // about the item itself. When an item goes, its own comments go with it,
    // but the remark about the item before it moves to the item that now
    // follows that one, in place of the remark about the removed item.
    for (removed, _) in old.iter().enumerate().filter(|(i, _)| !used[*i]) {
        let Some(at) = chosen.iter().position(|c| *c == Some(removed + 1)) else {
            continue;
        };
        let gone = prefix_of(&old[removed].0);
        let next = prefix_of(&values[at]);
        if let (Some(a), Some(b)) = (gone.find('\n'), next.find('\n')) {
            let joined = format!("{}{}", &gone[..=a], &next[b + 1..]);
            values[at].decor_mut().set_prefix(joined);
        }
    }
    if unchanged {
        for (slot, value) in array.iter_mut().zip(values) {
            *slot = value;
        }
        return;
    }
    let mut trailing = array.trailing().as_str().unwrap_or("").to_owned();
    let mut trailing_comma = array.trailing_comma();
    // Items added after the old last one: what followed that item (a
    // comment on its line, comment lines before `]`) stays with it, above
    // the new items, instead of drifting below them.
    let last_old = old
        .len()
        .checked_sub(1)
        .and_then(|last| chosen.iter().position(|c| *c == Some(last)));
    if let Some(at) = last_old.filter(|&at| at + 1 < values.len() && chosen[at + 1].is_none()) {
        let suffix = values[at]
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_owned();
        let after = if trailing_comma {
            std::mem::take(&mut trailing)
        } else {
            String::new()
        };
        let moved = format!("{suffix}{after}");
        let has_comment = moved.contains('#');
        let multiline = moved.contains('\n') || prefix_of(&values[at]).contains('\n');
        values[at].decor_mut().set_suffix("");
        if has_comment {
            let indent = indent_of(&prefix_of(&values[at]));
            let indent = indent.trim_start_matches('\n');
            let newline = if moved.ends_with('\n') { "" } else { "\n" };
            values[at + 1]
                .decor_mut()
                .set_prefix(format!("{moved}{newline}{indent}"));
        }
        if multiline {
            trailing = "\n".to_owned();
            trailing_comma = true;
        } else if !has_comment {
            // `[ "a", "b" ]`: the space before `]` stays before `]`.
            if let Some(last) = values.last_mut() {
                last.decor_mut().set_suffix(moved);
            }
        }
    }
    let decor = array.decor().clone();
    let mut rebuilt: Array = values.into_iter().collect();
    rebuilt.set_trailing(trailing);
    rebuilt.set_trailing_comma(trailing_comma);
    *rebuilt.decor_mut() = decor;
    *array = rebuilt;
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

/// Which old entry each new item takes over: an equal one wherever it is,
/// else the one it was (`same_entry`, e.g. the same metric name), else the
/// unused one at its position; `None` for a new item. Also which old entries
/// were taken.
fn match_entries<T: PartialEq>(
    old: &[Option<T>],
    items: &[T],
    same_entry: impl Fn(&T, &T) -> bool,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; old.len()];
    let take = |used: &mut Vec<bool>, test: &dyn Fn(&T) -> bool| {
        let found = old
            .iter()
            .enumerate()
            .position(|(i, value)| !used[i] && value.as_ref().is_some_and(test));
        if let Some(i) = found {
            used[i] = true;
        }
        found
    };
    let mut chosen: Vec<Option<usize>> = items
        .iter()
        .map(|item| take(&mut used, &|v| v == item))
        .collect();
    for (item, slot) in items.iter().zip(chosen.iter_mut()) {
        if slot.is_none() {
            *slot = take(&mut used, &|v| same_entry(v, item));
        }
    }
    for (index, slot) in chosen.iter_mut().enumerate() {
        if slot.is_none() && index < old.len() && !used[index] {
            used[index] = true;
            *slot = Some(index);
        }
    }
    (chosen, used)
}

/// The layout part of an item's prefix: `\n` and the indent of its own line
/// when it has one, `" "` or nothing in a one-line list; never a comment.
fn indent_of(prefix: &str) -> String {
    match prefix.rfind('\n') {
        Some(at) => {
            let indent: String = prefix[at + 1..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            format!("\n{indent}")
        }
        None if prefix.trim().is_empty() => prefix.to_owned(),
        None => String::new(),
    }
}

fn prefix_of(value: &Value) -> String {
    value
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_owned()
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
