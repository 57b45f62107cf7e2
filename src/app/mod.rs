//! The browser's state and how it changes: keys become [`Action`]s, and
//! [`update`] turns an action into a new state plus [`Effect`]s as data.
//!
//! Nothing here touches the terminal or the disk, so every keypress can be
//! tested by feeding inputs and reading the state back (see `tests/tui/keys.rs`).
//!
//! The rooms, lowest first; a room names only rooms listed before it
//! (`tests/engine/imports.rs` checks it), and reaches later ones through
//! [`App`]'s methods:
//!
//! - [`keys`]: a key, the [`Action`]s, the keymap trie, overlay key tables.
//! - [`text`]: the one text core every text box types into, and the one wrap.
//! - [`findings`], [`screen`]: lint results by node; what the last frame drew where.
//! - [`browse`]: the tree and its filter, the two-pager laid out, moving in the panes.
//! - [`edit`]: every change to the strategy (commit, undo, relint); the section codec.
//! - [`overlays`]: one file per overlay: its state, key table, hints and help.
//! - [`structure`], [`external`], [`saving`], [`review`], [`tracking`]: what
//!   opens an overlay and takes its answer (add, rename, delete; `$EDITOR`; a
//!   save; review mode; a check-in).
//! - `update`, [`hints`]: an action to the room that does it; the status bar's hints.
//! - [`input`]: keys, clicks and pastes, routed overlay first.

pub mod browse;
pub mod edit;
pub mod external;
pub mod findings;
pub mod hints;
pub mod input;
pub mod keys;
mod open;
pub mod overlays;
pub mod review;
pub mod saving;
pub mod screen;
pub mod structure;
pub mod text;
pub mod tracking;
mod update;

use std::cell::RefCell;
use std::rc::Rc;

pub use keys::action::Action;
pub use update::update;

use crate::lint::{Diagnostic, LintConfig};
use crate::model::progress::{Measure, Progress};
use crate::model::{Date, NodeId, Strategy};
use crate::sanitize;
use browse::document::{Document, Wrapped};
use browse::filter::{Facts, Filter};
use browse::look::TreeLook;
use browse::tree::Tree;
use edit::history::History;
use external::ExternalDraft;
use findings::Findings;
use keys::Key;
use keys::keymap::Keymap;
use overlays::Layer;
use overlays::search::Search;
use review::ReviewMode;
use screen::Screen;

/// What the browser is told about the file it opens, by whoever read it
/// (the commands, the tests): plain data, so `app` never depends on how
/// files are read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileInfo {
    /// FILE as the user gave it (a file or a directory), for the title.
    pub name: String,
    /// The file's `[lint]` table, as written.
    pub lint: toml::Table,
    /// How many warnings loading it reported.
    pub warnings: usize,
    /// Those warnings as the loader prints them (`strata tree` shows the
    /// same), for the panel `L` opens; lines, not yet sanitized.
    pub problems: Vec<String>,
    /// The strategy as the file holds it, shared with the workspace, when
    /// the shell has it (`None`: the browser keeps a copy of its own).
    pub saved: Option<Rc<Strategy>>,
}

/// What the shell should do after an update: effects are data, so `update`
/// stays free of IO and tests can assert on them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and exit.
    Quit,
    /// Save over the file, refusing if it changed on disk since it was read.
    Save,
    /// Save over the file even though it changed on disk (the user chose to).
    Overwrite,
    /// Save to this path instead; the browser then edits that file.
    SaveAs(String),
    /// Read the file again from disk, dropping the edits (the user confirmed).
    Reload,
    /// Continue from the edits found in the recovery journal.
    Recover,
    /// Throw away the edits found in the recovery journal.
    DiscardJournal,
    /// Suspend the browser and edit this text (the node's two-pager as
    /// Markdown) in the user's editor; the result comes back through
    /// [`external::external_edited`].
    OpenEditor(NodeId, String),
    /// Write a review's notes (Markdown) to a file beside the strategy.
    WriteNotes(String),
    /// Remember how the tree looks for the next start, in the state directory.
    RememberLook(TreeLook),
    /// Save the strategy, which the app has just put onto the file's newer
    /// version (a merge whose conflicts the user decided): the shell reads
    /// that version as the file to patch, then saves as for [`Effect::Save`].
    SaveMerged,
}

/// What the right-hand side shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The selected node's two-pager, scorecard and diagnostics.
    Document,
    /// The chain from the selected node up to the vision; `cursor` is the
    /// level under the cursor (0 is the selected node).
    Rollup {
        /// Index into the chain.
        cursor: usize,
    },
}

/// The pane that receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// The cascade tree.
    Tree,
    /// The two-pager's text.
    Document,
    /// The node's diagnostics list.
    Diagnostics,
    /// The roll-up chain.
    Rollup,
}

impl Focus {
    /// The pane's name, for the help text and titles.
    pub fn name(self) -> &'static str {
        match self {
            Focus::Tree => "cascade",
            Focus::Document => "two-pager",
            Focus::Diagnostics => "diagnostics",
            Focus::Rollup => "roll-up",
        }
    }
}

