//! Editing a whole two-pager in the user's own editor (`E`): the app asks
//! the shell to run it on the node's Markdown and takes the text back. A
//! document that does not read back is kept, with the problem and an offer
//! to reopen it; nothing typed there is dropped without the user's say.

use super::overlays::Layer;
use super::overlays::confirm::Confirm;
use super::{App, Effect};
use crate::model::{Edit, NodeId, follow_metric_renames, from_markdown, to_markdown};
use crate::sanitize;

/// Text from the editor that did not read back as a two-pager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalDraft {
    /// The node it is for.
    pub node: NodeId,
    /// What the editor left.
    pub text: String,
    /// Why it did not read back (`line 12: …`, with help).
    pub problem: String,
}

impl App {
    /// Asks the shell to open the shown node in the editor: the kept draft
    /// if there is one for it, else the node as Markdown.
    pub(in crate::app) fn open_external(&mut self) -> Vec<Effect> {
        let Some(node) = self.shown_node() else {
            return Vec::new();
        };
        let Some(current) = self.strategy.get(node) else {
            return Vec::new();
        };
        let text = match self.draft_for(node) {
            Some(draft) => draft.text.clone(),
            None => to_markdown(current),
        };
        vec![Effect::OpenEditor(node, text)]
    }

    /// The kept editor text for `node`, if its last round trip did not read back.
    pub fn draft_for(&self, node: NodeId) -> Option<&ExternalDraft> {
        self.external.iter().find(|draft| draft.node == node)
    }

    /// Forgets the kept editor text for `node` (it read back, or the user dropped it).
    pub(in crate::app) fn drop_draft(&mut self, node: NodeId) {
        self.external.retain(|draft| draft.node != node);
    }
}

/// Takes back what the editor left for `node` (or why it did not run).
pub fn external_edited(app: &mut App, node: NodeId, result: Result<String, String>) -> Vec<Effect> {
    let text = match result {
        Ok(text) => text,
        Err(why) => {
            app.notice = Some(format!("{}; nothing changed", sanitize::line(&why)));
            return Vec::new();
        }
    };
    let Some(current) = app.strategy.get(node) else {
        app.notice = Some("that node is no longer in the strategy".into());
        return Vec::new();
    };
    if text.trim().is_empty() {
        app.drop_draft(node);
        app.notice = Some("the document was emptied: edit cancelled, nothing changed".into());
        return Vec::new();
    }
    match from_markdown(&text, current) {
        Ok(doc) if doc == current.doc => {
            app.drop_draft(node);
            app.notice = Some("no change".into());
        }
        Ok(doc) => {
            // A metric renamed in the editor keeps its check-ins, in the same step.
            let follow = follow_metric_renames(&current.doc, &doc, &current.checkins);
            app.drop_draft(node);
            let mut edit = Edit::SetDoc {
                node,
                doc: Box::new(doc),
            };
            if let Some(checkins) = follow {
                edit = Edit::Batch(vec![edit, Edit::SetCheckins { node, checkins }]);
            }
            match app.commit(edit) {
                Ok(()) => app.notice = Some("two-pager updated; u undoes it".into()),
                Err(error) => app.notice = Some(format!("not applied: {error}")),
            }
        }
        Err(error) => {
            app.drop_draft(node);
            app.external.push(ExternalDraft {
                node,
                text,
                problem: error.to_string(),
            });
            app.layers
                .push(Layer::Confirm(Confirm::MarkdownProblem(node)));
        }
    }
    Vec::new()
}
