//! Writing `checkins`: one measurement per line. A new check-in is one added
//! line and a corrected one is one changed line; every other line keeps its
//! exact text, so `git log -p` reads as the metric's history.

use toml_edit::{Array, InlineTable, Item, TableLike, Value};

use super::metric::{date_value, read_date};
use super::patch_list;
use crate::model::CheckIn;
use crate::store::toml_string::one_line_value;

/// Makes the `checkins` list at `table` hold `checkins`.
pub(super) fn patch_checkins(table: &mut dyn TableLike, checkins: &[CheckIn]) {
    if let Some(Item::ArrayOfTables(tables)) = table.get_mut("checkins") {
        patch_checkin_tables(tables, checkins);
        if checkins.is_empty() {
            table.remove("checkins");
        }
        return;
    }
    if table
        .get("checkins")
        .and_then(Item::as_array)
        .is_none_or(Array::is_empty)
    {
        if checkins.is_empty() {
            table.remove("checkins");
        } else {
            // `set_value` keeps a comment written after `checkins = []`.
            super::set_value(table, "checkins", Value::Array(one_per_line(checkins)));
        }
        return;
    }
    let Some(array) = table.get_mut("checkins").and_then(Item::as_array_mut) else {
        return;
    };
    spread_one_line_list(array, checkins.len());
    if append(array, checkins) {
        return;
    }
    // A correction or an undo: each entry keeps its text unless it changed;
    // a corrected entry is the one of the same metric and day.
    patch_list(
        table,
        "checkins",
        checkins,
        read_checkin,
        CheckIn::same_slot,
        checkin_value,
        patch_in_place,
    );
}

/// A list written on one line becomes one check-in per line before one is
/// added, so each later check-in is a one-line diff; unless a comment sits
/// in it, which would have nowhere to go.
fn spread_one_line_list(array: &mut Array, new_len: usize) {
    let text = |decor: Option<&toml_edit::RawString>| {
        decor.and_then(|d| d.as_str()).unwrap_or("").to_owned()
    };
    let one_line = !array
        .iter()
        .any(|v| text(v.decor().prefix()).contains('\n'));
    let commented = array
        .iter()
        .any(|v| text(v.decor().prefix()).contains('#') || text(v.decor().suffix()).contains('#'))
        || text(Some(array.trailing())).contains('#');
    if new_len > array.len() && one_line && !commented {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n  ");
            value.decor_mut().set_suffix("");
        }
        array.set_trailing("\n");
        array.set_trailing_comma(true);
    }
}

