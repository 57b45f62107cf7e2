//! Carrying out the effects that touch the disk (save, overwrite, save as,
//! reload) and feeding their results back to the browser. Kept apart from
//! the terminal so tests can run the same code, with a write step that fails.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::app::external;
use crate::app::saving::{self, SaveOutcome};
use crate::app::{App, Effect};
use crate::sanitize;
use crate::store::{
    Journal, JournalError, JournalLock, LookState, Recovered, SaveError, Throttle, Workspace,
    rebase_by_key,
};

/// The write step of a save (a test seam: tests pass one that fails).
pub type WriteStep = Box<dyn FnMut(&mut File, &[u8]) -> io::Result<()>>;

/// Edits a text in the user's editor: the terminal one, or a stand-in in tests.
pub type ExternalEditor = Box<dyn FnMut(&str) -> Result<String, String>>;

/// The open file (or directory of files), how to write it, and its
/// crash-recovery journal.
pub struct Session {
    file: Workspace,
    write: WriteStep,
    journal: Option<Journaling>,
    /// True when another strata window journals this file, so this one doesn't.
    journal_busy: bool,
    /// How long an edit may wait before it is journaled.
    journal_delay: Duration,
    external: ExternalEditor,
    /// True after the editor had the terminal: the next frame redraws all.
    pub terminal_was_lent: bool,
    /// Where the browser's look is remembered; `None` where there is no state directory.
    look: Option<LookState>,
    /// The file's newer version while the app asks about a merge's
    /// conflicts: what the merge is saved onto.
    merging: Option<Workspace>,
}

/// The journal of the open file and when to write it next.
struct Journaling {
    dir: PathBuf,
    journal: Journal,
    throttle: Throttle,
    /// The app's revision when the journal last caught up with it.
    seen: u64,
    /// Edits found at start, until the user recovers or discards them.
    found: Option<Recovered>,
    /// Say only once that the journal cannot be written.
    warned: bool,
    /// Held while this session journals the file (`None` where the file
    /// system cannot lock: journaling goes on unguarded).
    _lock: Option<JournalLock>,
}

impl Session {
    /// A session that writes `file` (a [`StrategyFile`](crate::store::StrategyFile)
    /// or a [`Workspace`]) normally.
    pub fn new(file: impl Into<Workspace>) -> Session {
        Session::with_writer(file, Box::new(|file, bytes| file.write_all(bytes)))
    }

    /// A session whose saves write through `write`.
    pub fn with_writer(file: impl Into<Workspace>, write: WriteStep) -> Session {
        Session {
            file: file.into(),
            write,
            journal: None,
            journal_busy: false,
            journal_delay: Throttle::DELAY,
            external: Box::new(super::external::edit_in_terminal),
            terminal_was_lent: false,
            look: None,
            merging: None,
        }
    }

    /// Remembers the browser's look (`t`, `<`, `>`) in `look`.
    pub fn with_look_state(mut self, look: LookState) -> Session {
        self.look = Some(look);
        self
    }

    /// Edits two-pagers with `editor` instead of the user's (tests).
    pub fn with_external_editor(mut self, editor: ExternalEditor) -> Session {
        self.external = editor;
        self
    }

    /// Keeps unsaved edits in a recovery journal in `dir` (see
    /// [`journal_dir`](crate::store::journal_dir)).
    pub fn with_journal(mut self, dir: PathBuf) -> Session {
        let journal = Journal::in_dir(&dir, self.file.path());
        let lock = match journal.lock() {
            Ok(Some(lock)) => Some(lock),
            Ok(None) => {
                self.journal_busy = true;
                return self;
            }
            Err(_) => None,
        };
        self.journal = Some(Journaling {
            _lock: lock,
            dir,
            journal,
            throttle: Throttle::with_delay(self.journal_delay),
            seen: 0,
            found: None,
            warned: false,
        });
        self
    }

    /// Lets an edit wait `delay` before it is journaled instead of
    /// [`Throttle::DELAY`] (the shell's `STRATA_JOURNAL_DELAY_MS`).
    pub fn with_journal_delay(mut self, delay: Duration) -> Session {
        self.journal_delay = delay;
        if let Some(journaling) = &mut self.journal {
            journaling.throttle = Throttle::with_delay(delay);
        }
        self
    }

