//! Reading a node's `reviews` list: one inline table per record, every
//! mistake reported at its place like the rest of the schema.

use std::ops::Range;

use super::{Item, SchemaReader};
use toml::de::DeValue;

use super::number_text;
use crate::model::{ActionItem, Closing, Date, Decision, Outcome, Review};
use crate::store::problem::Problem;

const REVIEW_KEYS: [&str; 13] = [
    "by", "on", "decision", "comment", "reason", "question", "with", "minutes", "action", "owner",
    "due", "closes", "outcome",
];

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
            let mut more = More::default();
            for (key, value) in table.iter() {
                let key_path = format!("{item_path}.{}", key.get_ref());
                match key.get_ref().as_ref() {
                    "by" => by = self.string(value, &key_path),
                    "on" => on = self.review_date(value, &key_path),
                    "decision" => decision = self.decision(value, &key_path),
                    "comment" => comment = self.string(value, &key_path).unwrap_or_default(),
                    "reason" => reason = self.string(value, &key_path),
                    "question" => more.question = self.string(value, &key_path),
                    "with" => more.attendees = self.attendees(value, &key_path),
                    "minutes" => more.minutes = self.minutes(value, &key_path),
                    "action" => more.action = self.string(value, &key_path),
                    "owner" => more.owner = self.string(value, &key_path),
                    "due" => more.due = self.due(value, &key_path),
                    "closes" => more.closes = self.string(value, &key_path),
                    "outcome" => more.outcome = self.outcome(value, &key_path),
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
                question: more.question,
                attendees: more.attendees,
                minutes: more.minutes,
                action: more.action.map(|what| ActionItem {
                    what,
                    owner: more.owner.unwrap_or_default(),
                    due: more.due,
                }),
                closes: more.closes.map(|what| Closing {
                    what,
                    outcome: more.outcome.unwrap_or(Outcome::Done),
                }),
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

    /// `with = ["CPO", "VP Sales"]`: who was in the room.
    fn attendees(&mut self, value: &Item<'_>, path: &str) -> Vec<String> {
        let example = "with = [\"CPO\", \"VP Sales\"]";
        let Some(items) = self.array(value, path, "an array of strings", example) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match self.string(item, &format!("{path}[{index}]")) {
                Some(name) => out.push(name),
                None => continue,
            }
        }
        out
    }

    fn minutes(&mut self, value: &Item<'_>, path: &str) -> Option<u32> {
        let minutes = match value.get_ref() {
            DeValue::Integer(_) => {
                number_text(value.get_ref()).and_then(|t| t.replace('_', "").parse::<u32>().ok())
            }
            _ => None,
        };
        if minutes.is_none() {
            self.errors.push(
                Problem::error(
                    value.span(),
                    format!("`{path}` must be a whole number of minutes"),
                )
                .label("not minutes")
                .help("write the minutes the meeting spent on the node, such as `minutes = 4`"),
            );
        }
        minutes
    }

    fn due(&mut self, value: &Item<'_>, path: &str) -> Option<Date> {
        self.date(
            value,
            path,
            "write the day the action item is due, such as `due = 2026-12-15`",
        )
    }

    fn outcome(&mut self, value: &Item<'_>, path: &str) -> Option<Outcome> {
        let names = Outcome::ALL.map(Outcome::as_str);
        self.keyword(value, path, "outcome = \"done\"", "outcome", &names)
            .and_then(Outcome::parse)
    }

    fn decision(&mut self, value: &Item<'_>, path: &str) -> Option<Decision> {
        let names = Decision::ALL.map(Decision::as_str);
        self.keyword(value, path, "decision = \"approve\"", "decision", &names)
            .and_then(Decision::parse)
    }
}

/// The keys a record may carry beyond the three it needs.
#[derive(Default)]
struct More {
    question: Option<String>,
    attendees: Vec<String>,
    minutes: Option<u32>,
    action: Option<String>,
    owner: Option<String>,
    due: Option<Date>,
    closes: Option<String>,
    outcome: Option<Outcome>,
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
