//! Everything a key can ask strata to do, named as the config file names it.
//!
//! Each variant's `///` line is its description: the help overlay and the
//! generated `docs/keymap.md` both read it through [`Action::description`], so
//! the docs cannot drift from the code.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares [`Action`] and keeps each variant's config name and doc line
/// beside it, the way clippy's `declare_clippy_lint!` keeps a lint's docs.
macro_rules! actions {
    ($( $(#[doc = $doc:literal])+ $variant:ident = $name:literal, )+) => {
        /// A command a key is bound to; serialized as its kebab-case name (`page-down`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl Action {
            /// Every action, in the order the help overlay lists them.
            pub const ALL: &'static [Action] = &[$(Action::$variant),+];

            /// The name used in the config file (`page-down`).
            pub fn name(self) -> &'static str {
                match self { $(Action::$variant => $name,)+ }
            }

            /// What the action does, in one line: its doc comment.
            pub fn description(self) -> &'static str {
                match self { $(Action::$variant => concat!($($doc),+).trim_ascii(),)+ }
            }
        }
    };
}

actions! {
    /// Leave strata.
    Quit = "quit",
    /// Move down: the next node, level or diagnostic, or scroll the text down.
    MoveDown = "move-down",
    /// Move up: the previous node, level or diagnostic, or scroll the text up.
    MoveUp = "move-up",
    /// Fold the selected node; on a folded node or a leaf, go to its parent.
    Collapse = "collapse",
    /// Unfold the selected node; on an open node, go to its first child.
    Expand = "expand",
    /// Open what is selected: fold or unfold a node, jump to a roll-up level, show a diagnostic's text.
    Activate = "activate",
    /// Go to the first row, or the top of the text.
    GoTop = "go-top",
    /// Go to the last row, or the end of the text.
    GoBottom = "go-bottom",
    /// Move down one screen.
    PageDown = "page-down",
    /// Move up one screen.
    PageUp = "page-up",
    /// Move down half a screen.
    HalfPageDown = "half-page-down",
    /// Move up half a screen.
    HalfPageUp = "half-page-up",
    /// Focus the next pane (tree, document, diagnostics).
    FocusNext = "focus-next",
    /// Focus the previous pane.
    FocusPrevious = "focus-previous",
    /// Show or hide the roll-up: how the selected node ladders up to the vision.
    ToggleRollup = "toggle-rollup",
    /// Search ids, tracker keys, titles, owners and text; results are ranked as you type.
    Search = "search",
    /// Go to the next search result.
    NextMatch = "next-match",
    /// Go to the previous search result.
    PreviousMatch = "previous-match",
    /// Choose which nodes the tree shows: with errors, warnings or any finding, failing a criterion, by status, owner or health.
    Filter = "filter",
    /// Show every node again.
    ClearFilter = "clear-filter",
    /// Show or hide titles beside the ids in the tree (remembered for the next start).
    ToggleTitles = "toggle-titles",
    /// Make the tree narrower (remembered for the next start).
    NarrowTree = "narrow-tree",
    /// Make the tree wider (remembered for the next start).
    WidenTree = "widen-tree",
    /// List the problems found while loading the file (the status line says when there are some).
    LoadProblems = "load-problems",
    /// Go to the selected node's next diagnostic and show the text it points at.
    NextDiagnostic = "next-diagnostic",
    /// Go to the selected node's previous diagnostic.
    PreviousDiagnostic = "previous-diagnostic",
    /// Go to the next node in the tree that has errors or warnings.
    NextProblemNode = "next-problem-node",
    /// Go to the previous node in the tree that has errors or warnings.
    PreviousProblemNode = "previous-problem-node",
    /// Unfold every node.
    ExpandAll = "expand-all",
    /// Fold every node below the vision's children.
    CollapseAll = "collapse-all",
    /// Step back: leave the roll-up or the review, let go of the selected diagnostic, or forget the last search.
    Cancel = "cancel",
    /// Show every key and what it does.
    Help = "help",
    /// Edit a section of the shown two-pager (title, today, future, will-not, metrics, notes, owner, horizon, status) or the company name.
    Edit = "edit",
    /// Edit the whole two-pager as Markdown in $VISUAL or $EDITOR; saved text comes back as one undoable change.
    EditInEditor = "edit-in-editor",
    /// Undo the last change.
    Undo = "undo",
    /// Redo the last undone change.
    Redo = "redo",
    /// Save the file; if someone changed it on disk meanwhile, ask first.
    Save = "save",
    /// Add a node under the selected one: asks for its title, then its id.
    AddChild = "add-child",
    /// Add a node next to the selected one, under the same parent.
    AddSibling = "add-sibling",
    /// Give the selected node a new id; every reference to it follows.
    RenameId = "rename-id",
    /// Move the selected node under another parent, picked from a list.
    Reparent = "reparent",
    /// Move the selected node above its previous sibling.
    MoveNodeUp = "move-node-up",
    /// Move the selected node below its next sibling.
    MoveNodeDown = "move-node-down",
    /// Delete the selected node (asks first; twice when nodes sit below it).
    Delete = "delete",
    /// Record a metric's value on a day for the shown two-pager (a check-in): pick the metric, type the value; undoable, saved with ctrl-s.
    CheckIn = "check-in",
    /// Review the selected node and the nodes below it, one screen each, in cascade order.
    StartReview = "start-review",
    /// Approve the node under review (a node with lint errors asks for the reason first).
    Approve = "approve",
    /// Send the node under review back: type what should change, then esc.
    RequestChanges = "request-changes",
    /// Mark the node under review as needing discussion before anyone decides.
    Discuss = "discuss",
    /// Add a comment to the node under review without deciding anything.
    Comment = "comment",
    /// Leave the node under review undecided and go to the next one.
    Skip = "skip",
    /// Go to the next node in the review.
    NextNode = "next-node",
    /// Go to the previous node in the review.
    PreviousNode = "previous-node",
    /// Go to the next node in the review that has no decision yet.
    NextUndecided = "next-undecided",
    /// With --since: show the old text of the changed sections beside the new.
    ToggleOldText = "toggle-old-text",
    /// Record an action item on the node under review: what, who, by when.
    AddActionItem = "add-action-item",
    /// Close one of the shown node's open action items, as done or dropped.
    CloseActionItem = "close-action-item",
    /// At the end of a review: write the meeting's notes (Markdown) beside the file.
    WriteNotes = "write-notes",
}

