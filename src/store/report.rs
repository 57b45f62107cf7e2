//! Rendering loader problems as rustc-style snippets: `file:line:col`, the
//! offending line with a caret, and what to do.
//!
//! Everything quoted from the file is passed through [`crate::sanitize`] first,
//! so a hostile file cannot put escape sequences on the user's terminal.

use std::ops::Range;

use annotate_snippets::renderer::DEFAULT_LINE_NUM_STYLE;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::problem::{Problem, ProblemLevel};
use super::source_map::LineIndex;
use crate::sanitize;

/// How many lines of a multi-line span are quoted at most.
const MAX_QUOTED_LINES: usize = 6;

/// Renders problems found in `text` (read from `path`) for a terminal or a log.
pub fn render(path: &str, text: &str, problems: &[Problem], color: bool) -> String {
    render_indexed(path, text, &LineIndex::new(text), problems, color)
}

/// [`render`] with `text`'s lines already indexed: only the lines each
/// problem quotes are looked at, so rendering many problems of one large
/// file one call at a time costs what they quote, not the file each time.
pub fn render_indexed(
    path: &str,
    text: &str,
    index: &LineIndex,
    problems: &[Problem],
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for problem in problems {
        out.push_str(&render_one(&renderer, color, index, path, text, problem));
        out.push('\n');
    }
    out
}

fn render_one(
    renderer: &Renderer,
    color: bool,
    index: &LineIndex,
    path: &str,
    text: &str,
    problem: &Problem,
) -> String {
    let level = match problem.level {
        ProblemLevel::Error => Level::ERROR,
        ProblemLevel::Warning => Level::WARNING,
        ProblemLevel::Note => Level::NOTE,
    };
    let start = index.position(text, problem.span.start);
    let end = index.position(text, problem.span.end);
    let last_line = end.line.min(start.line + MAX_QUOTED_LINES - 1);

    // Quote only the lines involved, each cleaned, and move the span to match;
    // a long line only around the span (see `LONG_LINE`).
    let clipped = clip(text, index, problem, start.line, last_line);
    let (quoted, span) = match clipped.clone() {
        Some(window) => window,
        None => quote_lines(text, index, problem, start.line, last_line),
    };

    let title = sanitize::line(&problem.message).into_owned();
    let label = sanitize::line(&problem.label).into_owned();
    let path = sanitize::line(path).into_owned();
    let mut snippet = Snippet::source(quoted)
        .line_start(start.line)
        .annotation(AnnotationKind::Primary.span(span).label(label));
    // annotate-snippets counts the column from the quote, which a clipped
    // line has lost its start of: the location line is written here.
    let location = clipped.map(|_| {
        let (arrow, reset) = if color {
            let style = DEFAULT_LINE_NUM_STYLE;
            (style.render().to_string(), style.render_reset().to_string())
        } else {
            (String::new(), String::new())
        };
        let pad = " ".repeat(start.line.to_string().len());
        format!(
            "{pad}{arrow}--> {reset}{path}:{}:{}\n",
            start.line, start.column
        )
    });
    if location.is_none() {
        snippet = snippet.path(path);
    }
    let mut title = level.primary_title(title);
    if !problem.code.is_empty() {
        title = title.id(sanitize::line(&problem.code).into_owned());
    }
    let mut group: Group<'_> = title.element(snippet);
    if !problem.note.is_empty() {
        group = group.element(Level::NOTE.message(sanitize::block(&problem.note).into_owned()));
    }
    if !problem.help.is_empty() {
        group = group.element(Level::HELP.message(sanitize::block(&problem.help).into_owned()));
    }
    let out = renderer.render(&[group]);
    match (location, out.find('\n')) {
        (Some(location), Some(title_end)) => {
            format!("{}{location}{}", &out[..=title_end], &out[title_end + 1..])
        }
        _ => out,
    }
}

/// A quoted line longer than this is shown only around its span: a
/// thousand findings on one 60 KB line were each rendered whole, which is
/// quadratic, and a terminal shows a window of it anyway.
const LONG_LINE: usize = 1_000;

/// Bytes of context kept on each side of the span in a clipped line.
const CONTEXT: usize = 120;

