//! From parsed TOML (with spans) to the model: every key checked, every
//! mistake reported with its place, unknown keys kept and warned about.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

mod checkin;
mod fields;
mod review;
mod top;
mod tracker;

use super::SourceMap;
use super::problem::Problem;
use crate::model::{Date, Field, Level, Node, Strategy};
use crate::suggest::did_you_mean;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: i64 = 1;

const TOP_KEYS: [&str; 8] = [
    "version",
    "as_of",
    "company",
    "vision",
    "intents",
    "initiatives",
    "options",
    "lint",
];
const DOC_KEYS: [&str; 15] = [
    "title", "owner", "status", "horizon", "today", "future", "will_not", "metrics", "notes",
    "allow", "reviews", "checkins", "weight", "tracker", "links",
];
const METRIC_KEYS: [&str; 5] = ["name", "baseline", "target", "by", "start"];

/// Walks a parsed file into a [`Strategy`], collecting problems as it goes.
pub(super) struct SchemaReader {
    pub strategy: Strategy,
    pub source: SourceMap,
    pub errors: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub lint: toml::Table,
    /// Spans of the node being read; recorded once the node has its id.
    spans: Vec<(Field, Range<usize>)>,
    /// The file ends its lines with CRLF (see [`SchemaReader::text`]).
    crlf: bool,
    /// The file is one of several in a directory, so it need not hold the vision.
    vision_optional: bool,
    /// The text is one table cut out of a file, so `version` is elsewhere.
    version_elsewhere: bool,
}

type Item<'i> = Spanned<DeValue<'i>>;

impl SchemaReader {
    pub fn new(crlf: bool) -> Self {
        SchemaReader {
            crlf,
            vision_optional: false,
            version_elsewhere: false,
            strategy: Strategy::default(),
            source: SourceMap::default(),
            errors: Vec::new(),
            warnings: Vec::new(),
            lint: toml::Table::new(),
            spans: Vec::new(),
        }
    }

    /// A reader for one file of a directory: a file without `[vision]` is
    /// fine when it holds levels or a `version`.
    pub fn for_part(crlf: bool) -> Self {
        SchemaReader {
            vision_optional: true,
            ..SchemaReader::new(crlf)
        }
    }

    /// A reader for one table cut out of a file (the language server re-reads
    /// only the table that changed): as [`SchemaReader::for_part`], without
    /// the warning about a missing `version`, which is at the file's top.
    pub fn for_table(crlf: bool) -> Self {
        SchemaReader {
            version_elsewhere: true,
            ..SchemaReader::for_part(crlf)
        }
    }

    /// A day, as a TOML date (`2026-11-22`) or a string holding one; else
    /// an error at `item` saying "`path` must be a date", with `help`.
    pub(super) fn date(&mut self, item: &Item<'_>, path: &str, help: &str) -> Option<Date> {
        let date = match item.get_ref() {
            DeValue::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => dt
                .date
                .and_then(|d| Date::new(i32::from(d.year), d.month, d.day)),
            DeValue::String(s) => Date::parse(s),
            _ => None,
        };
        if date.is_none() {
            self.errors.push(
                Problem::error(item.span(), format!("`{path}` must be a date"))
                    .label("not a date")
                    .help(help.to_owned()),
            );
        }
        date
    }

    fn read_vision(&mut self, root: &DeTable<'_>, item: &Item<'_>) {
        match item.get_ref() {
            DeValue::Table(table) => {
                let key_span = root
                    .get_key_value("vision")
                    .map_or(item.span(), |(k, _)| k.span());
                self.read_node(Level::Vision, "vision", key_span, table);
            }
            DeValue::Array(visions) => self.errors.push(
                Problem::error(
                    item.span(),
                    format!(
                        "a strategy has exactly one vision; this file has {}",
                        visions.len()
                    ),
                )
                .label("second vision")
                .help(
                    "keep one `[vision]` table; put other ideas in its notes, or make them intents",
                ),
            ),
            other => self.errors.push(wrong_type(
                item.span(),
                "vision",
                "a table",
                other,
                "[vision]\ntitle = \"…\"",
            )),
        }
    }

    fn read_level(&mut self, level: Level, item: &Item<'_>) {
        let table_name = level.table();
        let example = format!("[{table_name}.some-id]\ntitle = \"…\"");
        let Some(table) = self.table(item, table_name, "a table of tables", &example) else {
            return;
        };
        for (key, value) in table.iter() {
            let id = key.get_ref().as_ref();
            match value.get_ref() {
                DeValue::Table(node) => self.read_node(level, id, key.span(), node),
                other => {
                    let example = format!("[{table_name}.{id}]\ntitle = \"…\"");
                    self.errors.push(wrong_type(
                        value.span(),
                        &format!("{table_name}.{id}"),
                        "a table",
                        other,
                        &example,
                    ));
                }
            }
        }
    }

