//! Text to model: conflict markers first, then TOML syntax (with the
//! numbers the parser lets through checked as the spec has them, `strict.rs`),
//! then the schema.

use toml::de::DeTable;

mod pieces;

use super::SourceMap;
use super::conflict::find_markers;
use super::problem::Problem;
use super::schema::SchemaReader;
use crate::model::Strategy;

/// A strategy read from text, with what is needed to report on it and save it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The cascade.
    pub strategy: Strategy,
    /// Where each node and field is in the text.
    pub source: SourceMap,
    /// Things that load but are probably mistakes (unknown keys, typos).
    pub warnings: Vec<Problem>,
    /// The raw `[lint]` table, for the linter's configuration.
    pub lint: toml::Table,
}

/// Parses a strategy file's text. Errors come back all at once, in file order.
pub fn parse(text: &str) -> Result<Loaded, Vec<Problem>> {
    parse_with(text, || SchemaReader::new(super::save::uses_crlf(text)))
}

/// Parses one file of a strategy split across a directory: as [`parse`],
/// except that the file need not hold the `[vision]` (another file does).
pub fn parse_part(text: &str) -> Result<Loaded, Vec<Problem>> {
    parse_with(text, || {
        SchemaReader::for_part(super::save::uses_crlf(text))
    })
}

/// Parses one table cut out of a strategy file (from its `[header]` line to
/// the next node's), as the language server re-reads the table an edit
/// touched: as [`parse_part`], without asking for a `version`. Spans are
/// relative to `text`. `crlf` is the whole file's line ending
/// ([`uses_crlf`] of its text), which decides how multi-line strings read.
pub fn parse_table(text: &str, crlf: bool) -> Result<Loaded, Vec<Problem>> {
    parse_with(text, || SchemaReader::for_table(crlf))
}

/// True when a file ends its lines with CRLF (its first line does): then a
/// multi-line string's line ends read as `\n`, and a save keeps CRLF.
pub fn uses_crlf(text: &str) -> bool {
    super::save::uses_crlf(text)
}

/// Reads `text` with a reader from `new`: in pieces (`load/pieces.rs`),
/// or whole when the pieces give up, as they do on every problem.
fn parse_with(text: &str, new: impl Fn() -> SchemaReader) -> Result<Loaded, Vec<Problem>> {
    let conflicts = conflict_problems(text);
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    let mut reader = new();
    if !pieces::read(text, &mut reader) {
        reader = new();
        read_whole(text, &mut reader)?;
    }
    if !reader.errors.is_empty() {
        reader.errors.sort_by_key(|p| p.span.start);
        return Err(reader.errors);
    }
    Ok(Loaded {
        strategy: reader.strategy,
        source: reader.source,
        warnings: reader.warnings,
        lint: reader.lint,
    })
}

/// Parses `text` as one table and reads it.
fn read_whole(text: &str, reader: &mut SchemaReader) -> Result<(), Vec<Problem>> {
    let root = DeTable::parse(text).map_err(|error| vec![syntax_problem(&error)])?;
    let numbers = super::strict::invalid_numbers(root.get_ref(), text);
    if !numbers.is_empty() {
        return Err(numbers);
    }
    reader.read(root.get_ref());
    Ok(())
}

/// One problem per conflict block, pointing at its first marker and naming every marker line.
fn conflict_problems(text: &str) -> Vec<Problem> {
    let markers = find_markers(text);
    let mut problems = Vec::new();
    let mut block: Vec<&super::conflict::ConflictMarker> = Vec::new();
    let flush = |block: &mut Vec<&super::conflict::ConflictMarker>, problems: &mut Vec<Problem>| {
        let Some(first) = block.first() else { return };
        let lines: Vec<String> = block.iter().map(|m| m.line.to_string()).collect();
        problems.push(
            Problem::error(first.span.clone(), format!("unresolved git merge conflict (marker lines {})", lines.join(", ")))
                .label("conflict marker")
                .help(
                    "keep the text you want, delete the marker lines (<<<<<<<, =======, >>>>>>>), then run strata again; \
                     strata will not guess which side of a conflict to keep",
                ),
        );
        block.clear();
    };
    for marker in &markers {
        if marker.marker == "<<<<<<<" {
            flush(&mut block, &mut problems);
        }
        block.push(marker);
        if marker.marker == ">>>>>>>" {
            flush(&mut block, &mut problems);
        }
    }
    flush(&mut block, &mut problems);
    problems
}

fn syntax_problem(error: &toml::de::Error) -> Problem {
    let message = error
        .message()
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_owned();
    let span = error.span().unwrap_or(0..0);
    let help = if message.contains("duplicate") {
        "each key and each [table] may appear only once in a file; a strategy has exactly one [vision], \
         and each node's id is used once per level"
    } else {
        "fix the TOML syntax here and run strata again (docs/format.md shows the layout)"
    };
    Problem::error(span, format!("invalid TOML: {message}"))
        .label(message)
        .help(help)
}

/// The spans of those of the top-level `keys` (`as_of`, `company`, `lint`)
/// the file has, in the order of `keys`: where to point when a key is in the
/// wrong file. One parse for all of them, and none for a text that does not
/// even mention one.
pub fn top_key_spans<'k>(text: &str, keys: &[&'k str]) -> Vec<(&'k str, std::ops::Range<usize>)> {
    if !keys.iter().any(|key| text.contains(key)) {
        return Vec::new();
    }
    let Ok(root) = DeTable::parse(text) else {
        return Vec::new();
    };
    keys.iter()
        .filter_map(|&key| {
            let (found, _) = root.get_ref().get_key_value(key)?;
            Some((key, found.span()))
        })
        .collect()
}

/// The span of the key at `path` inside the file's `[lint]` table (falling
/// back to the deepest part of the path that exists), so configuration errors
/// can point at the line to fix.
pub fn lint_key_span(text: &str, path: &[String]) -> Option<std::ops::Range<usize>> {
    use toml::de::DeValue;
    let root = DeTable::parse(text).ok()?;
    let (key, mut value) = root.get_ref().get_key_value("lint")?;
    let mut span = key.span();
    for segment in path {
        let next = match value.get_ref() {
            DeValue::Table(table) => table
                .get_key_value(segment.as_str())
                .map(|(k, v)| (k.span(), v)),
            DeValue::Array(items) => segment
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .map(|v| (v.span(), v)),
            _ => None,
        };
        let Some((next_span, next_value)) = next else {
            break;
        };
        span = next_span;
        value = next_value;
    }
    Some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_are_reported_before_syntax() {
        let text = "version = 1\n<<<<<<< HEAD\n[vision]\n=======\n[vision]\n>>>>>>> other\n";
        let problems = parse(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("marker lines 2, 4, 6"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn syntax_errors_point_at_the_mistake() {
        let text = "version = 1\n[vision]\ntitle = \"unclosed\n";
        let problems = parse(text).unwrap_err();
        assert!(
            problems[0].message.starts_with("invalid TOML"),
            "{:?}",
            problems[0]
        );
        assert!(problems[0].span.start >= text.find("\"unclosed").unwrap());
    }
}
