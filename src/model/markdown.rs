//! A two-pager as a Markdown document, and back: what "edit the whole
//! two-pager in `$VISUAL`/`$EDITOR`" writes to a file and reads back.
//!
//! ```markdown
//! <!--
//! (a comment explaining the format; ignored when read back)
//! -->
//! # Win the mid-market
//! Owner: Dana Okafor (CEO)
//! Status: approved
//! Horizon: 2028
//!
//! ## Today
//!
//! Free text, kept line for line.
//!
//! ## Future
//!
//! ## Will not
//!
//! - We will not sell to enterprises
//!   with more than 2,000 employees
//!
//! ## Metrics
//!
//! - Mid-market win rate: 16% -> 33% by 2028-12
//!
//! ## Notes
//! ```
//!
//! The rules, also in `docs/format.md` ("Editing in $EDITOR"):
//!
//! - `# ` starts the title; `Owner:`, `Status:` and `Horizon:` lines follow it.
//!   Keys are case-insensitive; a missing line means an empty field (status
//!   `draft`, no horizon).
//! - `## ` starts a section: `Today`, `Future`, `Will not`, `Metrics`, `Notes`,
//!   in any order. A missing section is an empty field; a repeated or unknown
//!   one is an error. `###` and deeper are text, as Markdown would have them.
//! - Prose sections are kept line for line: trailing spaces, tabs, `\r`, Markdown
//!   of any kind. Blank lines around a section's text are layout, not text.
//!   Whether the text ends with a newline is not shown; it follows the field's
//!   old text (or, for a field that was empty, whether the text has several lines,
//!   the way TOML's `"""` strings end).
//! - A text line that would be misread (one starting with `\`, `<!--`, `# ` or
//!   `## `, and a whitespace-only line at the edge of a section) is written
//!   with a `\` in front, which is removed when read back.
//! - `Will not` and `Metrics` hold one `- ` item each (`*` and `+` work too); an
//!   indented line continues the item above it, joined with a space. A metric
//!   reads `- name: baseline -> target by 2027-12`; any part may be left out.
//! - A one-line value that would not survive as written (empty in a list,
//!   spaces at its ends, line breaks or other control characters, a leading
//!   `"`, or a separator such as `:`, `->` or ` by ` where it would cut the
//!   line) is written in double quotes with JSON escapes (`"a\nb"`).
//! - Lines from `<!--` at the start of a line to the `-->` that ends the
//!   comment are ignored.
//! - What editors do on the way is undone: a byte-order mark, and `\r\n` when
//!   every line ends with it.
//! - A document with nothing in it is an error, not an empty two-pager: as with
//!   an empty commit message in git, emptying the file cancels the edit.
//!
//! So `from_markdown(&to_markdown(node), node) == Ok(node.doc)` for any text;
//! `tests/engine/markdown_proptest.rs` checks it.

mod metric;
mod read;
mod scalar;

use std::fmt;

use super::Node;
use crate::sanitize;

pub use read::from_markdown;

/// Why a document read back from the editor is not a two-pager; the caller
/// still holds the text, so the user can reopen it at [`MarkdownError::line`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    /// 1-based line in the document the problem is on.
    pub line: usize,
    /// What is wrong, in one line.
    pub message: String,
    /// What to do about it.
    pub help: String,
}

impl fmt::Display for MarkdownError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)?;
        if !self.help.is_empty() {
            write!(f, "\n  help: {}", self.help)?;
        }
        Ok(())
    }
}

impl std::error::Error for MarkdownError {}

/// The sections of the document, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Today,
    Future,
    WillNot,
    Metrics,
    Notes,
}

impl Section {
    const ALL: [Section; 5] = [
        Section::Today,
        Section::Future,
        Section::WillNot,
        Section::Metrics,
        Section::Notes,
    ];

    fn heading(self) -> &'static str {
        match self {
            Section::Today => "Today",
            Section::Future => "Future",
            Section::WillNot => "Will not",
            Section::Metrics => "Metrics",
            Section::Notes => "Notes",
        }
    }
}

