//! One file of a strategy as the server holds it: its text, cut into the
//! tables that hold its nodes, each table read on its own.
//!
//! An edit marks the tables it touches; the next analysis cuts and reads
//! only those again (`reread`). Where the cut is not clean (the edit made
//! a header, a string that runs into the next table, a `[lint]` change) the
//! answer is [`Reread::Reload`], and the project reads every file again
//! with the ordinary loader, which is always the judge of what a file means.

use std::ops::Range;
use std::path::PathBuf;

use super::text::Text;
use crate::model::{Field, Level, NodeId};
use crate::store::tables::{self, Header};
use crate::store::{self, Loaded, Problem, SourceMap};

/// How far a re-read may grow past the tables an edit touched before the
/// whole project is read again instead.
const MAX_GROWTH: usize = 8;

/// One file of a project.
#[derive(Debug, Clone)]
pub struct Part {
    /// Where the file is.
    pub path: PathBuf,
    /// Its text: the editor's while it is open there, else the disk's.
    pub text: Text,
    /// The version the editor gave the text, while it is open there.
    pub open: Option<i32>,
    /// The file cut into tables, in order; empty until the project reads it.
    pub chunks: Vec<Chunk>,
    /// An edit that no table can absorb (the whole text replaced).
    pub replaced: bool,
    /// The file's line ending when it was cut (CRLF or not), which decides
    /// how each table's multi-line strings read.
    crlf: bool,
}

/// What a stretch of a file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The keys before the first table (`version`, `as_of`).
    Preamble,
    /// One node's table, with the tables inside it.
    Node(Level, String),
    /// A table that is no node's (`[company]`, `[lint]`).
    Other,
    /// The whole file, read as one: a layout the cut does not follow
    /// (dotted keys, inline node tables).
    Whole,
}

/// A stretch of a file from one table's header line to the next one's.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Where it starts in the file.
    pub start: usize,
    /// What it holds.
    pub kind: Kind,
    /// An edit touched it since it was read.
    pub dirty: bool,
    /// Its nodes: the id in the project's strategy, and the id `source` knows
    /// it by. One for a node's table, none for other tables.
    pub nodes: Vec<(NodeId, NodeId)>,
    /// Where its nodes' fields are, relative to `start`.
    pub source: SourceMap,
    /// What the loader warned about, relative to `start`.
    pub warnings: Vec<Problem>,
    /// Why it does not load as written, relative to `start`; while this is
    /// not empty its node keeps the content it last loaded with.
    pub errors: Vec<Problem>,
}

impl Chunk {
    /// A chunk of `kind` at `start` that holds nothing yet.
    pub fn new(start: usize, kind: Kind) -> Chunk {
        Chunk {
            start,
            kind,
            dirty: false,
            nodes: Vec::new(),
            source: SourceMap::default(),
            warnings: Vec::new(),
            errors: Vec::new(),
        }
    }
}

/// A table cut out of a file and read alone.
#[derive(Debug)]
pub struct Cut {
    /// Where it starts in the file.
    pub start: usize,
    /// What its header opens.
    pub kind: Kind,
    /// What the loader made of it (for a node's table): one node, or why not.
    pub read: Option<Result<Loaded, Vec<Problem>>>,
}

/// What re-reading the tables an edit touched found.
#[derive(Debug)]
pub enum Reread {
    /// The chunks `replace` are now the tables `cuts`.
    Cut {
        /// Indices of the chunks they replace.
        replace: Range<usize>,
        /// The tables, read.
        cuts: Vec<Cut>,
    },
    /// The file must be read whole, with the others.
    Reload,
}

impl Part {
    /// A file with `text`, not yet read.
    pub fn new(path: PathBuf, text: String, open: Option<i32>) -> Part {
        Part {
            path,
            text: Text::new(text),
            open,
            chunks: Vec::new(),
            replaced: true,
            crlf: false,
        }
    }

    /// Where chunk `i` ends: where the next begins, or the end of the text.
    pub fn end(&self, i: usize) -> usize {
        self.chunks
            .get(i + 1)
            .map_or(self.text.len(), |next| next.start)
            .max(self.chunks[i].start)
    }

    /// Chunk `i`'s text.
    pub fn chunk_text(&self, i: usize) -> &str {
        &self.text.as_str()[self.chunks[i].start..self.end(i)]
    }

    /// The chunk holding byte `offset`.
    pub fn chunk_at(&self, offset: usize) -> Option<usize> {
        let after = self.chunks.partition_point(|c| c.start <= offset);
        after.checked_sub(1)
    }

    /// The file bytes a finding about `range` of a field of the node known as
    /// `local` in chunk `i` points at.
    pub fn locate(
        &self,
        i: usize,
        local: NodeId,
        field: Field,
        range: Range<usize>,
    ) -> Range<usize> {
        let chunk = &self.chunks[i];
        let span = chunk.source.locate(self.chunk_text(i), local, field, range);
        span.start + chunk.start..span.end + chunk.start
    }

