//! A node's two-pager laid out for the screen: blocks of display-safe text
//! with the spans diagnostics point at, wrapped to a width on demand.
//!
//! Building the blocks walks the text once; wrapping depends on the width
//! only, so a resize re-wraps without re-reading the node, and drawing reads
//! only the lines in view (a 1 MB note costs one wrap, not one per frame).

use std::ops::Range;

mod progress;

use super::prose::{display, paragraphs, single, soften_newlines};
use crate::app::text::wrap::wrap;
use crate::lint::{Diagnostic, Severity};
use crate::model::progress::{Health, NodeProgress};
use crate::model::{Date, Field, Level, MetricPart, Node, NodeId, Strategy};
use crate::sanitize;

/// How a block is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// The level and key above the title.
    Kicker,
    /// The node's title.
    Title,
    /// Owner, status, horizon, parent.
    Meta,
    /// A section heading (`Today`, `Will not`).
    Heading,
    /// Running text.
    Prose,
    /// One item of a list (`will_not`, `metrics`), drawn after a bullet.
    Item,
    /// A metric's progress under it: the bar (its first `bar` bytes, drawn
    /// in the colour of `health`), the figures, the sparkline.
    Progress {
        /// The metric's health.
        health: Health,
        /// Bytes of the text the bar takes.
        bar: u16,
    },
    /// Stands in for a missing field.
    Placeholder,
    /// An empty line between sections.
    Blank,
}

/// A span of a block that a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Bytes of the block's text.
    pub range: Range<usize>,
    /// The diagnostic's severity, for its colour.
    pub severity: Severity,
    /// Index of the diagnostic among the node's diagnostics.
    pub diagnostic: usize,
}

/// One piece of the document, wrapped as a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// How to draw it.
    pub kind: BlockKind,
    /// Display-safe text: sanitized, tabs as spaces, newlines that only
    /// wrap the source turned into spaces (so byte offsets still line up).
    pub text: String,
    /// Hard line breaks: each range is wrapped on its own; an empty range is
    /// a blank line between paragraphs.
    pub paragraphs: Vec<Range<usize>>,
    /// Spans that diagnostics point at, sorted by start.
    pub marks: Vec<Mark>,
}

/// The document of one node, before wrapping.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Its blocks, top to bottom.
    pub blocks: Vec<Block>,
}

/// One screen line of a wrapped document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Index of the block it belongs to.
    pub block: u32,
    /// Bytes of the block's text on this line.
    pub start: u32,
    /// End of those bytes.
    pub end: u32,
    /// True for the first line of a list item (it gets the bullet).
    pub first: bool,
}

/// A document wrapped to a width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Wrapped {
    /// The width it was wrapped to.
    pub width: usize,
    /// Every screen line.
    pub lines: Vec<Line>,
    /// For each of the node's diagnostics, the line where its span starts.
    pub diagnostic_lines: Vec<usize>,
}

/// Columns list items are indented by (the bullet and a space).
pub const ITEM_INDENT: usize = 2;

impl Document {
    /// Lays out `node`'s two-pager with `diagnostics` (the node's own, in
    /// reading order) marked; horizons are counted from `as_of`; each
    /// tracked metric shows its `progress`.
    pub fn build(
        strategy: &Strategy,
        id: NodeId,
        diagnostics: &[Diagnostic],
        as_of: Date,
        progress: Option<&NodeProgress>,
    ) -> Document {
        let Some(node) = strategy.get(id) else {
            return Document::default();
        };
        let mut builder = Builder {
            blocks: Vec::new(),
            diagnostics,
        };
        let parent = strategy.parent(id).map(|p| strategy.node(p).key());
        builder.header(node, parent, as_of);
        let doc = &node.doc;
        builder.section(
            "Today",
            Field::Today,
            &doc.today,
            "(no diagnosis of today yet)",
        );
        builder.section(
            "Future",
            Field::Future,
            &doc.future,
            "(no picture of the future yet)",
        );

        builder.heading("Will not", Field::WillNotList);
        if doc.will_not.is_empty() {
            builder.placeholder(
                "(nothing ruled out: say what you choose not to do)",
                Field::WillNotList,
            );
        }
        for (i, item) in doc.will_not.iter().enumerate() {
            builder.text(BlockKind::Item, item, Field::WillNot(i), false);
        }

        builder.heading("Metrics", Field::Metrics);
        if doc.metrics.is_empty() {
            builder.placeholder("(no metrics: how will you know?)", Field::Metrics);
        }
        for (i, metric) in doc.metrics.iter().enumerate() {
            builder.metric(i, metric);
            let measured = progress.and_then(|p| p.metrics.get(i));
            builder.progress(node, metric, measured);
        }
        builder.stray_checkins(node);

        builder.section("Notes", Field::Notes, &doc.notes, "(no notes)");
        Document {
            blocks: builder.blocks,
        }
    }

