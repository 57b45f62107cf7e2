//! A one-line text prompt (a title, an id, a path): what it is for, the
//! text typed, and why the last answer was refused. Enter hands the text to
//! the room that asked: adding and renaming nodes (`structure.rs`), saving
//! elsewhere (`saving.rs`).

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::NodeId;

/// What a prompt's text is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    /// A path to save to instead.
    SaveAs,
    /// The title of a new node under `parent`.
    NewTitle(NodeId),
    /// The id of a new node under `parent`, titled `title`.
    NewId(NodeId, String),
    /// A new id for a node; references follow.
    Rename(NodeId),
}

/// A one-line text prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What the text is for.
    pub kind: PromptKind,
    /// The text typed so far.
    pub input: TextBuffer,
    /// Why the last enter was refused.
    pub error: Option<String>,
}

impl Prompt {
    /// A prompt for `kind`, prefilled with `text`.
    pub fn new(kind: PromptKind, text: &str) -> Prompt {
        Prompt {
            kind,
            input: TextBuffer::new(text),
            error: None,
        }
    }

    /// The question, for the overlay's title.
    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::SaveAs => "Save as (path)",
            PromptKind::NewTitle(_) => "Title of the new node",
            PromptKind::NewId(..) => "Id of the new node",
            PromptKind::Rename(_) => "New id (references follow)",
        }
    }
}

commands! {
    /// What a prompt's own keys do.
    pub enum Command {
        /// Use what is typed; a title, an id or a path that cannot be used
        /// is refused, with why.
        Submit,
        /// Close the prompt; nothing changes.
        Cancel,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of a prompt; the keys every text box shares come after them.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::exactly(Key::ctrl('c')), Command::Quit),
    (Press::any(KeyCode::Esc), Command::Cancel),
    (Press::any(KeyCode::Enter), Command::Submit),
]);

/// Handles a key on a prompt.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let Some(Layer::Prompt(prompt)) = app.layers.last_mut() else {
        return Vec::new();
    };
    match KEYS.command(key) {
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Cancel) => {
            app.layers.pop();
        }
        Some(Command::Submit) => return submit(app),
        None => {
            text::keys::edit(&mut prompt.input, key);
            prompt.error = None;
        }
    }
    Vec::new()
}

/// The hints while a prompt is open.
pub(super) fn hints() -> Vec<Hint> {
    [
        KEYS.hint(Command::Submit, "ok"),
        KEYS.hint(Command::Cancel, "cancel"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Hands the text to the room that asked for it. A refusal keeps the
/// prompt open with the text as typed and says why.
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Layer::Prompt(mut prompt)) = app.layers.pop() else {
        return Vec::new();
    };
    let text = prompt.input.text();
    let answered = match &prompt.kind {
        PromptKind::SaveAs => app.save_as(&text),
        PromptKind::NewTitle(parent) => app.name_new_node(*parent, &text),
        PromptKind::NewId(parent, title) => app.add_node(*parent, title, &text),
        PromptKind::Rename(node) => app.rename_node(*node, &text),
    };
    answered.unwrap_or_else(|why| {
        prompt.error = Some(why);
        app.layers.push(Layer::Prompt(prompt));
        Vec::new()
    })
}

/// Pasted text goes into the prompt as typed, line breaks as spaces.
pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(Layer::Prompt(prompt)) = app.layers.last_mut() {
        for c in text.chars() {
            prompt.input.insert(if c == '\n' { ' ' } else { c });
        }
        prompt.error = None;
    }
}
