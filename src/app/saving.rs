//! What the browser does with the result of a save or a reload, which the
//! shell performed (the app never touches the disk): mark the edits saved,
//! ask about a colleague's change, or say what failed and keep every edit.

use std::rc::Rc;

use super::edit::history::History;
use super::findings::Findings;
use super::overlays::Layer;
use super::overlays::confirm::{Confirm, RecoveryOffer};
use super::{App, Effect};
use crate::lint;
use crate::model::{Merge, Side, Strategy};
use crate::sanitize;

/// How a save the shell attempted ended.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Written; the file now lives at `path`.
    Saved {
        /// Where it was written.
        path: String,
        /// What was written, as the workspace now holds it (shared, so the
        /// browser keeps no copy of its own); `None`: the browser copies
        /// its strategy.
        saved: Option<Rc<Strategy>>,
    },
    /// The file changed on disk since it was read; nothing was written.
    ChangedOnDisk,
    /// The file (or, in a directory, this one of its files) is read-only
    /// for this user; nothing was written.
    ReadOnly {
        /// The file that may not be written, as shown.
        path: String,
        /// True when it is one file of a directory, which cannot be saved
        /// elsewhere as one file.
        in_directory: bool,
    },
    /// Nothing was written, for this reason (disk full, read-only, …).
    Failed(String),
}

/// Takes the result of a save back into the browser; returns what to do next
/// (quit, when the save was the "save and quit" choice).
pub fn saved(app: &mut App, outcome: SaveOutcome) -> Vec<Effect> {
    let quit = std::mem::take(&mut app.quit_after_save);
    match outcome {
        SaveOutcome::Saved { path, saved } => {
            app.saved = saved.unwrap_or_else(|| Rc::new(app.strategy.clone()));
            app.file = sanitize::line(&path).into_owned();
            app.refresh_dirty();
            app.notice = Some(format!("saved {}", app.file));
            if quit {
                return vec![Effect::Quit];
            }
        }
        SaveOutcome::ChangedOnDisk => {
            app.layers.push(Layer::Confirm(Confirm::ChangedOnDisk));
        }
        SaveOutcome::ReadOnly { path, in_directory } => {
            app.notice = Some("not saved: the file is read-only; your edits are kept".into());
            app.layers.push(Layer::Confirm(Confirm::ReadOnly {
                path: sanitize::line(&path).into_owned(),
                in_directory,
            }));
        }
        SaveOutcome::Failed(why) => {
            app.notice = Some(format!(
                "not saved: {}; your edits are kept, the file is unchanged",
                sanitize::line(&why)
            ));
        }
    }
    Vec::new()
}

/// A merge onto the file's newer version, waiting for the answer to its
/// conflicts.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingMerge {
    /// The merge, with both ways of deciding its conflicts.
    pub merge: Merge,
    /// The file's newer version, what the save is then measured against.
    theirs: Strategy,
}

impl App {
    /// Replaces the strategy with the one just read from disk (the user chose
    /// to reload): edits and their history are gone, lint starts over.
    /// `saved` is the same model as the workspace holds it, when the shell
    /// has it.
    pub fn reloaded(&mut self, strategy: Strategy, saved: Option<Rc<Strategy>>) {
        let saved = saved.unwrap_or_else(|| Rc::new(strategy.clone()));
        self.replace_strategy(strategy, saved);
        self.notice = Some("reloaded from disk".into());
    }

    /// Continues from edits recovered from the journal: `working` is the
    /// strategy with them, `base` the file they were made on (what a save
    /// is measured against).
    /// The recovered edits are one step of undo history: `u` takes the
    /// strategy back to the file's text.
    pub fn recovered(&mut self, working: Strategy, base: Strategy) {
        let undo = crate::model::edit_between(&base, &working)
            .and_then(|edit| base.clone().apply(edit).ok());
        self.replace_strategy(working, Rc::new(base));
        self.notice = Some(match undo {
            Some(undo) => {
                self.history.record(undo);
                "recovered your unsaved edits; ctrl-s saves them, u takes them back".into()
            }
            None => "recovered your unsaved edits; ctrl-s saves them".into(),
        });
    }

