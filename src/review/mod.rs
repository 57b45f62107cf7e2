//! Review meetings, as pure functions of the strategy: which nodes to walk
//! and in what order ([`queue`]), what changed since an earlier version
//! ([`changes`]), and what the meeting decided ([`Summary`]).
//!
//! Where a meeting stopped ([`Bookmark`]) is data here too. The state of a
//! meeting in progress lives in `app` (review mode); reading the file at a
//! git revision, and the file a bookmark is kept in, live in `store`.
//! Nothing here touches a terminal, a file or git.

mod actions;
mod bookmark;
mod changes;
mod queue;
mod said;
mod summary;
mod summary_text;
pub mod word_diff;

pub use actions::{ActionList, open_action_list};
pub use bookmark::Bookmark;
pub use changes::{Change, Changes, changes};
pub use queue::{QueueFilter, queue};
pub use said::{ActionLine, DecisionLine, Said, SaidLine, StatusCount};
pub use summary::{
    Approval, LevelCounts, MetricLine, NodeLine, OffTrack, Remark, RequestedChanges, Scope,
    Summary, summarize,
};