impl Action {
    /// The actions that only mean something in review mode, bound in `[review-keys]`.
    pub const REVIEW: &'static [Action] = &[
        Action::Approve,
        Action::RequestChanges,
        Action::Discuss,
        Action::Comment,
        Action::Skip,
        Action::NextNode,
        Action::PreviousNode,
        Action::NextUndecided,
        Action::ToggleOldText,
        Action::AddActionItem,
        Action::WriteNotes,
    ];

    /// True for the actions that only work in review mode.
    pub fn is_review_only(self) -> bool {
        Action::REVIEW.contains(&self)
    }

    /// The action called `name` in a config file.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.iter().copied().find(|a| a.name() == name)
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Action {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Action, D::Error> {
        let name = String::deserialize(deserializer)?;
        Action::from_name(&name).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "no action named `{name}`; valid actions: {}",
                Action::ALL
                    .iter()
                    .map(|a| a.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_kebab_name_and_a_description() {
        for &action in Action::ALL {
            let name = action.name();
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{name}"
            );
            assert_eq!(Action::from_name(name), Some(action));
            assert!(action.description().ends_with('.'), "{name}");
            assert!(!action.description().starts_with(' '), "{name}");
        }
    }

    #[test]
    fn serde_uses_the_config_name() {
        let json = serde_json::to_string(&Action::PageDown).unwrap();
        assert_eq!(json, "\"page-down\"");
        let back: Action = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Action::PageDown);
        let bad = serde_json::from_str::<Action>("\"page-donw\"").unwrap_err();
        assert!(bad.to_string().contains("valid actions: quit"), "{bad}");
    }
}