    /// The file changed on disk: merges this session's edits (everything
    /// since the last save: fields, nodes, order, review decisions) onto
    /// `theirs`, the file as it now is. With no conflict the app continues
    /// on the merge and returns true: the shell saves it onto their text.
    /// When the same field changed on both sides, asks which to keep
    /// ([`Confirm::MergeConflict`]) and returns false; nothing changes until
    /// the answer, which returns [`Effect::SaveMerged`].
    pub fn merge_onto(&mut self, theirs: Strategy) -> bool {
        let merge = crate::model::merge(&self.saved, &self.strategy, &theirs);
        if merge.conflicts.is_empty() {
            self.rebased(merge.into_resolved(Side::Mine), theirs);
            return true;
        }
        self.merging = Some(Box::new(PendingMerge { merge, theirs }));
        self.layers.push(Layer::Confirm(Confirm::MergeConflict));
        false
    }

    /// Says that the edits were merged onto `path` as it is on disk and
    /// saved; `answered` when the user decided conflicts first.
    pub fn merged_and_saved(&mut self, path: &str, answered: bool) {
        let path = sanitize::line(path);
        self.notice = Some(if answered {
            format!(
                "merged your edits onto {path} as it is on disk, with your answer where you \
                 both changed a field, and saved"
            )
        } else {
            format!(
                "{path} changed on disk (a colleague's edit?); your edits were merged onto that \
                 version and saved"
            )
        });
    }

    /// The answer to the conflicts of a merge: continue on the merge with
    /// each conflict decided for `side`, and save it.
    pub(in crate::app) fn resolve_merge(&mut self, side: Side) -> Vec<Effect> {
        let Some(pending) = self.merging.take() else {
            return Vec::new();
        };
        let PendingMerge { merge, theirs } = *pending;
        self.rebased(merge.into_resolved(side), theirs);
        vec![Effect::SaveMerged]
    }

    /// Continues on `theirs` (the file as it now is on disk) with `working`,
    /// theirs plus this session's edits. A review in progress keeps its
    /// queue and place, found again by key.
    pub fn rebased(&mut self, working: Strategy, theirs: Strategy) {
        let keys = |strategy: &Strategy, ids: &[crate::model::NodeId]| -> Vec<String> {
            ids.iter()
                .filter_map(|&id| strategy.get(id).map(|n| n.key()))
                .collect()
        };
        let review = self.review.as_ref().map(|review| {
            let changed: Vec<crate::model::NodeId> = review
                .since
                .iter()
                .flat_map(|s| s.changes.keys().copied())
                .collect();
            (
                keys(&self.strategy, &review.queue),
                keys(&self.strategy, &changed),
                review.at,
            )
        });
        let old = self.strategy.clone();
        self.replace_strategy(working, Rc::new(theirs));
        if let (Some(mode), Some((queue, changed, at))) = (&mut self.review, review) {
            let find = |key: &String| self.strategy.find_key(key).ok();
            mode.queue = queue.iter().filter_map(find).collect();
            mode.at = at.min(mode.queue.len().saturating_sub(1));
            if let Some(since) = &mut mode.since {
                let before = std::mem::take(&mut since.changes);
                since.changes = changed
                    .iter()
                    .filter_map(|key| {
                        let change = before.get(&old.find_key(key).ok()?)?.clone();
                        Some((find(key)?, change))
                    })
                    .collect();
            }
        }
        self.sync_reading();
    }

    /// Offers the edits found in the journal: a question that only
    /// "recover" or "discard" closes.
    pub fn offer_recovery(&mut self, offer: RecoveryOffer) {
        self.layers
            .push(Layer::Confirm(Confirm::Recover(Box::new(offer))));
    }

    /// The path typed in the "save as" prompt: save there.
    pub(in crate::app) fn save_as(&mut self, path: &str) -> Result<Vec<Effect>, String> {
        if path.trim().is_empty() {
            return Err("type a path".into());
        }
        Ok(vec![Effect::SaveAs(path.to_owned())])
    }

    /// How many times the strategy has changed since the app started.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn replace_strategy(&mut self, strategy: Strategy, saved: Rc<Strategy>) {
        let diagnostics = lint::lint_strategy(&strategy, &self.lint_config, self.as_of);
        let selected = self
            .tree
            .selected()
            .and_then(|id| self.strategy.get(id))
            .map(|n| n.key());
        self.findings = Findings::new(diagnostics, super::max_index(&strategy).max(strategy.len()));
        self.saved = saved;
        self.strategy = strategy;
        self.remeasure();
        self.revision += 1;
        self.history = History::default();
        self.search.strategy_changed();
        self.layers.clear();
        self.layout_changed();
        self.refresh_dirty();
        self.rebuild_tree();
        if let Some(id) = selected.and_then(|key| self.strategy.find_key(&key).ok()) {
            self.jump_to(id);
        }
    }
}
