//! Carrying out the effects that touch the disk (save, overwrite, save as,
//! reload) and feeding their results back to the browser. Kept apart from
//! the terminal so tests can run the same code, with a write step that fails.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use crate::app::{self, App, Effect, SaveOutcome};
use crate::sanitize;
use crate::store::{SaveError, StrategyFile};

/// The write step of a save (a test seam: tests pass one that fails).
pub type WriteStep = Box<dyn FnMut(&mut File, &[u8]) -> io::Result<()>>;

/// The open file and how to write it.
pub struct Session {
    file: StrategyFile,
    write: WriteStep,
}

impl Session {
    /// A session that writes `file` normally.
    pub fn new(file: StrategyFile) -> Session {
        Session::with_writer(file, Box::new(|file, bytes| file.write_all(bytes)))
    }

    /// A session whose saves write through `write`.
    pub fn with_writer(file: StrategyFile, write: WriteStep) -> Session {
        Session { file, write }
    }

    /// The file as last read or saved.
    pub fn file(&self) -> &StrategyFile {
        &self.file
    }

    /// Performs `effects` (and whatever they lead to); true when the browser should exit.
    pub fn run(&mut self, app: &mut App, effects: Vec<Effect>) -> bool {
        let mut queue = VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Quit => return true,
                Effect::Save => {
                    let write = &mut self.write;
                    let result = self
                        .file
                        .save_with(&app.strategy, |file, bytes| write(file, bytes));
                    let outcome = self.outcome(result);
                    queue.extend(app::saved(app, outcome));
                }
                Effect::Overwrite => {
                    let path = self.file.path().to_path_buf();
                    let result = self.file.save_as(&path, &app.strategy);
                    let outcome = self.outcome(result);
                    queue.extend(app::saved(app, outcome));
                }
                Effect::SaveAs(path) => {
                    let result = self.file.save_as(&PathBuf::from(path), &app.strategy);
                    let outcome = self.outcome(result);
                    queue.extend(app::saved(app, outcome));
                }
                Effect::Reload => match StrategyFile::open(self.file.path()) {
                    Ok((file, strategy)) => {
                        self.file = file;
                        app.reloaded(strategy);
                    }
                    Err(error) => {
                        app.notice = Some(format!(
                            "could not reload: {}; your edits are kept",
                            sanitize::line(&format!("{error:?}"))
                        ));
                    }
                },
            }
        }
        false
    }

    fn outcome(&self, result: Result<(), SaveError>) -> SaveOutcome {
        match result {
            Ok(()) => SaveOutcome::Saved {
                path: self.file.path().display().to_string(),
            },
            Err(SaveError::ChangedOnDisk) => SaveOutcome::ChangedOnDisk,
            Err(error) => SaveOutcome::Failed(error.to_string()),
        }
    }
}
