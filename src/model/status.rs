//! Where a two-pager stands in review.

use std::fmt;

/// The review state of a two-pager; reviews move it, the tree shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    /// Being written; not yet ready for review. The default when `status` is absent.
    #[default]
    Draft,
    /// Submitted for review.
    InReview,
    /// Accepted by its reviewers.
    Approved,
    /// Reviewed and sent back with comments.
    ChangesRequested,
    /// No longer pursued; kept for the record.
    Retired,
}

impl Status {
    /// Every status, in the order a two-pager usually moves through them.
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::InReview,
        Status::Approved,
        Status::ChangesRequested,
        Status::Retired,
    ];

    /// The spelling used in the file (`"in-review"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in-review",
            Status::Approved => "approved",
            Status::ChangesRequested => "changes-requested",
            Status::Retired => "retired",
        }
    }

    /// Parses the file's spelling; `None` for anything else.
    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("Approved"), None);
        assert_eq!(Status::parse("done"), None);
    }
}
