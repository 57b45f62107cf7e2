//! Questions the browser asks before doing something that cannot be taken
//! back lightly (quit with unsaved edits, overwrite a colleague's change,
//! delete a subtree, recover or discard a crashed session's edits), and what
//! each answer does.

use super::Layer;
use super::prompt::{Prompt, PromptKind};
use crate::app::keys::table::{Hint, Press};
use crate::app::keys::{Key, KeyCode};
use crate::app::{App, Effect};
use crate::model::{NodeId, Side};
use crate::sanitize;

/// A yes/no (or more) question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Quitting with unsaved edits: save, discard or stay.
    QuitUnsaved,
    /// The file changed on disk since it was loaded and the new version does
    /// not load (no merge possible): overwrite, reload or save elsewhere.
    ChangedOnDisk,
    /// The file may not be written (read-only for this user): save as, or
    /// keep editing; the file was not touched.
    ReadOnly {
        /// The read-only file, as shown.
        path: String,
        /// One file of a directory: it cannot be saved elsewhere as one.
        in_directory: bool,
    },
    /// Reloading throws away the edits: sure?
    ReloadDiscards,
    /// Delete a node that has nothing below it.
    Delete(NodeId),
    /// Delete a node with `count` nodes below it: the first of two questions.
    DeleteWithChildren(NodeId, usize),
    /// The second question: everything below goes too.
    DeleteSubtree(NodeId, usize),
    /// Unsaved edits from an earlier run were found: recover or discard them.
    Recover(Box<RecoveryOffer>),
    /// Discarding recovered edits is for good: sure?
    DiscardRecovered,
    /// The text from the external editor for this node does not read back:
    /// reopen, keep or drop it.
    MarkdownProblem(NodeId),
    /// Quitting would drop editor text kept because it did not read back.
    QuitDropsDrafts,
    /// The file changed on disk and the same field changed on both sides
    /// ([`App::merging`] holds the merge): keep mine, keep theirs, or cancel.
    MergeConflict,
}

/// Unsaved edits from an earlier run, found in the recovery journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryOffer {
    /// The nodes they change (`intents.win`), at most a handful shown.
    pub changed: Vec<String>,
    /// How long ago they were written, in words ("3 minutes ago").
    pub age: String,
    /// False when the file changed on disk since (a pull): saving will ask.
    pub base_matches_disk: bool,
}

/// What an answer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// Close the question and carry on.
    Close,
    /// Save, and quit once the save succeeds.
    SaveAndQuit,
    /// Quit without saving; the journal goes too.
    DiscardAndQuit,
    /// Save over a colleague's change.
    Overwrite,
    /// Read their version (asking first when that drops edits).
    ReloadTheirs,
    /// Ask for another path to save mine to.
    SaveAs,
    /// Read the file again, dropping the edits.
    Reload,
    /// Delete the node and all below it.
    Delete,
    /// Ask the second question before deleting a subtree.
    AskAgain,
    /// Continue from the recovered edits.
    Recover,
    /// Ask before discarding the recovered edits.
    AskDiscard,
    /// Quit now (the journal stays for the next start).
    Quit,
    /// Discard the recovered edits.
    DiscardForGood,
    /// Quit, dropping the editor text kept in memory.
    QuitAnyway,
    /// Open the kept editor text in the editor again.
    Reopen,
    /// Drop the kept editor text.
    DropDraft,
    /// Decide a merge's conflicts for my edits, and save.
    KeepMine,
    /// Decide a merge's conflicts for theirs, and save.
    KeepTheirs,
    /// Leave the merge undecided: nothing saved, nothing changed.
    CancelMerge,
}

/// One answer to a question: its key, what it does and how the dialog
/// and the hints name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The key.
    pub press: Press,
    answer: Answer,
    /// What it does, in a few words; empty for a key that needs no
    /// saying (ctrl-c quits here as everywhere).
    pub label: &'static str,
}

const fn choice(press: Press, answer: Answer, label: &'static str) -> Choice {
    Choice {
        press,
        answer,
        label,
    }
}

const ESC: Press = Press::any(KeyCode::Esc);
const fn char(c: char) -> Press {
    Press::char(c)
}