    /// Looks for edits an earlier run left in the journal and offers them.
    /// A damaged journal is reported, never trusted, and never a crash.
    pub fn offer_recovery(&mut self, app: &mut App) {
        if self.journal_busy {
            app.notice = Some(
                "another strata window has this file open: its crash-recovery journal is left \
                 to it, and this window keeps none, so save often (ctrl-s)"
                    .into(),
            );
        }
        let Some(journaling) = &mut self.journal else {
            return;
        };
        match journaling.journal.read() {
            Ok(None) => {}
            Ok(Some(found)) if found.already_saved => {
                let _ = journaling.journal.discard();
            }
            Ok(Some(found)) => {
                match super::recovery_offer::recovery_offer(self.file.path(), &found) {
                    Ok(offer) => {
                        journaling.found = Some(found);
                        app.offer_recovery(offer);
                    }
                    Err(why) => {
                        app.notice = Some(format!(
                            "the recovery journal is unusable ({why}); your next edit replaces it"
                        ))
                    }
                }
            }
            Err(error @ (JournalError::Corrupt(_) | JournalError::Io(_))) => {
                app.notice = Some(format!(
                    "{}; your next edit replaces it",
                    sanitize::line(&error.to_string())
                ));
            }
        }
    }

    /// Notes a change of the strategy and writes the journal when it is due.
    /// Call after every input and whenever the loop wakes up.
    pub fn tick(&mut self, app: &mut App, now: Instant) {
        let Some(journaling) = &mut self.journal else {
            return;
        };
        if journaling.found.is_some() {
            return; // The old edits wait for an answer; do not overwrite them.
        }
        if app.revision() != journaling.seen {
            // Each keystroke of typing is one revision: the throttle counts
            // characters by them (a paste adds its length, `pasted`).
            let changes = app.revision().saturating_sub(journaling.seen);
            journaling.seen = app.revision();
            if app.is_dirty() {
                journaling
                    .throttle
                    .edited(now, usize::try_from(changes).unwrap_or(usize::MAX));
            } else {
                let _ = journaling.journal.discard();
                journaling.throttle.written();
            }
        }
        if journaling.throttle.is_due(now) {
            self.write_journal(app, now);
        }
    }

    /// Notes that `text` was pasted: it counts as that many characters
    /// typed, so a long paste is journaled at once. Call before the paste is
    /// handled.
    pub fn pasted(&mut self, text: &str, now: Instant) {
        if let Some(journaling) = &mut self.journal {
            journaling.throttle.edited(now, text.chars().count());
        }
    }

    /// When the journal is next due, for the event loop's wait.
    pub fn journal_due(&self) -> Option<Instant> {
        self.journal.as_ref()?.throttle.due_at()
    }

    /// Writes the journal now if anything is waiting (a signal, a panic).
    pub fn flush(&mut self, app: &mut App) {
        // A long draft waiting for a pause is an edit too.
        app.settle_draft();
        self.journal_now(app);
    }

    /// Journals what the strategy holds now, if anything is unjournaled.
    fn journal_now(&mut self, app: &mut App) {
        let now = Instant::now();
        self.tick(app, now);
        if self.journal_due().is_some() {
            self.write_journal(app, now);
        }
    }

    fn write_journal(&mut self, app: &mut App, now: Instant) {
        let Some(journaling) = &mut self.journal else {
            return;
        };
        let result = self.file.edited_snapshot(&app.strategy).and_then(|text| {
            journaling
                .journal
                .write(&self.file.snapshot(), &text)
                .map_err(|e| e.to_string())
        });
        match result {
            Ok(()) => journaling.throttle.journaled(now),
            Err(why) => {
                journaling.throttle.write_failed(now);
                if !journaling.warned {
                    journaling.warned = true;
                    app.notice = Some(format!(
                        "could not write the recovery journal: {}; save often",
                        sanitize::line(&why)
                    ));
                }
            }
        }
    }