/// The level of an ATX heading (`#` … `######` followed by a space or the end
/// of the line), as CommonMark reads it; `None` for any other line.
fn heading_level(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let after = &line[hashes..];
    let ends = after.is_empty() || after.starts_with(char::is_whitespace);
    ((1..=6).contains(&hashes) && ends).then_some(hashes)
}

/// True for a line the reader drops as layout when it is at a section's edge.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Writes `node`'s two-pager as a Markdown document for the user's editor.
pub fn to_markdown(node: &Node) -> String {
    let doc = &node.doc;
    let mut out = header_comment(node);
    let horizon = doc.horizon.map(|h| h.to_string()).unwrap_or_default();
    push_key(&mut out, "#", &scalar::plain(&doc.title));
    push_key(&mut out, "Owner:", &scalar::plain(&doc.owner));
    push_key(&mut out, "Status:", doc.status.as_str());
    push_key(&mut out, "Horizon:", &horizon);
    for section in Section::ALL {
        out.push('\n');
        push_line(&mut out, &format!("## {}", section.heading()));
        let body = match section {
            Section::Today => prose_lines(&doc.today),
            Section::Future => prose_lines(&doc.future),
            Section::Notes => prose_lines(&doc.notes),
            Section::WillNot => doc
                .will_not
                .iter()
                .map(|item| format!("- {}", scalar::item(item)))
                .collect(),
            Section::Metrics => doc
                .metrics
                .iter()
                .map(|m| format!("- {}", metric::write(m)))
                .collect(),
        };
        if !body.is_empty() {
            out.push('\n');
        }
        for line in body {
            push_line(&mut out, &line);
        }
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    out.push('\n');
}

/// `Owner: Dana`, or `Owner:` with no trailing space when the value is empty
/// (editors strip it anyway).
fn push_key(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    if !value.is_empty() {
        out.push(' ');
        out.push_str(value);
    }
    out.push('\n');
}

fn header_comment(node: &Node) -> String {
    // The key is untrusted (any quoted TOML key loads); keep it on one line and
    // unable to close the comment early.
    let key = sanitize::line(&node.key()).replace("-->", "- ->");
    format!(
        "<!--\n\
         strata: the two-pager of {key} ({level}).\n\
         Edit it, save, and quit the editor; strata reads it back.\n\
         An empty file changes nothing.\n\
         \n\
         # Title, then Owner:, Status: and Horizon: lines.\n\
         \x20 Status is draft, in-review, approved, changes-requested or retired.\n\
         \x20 Horizon is a year (2032) or a year and month (2027-06).\n\
         ## Today, ## Future, ## Notes: free text, kept as written.\n\
         ## Will not: one \"- \" item per choice; indent a line to continue an item.\n\
         ## Metrics: one \"- name: baseline -> target by 2027-12\" item per metric.\n\
         \n\
         A value in \"double quotes\" is read with JSON escapes (\\n, \\\", \\\\).\n\
         A line of text that starts with \\, <!--, # or ## has a \\ put in front.\n\
         Lines starting with <!-- are ignored, to the end of the comment.\n\
         -->\n",
        level = node.level.title(),
    )
}

/// The lines of a prose field, escaped so that they read back as the same text.
/// A final newline is not written: it follows the field (see the module doc).
fn prose_lines(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    let core = text.strip_suffix('\n').unwrap_or(text);
    let lines: Vec<&str> = core.split('\n').collect();
    let last = lines.len() - 1;
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let at_edge = i == 0 || i == last;
            let misread = line.starts_with('\\')
                || line.starts_with("<!--")
                || matches!(heading_level(line), Some(1 | 2))
                || (at_edge && is_blank(line));
            if misread {
                format!("\\{line}")
            } else {
                (*line).to_owned()
            }
        })
        .collect()
}

/// Whether a prose field read back ends with a newline: as it did before, or
/// for a field that was empty, when it has several lines (as `"""` strings do).
fn ends_with_newline(core: &str, before: &str) -> bool {
    if before.is_empty() {
        core.contains('\n')
    } else {
        before.ends_with('\n')
    }
}

#[cfg(test)]
mod tests;