/// The answers to `confirm`, in the order the dialog shows them: the one
/// table its keys, its choices line and its hints come from.
pub fn choices(confirm: &Confirm) -> &'static [Choice] {
    use Answer::*;
    const QUIT_UNSAVED: &[Choice] = &[
        choice(char('s'), SaveAndQuit, "save and quit"),
        choice(char('d'), DiscardAndQuit, "discard and quit"),
        choice(ESC, Close, "stay"),
    ];
    const CHANGED_ON_DISK: &[Choice] = &[
        choice(char('o'), Overwrite, "overwrite theirs"),
        choice(char('r'), ReloadTheirs, "reload theirs"),
        choice(char('a'), SaveAs, "save as"),
        choice(ESC, Close, "cancel"),
    ];
    const READ_ONLY: &[Choice] = &[
        choice(char('a'), SaveAs, "save as"),
        choice(ESC, Close, "keep editing"),
    ];
    const READ_ONLY_PART: &[Choice] = &[choice(ESC, Close, "keep editing")];
    const RELOAD_DISCARDS: &[Choice] = &[
        choice(char('y'), Reload, "reload, losing my edits"),
        choice(ESC, Close, "keep my edits"),
    ];
    const DELETE: &[Choice] = &[
        choice(char('y'), Delete, "delete"),
        choice(ESC, Close, "keep"),
    ];
    const DELETE_WITH_CHILDREN: &[Choice] = &[
        choice(char('y'), AskAgain, "delete it and all below"),
        choice(ESC, Close, "keep"),
    ];
    const DELETE_SUBTREE: &[Choice] = &[
        choice(char('y'), Delete, "yes, delete them all"),
        choice(ESC, Close, "keep"),
    ];
    // No esc: closing without an answer would let the next edit replace the
    // journal; quitting keeps it for the next start.
    const RECOVER: &[Choice] = &[
        choice(char('r'), Recover, "recover them"),
        choice(char('d'), AskDiscard, "discard them"),
        choice(char('q'), Quit, "quit, decide later"),
        choice(Press::ctrl('c'), Quit, ""),
    ];
    const DISCARD_RECOVERED: &[Choice] = &[
        choice(char('y'), DiscardForGood, "discard them for good"),
        choice(ESC, Close, "back"),
    ];
    const QUIT_DROPS_DRAFTS: &[Choice] = &[
        choice(char('y'), QuitAnyway, "quit anyway"),
        choice(ESC, Close, "stay"),
    ];
    const MARKDOWN_PROBLEM: &[Choice] = &[
        choice(char('e'), Reopen, "reopen it in the editor"),
        choice(ESC, Close, "keep it for later (E)"),
        choice(char('d'), DropDraft, "drop what I typed"),
    ];
    const MERGE_CONFLICT: &[Choice] = &[
        choice(char('m'), KeepMine, "keep mine"),
        choice(char('t'), KeepTheirs, "keep theirs"),
        choice(ESC, CancelMerge, "cancel"),
    ];
    match confirm {
        Confirm::QuitUnsaved => QUIT_UNSAVED,
        Confirm::MergeConflict => MERGE_CONFLICT,
        Confirm::ChangedOnDisk => CHANGED_ON_DISK,
        Confirm::ReadOnly {
            in_directory: false,
            ..
        } => READ_ONLY,
        Confirm::ReadOnly {
            in_directory: true, ..
        } => READ_ONLY_PART,
        Confirm::ReloadDiscards => RELOAD_DISCARDS,
        Confirm::Delete(_) => DELETE,
        Confirm::DeleteWithChildren(..) => DELETE_WITH_CHILDREN,
        Confirm::DeleteSubtree(..) => DELETE_SUBTREE,
        Confirm::Recover(_) => RECOVER,
        Confirm::DiscardRecovered => DISCARD_RECOVERED,
        Confirm::QuitDropsDrafts => QUIT_DROPS_DRAFTS,
        Confirm::MarkdownProblem(_) => MARKDOWN_PROBLEM,
    }
}

/// The answers the dialog and the hints name, as (key, what it does).
pub fn shown_choices(confirm: &Confirm) -> impl Iterator<Item = (String, &'static str)> {
    choices(confirm)
        .iter()
        .filter(|choice| !choice.label.is_empty())
        .map(|choice| (choice.press.name(), choice.label))
}

/// The hints while `confirm` is asked: its answers.
pub(super) fn hints(confirm: &Confirm) -> Vec<Hint> {
    shown_choices(confirm)
        .map(|(key, label)| Hint::new(&key, label))
        .collect()
}