    /// Wraps every block to `width` columns.
    pub fn wrap(&self, width: usize, diagnostics: usize) -> Wrapped {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut diagnostic_lines = vec![usize::MAX; diagnostics];
        for (b, block) in self.blocks.iter().enumerate() {
            let inner = match block.kind {
                BlockKind::Item | BlockKind::Progress { .. } => {
                    width.saturating_sub(ITEM_INDENT).max(1)
                }
                _ => width,
            };
            let block_start = lines.len();
            for paragraph in &block.paragraphs {
                let text = &block.text[paragraph.clone()];
                for (i, range) in wrap(text, inner).into_iter().enumerate() {
                    lines.push(Line {
                        block: b as u32,
                        start: (paragraph.start + range.start) as u32,
                        end: (paragraph.start + range.end) as u32,
                        first: i == 0 && paragraph.start == 0,
                    });
                }
            }
            let block_lines = &lines[block_start..];
            for mark in &block.marks {
                let Some(slot) = diagnostic_lines.get_mut(mark.diagnostic) else {
                    continue;
                };
                let within = block_lines
                    .iter()
                    .position(|l| l.end as usize > mark.range.start)
                    .unwrap_or(block_lines.len().saturating_sub(1));
                *slot = (*slot).min(block_start + within);
            }
        }
        for slot in &mut diagnostic_lines {
            if *slot == usize::MAX {
                *slot = 0;
            }
        }
        Wrapped {
            width,
            lines,
            diagnostic_lines,
        }
    }
}

struct Builder<'a> {
    blocks: Vec<Block>,
    diagnostics: &'a [Diagnostic],
}