    /// The file was saved (maybe under a new name): the journal's job is done.
    fn saved(&mut self) {
        let path = self.file.path().to_path_buf();
        let Some(journaling) = &mut self.journal else {
            return;
        };
        let _ = journaling.journal.discard();
        let journal = Journal::in_dir(&journaling.dir, &path);
        if journal.path() != journaling.journal.path() {
            // Saved under another name: the journal follows the file, and so
            // does the claim on it, unless another window holds that one.
            match journal.lock() {
                Ok(None) => {
                    self.journal = None;
                    self.journal_busy = true;
                    return;
                }
                Ok(lock) => journaling._lock = lock,
                Err(_) => journaling._lock = None,
            }
            journaling.journal = journal;
        }
        journaling.throttle.written();
    }

    /// The file (or directory) as last read or saved.
    pub fn file(&self) -> &Workspace {
        &self.file
    }

    /// Performs `effects` (and whatever they lead to); true when the browser should exit.
    pub fn run(&mut self, app: &mut App, effects: Vec<Effect>) -> bool {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Quit => return true,
                Effect::Save => self.save_or_merge(app, &mut queue),
                Effect::SaveMerged => {
                    // The app continues on the merge onto the version this
                    // session read when it asked: that is the text to patch.
                    if let Some(file) = self.merging.take() {
                        self.file = file;
                    }
                    self.save_or_merge(app, &mut queue);
                    if app
                        .notice
                        .as_deref()
                        .is_some_and(|n| n.starts_with("saved"))
                    {
                        app.merged_and_saved(&self.file.path().display().to_string(), true);
                    }
                }
                Effect::Overwrite => {
                    let path = self.file.path().to_path_buf();
                    let result = self.file.save_as(&path, &app.strategy);
                    let outcome = self.outcome(result);
                    queue.extend(self.saved_outcome(app, outcome));
                }
                Effect::SaveAs(path) => {
                    let old = self.file.path().to_path_buf();
                    let path = PathBuf::from(path);
                    // Save as makes a new file: replacing one (the colleague's
                    // changed file, say) is what "overwrite" is for, asked apart.
                    let outcome = if path.exists() {
                        SaveOutcome::Failed(format!(
                            "{} already exists and save as never replaces a file; \
                             pick a new name, or o (overwrite) to replace the file on disk",
                            sanitize::line(&path.display().to_string())
                        ))
                    } else {
                        let result = self.file.save_as(&path, &app.strategy);
                        self.outcome(result)
                    };
                    // Their file keeps its journal-free state; ours moves with us.
                    if let (SaveOutcome::Saved { .. }, Some(journaling)) =
                        (&outcome, &mut self.journal)
                    {
                        let _ = Journal::in_dir(&journaling.dir, &old).discard();
                    }
                    queue.extend(self.saved_outcome(app, outcome));
                }
                Effect::Reload => match Workspace::open(self.file.path()) {
                    Ok((file, strategy)) => {
                        self.file = file;
                        app.reloaded(strategy, Some(self.file.shared_baseline()));
                        self.discard_journal();
                    }
                    Err(error) => {
                        app.notice =
                            Some(format!("could not reload: {error}; your edits are kept"));
                    }
                },
                Effect::Recover => self.recover(app),
                Effect::OpenEditor(node, text) => {
                    // Whatever the journal is waiting for is written first:
                    // the editor may run for a long time.
                    self.flush(app);
                    let result = (self.external)(&text);
                    self.terminal_was_lent = true;
                    queue.extend(external::external_edited(app, node, result));
                }
                Effect::DiscardJournal => self.discard_journal(),
                Effect::RememberLook(look) => {
                    if let Some(error) =
                        self.look.as_ref().and_then(|s| s.remember(&look.to_text()))
                    {
                        app.notice = Some(error);
                    }
                }
                Effect::WriteNotes(text) => {
                    app.notice = Some(
                        match super::notes::write_notes(self.file.path(), app.today, &text) {
                            Ok(path) => format!(
                                "notes written to {}",
                                sanitize::line(&path.display().to_string())
                            ),
                            Err(error) => format!(
                                "could not write the notes: {}",
                                sanitize::line(&error.to_string())
                            ),
                        },
                    );
                }
            }
        }
        false
    }

    fn saved_outcome(&mut self, app: &mut App, outcome: SaveOutcome) -> Vec<Effect> {
        let saved = matches!(outcome, SaveOutcome::Saved { .. });
        if saved {
            self.saved();
        }
        let effects = saving::saved(app, outcome);
        if saved && let Some(first) = self.file.split_links().first() {
            let more = match self.file.split_links().len() {
                1 => String::new(),
                n => format!(" (and {} more files)", n - 1),
            };
            app.notice = Some(format!(
                "saved; {}{more} had another hard link, which keeps the old text: a save \
                 writes a new file, so the link is split",
                sanitize::line(&first.display().to_string())
            ));
        }
        effects
    }

    fn discard_journal(&mut self) {
        if let Some(journaling) = &mut self.journal {
            journaling.found = None;
            let _ = journaling.journal.discard();
            journaling.throttle.written();
        }
    }

    /// Continues from the journaled edits, on top of the text they were made
    /// on: if the file changed on disk since, the first save asks.
    fn recover(&mut self, app: &mut App) {
        let Some(found) = self.journal.as_mut().and_then(|j| j.found.take()) else {
            return;
        };
        let path = self.file.path().to_path_buf();
        let base = Workspace::from_snapshot(&path, found.base_text.clone());
        let edited = Workspace::from_snapshot(&path, found.text.clone());
        match (base, edited) {
            (Ok((file, _)), Ok((_, edited))) => {
                let working = rebase_by_key(file.baseline(), &edited);
                let baseline = file.baseline().clone();
                self.file = file;
                app.recovered(working, baseline);
                // Journal the recovered edits again at once: they exist nowhere else.
                if let Some(journaling) = &mut self.journal {
                    journaling.seen = app.revision();
                    journaling
                        .throttle
                        .edited(Instant::now(), Throttle::MAX_CHARS);
                }
                self.flush(app);
            }
            _ => {
                app.notice =
                    Some("the journaled edits no longer parse; the journal is kept as it is".into())
            }
        }
    }

    /// Writes the journal on the way out of a panic, then lets it unwind.
    pub fn on_panic(&mut self, app: &mut App) {
        // Not `flush`: settling the draft could be what panicked.
        self.journal_now(app);
    }

    /// Saves the app's strategy to the file, asking nothing.
    fn save(&mut self, app: &App) -> SaveOutcome {
        let write = &mut self.write;
        let result = self
            .file
            .save_with(&app.strategy, |file, bytes| write(file, bytes));
        self.outcome(result)
    }

    /// Saves; when the file changed on disk since it was read, merges the
    /// edits onto the version there and saves that, with a notice, or asks
    /// about the fields both sides changed. Only a version that does not
    /// load (no merge possible) leads to the overwrite-or-reload question.
    fn save_or_merge(&mut self, app: &mut App, queue: &mut VecDeque<Effect>) {
        let outcome = match self.save(app) {
            SaveOutcome::ChangedOnDisk => match Workspace::open(self.file.path()) {
                Ok((fresh, theirs)) => {
                    if !app.merge_onto(theirs) {
                        // Asking: the answer comes back as `SaveMerged`.
                        self.merging = Some(fresh);
                        return;
                    }
                    self.file = fresh;
                    let outcome = self.save(app);
                    let saved = matches!(outcome, SaveOutcome::Saved { .. });
                    queue.extend(self.saved_outcome(app, outcome));
                    if saved {
                        app.merged_and_saved(&self.file.path().display().to_string(), false);
                    }
                    return;
                }
                Err(_) => SaveOutcome::ChangedOnDisk,
            },
            outcome => outcome,
        };
        queue.extend(self.saved_outcome(app, outcome));
    }

    fn outcome(&self, result: Result<(), SaveError>) -> SaveOutcome {
        match result {
            Ok(()) => SaveOutcome::Saved {
                path: self.file.path().display().to_string(),
                saved: Some(self.file.shared_baseline()),
            },
            Err(SaveError::ChangedOnDisk) => SaveOutcome::ChangedOnDisk,
            Err(SaveError::ReadOnly(path)) => SaveOutcome::ReadOnly {
                path: path.display().to_string(),
                in_directory: self.file.is_directory(),
            },
            Err(error) => SaveOutcome::Failed(error.to_string()),
        }
    }
}
