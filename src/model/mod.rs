//! The strategy cascade as plain data: no terminal, no files.
//!
//! Everything else (the loader, the linter, the UI) reads and edits this model.

mod actions;
mod checkin;
mod date;
mod edit;
mod find;
mod level;
mod markdown;
mod merge;
mod node;
pub mod progress;
pub mod quantity;
mod recording;
mod replay;
mod review;
mod status;
mod tree;
mod two_pager;

pub use actions::{ActionState, action_items, open_actions};
pub use checkin::CheckIn;
pub use date::{Date, Horizon};
pub use edit::{
    Edit, EditError, add_child, delete, id_from_title, is_valid_id, move_among_siblings, rename,
};
pub use find::FindError;
pub use level::Level;
pub use markdown::{MarkdownError, from_markdown, to_markdown};
pub use merge::{Conflict, Merge, Side, merge};
pub use node::{Allow, Node, is_web_link};
pub use recording::{
    Batch, CheckinError, Recording, check_value, find_metric, follow_metric_renames,
    keep_metric_dates, latest_checkin, record_checkin, record_checkins,
};
pub use replay::record_review;
pub use review::{ActionItem, Closing, Decision, Outcome, Review, latest_decision};
pub use status::Status;
pub use tree::{NodeId, Strategy, normal_id};
pub use two_pager::{Field, Metric, MetricPart, TwoPager, first_sentence};