/// The common case, kept cheap for a long history: the entries in the file
/// are the first of `checkins`, and the rest are added after them on lines
/// of their own. False (nothing changed) when that is not the case, or when
/// a comment after the last entry would end up beside a new one.
fn append(array: &mut Array, checkins: &[CheckIn]) -> bool {
    if checkins.len() <= array.len() {
        return false;
    }
    let kept = array
        .iter()
        .zip(checkins)
        .all(|(value, checkin)| read_checkin(value).as_ref() == Some(checkin));
    let trailing = array.trailing().as_str().unwrap_or("");
    let last_suffix = array
        .iter()
        .last()
        .and_then(|v| v.decor().suffix())
        .and_then(|s| s.as_str())
        .unwrap_or("");
    if !kept || trailing.contains('#') || last_suffix.contains('#') || !array.trailing_comma() {
        return false;
    }
    let prefix = array
        .iter()
        .last()
        .and_then(|v| v.decor().prefix())
        .and_then(|p| p.as_str())
        .unwrap_or("");
    let indent = match prefix.rfind('\n') {
        Some(at) => {
            let spaces: String = prefix[at + 1..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            format!("\n{spaces}")
        }
        None => "\n  ".to_owned(),
    };
    for checkin in &checkins[array.len()..] {
        let mut value = checkin_value(checkin);
        value.decor_mut().set_prefix(indent.clone());
        value.decor_mut().set_suffix("");
        array.push_formatted(value);
    }
    true
}

/// A corrected check-in changes only the keys that changed, in place.
fn patch_in_place(slot: &mut Value, before: &CheckIn, after: &CheckIn) {
    let Some(entry) = slot.as_inline_table_mut() else {
        *slot = checkin_value(after);
        return;
    };
    if before.metric != after.metric {
        super::set_value(entry, "metric", one_line_value(&after.metric));
    }
    if before.on != after.on {
        super::set_value(entry, "on", date_value(after.on));
    }
    if before.value != after.value {
        super::set_value(entry, "value", one_line_value(&after.value));
    }
    for (key, old, new) in [
        ("note", &before.note, &after.note),
        ("source", &before.source, &after.source),
    ] {
        if old != new {
            if new.is_empty() {
                entry.remove(key);
            } else {
                super::set_value(entry, key, one_line_value(new));
            }
        }
    }
}

/// Check-ins written as `[[node.checkins]]` tables stay tables: those kept
/// keep their text, a changed one is written anew in its place, new ones
/// go after the last.
fn patch_checkin_tables(tables: &mut toml_edit::ArrayOfTables, checkins: &[CheckIn]) {
    let old: Vec<toml_edit::Table> = tables.iter().cloned().collect();
    let position = old.iter().filter_map(toml_edit::Table::position).max();
    let mut rebuilt = toml_edit::ArrayOfTables::new();
    for (index, checkin) in checkins.iter().enumerate() {
        let kept = old
            .get(index)
            .filter(|t| read_table(t).as_ref() == Some(checkin))
            .cloned();
        let table = kept.unwrap_or_else(|| {
            let mut table = toml_edit::Table::new();
            if let Value::InlineTable(entry) = checkin_value(checkin) {
                for (key, value) in entry.iter() {
                    table.insert(key, Item::Value(value.clone()));
                }
            }
            table.set_position(old.get(index).and_then(|t| t.position()).or(position));
            table
        });
        rebuilt.push(table);
    }
    *tables = rebuilt;
}

/// A new list, laid out as `[\n  {…},\n  {…},\n]`.
fn one_per_line(checkins: &[CheckIn]) -> Array {
    let mut array: Array = checkins.iter().map(checkin_value).collect();
    for value in array.iter_mut() {
        value.decor_mut().set_prefix("\n  ");
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
}

/// One check-in as an inline table on one line; line breaks in the text are
/// written as `\n` escapes so a check-in never spans lines.
pub(super) fn checkin_value(checkin: &CheckIn) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("metric", one_line_value(&checkin.metric));
    entry.insert("on", date_value(checkin.on));
    entry.insert("value", one_line_value(&checkin.value));
    if !checkin.note.is_empty() {
        entry.insert("note", one_line_value(&checkin.note));
    }
    if !checkin.source.is_empty() {
        entry.insert("source", one_line_value(&checkin.source));
    }
    Value::InlineTable(entry)
}

fn read_checkin(value: &Value) -> Option<CheckIn> {
    read_entry(value.as_inline_table()?)
}

fn read_table(table: &toml_edit::Table) -> Option<CheckIn> {
    read_entry(table)
}

fn read_entry(entry: &dyn TableLike) -> Option<CheckIn> {
    let value = |key: &str| entry.get(key).and_then(Item::as_value);
    let text = |key: &str| value(key).and_then(Value::as_str).map(str::to_owned);
    // A number reads as the loader spells it, so an untouched value compares equal.
    let measured = match value("value")? {
        Value::String(s) => s.value().clone(),
        other => {
            let raw = other.to_string();
            toml::de::DeValue::parse(raw.trim())
                .ok()
                .and_then(|parsed| crate::store::schema::number_text(parsed.get_ref()))
                .unwrap_or_else(|| raw.trim().to_owned())
        }
    };
    let on = match value("on")? {
        Value::String(s) => crate::model::Date::parse(s.value())?,
        other => read_date(other)?,
    };
    Some(CheckIn {
        metric: text("metric")?,
        on,
        value: measured,
        note: text("note").unwrap_or_default(),
        source: text("source").unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn a_checkin_stays_on_one_line_whatever_the_text() {
        let checkin = CheckIn {
            metric: "Win \"rate\"".into(),
            on: Date::new(2026, 11, 20).unwrap(),
            value: "18%".into(),
            note: "two\nlines\u{1b}[31m".into(),
            source: "CRM".into(),
        };
        let written = checkin_value(&checkin).to_string();
        assert!(!written.contains('\n'), "{written}");
        assert_eq!(
            written,
            r#"{ metric = "Win \"rate\"", on = 2026-11-20, value = "18%", note = "two\nlines\u001B[31m", source = "CRM" }"#
        );
        let parsed: Value = written.parse().unwrap();
        assert_eq!(read_checkin(&parsed), Some(checkin));
    }
}
