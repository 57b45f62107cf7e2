//! Saving by patching: the original text is re-read with `toml_edit` and only
//! what changed is rewritten, so comments, key order and untouched nodes stay
//! byte-identical and a git diff shows exactly the edit.

mod checkin;
mod layout;
mod list;
mod metric;
mod review;

use layout::{append_node, remove_node, rename_nodes, reorder_section};
use list::patch_list;
use metric::patch_metrics;

use toml_edit::{DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::toml_string::text_value;
use crate::model::{Allow, Level, Node, NodeId, Strategy};

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
    if old.checkins != new.checkins {
        checkin::patch_checkins(table, &new.checkins);
    }
    if old.weight != new.weight {
        match new.weight {
            Some(weight) => set_value(table, "weight", weight_value(weight)),
            None => {
                table.remove("weight");
            }
        }
    }
    if old.tracker != new.tracker {
        patch_strings(table, "tracker", &new.tracker);
    }
    if old.links != new.links {
        patch_strings(table, "links", &new.links);
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

/// A weight as written: a whole number as an integer (`weight = 2`).
fn weight_value(weight: f64) -> Value {
    if weight.fract() == 0.0 && weight.abs() < 1e15 {
        Value::from(weight as i64)
    } else {
        Value::from(weight)
    }
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
            // In an inline table the space before `}` is the last value's
            // suffix: it moves to the new last value (`by = "…", start = … }`).
            let last = table
                .iter_mut()
                .last()
                .and_then(|(_, item)| item.as_value_mut());
            if let Some(last) = last {
                let suffix = last
                    .decor()
                    .suffix()
                    .and_then(|s| s.as_str())
                    .unwrap_or("")
                    .to_owned();
                if !suffix.is_empty() && suffix.trim().is_empty() && !suffix.contains('\n') {
                    last.decor_mut().set_suffix("");
                    value.decor_mut().set_suffix(suffix);
                }
            }
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

fn allow_value(allow: &Allow) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("rule", text_value(&allow.rule));
    entry.insert("reason", text_value(&allow.reason));
    Value::InlineTable(entry)
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
