//! Action items as they stand: each opened by a review record naming it
//! (`action`), closed by a later record (`closes`) with the same text. The
//! records are only ever appended, so a closing merges in git like any
//! other decision, and two meetings closing different items never meet.

use super::{ActionItem, Date, Outcome, Review};

/// One action item and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionState<'a> {
    /// The record that opened it (who asked, on which day, who was there).
    pub opened: &'a Review,
    /// What, who and by when.
    pub item: &'a ActionItem,
    /// The record that closed it and how, if one did.
    pub closed: Option<(&'a Review, Outcome)>,
}

impl ActionState<'_> {
    /// True while no record has closed it.
    pub fn is_open(&self) -> bool {
        self.closed.is_none()
    }

    /// True when it is open and its due day is before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.is_open() && self.item.due.is_some_and(|due| due < today)
    }
}

/// Every action item in `reviews`, oldest first. A closing record closes
/// the earliest open item with its text (spaces at the ends aside); one
/// that names no open item closes nothing.
pub fn action_items(reviews: &[Review]) -> Vec<ActionState<'_>> {
    let mut items: Vec<ActionState<'_>> = Vec::new();
    for review in reviews {
        if let Some(item) = &review.action {
            items.push(ActionState {
                opened: review,
                item,
                closed: None,
            });
        }
        if let Some(closing) = &review.closes
            && let Some(open) = items
                .iter_mut()
                .find(|s| s.is_open() && s.item.what.trim() == closing.what.trim())
        {
            open.closed = Some((review, closing.outcome));
        }
    }
    items
}

/// The action items in `reviews` still open, oldest first.
pub fn open_actions(reviews: &[Review]) -> Vec<ActionState<'_>> {
    let mut items = action_items(reviews);
    items.retain(ActionState::is_open);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Closing, Decision};

    fn day(d: u8) -> Date {
        Date::new(2026, 12, d).unwrap()
    }

    fn opens(what: &str, due: u8) -> Review {
        let mut r = Review::new("Dana", day(1), Decision::Comment);
        r.action = Some(ActionItem {
            what: what.into(),
            owner: "Lee".into(),
            due: Some(day(due)),
        });
        r
    }

    fn closes(what: &str, outcome: Outcome) -> Review {
        let mut r = Review::new("Dana", day(3), Decision::Comment);
        r.closes = Some(Closing {
            what: what.into(),
            outcome,
        });
        r
    }

    #[test]
    fn a_closing_closes_the_earliest_open_item_with_its_text() {
        let reviews = [
            opens("Send the memo", 5),
            opens("Send the memo", 9),
            opens("Call Lee", 2),
            closes(" Send the memo ", Outcome::Done),
            closes("Nothing like it", Outcome::Dropped),
        ];
        let items = action_items(&reviews);
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].closed.map(|(_, o)| o), Some(Outcome::Done));
        assert!(items[1].is_open());
        let open = open_actions(&reviews);
        assert_eq!(open.len(), 2);
        assert_eq!(open[0].item.due, Some(day(9)));
        assert!(open[1].is_overdue(day(3)), "due on the 2nd, today the 3rd");
        assert!(!open[0].is_overdue(day(3)));
        assert!(
            !items[0].is_overdue(day(30)),
            "a closed item is never overdue"
        );
    }
}
