//! Reading the document back: lines are classified once, then each section's
//! lines become its field.

use super::{MarkdownError, Section, ends_with_newline, heading_level, is_blank, metric, scalar};
use crate::model::{Horizon, Node, Status, TwoPager};
use crate::suggest::did_you_mean;

/// What one line of the document is, once comments and escapes are seen.
#[derive(Debug, Clone, Copy)]
enum Line<'a> {
    /// `# …`: the title.
    Title(&'a str),
    /// `## …`: a section.
    Section(&'a str),
    /// Text written with a `\` in front: kept even where blank lines are layout.
    Escaped(&'a str),
    /// Any other line, as written.
    Text(&'a str),
}

/// Reads a document written by [`super::to_markdown`] (and edited by the user)
/// back into a two-pager. `node` is the one being edited: the document does
/// not hold its id or parent, and a prose field keeps its old final newline.
///
/// The text is borrowed, so on an error the caller still has it and can
/// reopen the editor at [`MarkdownError::line`]. On success, apply the result
/// as an [`Edit::SetDoc`](crate::model::Edit::SetDoc), so the whole editor
/// session is one step of undo.
pub fn from_markdown(text: &str, node: &Node) -> Result<TwoPager, MarkdownError> {
    let text = normalize(text);
    let lines = classify(&text)?;
    if lines
        .iter()
        .all(|(_, line)| matches!(line, Line::Text(t) if is_blank(t)))
    {
        return Err(error(
            1,
            "the document is empty",
            "nothing was changed; to clear a field, delete its text but keep the headings",
        ));
    }
    let mut doc = TwoPager::default();
    let mut sections: Vec<(Section, usize)> = Vec::new();
    let mut current: Option<Section> = None;
    let mut body: Vec<(usize, Line)> = Vec::new();
    let mut seen_title: Option<usize> = None;
    let mut seen_keys: Vec<(String, usize)> = Vec::new();
    for (number, line) in lines {
        match line {
            Line::Section(name) => {
                let section = section_named(name, number)?;
                if let Some(&(_, first)) = sections.iter().find(|(s, _)| *s == section) {
                    return Err(error(
                        number,
                        format!(
                            "`## {}` appears twice (first on line {first})",
                            section.heading()
                        ),
                        "keep one of them: merge their text under the first heading",
                    ));
                }
                if let Some(done) = current.replace(section) {
                    fill(&mut doc, done, &std::mem::take(&mut body), node)?;
                }
                sections.push((section, number));
            }
            line if current.is_some() => {
                if let Line::Title(_) = line {
                    return Err(error(
                        number,
                        "a `# ` title line inside a section",
                        "the title goes on the first line; to keep this line as text, write \\# at its start",
                    ));
                }
                body.push((number, line));
            }
            Line::Title(title) => {
                if let Some(first) = seen_title {
                    return Err(error(
                        number,
                        format!("a second `# ` title (the first is on line {first})"),
                        "keep one title line",
                    ));
                }
                seen_title = Some(number);
                doc.title = scalar::read(title).map_err(|m| error(number, m, QUOTE_HELP))?;
            }
            Line::Text(text) if is_blank(text) => {}
            Line::Text(text) => front_matter(&mut doc, text, number, &mut seen_keys)?,
            Line::Escaped(_) => {
                return Err(error(
                    number,
                    "text before the first section",
                    "put text under `## Today`, `## Future` or `## Notes`",
                ));
            }
        }
    }
    if let Some(done) = current {
        fill(&mut doc, done, &body, node)?;
    }
    Ok(doc)
}

const QUOTE_HELP: &str = "a value in double quotes is read with JSON escapes: write \\\" for a quote and \\\\ for a backslash";

fn error(line: usize, message: impl Into<String>, help: impl Into<String>) -> MarkdownError {
    MarkdownError {
        line,
        message: message.into(),
        help: help.into(),
    }
}

/// Undoes what editors do to a file on the way: a byte-order mark, and CRLF
/// line ends when *every* line has one (the writer never ends its own lines
/// with `\r`, so a document with some bare `\n` keeps its `\r`s as text).
fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let newlines = text.matches('\n').count();
    if newlines > 0 && text.matches("\r\n").count() == newlines {
        text.replace("\r\n", "\n")
    } else {
        text.to_owned()
    }
}

/// Splits the document into numbered lines, dropping comments.
fn classify(text: &str) -> Result<Vec<(usize, Line<'_>)>, MarkdownError> {
    let mut out = Vec::new();
    let mut open_comment: Option<usize> = None;
    for (index, line) in text.split('\n').enumerate() {
        let number = index + 1;
        if open_comment.is_some() {
            if line.contains("-->") {
                open_comment = None;
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("<!--") {
            if !rest.contains("-->") {
                open_comment = Some(number);
            }
            continue;
        }
        let classified = if let Some(rest) = line.strip_prefix('\\') {
            Line::Escaped(rest)
        } else {
            match heading_level(line) {
                Some(1) => Line::Title(&line[1..]),
                Some(2) => Line::Section(&line[2..]),
                _ => Line::Text(line),
            }
        };
        out.push((number, classified));
    }
    match open_comment {
        Some(number) => Err(error(
            number,
            "this comment is never closed",
            "end it with `-->`, or write \\<!-- to keep the line as text",
        )),
        None => Ok(out),
    }
}

fn section_named(name: &str, line: usize) -> Result<Section, MarkdownError> {
    let wanted = normalize_name(name);
    if let Some(section) = Section::ALL
        .into_iter()
        .find(|s| normalize_name(s.heading()) == wanted)
    {
        return Ok(section);
    }
    let headings = Section::ALL.map(|s| normalize_name(s.heading()));
    let closest = did_you_mean(&wanted, headings.iter().map(String::as_str)).and_then(|close| {
        Section::ALL
            .into_iter()
            .find(|s| normalize_name(s.heading()) == close)
    });
    let known = "the sections are `## Today`, `## Future`, `## Will not`, `## Metrics` and `## Notes`; \
                 to keep the line as text, write \\## at its start";
    let help = match closest {
        Some(s) => format!("did you mean `## {}`? {known}", s.heading()),
        None => known.to_owned(),
    };
    Err(error(
        line,
        format!("unknown section `## {}`", name.trim()),
        help,
    ))
}

/// `Will-not:`, `will_not` and `WILL NOT` all name the same section.
fn normalize_name(name: &str) -> String {
    name.trim()
        .trim_end_matches(':')
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One `Key: value` line before the first section.
fn front_matter(
    doc: &mut TwoPager,
    text: &str,
    number: usize,
    seen: &mut Vec<(String, usize)>,
) -> Result<(), MarkdownError> {
    const KEYS: [&str; 3] = ["owner", "status", "horizon"];
    let Some((written_key, value)) = text.split_once(':') else {
        return Err(error(
            number,
            format!("`{}` is not a `Key: value` line", text.trim()),
            "before the first `## ` section only `# Title`, `Owner:`, `Status:` and `Horizon:` lines go; \
             put text under `## Today`, `## Future` or `## Notes`",
        ));
    };
    let key = written_key.trim().to_lowercase();
    if !KEYS.contains(&key.as_str()) {
        let section = Section::ALL
            .into_iter()
            .find(|s| normalize_name(s.heading()) == normalize_name(&key));
        let help = match (section, did_you_mean(&key, KEYS)) {
            (Some(s), _) => format!("a section starts with a heading line: `## {}`", s.heading()),
            _ if key == "title" => {
                "the title is the `# ` line at the top: `# Win the mid-market`".to_owned()
            }
            (None, Some(k)) => format!(
                "did you mean `{}:`? The keys are Owner, Status and Horizon",
                capitalize(k)
            ),
            (None, None) => "the keys are Owner, Status and Horizon".to_owned(),
        };
        return Err(error(
            number,
            format!("unknown key `{}`", written_key.trim()),
            help,
        ));
    }
    if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
        return Err(error(
            number,
            format!(
                "`{}:` is given twice (first on line {first})",
                capitalize(&key)
            ),
            "keep one of them",
        ));
    }
    seen.push((key.clone(), number));
    let value = scalar::read(value).map_err(|m| error(number, m, QUOTE_HELP))?;
    match key.as_str() {
        "owner" => doc.owner = value,
        "status" => doc.status = status(&value, number)?,
        _ => doc.horizon = horizon(&value, number)?,
    }
    Ok(())
}

fn status(value: &str, number: usize) -> Result<Status, MarkdownError> {
    if value.is_empty() {
        return Ok(Status::default());
    }
    let spelled = value.to_lowercase().replace(['_', ' '], "-");
    if let Some(status) = Status::parse(&spelled) {
        return Ok(status);
    }
    let names = Status::ALL.map(Status::as_str);
    let list = names.join(", ");
    let help = match did_you_mean(&spelled, names) {
        Some(s) => format!("did you mean `{s}`? A status is one of {list}"),
        None => format!("a status is one of {list}"),
    };
    Err(error(number, format!("unknown status `{value}`"), help))
}

fn horizon(value: &str, number: usize) -> Result<Option<Horizon>, MarkdownError> {
    if value.is_empty() {
        return Ok(None);
    }
    Horizon::parse(value).map(Some).ok_or_else(|| {
        error(
            number,
            format!("`{value}` is not a horizon"),
            "write a year (2032) or a year and month (2027-06), or leave it empty",
        )
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Turns one section's lines into its field.
fn fill(
    doc: &mut TwoPager,
    section: Section,
    body: &[(usize, Line)],
    node: &Node,
) -> Result<(), MarkdownError> {
    let before = &node.doc;
    match section {
        Section::Today => doc.today = prose(body, &before.today),
        Section::Future => doc.future = prose(body, &before.future),
        Section::Notes => doc.notes = prose(body, &before.notes),
        Section::WillNot => {
            for (number, item) in items(body, section)? {
                doc.will_not
                    .push(scalar::read(&item).map_err(|m| error(number, m, QUOTE_HELP))?);
            }
        }
        Section::Metrics => {
            for (number, item) in items(body, section)? {
                let metric = metric::read(&item).map_err(|(m, h)| error(number, m, h))?;
                doc.metrics.push(metric);
            }
            // The Markdown has no place for `start`; it stays with its metric.
            crate::model::keep_metric_dates(&before.metrics, &mut doc.metrics);
        }
    }
    Ok(())
}

/// Prose: the lines between headings, without the blank lines around them.
fn prose(body: &[(usize, Line)], before: &str) -> String {
    fn text<'a>(line: &Line<'a>) -> &'a str {
        match *line {
            Line::Escaped(t) | Line::Text(t) => t,
            // Titles and sections end a body; they never reach one.
            Line::Title(_) | Line::Section(_) => "",
        }
    }
    let layout = |line: &Line<'_>| matches!(line, Line::Text(t) if is_blank(t));
    let first = body.iter().position(|(_, l)| !layout(l));
    let last = body.iter().rposition(|(_, l)| !layout(l));
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let mut core = body[first..=last]
        .iter()
        .map(|(_, l)| text(l))
        .collect::<Vec<_>>()
        .join("\n");
    if ends_with_newline(&core, before) {
        core.push('\n');
    }
    core
}

/// The `- ` items of a list section, continuation lines joined with a space;
/// each with the line it starts on.
fn items(body: &[(usize, Line)], section: Section) -> Result<Vec<(usize, String)>, MarkdownError> {
    let mut out: Vec<(usize, String)> = Vec::new();
    // Whether the line above belongs to an item, so an indented line continues it.
    let mut open = false;
    for &(number, line) in body {
        let Line::Text(text) = line else {
            return Err(not_an_item(number, section));
        };
        if is_blank(text) {
            open = false;
        } else if let Some(rest) = bullet(text) {
            // A bare bullet is an empty line of the list, not an item; `- ""` is an empty item.
            open = !rest.trim().is_empty();
            if open {
                out.push((number, rest.trim().to_owned()));
            }
        } else if open && text.starts_with([' ', '\t']) {
            if let Some((_, item)) = out.last_mut() {
                item.push(' ');
                item.push_str(text.trim());
            }
        } else if text.starts_with('|') && section == Section::Metrics {
            return Err(error(
                number,
                "metrics are not read from a table",
                "write one metric per line: `- name: baseline -> target by 2027-12`",
            ));
        } else {
            return Err(not_an_item(number, section));
        }
    }
    Ok(out)
}

fn bullet(text: &str) -> Option<&str> {
    let rest = text.strip_prefix(['-', '*', '+'])?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

fn not_an_item(number: usize, section: Section) -> MarkdownError {
    let example = match section {
        Section::Metrics => "`- Win rate: 16% -> 33% by 2028-12`",
        _ => "`- We will not …`",
    };
    error(
        number,
        format!("this line in `## {}` is not a `- ` item", section.heading()),
        format!(
            "start each item with `- `, like {example}; indent a line to continue the item above it"
        ),
    )
}