/// The lines `first..=last` cleaned, and the problem's span in them.
fn quote_lines(
    text: &str,
    index: &LineIndex,
    problem: &Problem,
    first: usize,
    last: usize,
) -> (String, Range<usize>) {
    let mut quoted = String::new();
    let mut span = 0..0;
    for line in first..=last {
        let line_span = index.line_span(text, line);
        let raw = &text[line_span.clone()];
        let local = |offset: usize| {
            let cut = offset.clamp(line_span.start, line_span.end) - line_span.start;
            let cut = floor_boundary(raw, cut);
            quoted.len() + sanitize::line(&raw[..cut]).len()
        };
        if line == first {
            span.start = local(problem.span.start);
        }
        span.end = local(problem.span.end);
        quoted.push_str(&sanitize::line(raw));
        quoted.push('\n');
    }
    if problem.span.end > index.line_span(text, last).end {
        span.end = quoted.len().saturating_sub(1);
    }
    if span.end < span.start {
        span.end = span.start;
    }
    (quoted, span)
}

/// For a span within one line longer than [`LONG_LINE`]: the window of the
/// line around it, cleaned, with `…` where the line goes on, and the span
/// in the window.
fn clip(
    text: &str,
    index: &LineIndex,
    problem: &Problem,
    first: usize,
    last: usize,
) -> Option<(String, Range<usize>)> {
    let line_span = index.line_span(text, first);
    if first != last || line_span.len() <= LONG_LINE {
        return None;
    }
    let raw = &text[line_span.clone()];
    let at = |offset: usize| {
        floor_boundary(
            raw,
            offset.clamp(line_span.start, line_span.end) - line_span.start,
        )
    };
    let start = at(problem.span.start);
    let end = at(problem.span.end).max(start);
    let from = floor_boundary(raw, start.saturating_sub(CONTEXT));
    let to = ceil_boundary(raw, (end + CONTEXT).min(raw.len()));
    let mut quoted = String::from(if from > 0 { "…" } else { "" });
    quoted.push_str(&sanitize::line(&raw[from..start]));
    let span_start = quoted.len();
    quoted.push_str(&sanitize::line(&raw[start..end]));
    let span_end = quoted.len();
    quoted.push_str(&sanitize::line(&raw[end..to]));
    if to < raw.len() {
        quoted.push('…');
    }
    quoted.push('\n');
    Some((quoted, span_start..span_end))
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_line_and_caret() {
        let text = "version = 1\n[vision]\nstatus = \"aproved\"\n";
        let start = text.find("\"aproved\"").unwrap();
        let problem = Problem::error(start..start + 9, "unknown status \"aproved\"")
            .label("not a status")
            .help("did you mean \"approved\"?");
        let out = render("s.toml", text, &[problem], false);
        assert!(out.contains("s.toml:3:10"), "{out}");
        assert!(out.contains("status = \"aproved\""), "{out}");
        assert!(out.contains("^^^^^^^^^ not a status"), "{out}");
        assert!(out.contains("help: did you mean"), "{out}");
    }

    #[test]
    fn a_long_line_is_quoted_around_the_span_with_its_true_column() {
        let line = format!(
            "future = \"{}needle\u{1b}[2J {}\"\n",
            "é".repeat(3000),
            "x".repeat(3000)
        );
        let at = line
            .find("needle")
            .expect("the line is built around the needle");
        let problem = Problem::error(at..at + 6, "found it").label("here");
        let out = render("s.toml", &line, &[problem], false);
        // 10 characters of `future = "`, 3,000 of é: the needle is column 3011.
        assert!(out.contains(" --> s.toml:1:3011\n"), "{out}");
        assert!(out.contains("needle␛[2J"), "cleaned and quoted: {out}");
        assert!(out.contains("^^^^^^ here"), "{out}");
        assert!(!out.contains('\u{1b}'), "{out:?}");
        assert!(
            out.len() < 1_000,
            "only a window of the line: {} bytes",
            out.len()
        );
    }

    #[test]
    fn hostile_text_is_cleaned_before_it_is_quoted() {
        let text = "title = \"\u{1b}]0;pwned\u{7}\u{1b}[2J\" x\n";
        let x = text.find(" x").unwrap() + 1;
        let problem = Problem::error(x..x + 1, "bad \u{1b}[31m");
        let out = render("s\u{1b}.toml", text, &[problem], false);
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
        assert!(out.contains("␛]0;pwned␇"), "{out}");
        assert!(out.contains(":1:26"), "column of the x: {out}");
        assert!(
            out.contains("\" x\n  |                          ^"),
            "caret under the x: {out}"
        );
    }
}
