//! Reading a node's `reviews` list: one inline table per record, every
//! mistake reported at its place like the rest of the schema.

use std::ops::Range;

use super::{Item, SchemaReader};
use crate::model::{Date, Decision, Review};
use crate::store::problem::Problem;

const REVIEW_KEYS: [&str; 5] = ["by", "on", "decision", "comment", "reason"];

const EXAMPLE: &str = "reviews = [\n  { by = \"Dana Okafor\", on = 2026-11-22, decision = \"approve\", comment = \"…\" },\n]";

impl SchemaReader {
    /// The records of a `reviews` list; a broken record is reported and left out.
    pub(super) fn reviews(&mut self, value: &Item<'_>, path: &str) -> Vec<Review> {
        let Some(items) = self.array(value, path, "an array of tables", EXAMPLE) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            let Some(table) = self.table(item, &item_path, "a table", EXAMPLE) else {
                continue;
            };
            let (mut by, mut on, mut decision) = (None, None, None);
            let (mut comment, mut reason) = (String::new(), None);
            for (key, value) in table.iter() {
                let key_path = format!("{item_path}.{}", key.get_ref());
                match key.get_ref().as_ref() {
                    "by" => by = self.string(value, &key_path),
                    "on" => on = self.review_date(value, &key_path),
                    "decision" => decision = self.decision(value, &key_path),
                    "comment" => comment = self.string(value, &key_path).unwrap_or_default(),
                    "reason" => reason = self.string(value, &key_path),
                    _ => self.unknown_key(key, &REVIEW_KEYS, &format!("in {item_path}")),
                }
            }
            let (Some(by), Some(on), Some(decision)) = (by.clone(), on, decision) else {
                // A key that is there but unreadable has its own error already.
                let missing: Vec<&str> = [
                    ("by", by.is_none()),
                    ("on", on.is_none()),
                    ("decision", decision.is_none()),
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
            out.push(Review {
                by,
                on,
                decision,
                comment,
                reason,
            });
        }
        out
    }

    fn review_date(&mut self, value: &Item<'_>, path: &str) -> Option<Date> {
        self.date(
            value,
            path,
            "write the day the review was recorded, such as `on = 2026-11-22`",
        )
    }

    fn decision(&mut self, value: &Item<'_>, path: &str) -> Option<Decision> {
        let names = Decision::ALL.map(Decision::as_str);
        self.keyword(value, path, "decision = \"approve\"", "decision", &names)
            .and_then(Decision::parse)
    }
}

fn missing_keys(span: Range<usize>, path: &str, missing: &[&str]) -> Problem {
    let list = missing
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Problem::error(span, format!("the review record `{path}` has no {list}"))
        .label("incomplete review")
        .help(format!(
            "every review names who (`by`), when (`on`) and what (`decision`); write it like this:\n{EXAMPLE}"
        ))
}
