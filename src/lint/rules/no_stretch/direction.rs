//! Which way a share should move, read from the metric's name: up for the
//! part that went right ("seats filled", "renewal rate", "parents rating
//! their tutor good or excellent"), down for the part that went wrong
//! ("no-show rate", "calls abandoned"). A plain target under the baseline
//! of a share that should rise asks for less than today; the words of what
//! went wrong only veto that reading ("rebooked without an agent" rises).

use crate::lint::text::{Kind, Text};

/// The way a share is meant to move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Way {
    Up,
    Down,
}

/// The way the share `name` counts is meant to move; none when its words
/// say neither, or both ("calls answered late").
pub(super) fn way(name: &str) -> Option<Way> {
    let text = Text::new(name);
    let has =
        |kind| text.tokens.iter().any(|t| t.is(kind)) || text.matches_of(kind).next().is_some();
    // "Peat-free products", "defect-free welds": the part without the harm.
    let free = (0..text.len()).any(|i| text.word(i).ends_with("-free"));
    match (has(Kind::GoodShare) || free, has(Kind::BadShare)) {
        (true, false) => Some(Way::Up),
        (false, true) => Some(Way::Down),
        _ => None,
    }
}

/// True when the future says a number is meant to fall ("load factor
/// settles around 80%", "we cut", "fewer"; `lexicon/falling.txt`), so a
/// lower target may be the point of it.
pub(super) fn says_it_falls(future: &Text) -> bool {
    future.tokens.iter().any(|t| t.is(Kind::Falling))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_say_which_way_a_share_should_move() {
        for name in [
            "parents calling their tutor good or excellent",
            "School-show seats filled",
            "Renewal rate",
            "Accessions tested within their scheduled interval",
            "Share signed in 3 days or less",
            "Jobs dispatched on or before the promised date",
            "Peat-free products in range",
        ] {
            assert_eq!(way(name), Some(Way::Up), "{name}");
        }
        for name in [
            "No-show rate",
            "Calls abandoned",
            "Monthly member churn",
            "Rechargeable aids returned in year one",
        ] {
            assert_eq!(way(name), Some(Way::Down), "{name}");
        }
        // Neither, or both: no way is read.
        for name in [
            "Summer load factor",
            "New subscribers cancelling within three months",
            "Share of revenue from the largest partner",
            "Seats not filled",
        ] {
            assert_eq!(way(name), None, "{name}");
        }
    }

    #[test]
    fn a_future_that_means_to_lower_a_number_says_so() {
        assert!(says_it_falls(&Text::new(
            "Peak-week refusals stop and summer load factor settles around 80%."
        )));
        assert!(!says_it_falls(&Text::new(
            "By May three quarters of school-show seats are filled on average."
        )));
    }
}