    fn read_node(&mut self, level: Level, id: &str, key_span: Range<usize>, table: &DeTable<'_>) {
        self.spans.clear();
        let mut node = Node::new(level, id);
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            if Some(name) == level.parent_key() {
                self.spans.push((Field::Parent, value.span()));
                node.parent_ref = self.string(value, name);
                continue;
            }
            let Some(field) = self.read_field(&mut node, name, value) else {
                let mut known: Vec<&str> = DOC_KEYS.to_vec();
                known.extend(level.parent_key());
                self.unknown_key(key, &known, &format!("in [{}]", node.key()));
                continue;
            };
            self.spans.push((field, value.span()));
        }
        if let Some(parent_key) = level.parent_key()
            && node.parent_ref.is_none()
        {
            self.warnings.push(
                Problem::warning(
                    key_span.clone(),
                    format!("{} names no parent {parent_key}", node.key()),
                )
                .label(format!("no `{parent_key} = …`"))
                .help(format!(
                    "add `{parent_key} = \"<id>\"` so this {} ladders up",
                    level.name()
                )),
            );
        }
        let node_id = self.strategy.push_unlinked(node);
        self.source.set_header(node_id, key_span);
        self.source.set_fields(node_id, self.spans.drain(..));
    }

    /// Reads one known two-pager key into `node`; `None` if the key is unknown.
    fn read_field(&mut self, node: &mut Node, key: &str, value: &Item<'_>) -> Option<Field> {
        let path = format!("{}.{key}", node.key());
        let doc = &mut node.doc;
        let field = match key {
            "title" => (Field::Title, &mut doc.title),
            "owner" => (Field::Owner, &mut doc.owner),
            "today" => (Field::Today, &mut doc.today),
            "future" => (Field::Future, &mut doc.future),
            "notes" => (Field::Notes, &mut doc.notes),
            "status" => {
                doc.status = self.status(value).unwrap_or_default();
                return Some(Field::Status);
            }
            "horizon" => {
                doc.horizon = self.horizon(value);
                return Some(Field::Horizon);
            }
            "will_not" => {
                doc.will_not = self.will_not(value, &path);
                return Some(Field::WillNotList);
            }
            "metrics" => {
                doc.metrics = self.metrics(value, &path);
                return Some(Field::Metrics);
            }
            "allow" => {
                node.allow = self.allow(value, &path);
                return Some(Field::Node);
            }
            "reviews" => {
                node.reviews = self.reviews(value, &path);
                return Some(Field::Node);
            }
            "checkins" => {
                node.checkins = self.checkins(value, &path);
                return Some(Field::Checkins);
            }
            "weight" => {
                node.weight = self.weight(value, &path);
                return Some(Field::Node);
            }
            "tracker" => {
                node.tracker = self.tracker_keys(value, &path);
                return Some(Field::Node);
            }
            "links" => {
                node.links = self.links(value, &path);
                return Some(Field::Node);
            }
            _ => return None,
        };
        if let Some(text) = self.string(value, &path) {
            *field.1 = text;
        }
        Some(field.0)
    }

    fn unknown_key(
        &mut self,
        key: &Spanned<std::borrow::Cow<'_, str>>,
        known: &[&str],
        place: &str,
    ) {
        let name = key.get_ref().as_ref();
        let suggestion = did_you_mean(name, known.iter().copied());
        let help = match suggestion {
            Some(close) => {
                format!("did you mean `{close}`? The key is kept as it is, but strata ignores it")
            }
            None => format!(
                "strata ignores it and keeps it as it is; known keys here: {}",
                known.join(", ")
            ),
        };
        self.warnings.push(
            Problem::warning(key.span(), format!("unknown key `{name}` {place}"))
                .label(if suggestion.is_some() {
                    "possible typo"
                } else {
                    "unknown key"
                })
                .help(help),
        );
    }
}

/// How the model spells a number from the file: an integer in plain decimal
/// (`1_000` and `0x3e8` read "1000"), a float as written (`1.0` stays "1.0").
/// The saver reads untouched values back through this same function, so they
/// compare equal and are never rewritten.
pub(super) fn number_text(value: &DeValue<'_>) -> Option<String> {
    match value {
        DeValue::Integer(n) => Some(
            i64::from_str_radix(&n.as_str().replace('_', ""), n.radix())
                .map_or_else(|_| n.as_str().to_owned(), |v| v.to_string()),
        ),
        DeValue::Float(f) => Some(f.as_str().to_owned()),
        _ => None,
    }
}

fn wrong_type(
    span: Range<usize>,
    path: &str,
    expected: &str,
    found: &DeValue<'_>,
    example: &str,
) -> Problem {
    Problem::error(
        span,
        format!(
            "`{path}` must be {expected}, not {}",
            article(found.type_str())
        ),
    )
    .label(format!("expected {expected}"))
    .help(format!("write it like this:\n{example}"))
}

fn article(type_name: &str) -> String {
    let vowel = type_name.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {type_name}", if vowel { "an" } else { "a" })
}