/// Where the reader is in the shown two-pager.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    /// The node these positions belong to; a different node starts at the top.
    pub node: Option<NodeId>,
    /// First line of the wrapped text on screen.
    pub scroll: usize,
    /// The diagnostic under the cursor in the diagnostics pane.
    pub diagnostic: Option<usize>,
}

/// Everything the browser knows. Drawing reads it; only [`update`] and
/// [`input::handle`] change it.
#[derive(Debug)]
pub struct App {
    /// The strategy being browsed.
    pub strategy: Strategy,
    /// The file's name, terminal-safe, for the status bar.
    pub file: String,
    /// The day horizons are counted from.
    pub as_of: Date,
    /// Lint results by node.
    pub findings: Findings,
    /// Keys to actions.
    pub keymap: Keymap,
    /// Keys to actions in review mode.
    pub review_keymap: Keymap,
    /// The review in progress, if the browser is in review mode.
    pub review: Option<Box<ReviewMode>>,
    /// Who signs review records; `None` until configured (see [`review::NO_REVIEWER`]).
    pub reviewer: Option<String>,
    /// The day review records are dated with: today, as the shell read it.
    pub today: Date,
    /// The tree's rows, folds and cursor.
    pub tree: Tree,
    /// Which nodes the tree shows.
    pub filter: Filter,
    /// Titles beside ids, and the tree's share of the width.
    pub look: TreeLook,
    /// Document or roll-up.
    pub view: View,
    /// The pane movement keys go to.
    pub focus: Focus,
    /// Scroll and diagnostic cursor in the shown two-pager.
    pub reading: Reading,
    /// Overlays, topmost last: they see keys before anything else.
    pub layers: Vec<Layer>,
    /// Keys of an unfinished sequence (`g` of `g g`).
    pub pending: Vec<Key>,
    /// The search index and the last search, for `n` / `N`.
    pub search: Search,
    /// A message for the status bar, cleared by the next key.
    pub notice: Option<String>,
    /// What loading the file found, line by line, sanitized (the panel `L` opens).
    pub load_problems: Vec<String>,
    /// What the last frame drew where, for mouse clicks and page sizes.
    pub screen: Screen,
    /// Inverses of the edits made, for undo and redo.
    pub history: History,
    /// The lint settings the file asked for, to relint edited nodes.
    pub lint_config: LintConfig,
    /// Every node's progress and health, measured again after each edit.
    pub progress: Progress,
    /// The strategy as last loaded or saved: what "unsaved" is measured
    /// against. Shared with the shell's workspace, which patches saves
    /// against the same model ([`FileInfo::saved`]).
    saved: Rc<Strategy>,
    dirty: bool,
    /// Quit once the pending save succeeds (the user chose "save and quit").
    quit_after_save: bool,
    /// Counts changes to the strategy, so the shell knows when to journal.
    revision: u64,
    /// Text from the external editor that did not read back, kept to reopen:
    /// at most one per node, the newest last.
    pub external: Vec<ExternalDraft>,
    /// A merge onto the file's newer version waiting for the user to decide
    /// its conflicts (the "changed on both sides" question).
    pub merging: Option<Box<saving::PendingMerge>>,
    layout: RefCell<LayoutCache>,
}

/// The last document built and wrapped: drawing asks for the same node at
/// the same width on every frame, so one entry is enough.
#[derive(Debug, Default)]
struct LayoutCache {
    node: Option<NodeId>,
    document: Rc<Document>,
    wrapped: Option<Rc<Wrapped>>,
}

impl App {
    /// A browser over `strategy` with `diagnostics` already computed, on
    /// `today` (the shell reads the clock; the app never does).
    pub fn new(
        strategy: Strategy,
        diagnostics: Vec<Diagnostic>,
        keymap: Keymap,
        file: &str,
        today: Date,
    ) -> App {
        let saved = Rc::new(strategy.clone());
        App::with_saved(strategy, saved, diagnostics, keymap, file, today)
    }

    /// [`App::new`] with the strategy as last saved given (shared, not copied).
    fn with_saved(
        strategy: Strategy,
        saved: Rc<Strategy>,
        diagnostics: Vec<Diagnostic>,
        keymap: Keymap,
        file: &str,
        today: Date,
    ) -> App {
        let findings = Findings::new(diagnostics, strategy.len().max(max_index(&strategy)));
        let as_of = strategy.as_of.unwrap_or(today);
        let lint_config = LintConfig::default();
        let progress =
            Progress::compute(&strategy, Measure::file(as_of, today), lint_config.progress);
        let mut app = App {
            strategy,
            file: sanitize::line(file).into_owned(),
            as_of,
            findings,
            keymap,
            review_keymap: Keymap::review_bindings(),
            review: None,
            reviewer: None,
            today,
            tree: Tree::default(),
            filter: Filter::default(),
            look: TreeLook::default(),
            view: View::Document,
            focus: Focus::Tree,
            reading: Reading::default(),
            layers: Vec::new(),
            pending: Vec::new(),
            search: Search::default(),
            notice: None,
            load_problems: Vec::new(),
            screen: Screen::default(),
            history: History::default(),
            lint_config,
            progress,
            saved,
            dirty: false,
            quit_after_save: false,
            revision: 0,
            external: Vec::new(),
            merging: None,
            layout: RefCell::new(LayoutCache::default()),
        };
        app.rebuild_tree();
        app.sync_reading();
        app
    }

