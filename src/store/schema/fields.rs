//! Reading the values of a node's fields, each checked for its type and
//! shape, every mistake reported at its place: strings (with the file's
//! line endings), keywords such as the status, the horizon, `will_not`,
//! `metrics` and `allow`.

use toml::de::{DeArray, DeTable, DeValue};

use super::{Item, METRIC_KEYS, SchemaReader, number_text, wrong_type};
use crate::model::{Allow, Field, Horizon, Metric, MetricPart, Status};
use crate::store::problem::Problem;
use crate::suggest::did_you_mean;

impl SchemaReader {
    /// The array at `value`, or a wrong-type error and `None`.
    pub(super) fn array<'v, 'i>(
        &mut self,
        value: &'v Item<'i>,
        path: &str,
        expected: &str,
        example: &str,
    ) -> Option<&'v DeArray<'i>> {
        match value.get_ref() {
            DeValue::Array(items) => Some(items),
            other => {
                self.errors
                    .push(wrong_type(value.span(), path, expected, other, example));
                None
            }
        }
    }

    /// The table at `value`, or a wrong-type error and `None`.
    pub(super) fn table<'v, 'i>(
        &mut self,
        value: &'v Item<'i>,
        path: &str,
        expected: &str,
        example: &str,
    ) -> Option<&'v DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(table) => Some(table),
            other => {
                self.errors
                    .push(wrong_type(value.span(), path, expected, other, example));
                None
            }
        }
    }

    /// A string value as the model keeps it. In a file written with CRLF line
    /// endings, the line breaks inside multi-line strings are the file's
    /// convention, not the writer's text: they read as `\n`, so prose looks
    /// the same in the UI whichever OS saved the file, and a save (which
    /// writes CRLF throughout such a file) reads back unchanged.
    pub(super) fn text(&self, s: &str) -> String {
        if self.crlf && s.contains("\r\n") {
            s.replace("\r\n", "\n")
        } else {
            s.to_owned()
        }
    }

    pub(super) fn string(&mut self, value: &Item<'_>, path: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(self.text(s)),
            other => {
                let example = format!("{} = \"…\"", path.rsplit('.').next().unwrap_or(path));
                self.errors
                    .push(wrong_type(value.span(), path, "a string", other, &example));
                None
            }
        }
    }

    pub(super) fn status(&mut self, value: &Item<'_>) -> Option<Status> {
        let names = Status::ALL.map(Status::as_str);
        self.keyword(value, "status", "status = \"draft\"", "status", &names)
            .and_then(Status::parse)
    }

    /// A string that must be one of `names` (a status, a decision): the
    /// string if it is, else an error at `value` with a did-you-mean.
    /// `example` shows the key written right, for a value of the wrong type.
    pub(super) fn keyword<'v>(
        &mut self,
        value: &'v Item<'_>,
        path: &str,
        example: &str,
        what: &str,
        names: &[&str],
    ) -> Option<&'v str> {
        let DeValue::String(text) = value.get_ref() else {
            self.errors.push(wrong_type(
                value.span(),
                path,
                "a string",
                value.get_ref(),
                example,
            ));
            return None;
        };
        if names.contains(&text.as_ref()) {
            return Some(text);
        }
        let hint = match did_you_mean(text, names.iter().copied()) {
            Some(close) => format!("did you mean \"{close}\"? "),
            None => String::new(),
        };
        self.errors.push(
            Problem::error(value.span(), format!("unknown {what} \"{text}\""))
                .label(format!("not a {what}"))
                .help(format!("{hint}a {what} is one of: {}", names.join(", "))),
        );
        None
    }

    pub(super) fn horizon(&mut self, value: &Item<'_>) -> Option<Horizon> {
        let horizon = match value.get_ref() {
            DeValue::String(text) => Horizon::parse(text),
            DeValue::Integer(n) => n
                .as_str()
                .parse::<i32>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .map(|year| Horizon { year, month: None }),
            DeValue::Datetime(dt) => dt.date.map(|d| Horizon {
                year: i32::from(d.year),
                month: Some(d.month),
            }),
            _ => None,
        };
        if horizon.is_none() {
            self.errors.push(
                Problem::error(value.span(), "`horizon` must be a year or a year and month")
                    .label("not a horizon")
                    .help("write `horizon = \"2032\"`, `horizon = \"2027-06\"` or `horizon = \"2027-Q3\"`"),
            );
        }
        horizon
    }

    pub(super) fn will_not(&mut self, value: &Item<'_>, path: &str) -> Vec<String> {
        let example = "will_not = [\"We will not build our own trucks\"]";
        let items = self.strings(value, path, example);
        let mut out = Vec::with_capacity(items.len());
        for (index, (item, span)) in items.into_iter().enumerate() {
            self.spans.push((Field::WillNot(index), span));
            out.push(item);
        }
        out
    }

    /// The strings of an array, each with its span; other items are errors.
    pub(super) fn strings(
        &mut self,
        value: &Item<'_>,
        path: &str,
        example: &str,
    ) -> Vec<(String, std::ops::Range<usize>)> {
        let Some(items) = self.array(value, path, "an array of strings", example) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item.get_ref() {
                DeValue::String(s) => out.push((self.text(s), item.span())),
                other => self.errors.push(wrong_type(
                    item.span(),
                    &format!("{path}[{index}]"),
                    "a string",
                    other,
                    example,
                )),
            }
        }
        out
    }

    pub(super) fn metrics(&mut self, value: &Item<'_>, path: &str) -> Vec<Metric> {
        let example = "metrics = [{ name = \"loads a month\", baseline = \"1800\", target = \"40000\", by = \"2032-12\" }]";
        let Some(items) = self.array(value, path, "an array of tables", example) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            let Some(table) = self.table(item, &item_path, "a table", example) else {
                continue;
            };
            self.spans
                .push((Field::Metric(index, MetricPart::Entry), item.span()));
            let mut metric = Metric::default();
            for (key, value) in table.iter() {
                let part = match key.get_ref().as_ref() {
                    "name" => MetricPart::Name,
                    "baseline" => MetricPart::Baseline,
                    "target" => MetricPart::Target,
                    "by" => MetricPart::By,
                    "start" => {
                        let path = format!("{item_path}.start");
                        metric.start = self.start_date(value, &path);
                        self.spans
                            .push((Field::Metric(index, MetricPart::Start), value.span()));
                        continue;
                    }
                    _ => {
                        self.unknown_key(key, &METRIC_KEYS, &format!("in {item_path}"));
                        continue;
                    }
                };
                let Some(text) = self.metric_value(value, &format!("{item_path}.{}", part.key()))
                else {
                    continue;
                };
                self.spans.push((Field::Metric(index, part), value.span()));
                match part {
                    MetricPart::Name => metric.name = text,
                    MetricPart::Baseline => metric.baseline = Some(text),
                    MetricPart::Target => metric.target = Some(text),
                    MetricPart::By | MetricPart::Entry | MetricPart::Start => {
                        metric.by = Some(text)
                    }
                }
            }
            out.push(metric);
        }
        out
    }

    /// A metric's `start`: a day (`2026-09-01`, as a TOML date or a string),
    /// or a month (`"2026-09"`, its first day) or a year (its 1 January).
    fn start_date(&mut self, value: &Item<'_>, path: &str) -> Option<crate::model::Date> {
        if let DeValue::String(text) = value.get_ref()
            && let Some(horizon) = Horizon::parse(text)
        {
            return Some(horizon.first_day());
        }
        self.date(
            value,
            path,
            "write the day work on the metric began, such as `start = 2026-09-01` or `start = \"2026-09\"`",
        )
    }

    /// `weight`: how much a node counts in its parent's progress, a number
    /// of at least 0; `None` (and an error) for anything else.
    pub(super) fn weight(&mut self, value: &Item<'_>, path: &str) -> Option<f64> {
        let number = match value.get_ref() {
            DeValue::Integer(_) | DeValue::Float(_) => {
                number_text(value.get_ref()).and_then(|t| t.replace('_', "").parse::<f64>().ok())
            }
            _ => None,
        };
        match number {
            Some(w) if w.is_finite() && w >= 0.0 => Some(w),
            _ => {
                self.errors.push(
                    Problem::error(
                        value.span(),
                        format!("`{path}` must be a number of at least 0"),
                    )
                    .label("not a weight")
                    .help(
                        "write how much this node counts in its parent's progress, such as \
                             `weight = 2` (every node counts 1 unless it says otherwise)",
                    ),
                );
                None
            }
        }
    }

    /// Metric values may be written as strings ("4.2M") or numbers; numbers
    /// are kept as [`number_text`] spells them.
    pub(super) fn metric_value(&mut self, value: &Item<'_>, path: &str) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(self.text(s)),
            DeValue::Integer(_) | DeValue::Float(_) => number_text(value.get_ref()),
            DeValue::Datetime(dt) => Some(dt.to_string()),
            other => {
                self.errors.push(wrong_type(
                    value.span(),
                    path,
                    "a string or a number",
                    other,
                    "target = \"40000\"",
                ));
                None
            }
        }
    }

    pub(super) fn allow(&mut self, value: &Item<'_>, path: &str) -> Vec<Allow> {
        let example = "allow = [{ rule = \"sunday-words\", reason = \"quoting the customer\" }]";
        let Some(items) = self.array(value, path, "an array of tables", example) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let item_path = format!("{path}[{index}]");
            let Some(table) = self.table(item, &item_path, "a table", example) else {
                continue;
            };
            let mut allow = Allow {
                rule: String::new(),
                reason: String::new(),
            };
            for (key, value) in table.iter() {
                match key.get_ref().as_ref() {
                    "rule" => {
                        allow.rule = self
                            .string(value, &format!("{item_path}.rule"))
                            .unwrap_or_default()
                    }
                    "reason" => {
                        allow.reason = self
                            .string(value, &format!("{item_path}.reason"))
                            .unwrap_or_default()
                    }
                    _ => self.unknown_key(key, &["rule", "reason"], &format!("in {item_path}")),
                }
            }
            out.push(allow);
        }
        out
    }
}