    /// The bytes of a span the loader gave for chunk `i`, in the file.
    pub fn absolute(&self, i: usize, span: &Range<usize>) -> Range<usize> {
        let start = self.chunks[i].start;
        let end = self.end(i);
        (start + span.start).min(end)..(start + span.end).min(end)
    }

    /// Replaces the bytes `span` with `with` and marks the tables it touches.
    pub fn edit(&mut self, span: Range<usize>, with: &str) {
        let a = self.text.floor(span.start);
        let b = self.text.floor(span.end.max(a));
        self.text.replace(a..b, with);
        if self.chunks.is_empty() {
            // Not cut (the files did not load): read everything again.
            self.replaced = true;
            return;
        }
        let new_end = a + with.len();
        let delta = with.len() as isize - (b - a) as isize;
        if let Some(i) = self.chunk_at(a) {
            self.chunks[i].dirty = true;
        }
        for chunk in &mut self.chunks {
            if chunk.start <= a {
                continue;
            }
            if chunk.start < b {
                // Its header was in the replaced text.
                chunk.start = new_end;
                chunk.dirty = true;
            } else {
                chunk.start = chunk.start.saturating_add_signed(delta);
            }
        }
    }

    /// Replaces the whole text.
    pub fn set_text(&mut self, text: String) {
        self.text.set(text);
        self.replaced = true;
    }

    /// True when an edit is waiting to be read.
    pub fn is_dirty(&self) -> bool {
        self.replaced || self.chunks.iter().any(|c| c.dirty)
    }

    /// The last run of consecutive dirty chunks, as indices.
    pub fn last_dirty_run(&self) -> Option<Range<usize>> {
        let hi = self.chunks.iter().rposition(|c| c.dirty)? + 1;
        let lo = self.chunks[..hi]
            .iter()
            .rposition(|c| !c.dirty)
            .map_or(0, |i| i + 1);
        Some(lo..hi)
    }

    /// Cuts the whole text into tables and reads each node's table; `None`
    /// when the text does not cut cleanly.
    pub fn cut(&mut self) -> Option<Vec<Cut>> {
        self.crlf = store::uses_crlf(self.text.as_str());
        self.cut_span(0, self.text.len(), true)
    }

    /// Re-reads the chunks `run` an edit touched, growing the run while the
    /// cut is not clean (text before the first header belongs to the table
    /// above; a string or array left open runs into the table below).
    pub fn reread(&self, run: Range<usize>) -> Reread {
        // The file's line ending changed: every table reads differently.
        if store::uses_crlf(self.text.as_str()) != self.crlf {
            return Reread::Reload;
        }
        let (mut lo, mut hi) = (run.start, run.end);
        for _ in 0..MAX_GROWTH {
            if self.chunks[lo..hi]
                .iter()
                .any(|c| !matches!(c.kind, Kind::Node(..)))
            {
                return Reread::Reload;
            }
            let (start, end) = (self.chunks[lo].start, self.end(hi - 1));
            let text = &self.text.as_str()[start..end];
            let lexed = tables::lex(text);
            let opens_a_node = lexed
                .headers
                .first()
                .is_some_and(|h| h.start == 0 && matches!(h.header, Header::Node(..)));
            if !opens_a_node {
                if lo == 0 {
                    return Reread::Reload;
                }
                lo -= 1;
                continue;
            }
            if !lexed.clean_end {
                if hi == self.chunks.len() {
                    return Reread::Reload;
                }
                hi += 1;
                continue;
            }
            return match self.cut_span(start, end, false) {
                Some(cuts) => Reread::Cut {
                    replace: lo..hi,
                    cuts,
                },
                None => Reread::Reload,
            };
        }
        Reread::Reload
    }

