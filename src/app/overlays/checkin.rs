//! `c`: record a check-in for one of the shown node's metrics: which metric
//! (up and down), its value, a note and the day (tab between them). Enter
//! hands the answer to `tracking.rs`, which records it as one undoable edit;
//! a value already recorded differently that day is corrected by a second
//! enter.

use super::Layer;
use crate::app::keys::table::{Hint, KeyTable, Press, commands};
use crate::app::keys::{Key, KeyCode};
use crate::app::text::{self, TextBuffer};
use crate::app::{App, Effect};
use crate::model::NodeId;

/// The boxes of the form, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The value (`61`, `14%`).
    Value,
    /// What a reader should know about it.
    Note,
    /// The day it was measured.
    Date,
}

impl Entry {
    /// The boxes in tab order.
    pub const ALL: [Entry; 3] = [Entry::Value, Entry::Note, Entry::Date];

    /// The box's label.
    pub fn label(self) -> &'static str {
        match self {
            Entry::Value => "Value",
            Entry::Note => "Note",
            Entry::Date => "On",
        }
    }
}

/// The check-in being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckinForm {
    /// The node whose metric is checked in.
    pub node: NodeId,
    /// The metric, an index into its `metrics`.
    pub metric: usize,
    /// The box the cursor is in.
    pub entry: Entry,
    /// The value typed.
    pub value: TextBuffer,
    /// The note typed.
    pub note: TextBuffer,
    /// The day, `YYYY-MM-DD`.
    pub date: TextBuffer,
    /// Why the last enter was refused.
    pub error: Option<String>,
    /// Set when enter found another value recorded on that day: the next
    /// enter corrects it.
    pub fix: bool,
}

impl CheckinForm {
    /// A form for metric `metric` of `node`, dated `day` (`YYYY-MM-DD`).
    pub fn new(node: NodeId, metric: usize, day: &str) -> CheckinForm {
        CheckinForm {
            node,
            metric,
            entry: Entry::Value,
            value: TextBuffer::new(""),
            note: TextBuffer::new(""),
            date: TextBuffer::new(day),
            error: None,
            fix: false,
        }
    }

    /// The text of `entry`.
    pub fn text(&self, entry: Entry) -> &TextBuffer {
        match entry {
            Entry::Value => &self.value,
            Entry::Note => &self.note,
            Entry::Date => &self.date,
        }
    }

    fn text_mut(&mut self) -> &mut TextBuffer {
        match self.entry {
            Entry::Value => &mut self.value,
            Entry::Note => &mut self.note,
            Entry::Date => &mut self.date,
        }
    }
}

commands! {
    /// What the check-in form's own keys do.
    pub enum Command {
        /// Record the check-in (and, when that day has another value, a
        /// second enter corrects it); u undoes it afterwards.
        Record,
        /// The next box: value, note, day.
        NextEntry,
        /// The previous box.
        PreviousEntry,
        /// The node's next metric.
        NextMetric,
        /// The node's previous metric.
        PreviousMetric,
        /// Close the form; nothing is recorded.
        Cancel,
        /// Quit strata (asks first when there are unsaved edits).
        Quit,
    }
}

/// Keys of the check-in form; the keys every text box shares come after them.
pub const KEYS: KeyTable<Command> = KeyTable::new(&[
    (Press::exactly(Key::ctrl('c')), Command::Quit),
    (Press::any(KeyCode::Esc), Command::Cancel),
    (Press::any(KeyCode::Enter), Command::Record),
    (Press::key(KeyCode::Tab), Command::NextEntry),
    (Press::key(KeyCode::BackTab), Command::PreviousEntry),
    (Press::key(KeyCode::Down), Command::NextMetric),
    (Press::key(KeyCode::Up), Command::PreviousMetric),
]);

/// Opens the form for metric `metric` of `node`, dated `day`.
pub(in crate::app) fn open(app: &mut App, node: NodeId, metric: usize, day: &str) {
    app.layers.push(Layer::Checkin(Box::new(CheckinForm::new(
        node, metric, day,
    ))));
}

/// Handles a key in the form.
pub(super) fn key(app: &mut App, key: Key) -> Vec<Effect> {
    let metrics = match app.layers.last() {
        Some(Layer::Checkin(form)) => app
            .strategy
            .get(form.node)
            .map_or(0, |n| n.doc.metrics.len()),
        _ => return Vec::new(),
    };
    let Some(Layer::Checkin(form)) = app.layers.last_mut() else {
        return Vec::new();
    };
    let at = Entry::ALL
        .iter()
        .position(|e| *e == form.entry)
        .unwrap_or(0);
    match KEYS.command(key) {
        Some(Command::Quit) => return app.request_quit(),
        Some(Command::Cancel) => {
            app.layers.pop();
        }
        Some(Command::Record) => return submit(app),
        Some(Command::NextEntry) => form.entry = Entry::ALL[(at + 1) % Entry::ALL.len()],
        Some(Command::PreviousEntry) => {
            form.entry = Entry::ALL[(at + Entry::ALL.len() - 1) % Entry::ALL.len()]
        }
        Some(Command::NextMetric) => {
            form.metric = (form.metric + 1).min(metrics.saturating_sub(1));
            form.fix = false;
            form.error = None;
        }
        Some(Command::PreviousMetric) => {
            form.metric = form.metric.saturating_sub(1);
            form.fix = false;
            form.error = None;
        }
        None => {
            text::keys::edit(form.text_mut(), key);
            form.fix = false;
            form.error = None;
        }
    }
    Vec::new()
}

/// The hints while the form is open.
pub(super) fn hints(form: &CheckinForm) -> Vec<Hint> {
    let record = if form.fix { "correct it" } else { "record" };
    [
        KEYS.hint(Command::Record, record),
        KEYS.hint(Command::NextEntry, "next box"),
        Some(Hint::new("↑/↓", "metric")),
        KEYS.hint(Command::Cancel, "cancel"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// Pasted text goes into the box with the cursor, line breaks as spaces.
pub(super) fn paste(app: &mut App, text: &str) {
    if let Some(Layer::Checkin(form)) = app.layers.last_mut() {
        for c in text.chars() {
            form.text_mut().insert(if c == '\n' { ' ' } else { c });
        }
        form.fix = false;
        form.error = None;
    }
}

/// Hands the form to the room that records it; a refusal keeps the form
/// open, as typed, and says why.
fn submit(app: &mut App) -> Vec<Effect> {
    let Some(Layer::Checkin(mut form)) = app.layers.pop() else {
        return Vec::new();
    };
    match app.record_checkin_from(&form) {
        Ok(effects) => effects,
        Err((why, fix)) => {
            form.error = Some(why);
            form.fix = fix;
            app.layers.push(Layer::Checkin(form));
            Vec::new()
        }
    }
}