    /// The node whose two-pager is shown: the search result under the cursor
    /// while searching, otherwise the tree's selection.
    pub fn shown_node(&self) -> Option<NodeId> {
        if let Some(review) = &self.review {
            return review.current();
        }
        if let Some(Layer::Search(search)) = self.layers.last()
            && let Some(hit) = search.hits.get(search.cursor)
        {
            return Some(hit.node);
        }
        self.tree.selected()
    }

    /// The diagnostics of the shown node.
    pub fn shown_diagnostics(&self) -> &[Diagnostic] {
        self.shown_node()
            .map_or(&[], |id| self.findings.for_node(id))
    }

    /// The keys in force: review mode has its own.
    pub fn active_keymap(&self) -> &Keymap {
        if self.review.is_some() {
            &self.review_keymap
        } else {
            &self.keymap
        }
    }

    /// The chain the roll-up shows: the selected node up to the vision.
    pub fn chain(&self) -> Vec<NodeId> {
        let node = match &self.review {
            Some(review) => review.current(),
            None => self.tree.selected(),
        };
        node.map_or_else(Vec::new, |id| self.strategy.path_to_vision(id))
    }

    /// The shown node's document, built once and reused while it stays shown.
    pub fn document(&self, node: NodeId) -> Rc<Document> {
        let mut cache = self.layout.borrow_mut();
        if cache.node != Some(node) {
            let document = Document::build(
                &self.strategy,
                node,
                self.findings.for_node(node),
                self.as_of,
                self.progress.node(node),
            );
            *cache = LayoutCache {
                node: Some(node),
                document: Rc::new(document),
                wrapped: None,
            };
        }
        Rc::clone(&cache.document)
    }

    /// The shown node's document wrapped to `width`, cached per node and width.
    pub fn wrapped(&self, node: NodeId, width: usize) -> (Rc<Document>, Rc<Wrapped>) {
        let document = self.document(node);
        let mut cache = self.layout.borrow_mut();
        if let Some(wrapped) = &cache.wrapped
            && wrapped.width == width.max(1)
        {
            return (document, Rc::clone(wrapped));
        }
        let wrapped = Rc::new(document.wrap(width, self.findings.for_node(node).len()));
        cache.wrapped = Some(Rc::clone(&wrapped));
        (document, wrapped)
    }

    /// Starts the two-pager at the top when the shown node changed.
    pub(in crate::app) fn sync_reading(&mut self) {
        let shown = self.shown_node();
        if self.reading.node != shown {
            self.reading = Reading {
                node: shown,
                scroll: 0,
                diagnostic: None,
            };
        }
        let levels = self.chain().len();
        if let View::Rollup { cursor } = &mut self.view {
            *cursor = (*cursor).min(levels.saturating_sub(1));
        }
        let panes = self.panes();
        if !panes.contains(&self.focus) {
            self.focus = panes[0];
        }
    }

    /// The panes Tab moves between in the current view.
    pub fn panes(&self) -> Vec<Focus> {
        match self.view {
            View::Rollup { .. } => vec![Focus::Tree, Focus::Rollup],
            View::Document if self.shown_diagnostics().is_empty() => {
                vec![Focus::Tree, Focus::Document]
            }
            View::Document => vec![Focus::Tree, Focus::Document, Focus::Diagnostics],
        }
    }

    /// Measures every node's progress again (the thresholds or the whole
    /// strategy changed; an edit measures only what it touched).
    pub(in crate::app) fn remeasure(&mut self) {
        self.progress = Progress::compute(
            &self.strategy,
            Measure::file(self.as_of, self.today),
            self.lint_config.progress,
        );
    }

    /// Rebuilds the tree's rows after folds or the filter changed.
    pub(in crate::app) fn rebuild_tree(&mut self) {
        let facts = Facts {
            strategy: &self.strategy,
            findings: &self.findings,
            progress: &self.progress,
        };
        self.tree.rebuild(facts, &self.filter);
    }

    /// What the filter looks at: the strategy, its findings, its progress.
    pub fn facts(&self) -> Facts<'_> {
        Facts {
            strategy: &self.strategy,
            findings: &self.findings,
            progress: &self.progress,
        }
    }
}

/// One past the largest node index, for tables indexed by node.
pub(in crate::app) fn max_index(strategy: &Strategy) -> usize {
    strategy
        .iter()
        .map(|(id, _)| id.index() + 1)
        .max()
        .unwrap_or(0)
}
