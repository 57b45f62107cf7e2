//! Review meetings, as pure functions of the strategy: which nodes to walk
//! and in what order ([`queue`]), what changed since an earlier version
//! ([`changes`]), and what the meeting decided ([`Summary`]).
//!
//! The state of a meeting in progress lives in `app` (review mode), where
//! it stopped is a [`Bookmark`]; reading the file at a git revision and
//! keeping the bookmark on disk live in `store`. Nothing here touches a terminal, a file or git.

mod bookmark;
mod changes;
mod queue;
mod summary;
mod summary_text;

pub use bookmark::Bookmark;
pub use changes::{Change, Changes, changes};
pub use queue::{QueueFilter, queue};
pub use summary::{
    Approval, LevelCounts, NodeLine, Remark, RequestedChanges, Scope, Summary, summarize,
};
