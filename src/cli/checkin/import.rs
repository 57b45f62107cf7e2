//! `strata checkin --from values.csv`: many check-ins from an analytics or
//! finance export. Every row is read and checked before anything is
//! written; one bad row (an unknown node or metric, a value or a date that
//! does not read, two values for one metric on one day) is reported at its
//! line and the file is left byte for byte as it was.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::{describe_checkin_error, save};
use crate::cli::exit::Exit;
use crate::cli::find::describe_find_error;
use crate::cli::open;
use crate::cli::output;
use crate::cli::style::Style;
use crate::model::{
    CheckIn, Date, NodeId, Recording, Strategy, check_value, find_metric, record_checkins,
};
use crate::sanitize;
use crate::suggest::did_you_mean;

const COLUMNS: [&str; 6] = ["node", "metric", "value", "date", "note", "source"];
const REQUIRED: [&str; 4] = ["node", "metric", "value", "date"];

/// A problem with one row (or the header), for the report.
struct RowError {
    line: u64,
    text: String,
}

/// Imports `csv` into the strategy at `path`.
pub fn run(path: &Path, csv: &Path, fix: bool, style: Style) -> Exit {
    let shown_csv = if csv == Path::new("-") {
        "stdin".to_owned()
    } else {
        open::display(csv)
    };
    let bytes = match read_input(csv) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "error: cannot read {shown_csv}: {}",
                sanitize::line(&error.to_string())
            );
            return Exit::Error;
        }
    };
    let Some((mut workspace, mut strategy)) = open::open(path, style) else {
        return Exit::Error;
    };
    let rows = match read_rows(&strategy, &bytes) {
        Ok(rows) => rows,
        Err(errors) => return report(&shown_csv, path, errors),
    };
    let total = rows.len();
    // Rows are grouped by node so each node's list is rebuilt once.
    let mut by_node: Vec<(NodeId, Vec<(u64, CheckIn)>)> = Vec::new();
    let mut slot_of: HashMap<NodeId, usize> = HashMap::new();
    for (line, node, checkin) in rows {
        let at = *slot_of.entry(node).or_insert_with(|| {
            by_node.push((node, Vec::new()));
            by_node.len() - 1
        });
        by_node[at].1.push((line, checkin));
    }
    let recording = if fix {
        Recording::AddOrFix
    } else {
        Recording::Add
    };
    let mut edits = Vec::new();
    let mut errors = Vec::new();
    let (mut recorded, mut skipped, mut nodes) = (0, 0, 0);
    for (node, rows) in &by_node {
        let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
        let checkins = rows.iter().map(|(_, c)| c.clone());
        match record_checkins(&strategy, *node, checkins, recording) {
            Ok(batch) => {
                recorded += batch.recorded;
                skipped += batch.skipped;
                if let Some(edit) = batch.edit {
                    nodes += 1;
                    edits.push(edit);
                }
            }
            Err((row, error)) => {
                let text = describe_checkin_error(&strategy, *node, &error);
                let text = text
                    .strip_prefix("error: ")
                    .unwrap_or(&text)
                    .trim_end()
                    .to_owned();
                errors.push(RowError {
                    line: lines.get(row).copied().unwrap_or(0),
                    text,
                });
            }
        }
    }
    if !errors.is_empty() {
        return report(&shown_csv, path, errors);
    }
    let file = open::display(path);
    if edits.is_empty() {
        let said = format!("nothing new: the {total} rows of {shown_csv} are already in {file}\n");
        return output::then(output::print_str(&said), Exit::Ok);
    }
    for edit in edits {
        if strategy.apply(edit).is_err() {
            eprintln!("error: a node is no longer in the strategy; nothing was written");
            return Exit::Error;
        }
    }
    if let Err(exit) = save(&mut workspace, &strategy, path) {
        return exit;
    }
    let verb = if fix {
        "recorded or corrected"
    } else {
        "recorded"
    };
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let already = if skipped > 0 {
        format!(
            "; {} already there",
            plural(skipped, "row was").replace("rows was", "rows were")
        )
    } else {
        String::new()
    };
    let said = format!(
        "{verb} {} on {} from {shown_csv} into {file}{already}\n",
        plural(recorded, "check-in"),
        plural(nodes, "node")
    );
    output::then(output::print_str(&said), Exit::Ok)
}

fn read_input(csv: &Path) -> std::io::Result<Vec<u8>> {
    if csv == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(csv)
    }
}

/// Prints every problem, sorted by line, and says nothing was written.
fn report(csv: &str, path: &Path, mut errors: Vec<RowError>) -> Exit {
    errors.sort_by_key(|e| e.line);
    for error in &errors {
        let place = if error.line == 0 {
            csv.to_owned()
        } else {
            format!("{csv}:{}", error.line)
        };
        // Messages carry their own `= help:` lines; the place goes first.
        let (first, rest) = error
            .text
            .split_once('\n')
            .map_or((error.text.as_str(), ""), |(a, b)| (a, b));
        eprintln!("error: {place}: {first}");
        if !rest.is_empty() {
            eprintln!("{rest}");
        }
    }
    let n = errors.len();
    eprintln!(
        "error: {n} problem{} in {csv}; {} was not changed",
        if n == 1 { "" } else { "s" },
        open::display(path)
    );
    Exit::Error
}

/// Where each column is.
struct Columns {
    at: HashMap<&'static str, usize>,
}

