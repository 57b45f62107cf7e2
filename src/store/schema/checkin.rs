//! Reading a node's `checkins` list: one inline table per measurement,
//! every mistake reported at its place like the rest of the schema.

use std::ops::Range;

use super::{Item, SchemaReader};
use crate::model::{CheckIn, Field};
use crate::store::problem::Problem;

const CHECKIN_KEYS: [&str; 5] = ["metric", "on", "value", "note", "source"];

const EXAMPLE: &str = "checkins = [\n  { metric = \"Mid-market win rate\", on = 2026-11-20, value = \"18%\", note = \"…\" },\n]";

impl SchemaReader {
    /// The check-ins of a `checkins` list; a broken one is reported and left out.
    pub(super) fn checkins(&mut self, value: &Item<'_>, path: &str) -> Vec<CheckIn> {
        let Some(items) = self.array(value, path, "an array of tables", EXAMPLE) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            let Some(table) = self.table(item, &item_path, "a table", EXAMPLE) else {
                continue;
            };
            let (mut metric, mut on, mut measured) = (None, None, None);
            let (mut note, mut source) = (String::new(), String::new());
            for (key, value) in table.iter() {
                let key_path = format!("{item_path}.{}", key.get_ref());
                match key.get_ref().as_ref() {
                    "metric" => metric = self.string(value, &key_path),
                    "on" => {
                        on = self.date(
                            value,
                            &key_path,
                            "write the day the value was measured, such as `on = 2026-11-20`",
                        )
                    }
                    "value" => measured = self.metric_value(value, &key_path),
                    "note" => note = self.string(value, &key_path).unwrap_or_default(),
                    "source" => source = self.string(value, &key_path).unwrap_or_default(),
                    _ => self.unknown_key(key, &CHECKIN_KEYS, &format!("in {item_path}")),
                }
            }
            let (Some(metric), Some(on), Some(value)) = (metric.clone(), on, measured.clone())
            else {
                // A key that is there but unreadable has its own error already.
                let missing: Vec<&str> = [
                    ("metric", metric.is_none()),
                    ("on", on.is_none()),
                    ("value", measured.is_none()),
                ]
                .into_iter()
                .filter(|(key, absent)| *absent && !table.contains_key(*key))
                .map(|(key, _)| key)
                .collect();
                if !missing.is_empty() {
                    self.errors
                        .push(missing_keys(item.span(), &item_path, &missing));
                }
                continue;
            };
            self.spans.push((Field::Checkin(out.len()), item.span()));
            out.push(CheckIn {
                metric,
                on,
                value,
                note,
                source,
            });
        }
        out
    }
}

fn missing_keys(span: Range<usize>, path: &str, missing: &[&str]) -> Problem {
    let list = missing
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Problem::error(span, format!("the check-in `{path}` has no {list}"))
        .label("incomplete check-in")
        .help(format!(
            "every check-in names its metric (`metric`), the day (`on`) and the value (`value`); \
             write it like this:\n{EXAMPLE}"
        ))
}
