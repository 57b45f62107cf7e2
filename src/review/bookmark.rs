//! Where a review meeting stopped: plain data, so the browser can resume
//! from it and hand it back without knowing where it is kept (`store`
//! keeps it in the state directory).

use crate::model::Date;

/// What is remembered about a review in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// The day the review started: decisions from then on count as made in it.
    pub started: Date,
    /// The node shown when it stopped (`intents.win`).
    pub at: Option<String>,
}