/// What the confirmation asks, in words.
pub fn message(app: &App, confirm: &Confirm) -> String {
    let key = |id: NodeId| {
        app.strategy
            .get(id)
            .map_or_else(|| "?".into(), |n| sanitize::line(&n.key()).into_owned())
    };
    match *confirm {
        Confirm::QuitUnsaved => "You have unsaved edits. Save them before quitting?".into(),
        Confirm::ReadOnly {
            ref path,
            in_directory: false,
        } => format!(
            "{path} is read-only: you may not write it, so it was not replaced. Your edits are \
             kept here; save them under another name?"
        ),
        Confirm::ReadOnly {
            ref path,
            in_directory: true,
        } => format!(
            "{path} is read-only: you may not write it, so no file was saved. Your edits are \
             kept here; make it writable (chmod u+w) and save again."
        ),
        Confirm::ChangedOnDisk => format!(
            "{} changed on disk since it was loaded, and that version does not load, so your edits \
             cannot be merged onto it. Saving now would overwrite it.",
            app.file
        ),
        Confirm::MergeConflict => merge_message(app),
        Confirm::ReloadDiscards => {
            "Reload the file from disk? Every edit since the last save is lost (undo cannot bring them back).".into()
        }
        Confirm::Delete(id) => format!("Delete {}? Undo (u) brings it back.", key(id)),
        Confirm::DeleteWithChildren(id, n) => format!(
            "{} has {n} node{} below it. Deleting it deletes them too; to keep them, move them first (m).",
            key(id),
            if n == 1 { "" } else { "s" }
        ),
        Confirm::QuitDropsDrafts => {
            let nodes: Vec<String> = app.external.iter().map(|d| key(d.node)).collect();
            format!(
                "The text you wrote in the editor for {} did not read back and is only kept here. \
                 Quitting drops it; E reopens it.",
                nodes.join(", ")
            )
        }
        Confirm::MarkdownProblem(node) => match app.draft_for(node) {
            Some(draft) => format!(
                "What the editor left does not read as a two-pager: {}",
                sanitize::line(&draft.problem)
            ),
            None => "The editor's text does not read as a two-pager.".into(),
        },
        Confirm::Recover(ref offer) => {
            let mut nodes: Vec<String> = offer
                .changed
                .iter()
                .take(6)
                .map(|k| sanitize::line(k).into_owned())
                .collect();
            if offer.changed.len() > 6 {
                nodes.push(format!("and {} more", offer.changed.len() - 6));
            }
            let disk = if offer.base_matches_disk {
                ""
            } else {
                " The file has changed on disk since; saving will ask what to do."
            };
            format!(
                "strata stopped {} with unsaved edits to {}.{disk}",
                offer.age,
                nodes.join(", ")
            )
        }
        Confirm::DiscardRecovered => {
            "Discard the recovered edits for good? Nothing can bring them back.".into()
        }
        Confirm::DeleteSubtree(id, n) => format!(
            "Really delete {} and the {n} node{} below it?",
            key(id),
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// Handles a key on a confirmation: the answer its key names, if any.
pub(super) fn key(app: &mut App, confirm: Confirm, key: Key) -> Vec<Effect> {
    let Some(answer) = choices(&confirm)
        .iter()
        .find(|choice| choice.press.matches(key))
        .map(|choice| choice.answer)
    else {
        return Vec::new();
    };
    match (answer, confirm) {
        (Answer::Close, _) => {
            app.layers.pop();
            Vec::new()
        }
        (Answer::SaveAndQuit, _) => {
            app.layers.pop();
            app.quit_after_save = true;
            vec![Effect::Save]
        }
        (Answer::DiscardAndQuit, _) => vec![Effect::DiscardJournal, Effect::Quit],
        (Answer::Overwrite, _) => {
            app.layers.pop();
            vec![Effect::Overwrite]
        }
        (Answer::ReloadTheirs, _) => {
            app.layers.pop();
            if app.is_dirty() {
                app.layers.push(Layer::Confirm(Confirm::ReloadDiscards));
                Vec::new()
            } else {
                vec![Effect::Reload]
            }
        }
        (Answer::SaveAs, _) => {
            app.layers.pop();
            let path = mine_name(&app.file);
            app.layers
                .push(Layer::Prompt(Prompt::new(PromptKind::SaveAs, &path)));
            Vec::new()
        }
        (Answer::Reload, _) => {
            app.layers.pop();
            vec![Effect::Reload]
        }
        (Answer::Delete, Confirm::Delete(id) | Confirm::DeleteSubtree(id, _)) => {
            app.layers.pop();
            app.delete_node(id);
            Vec::new()
        }
        (Answer::AskAgain, Confirm::DeleteWithChildren(id, n)) => {
            app.layers.pop();
            app.layers
                .push(Layer::Confirm(Confirm::DeleteSubtree(id, n)));
            Vec::new()
        }
        (Answer::Recover, _) => {
            app.layers.pop();
            vec![Effect::Recover]
        }
        (Answer::AskDiscard, _) => {
            app.layers.push(Layer::Confirm(Confirm::DiscardRecovered));
            Vec::new()
        }
        (Answer::Quit, _) => vec![Effect::Quit],
        (Answer::KeepMine | Answer::KeepTheirs, _) => {
            app.layers.pop();
            let side = if answer == Answer::KeepMine {
                Side::Mine
            } else {
                Side::Theirs
            };
            app.resolve_merge(side)
        }
        (Answer::CancelMerge, _) => {
            app.layers.pop();
            app.merging = None;
            app.quit_after_save = false;
            app.notice =
                Some("not saved: your edits are kept; the file on disk is unchanged".into());
            Vec::new()
        }
        (Answer::DiscardForGood, _) => {
            app.layers.pop();
            app.layers.pop();
            app.notice = Some("discarded the unsaved edits from the earlier session".into());
            vec![Effect::DiscardJournal]
        }
        (Answer::QuitAnyway, _) => {
            app.layers.pop();
            app.external.clear();
            app.request_quit()
        }
        (Answer::Reopen, Confirm::MarkdownProblem(node)) => {
            app.layers.pop();
            match app.draft_for(node) {
                Some(draft) => vec![Effect::OpenEditor(node, draft.text.clone())],
                None => Vec::new(),
            }
        }
        (Answer::DropDraft, Confirm::MarkdownProblem(node)) => {
            app.layers.pop();
            app.drop_draft(node);
            app.notice =
                Some("dropped the text from the editor; the two-pager is unchanged".into());
            Vec::new()
        }
        // Every table above pairs an answer with its own question.
        (Answer::Delete | Answer::AskAgain | Answer::Reopen | Answer::DropDraft, _) => Vec::new(),
    }
}

/// The merge question: what both sides changed, mine and theirs in full.
fn merge_message(app: &App) -> String {
    let Some(pending) = &app.merging else {
        return "The merge is gone; save again.".into();
    };
    let conflicts = &pending.merge.conflicts;
    let they = if conflicts.len() == 1 {
        "a field"
    } else {
        "fields"
    };
    let mut out = format!(
        "{} changed on disk (a colleague's edit?). Your other edits merge onto it, but you \
         both changed {they} differently; keep which?",
        app.file
    );
    for conflict in conflicts {
        let field = if conflict.field == "node" || conflict.field == "order" {
            String::new()
        } else {
            format!(" · {}", conflict.field)
        };
        out.push_str(&format!("\n\n{}{field}", sanitize::line(&conflict.key)));
        for (side, text) in [("mine", &conflict.mine), ("theirs", &conflict.theirs)] {
            let mut lines = text.lines();
            let first = lines.next().unwrap_or("");
            out.push_str(&format!("\n  {side:<7}{}", sanitize::line(first)));
            for line in lines {
                out.push_str(&format!("\n         {}", sanitize::line(line)));
            }
        }
    }
    out
}

/// A new name beside `file` to save my version under: `plan.toml` →
/// `plan.mine.toml`.
fn mine_name(file: &str) -> String {
    match file.strip_suffix(".toml") {
        Some(stem) => format!("{stem}.mine.toml"),
        None => format!("{file}.mine"),
    }
}

impl App {
    /// Quits, or asks first when there are unsaved changes.
    pub(in crate::app) fn request_quit(&mut self) -> Vec<Effect> {
        if !self.external.is_empty() {
            self.layers.push(Layer::Confirm(Confirm::QuitDropsDrafts));
            Vec::new()
        } else if self.dirty {
            self.layers.push(Layer::Confirm(Confirm::QuitUnsaved));
            Vec::new()
        } else {
            vec![Effect::Quit]
        }
    }
}
