//! Reading and writing strategy files: parse with positions, report problems,
//! save by patching the original text, replace the file atomically.

mod atomic;
mod conflict;
mod file;
mod load;
mod problem;
mod report;
mod save;
mod schema;
mod source_map;

pub use atomic::{write_atomic, write_atomic_with};
pub use conflict::{ConflictMarker, find_markers};
pub use file::{OpenError, SaveError, StrategyFile};
pub use load::{Loaded, lint_key_span, parse};
pub use problem::{Problem, ProblemLevel, did_you_mean};
pub use report::render;
pub use save::{changed_nodes, patch};
pub use schema::FORMAT_VERSION;
pub use source_map::{LineIndex, Position, SourceMap, raw_offset};
