//! Where a review meeting stopped, so that running the same review again
//! picks up there: the data, and the text it is kept as. Which file holds
//! it, and reading and writing that file, is the store's
//! ([`ReviewState`](crate::store::ReviewState)); a damaged text is ignored,
//! never trusted.

use serde::{Deserialize, Serialize};

use crate::model::Date;

/// What is remembered about a review in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// The day the review started: decisions from then on count as made in it.
    pub started: Date,
    /// The node shown when it stopped (`intents.win`).
    pub at: Option<String>,
    /// Who was in the room (`--with`), kept for the review's next run.
    pub attendees: Vec<String>,
}

/// The bookmark as kept: the review it belongs to, spelled out, so that a
/// file of another review (a hash collision, a copied file) is never read
/// as this one's.
#[derive(Serialize, Deserialize)]
struct Stored {
    review: String,
    started: String,
    at: Option<String>,
    #[serde(default)]
    attendees: Vec<String>,
}

impl Bookmark {
    /// The text that keeps this bookmark of `review` (the file, filters,
    /// `--since` and reviewer, as text).
    pub fn to_json(&self, review: &str) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(&Stored {
            review: review.to_owned(),
            started: self.started.to_string(),
            at: self.at.clone(),
            attendees: self.attendees.clone(),
        })
    }

    /// The bookmark `text` keeps, when it is a sound one of `review`.
    pub fn from_json(text: &str, review: &str) -> Option<Bookmark> {
        let stored: Stored = serde_json::from_str(text).ok()?;
        if stored.review != review {
            return None;
        }
        Some(Bookmark {
            started: Date::parse(&stored.started)?,
            at: stored.at,
            attendees: stored.attendees,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bookmark_reads_back_only_for_its_own_review() {
        let bookmark = Bookmark {
            started: Date::new(2026, 11, 22).unwrap(),
            at: Some("intents.win".into()),
            attendees: vec!["CPO".into(), "VP Sales".into()],
        };
        let text = bookmark.to_json("strategy.toml\nlevel=intent").unwrap();
        assert_eq!(
            Bookmark::from_json(&text, "strategy.toml\nlevel=intent"),
            Some(bookmark)
        );
        assert_eq!(
            Bookmark::from_json(&text, "strategy.toml\nlevel=option"),
            None
        );
        assert_eq!(Bookmark::from_json("{ damaged", "strategy.toml"), None);
        let bad_date = text.replace("2026-11-22", "2026-13-01");
        assert_eq!(
            Bookmark::from_json(&bad_date, "strategy.toml\nlevel=intent"),
            None
        );
    }
}
