//! Reading and writing strategy files (one, or a directory of them: see
//! [`Workspace`]): parse with positions, report problems,
//! save by patching the original text, replace the file atomically, journal
//! unsaved edits for crash recovery, run the user's editor.

mod atomic;
mod conflict;
mod external_editor;
mod file;
mod git;
mod journal;
mod load;
mod look_state;
mod problem;
mod read;
mod report;
mod review_state;
mod save;
mod schema;
mod source_map;
mod strict;
pub mod tables;
mod toml_string;
mod workspace;

pub use atomic::{
    Replaced, is_read_only, remove_stale_temps, write_atomic, write_atomic_with, write_private,
};
pub use conflict::{ConflictMarker, find_markers};
pub use external_editor::{
    EditorCommand, EditorError, edit_file, editor_command, editor_command_from, split_words,
};
pub use file::{OpenError, SaveError, StrategyFile};
pub use git::{GitError, directory_at_revision, file_at_revision, user_name};
pub use journal::{
    Journal, JournalError, JournalLock, Recovered, STATE_DIR_ENV, Throttle, changed_node_keys,
    journal_dir, rebase_by_key, strata_state_dir,
};
pub use load::{Loaded, lint_key_span, parse, parse_part, parse_table, uses_crlf};
pub use look_state::LookState;
pub use problem::{Problem, ProblemLevel};
pub use read::{MAX_FILE_SIZE, MAX_FILE_SIZE_ENV, human_size, max_file_size};
pub use report::{render, render_indexed};
pub use review_state::ReviewState;
pub use save::{changed_nodes, patch, same_content};
pub use schema::FORMAT_VERSION;
pub use source_map::{LineIndex, Position, SourceMap, raw_offset};
pub use workspace::{PartFile, Skipped, Workspace, read_on_disk, skipped_in, toml_files};