impl Builder<'_> {
    fn header(&mut self, node: &Node, parent: Option<String>, as_of: Date) {
        let key = match node.level {
            Level::Vision => String::new(),
            _ => format!(" · {}", node.key()),
        };
        let kicker = format!("{}{key}", node.level.title());
        self.push_plain(
            BlockKind::Kicker,
            sanitize::line(&kicker).into_owned(),
            &[Field::Node],
        );
        if node.doc.title.is_empty() {
            self.placeholder("(untitled)", Field::Title);
        } else {
            self.text(BlockKind::Title, &node.doc.title, Field::Title, false);
        }

        // One line of facts; each part carries the marks of its own field.
        let doc = &node.doc;
        let mut meta = MetaLine::new(" · ");
        if doc.owner.is_empty() {
            meta.part("", Field::Owner, "no owner", false);
        } else {
            meta.part("owner ", Field::Owner, &doc.owner, true);
        }
        meta.part("", Field::Status, doc.status.as_str(), false);
        let horizon = match doc.horizon {
            Some(h) => {
                let months = h.months_from(as_of);
                let when = match months {
                    0 => "this month".to_owned(),
                    1 => "in 1 month".to_owned(),
                    m if m > 0 => format!("in {m} months"),
                    -1 => "1 month ago".to_owned(),
                    m => format!("{} months ago", -m),
                };
                format!("{h} ({when})")
            }
            None => "none".to_owned(),
        };
        meta.part("horizon ", Field::Horizon, &horizon, false);
        match (node.level, &node.parent_ref, parent) {
            (Level::Vision, _, _) => {}
            (_, _, Some(parent)) => meta.part("under ", Field::Parent, &parent, false),
            (_, Some(named), None) => meta.part(
                "under ",
                Field::Parent,
                &format!("{named} (missing)"),
                false,
            ),
            (_, None, None) => meta.part("under ", Field::Parent, "(no parent named)", false),
        }
        let marks = meta
            .fields
            .iter()
            .flat_map(|(field, range, raw)| self.marks_in(*field, range.start, raw.as_deref()))
            .collect();
        self.blocks.push(Block {
            kind: BlockKind::Meta,
            paragraphs: single(meta.text.len()),
            text: meta.text,
            marks,
        });
        // Tracker keys and links: how a PM knows this work (raw file text).
        let known = [node.tracker.as_slice(), &node.links].concat();
        if !known.is_empty() {
            let line = sanitize::line(&format!("tracker {}", known.join(" · "))).into_owned();
            self.push_plain(BlockKind::Meta, line, &[]);
        }
    }

    fn section(&mut self, title: &str, field: Field, text: &str, missing: &str) {
        self.heading(title, field);
        if text.trim().is_empty() {
            self.placeholder(missing, field);
        } else {
            self.text(BlockKind::Prose, text, field, true);
        }
    }

    fn heading(&mut self, title: &str, field: Field) {
        if !self.blocks.is_empty() {
            self.push_plain(BlockKind::Blank, String::new(), &[]);
        }
        let whole = match field {
            Field::WillNotList | Field::Metrics => vec![field],
            _ => Vec::new(),
        };
        self.push_plain(BlockKind::Heading, title.to_owned(), &whole);
    }

    fn placeholder(&mut self, text: &str, field: Field) {
        self.push_plain(BlockKind::Placeholder, text.to_owned(), &[field]);
    }

    fn metric(&mut self, index: usize, metric: &crate::model::Metric) {
        let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".to_owned());
        let mut line = MetaLine::new("");
        line.part(
            "",
            Field::Metric(index, MetricPart::Name),
            &metric.name,
            true,
        );
        line.part(
            ": ",
            Field::Metric(index, MetricPart::Baseline),
            &value(&metric.baseline),
            metric.baseline.is_some(),
        );
        line.part(
            " → ",
            Field::Metric(index, MetricPart::Target),
            &value(&metric.target),
            metric.target.is_some(),
        );
        match &metric.by {
            Some(by) => line.part(" by ", Field::Metric(index, MetricPart::By), by, true),
            None => line.part(
                " ",
                Field::Metric(index, MetricPart::By),
                "(no date)",
                false,
            ),
        }
        let mut marks: Vec<Mark> = line
            .fields
            .iter()
            .flat_map(|(field, range, raw)| self.marks_in(*field, range.start, raw.as_deref()))
            .collect();
        marks.extend(self.whole(Field::Metric(index, MetricPart::Entry), 0..line.text.len()));
        marks.sort_by_key(|m| m.range.start);
        self.blocks.push(Block {
            kind: BlockKind::Item,
            paragraphs: single(line.text.len()),
            text: line.text,
            marks,
        });
    }

    /// A block of the file's text at `field`; `reflow` joins lines the source
    /// only wrapped, keeping blank lines and list items as breaks.
    fn text(&mut self, kind: BlockKind, raw: &str, field: Field, reflow: bool) {
        let diagnostics: Vec<(usize, &Diagnostic)> = self.of(field).collect();
        let mut offsets: Vec<usize> = diagnostics
            .iter()
            .flat_map(|(_, d)| [d.range.start, d.range.end])
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let (text, mapped) = display(raw, &offsets);
        let map = |raw_offset: usize| {
            offsets
                .binary_search(&raw_offset)
                .ok()
                .and_then(|i| mapped.get(i).copied())
                .unwrap_or(0)
        };
        let mut marks = Vec::new();
        for (index, d) in diagnostics {
            let range = if d.range.is_empty() {
                0..text.len()
            } else {
                map(d.range.start)..map(d.range.end)
            };
            marks.push(Mark {
                range,
                severity: d.severity,
                diagnostic: index,
            });
        }
        marks.sort_by_key(|m| m.range.start);
        let paragraphs = if reflow {
            paragraphs(&text)
        } else {
            single(text.len())
        };
        let text = if reflow {
            soften_newlines(text, &paragraphs)
        } else {
            text
        };
        self.blocks.push(Block {
            kind,
            text,
            paragraphs,
            marks,
        });
    }

    fn push_plain(&mut self, kind: BlockKind, text: String, whole: &[Field]) {
        let marks = whole
            .iter()
            .flat_map(|&f| self.whole(f, 0..text.len()))
            .collect();
        self.blocks.push(Block {
            kind,
            paragraphs: single(text.len()),
            text,
            marks,
        });
    }

    fn of(&self, field: Field) -> impl Iterator<Item = (usize, &Diagnostic)> + '_ {
        self.diagnostics
            .iter()
            .enumerate()
            .filter(move |(_, d)| d.field == field)
    }

    fn whole(&self, field: Field, range: Range<usize>) -> Vec<Mark> {
        self.of(field)
            .map(|(index, d)| Mark {
                range: range.clone(),
                severity: d.severity,
                diagnostic: index,
            })
            .collect()
    }

    /// Marks for `field` shown at `at` in a line; `raw` is the field's text
    /// when the line shows it verbatim (so ranges inside it can be mapped).
    fn marks_in(&self, field: Field, at: usize, raw: Option<&str>) -> Vec<Mark> {
        let shown_len = |raw: &str| display(raw, &[]).0.len();
        self.of(field)
            .map(|(index, d)| {
                let range = match raw {
                    Some(raw) if !d.range.is_empty() => {
                        let (_, mapped) = display(raw, &[d.range.start, d.range.end]);
                        at + mapped[0]..at + mapped[1]
                    }
                    Some(raw) => at..at + shown_len(raw),
                    None => at..at,
                };
                Mark {
                    range,
                    severity: d.severity,
                    diagnostic: index,
                }
            })
            .collect()
    }
}

/// Builds a one-line block from labelled parts, remembering where each
/// field's text landed so its marks can be placed.
struct MetaLine {
    text: String,
    separator: &'static str,
    /// (field, where its value is, its raw text when shown verbatim)
    fields: Vec<(Field, Range<usize>, Option<String>)>,
}

impl MetaLine {
    fn new(separator: &'static str) -> MetaLine {
        MetaLine {
            text: String::new(),
            separator,
            fields: Vec::new(),
        }
    }

    fn part(&mut self, label: &str, field: Field, value: &str, verbatim: bool) {
        if !self.text.is_empty() {
            self.text.push_str(self.separator);
        }
        self.text.push_str(label);
        let start = self.text.len();
        self.text
            .push_str(&display(value, &[]).0.replace('\n', " "));
        let end = self.text.len();
        self.fields
            .push((field, start..end, verbatim.then(|| value.to_owned())));
    }
}
