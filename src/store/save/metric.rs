//! Metrics in the file: read back from `toml_edit` for comparing, written
//! anew, and patched in place, whether the file keeps them as an inline
//! list or as `[[….metrics]]` tables.

use toml_edit::{ArrayOfTables, InlineTable, Item, Table, TableLike, Value};

use super::list::{match_entries, patch_list};
use super::set_value;
use crate::model::{Date, Metric};
use crate::store::toml_string::text_value;

pub(super) fn patch_metrics(table: &mut dyn TableLike, new: &[Metric]) {
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
    if before.start != after.start {
        match after.start {
            Some(day) => set_value(entry, "start", date_value(day)),
            None => {
                entry.remove("start");
            }
        }
    }
}

/// A day as a TOML date (`2026-11-20`), as strata writes `on` and `start`.
pub(super) fn date_value(day: Date) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: day.year as u16,
            month: day.month,
            day: day.day,
        }),
        time: None,
        offset: None,
    })
}

/// A day written as a TOML date or a `YYYY-MM-DD` string (or, for a
/// metric's `start`, a `YYYY-MM` or `YYYY` string: its first day).
pub(super) fn read_date(value: &Value) -> Option<Date> {
    match value {
        Value::Datetime(dt) => {
            let date = dt.value().date?;
            Date::new(i32::from(date.year), date.month, date.day)
        }
        Value::String(s) => Date::parse(s.value())
            .or_else(|| crate::model::Horizon::parse(s.value()).map(|h| h.first_day())),
        _ => None,
    }
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
                    .and_then(|parsed| crate::store::schema::number_text(parsed.get_ref()))
                    .unwrap_or_else(|| raw.trim().to_owned())
            }
        })
    };
    Some(Metric {
        name: text("name").unwrap_or_default(),
        baseline: text("baseline"),
        target: text("target"),
        by: text("by"),
        start: entry
            .get("start")
            .and_then(Item::as_value)
            .and_then(read_date),
    })
}

pub(super) fn metric_value(metric: &Metric) -> Value {
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
    if let Some(day) = metric.start {
        entry.insert("start", date_value(day));
    }
    Value::InlineTable(entry)
}