impl Columns {
    fn read(headers: &csv::StringRecord) -> Result<Columns, Vec<RowError>> {
        let mut at = HashMap::new();
        let mut errors = Vec::new();
        for (index, header) in headers.iter().enumerate() {
            let name = header.trim().to_lowercase();
            let name = if name == "on" {
                "date".to_owned()
            } else {
                name
            };
            match COLUMNS.iter().find(|c| **c == name) {
                Some(column) => {
                    if at.insert(*column, index).is_some() {
                        errors.push(RowError {
                            line: 1,
                            text: format!("the column `{column}` is named twice"),
                        });
                    }
                }
                None => {
                    let hint = match did_you_mean(&name, COLUMNS.iter().copied()) {
                        Some(close) => format!("did you mean `{close}`? "),
                        None => String::new(),
                    };
                    errors.push(RowError {
                        line: 1,
                        text: format!(
                            "unknown column `{}`\n  = help: {hint}the columns are {}",
                            sanitize::line(header),
                            COLUMNS.join(", ")
                        ),
                    });
                }
            }
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|c| !at.contains_key(c))
            .collect();
        if !missing.is_empty() {
            errors.push(RowError {
                line: 1,
                text: format!(
                    "the header names no {} column\n  = help: the first row names the columns: \
                     node,metric,value,date (and optionally note, source)",
                    missing.join(", ")
                ),
            });
        }
        if errors.is_empty() {
            Ok(Columns { at })
        } else {
            Err(errors)
        }
    }

    fn get<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.at
            .get(column)
            .and_then(|&i| record.get(i))
            .unwrap_or("")
            .trim()
    }
}

/// Every row as (line, node, check-in), or every problem found.
fn read_rows(
    strategy: &Strategy,
    bytes: &[u8],
) -> Result<Vec<(u64, NodeId, CheckIn)>, Vec<RowError>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let columns = match reader.headers() {
        Ok(headers) if headers.iter().all(|h| h.trim().is_empty()) => {
            return Err(vec![RowError {
                line: 0,
                text: "the file is empty; it needs a header row: node,metric,value,date".into(),
            }]);
        }
        Ok(headers) => Columns::read(&headers.clone())?,
        Err(error) => return Err(vec![csv_error(&error)]),
    };
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    // (node, metric, day) → (line, value, note) of the first row for it.
    let mut seen: HashMap<(NodeId, String, Date), (u64, String, String)> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                errors.push(csv_error(&error));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        match read_row(strategy, &columns, &record) {
            Ok((node, checkin)) => {
                let key = (node, checkin.metric.clone(), checkin.on);
                match seen.get(&key) {
                    Some((first, value, note)) if *value == checkin.value && *note == checkin.note => {
                        // The same row twice: harmless, like a row already in the file.
                        let _ = first;
                    }
                    Some((first, value, _)) => errors.push(RowError {
                        line,
                        text: format!(
                            "`{}` of {} on {} is `{}` here, but `{}` on line {first}\n  = help: keep one value per metric and day",
                            sanitize::line(&checkin.metric),
                            sanitize::line(&strategy.node(node).key()),
                            checkin.on,
                            sanitize::line(&checkin.value),
                            sanitize::line(value)
                        ),
                    }),
                    None => {
                        seen.insert(key, (line, checkin.value.clone(), checkin.note.clone()));
                        rows.push((line, node, checkin));
                    }
                }
            }
            Err(text) => errors.push(RowError { line, text }),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn read_row(
    strategy: &Strategy,
    columns: &Columns,
    record: &csv::StringRecord,
) -> Result<(NodeId, CheckIn), String> {
    let node_name = columns.get(record, "node");
    let node = strategy.find_key(node_name).map_err(|error| {
        let text = describe_find_error(node_name, &error);
        text.strip_prefix("error: ")
            .unwrap_or(&text)
            .trim_end()
            .to_owned()
    })?;
    let name = columns.get(record, "metric");
    let metric = find_metric(&strategy.node(node).doc, name)
        .map_err(|error| plain(strategy, node, &error))?;
    let value = columns.get(record, "value");
    check_value(metric, value).map_err(|error| plain(strategy, node, &error))?;
    let date = columns.get(record, "date");
    let on = read_date(date).ok_or_else(|| {
        format!(
            "the date `{}` does not read as a day\n  = help: write it as YYYY-MM-DD, e.g. 2026-11-20",
            sanitize::line(date)
        )
    })?;
    Ok((
        node,
        CheckIn {
            metric: metric.name.clone(),
            on,
            value: value.to_owned(),
            note: columns.get(record, "note").to_owned(),
            source: columns.get(record, "source").to_owned(),
        },
    ))
}

fn plain(strategy: &Strategy, node: NodeId, error: &crate::model::CheckinError) -> String {
    let text = describe_checkin_error(strategy, node, error);
    text.strip_prefix("error: ")
        .unwrap_or(&text)
        .trim_end()
        .to_owned()
}

/// `2026-11-20`, also with the time exports often add (`2026-11-20T00:00:00Z`).
fn read_date(text: &str) -> Option<Date> {
    Date::parse(text).or_else(|| {
        let (day, time) = (text.get(..10)?, text.get(10..)?);
        (time.starts_with('T') || time.starts_with(' '))
            .then(|| Date::parse(day))
            .flatten()
    })
}

fn csv_error(error: &csv::Error) -> RowError {
    let line = error.position().map_or(0, |p| p.line());
    let text = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => {
            "this row is not UTF-8 text\n  = help: export the CSV as UTF-8".to_owned()
        }
        _ => sanitize::line(&error.to_string()).into_owned(),
    };
    RowError { line, text }
}