    /// Cuts `start..end` into tables. With `whole`, a preamble and other
    /// tables are allowed and every node table must load; otherwise (an
    /// edited stretch) only node tables are, and one that does not load is
    /// kept with its errors.
    fn cut_span(&self, start: usize, end: usize, whole: bool) -> Option<Vec<Cut>> {
        let text = &self.text.as_str()[start..end];
        let lexed = tables::lex(text);
        if !lexed.clean_end {
            return None;
        }
        let mut cuts = Vec::new();
        if whole {
            cuts.push(Cut {
                start,
                kind: Kind::Preamble,
                read: None,
            });
        }
        for line in lexed.headers {
            let at = start + line.start;
            match line.header {
                Header::Node(level, id) => cuts.push(Cut {
                    start: at,
                    kind: Kind::Node(level, id),
                    read: None,
                }),
                Header::Inside(level, id) => {
                    let inside_its_node = cuts
                        .last()
                        .is_some_and(|c| c.kind == Kind::Node(level, id.clone()));
                    if !inside_its_node {
                        return None;
                    }
                }
                Header::Other if whole => cuts.push(Cut {
                    start: at,
                    kind: Kind::Other,
                    read: None,
                }),
                Header::Other => return None,
            }
        }
        let ends: Vec<usize> = cuts
            .iter()
            .skip(1)
            .map(|c| c.start)
            .chain(std::iter::once(end))
            .collect();
        for (cut, end) in cuts.iter_mut().zip(ends) {
            let Kind::Node(level, id) = &cut.kind else {
                continue;
            };
            let read = store::parse_table(&self.text.as_str()[cut.start..end], self.crlf);
            match &read {
                Ok(loaded) => {
                    let mut nodes = loaded.strategy.iter();
                    let one = nodes.next().filter(|_| nodes.next().is_none());
                    if !one.is_some_and(|(_, n)| n.level == *level && n.id == *id) {
                        return None;
                    }
                }
                Err(_) if whole => return None,
                Err(_) => {}
            }
            cut.read = Some(read);
        }
        Some(cuts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "version = 1\n\n[vision]\ntitle = \"V\"\n\n[intents.a]\ntitle = \"A\"\n\
                        # about b\n[intents.b]\ntitle = \"B\"\n[[intents.b.metrics]]\nname = \"m\"\n\
                        [lint]\nmax_intents = 3\n";

    fn part() -> Part {
        let mut part = Part::new("s.toml".into(), TEXT.into(), None);
        let cuts = part.cut().expect("the text cuts cleanly");
        part.chunks = cuts
            .into_iter()
            .map(|c| Chunk::new(c.start, c.kind))
            .collect();
        part
    }

    fn kinds(cuts: &[Cut]) -> Vec<&Kind> {
        cuts.iter().map(|c| &c.kind).collect()
    }

    #[test]
    fn a_file_cuts_into_its_tables() {
        let part = part();
        let kinds: Vec<&Kind> = part.chunks.iter().map(|c| &c.kind).collect();
        assert_eq!(
            kinds,
            [
                &Kind::Preamble,
                &Kind::Node(Level::Vision, "vision".into()),
                &Kind::Node(Level::Intent, "a".into()),
                &Kind::Node(Level::Intent, "b".into()),
                &Kind::Other,
            ]
        );
        // The comment above `[intents.b]` belongs to the table before it.
        assert!(part.chunk_text(2).ends_with("# about b\n"));
        assert!(part.chunk_text(3).contains("[[intents.b.metrics]]"));
    }

    #[test]
    fn an_edit_marks_its_table_and_moves_the_ones_after() {
        let mut part = part();
        let at = TEXT.find("\"A\"").unwrap() + 1;
        let b = part.chunks[3].start;
        part.edit(at..at + 1, "Alpha");
        assert_eq!(part.last_dirty_run(), Some(2..3));
        assert_eq!(part.chunks[3].start, b + 4);
        let Reread::Cut { replace, cuts } = part.reread(2..3) else {
            panic!("a title edit stays in its table")
        };
        assert_eq!(replace, 2..3);
        let loaded = cuts[0].read.as_ref().unwrap().as_ref().unwrap();
        assert_eq!(loaded.strategy.iter().next().unwrap().1.doc.title, "Alpha");
    }

    #[test]
    fn a_new_table_typed_inside_another_is_cut_out() {
        let mut part = part();
        let at = part.chunks[3].start;
        part.edit(at..at, "[intents.c]\ntitle = \"C\"\n");
        let run = part.last_dirty_run().unwrap();
        let Reread::Cut { replace, cuts } = part.reread(run) else {
            panic!("a whole new table cuts cleanly")
        };
        assert_eq!(replace, 3..4);
        assert_eq!(
            kinds(&cuts),
            [
                &Kind::Node(Level::Intent, "c".into()),
                &Kind::Node(Level::Intent, "b".into()),
            ]
        );
        // Typed at the end of the table above, it takes that table's place.
        let mut part = self::part();
        let at = part.chunks[3].start
            - "# about b
"
            .len();
        part.edit(
            at..at,
            "[intents.c]
",
        );
        let Reread::Cut { replace, cuts } = part.reread(part.last_dirty_run().unwrap()) else {
            panic!("a whole new table cuts cleanly")
        };
        assert_eq!(replace, 2..3);
        assert_eq!(cuts.len(), 2);
    }

    #[test]
    fn a_broken_table_is_kept_with_its_errors() {
        let mut part = part();
        let at = TEXT.find("\"B\"").unwrap();
        part.edit(at..at + 3, "\"B");
        let Reread::Cut { cuts, .. } = part.reread(3..4) else {
            panic!("an unclosed one-line string stays in its table")
        };
        assert!(cuts[0].read.as_ref().unwrap().is_err());
    }

    #[test]
    fn edits_the_cut_cannot_place_ask_for_a_reload() {
        // A `[lint]` change is the whole project's business.
        let mut part = part();
        let at = TEXT.find("max_intents = 3").unwrap() + 14;
        part.edit(at..at + 1, "4");
        assert!(matches!(
            part.reread(part.last_dirty_run().unwrap()),
            Reread::Reload
        ));
        // A multi-line string left open swallows the tables below it.
        let mut part = self::part();
        let at = TEXT.find("\"A\"").unwrap();
        part.edit(at..at + 3, "\"\"\"A");
        assert!(matches!(
            part.reread(part.last_dirty_run().unwrap()),
            Reread::Reload
        ));
    }
}
