//! The capacity a `today` says is used up, and that none is coming: "the
//! tunnels run at 95% of capacity" or "the gym is full most weekday
//! evenings" (`lexicon/full.txt`), beside "the board has frozen new-site
//! capex" or "no new lift is planned before 2029"
//! (`lexicon/none-coming.txt`). Means that are full and will stay as they
//! are cannot carry a multiple of today's load.

use super::{Kind, Match, Text, Unit};

/// Words that make a share beside them a share of capacity in use.
const IN_USE: &[&str] = &[
    "capacity",
    "utilisation",
    "utilization",
    "occupancy",
    "occupied",
    "full",
    "filled",
    "load",
];

/// How near its share an [`IN_USE`] word stands: "95% of capacity", "load
/// factor averaged 74%"; not "85% of jobs are booked online".
const NEAR: usize = 3;

/// The least share of capacity in use that leaves no room for a multiple.
const NEARLY_FULL: f64 = 70.0;

/// Words after "full" that make it something else: "full time", "full of
/// light", "full shifts", "full members".
const NOT_CAPACITY: &[&str] = &["of", "time", "shift", "shifts", "members", "price", "marks"];

/// Words that say some capacity is idle: "under a third used before 4pm",
/// "idle from November".
const IDLE: &[&str] = &[
    "idle",
    "off-peak",
    "quiet",
    "quieter",
    "empty",
    "unused",
    "spare",
    "underused",
];

/// The words of `today` that say its capacity is used up, as a first and
/// last token: a phrase of `lexicon/full.txt` ("close to full", "fully
/// booked"), or a share of 70% or more beside a word for capacity in use
/// ("run at 95% of capacity", "load factor averaged 74%"). None when
/// `today` also says some capacity is idle ("55% of capacity", "quiet on
/// weekdays"): a multiple may fit there.
pub fn used_up(today: &Text) -> Option<(usize, usize)> {
    if (0..today.len()).any(|i| today.word_in(i, IDLE)) {
        return None;
    }
    let shares: Vec<_> = today
        .values()
        .iter()
        .filter(|v| v.unit == Unit::Percent && v.value <= 100.0)
        .filter(|v| {
            let clause = today.clause_of(v.first);
            (v.first.saturating_sub(NEAR)..v.last + NEAR + 1)
                .filter(|i| clause.contains(i))
                .any(|i| today.word_in(i, IN_USE))
        })
        .collect();
    if shares.iter().any(|v| v.value < NEARLY_FULL) {
        return None;
    }
    let phrase = today
        .matches_of(Kind::Full)
        .find(|m| {
            let next = today.word(m.last + 1);
            // "Turned away from wholesale" is a change of course.
            let changed_course = today.word(m.last) == "away" && next == "from";
            !(NOT_CAPACITY.contains(&next) || changed_course)
        })
        .map(|m| (m.first, m.last));
    phrase.or_else(|| shares.first().map(|v| (v.first, v.last)))
}

/// Words that make "frozen" a freeze on capacity: "capex is frozen", not
/// "meals are frozen within an hour".
const SPENDING: &[&str] = &[
    "capex",
    "investment",
    "spending",
    "budget",
    "budgets",
    "hiring",
    "site",
    "sites",
    "new-site",
    "expansion",
    "capital",
];

/// The words of `today` that say no capacity is coming ("no aircraft are
/// on order"), as a match.
pub fn none_coming(today: &Text) -> Option<&Match> {
    today.matches_of(Kind::NoneComing).find(|m| {
        let freeze = (m.first..=m.last).any(|i| today.word_in(i, &["frozen", "freeze"]));
        !freeze || today.clause_of(m.first).any(|i| today.word_in(i, SPENDING))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(today: &str) -> Option<String> {
        let text = Text::new(today);
        used_up(&text).map(|(a, b)| text.words(a..b + 1).join(" "))
    }

    fn coming(today: &str) -> bool {
        none_coming(&Text::new(today)).is_none()
    }

    #[test]
    fn capacity_in_use_is_read_from_phrases_and_shares() {
        assert_eq!(
            full("Saturday tunnels run at 95% of capacity and weekday peaks at 80%.").as_deref(),
            Some("95%")
        );
        assert_eq!(
            full("Our one gym is full most weekday evenings.").as_deref(),
            Some("is full")
        );
        assert_eq!(
            full("The load factor averaged 74% last year.").as_deref(),
            Some("74%")
        );
        assert!(full("Every course this spring is fully booked.").is_some());
        assert!(full("Every slot is taken by ten in the morning.").is_some());
        assert!(full("We are at our limit most weeknights.").is_some());
        assert!(full("We turn away about 40 callers a week.").is_some());
        assert!(full("Saturdays reach 4,000 and people wait for tables.").is_some());
    }

    #[test]
    fn fullness_that_measures_nothing_is_not_capacity() {
        assert!(full("The foyer is full of posters from past seasons.").is_none());
        assert!(full("95% of our members renew each year.").is_none());
        assert!(full("We run at 40% of capacity on weekdays.").is_none());
        assert!(full("We offer a full range of services.").is_none());
        assert!(full("Our 40 drivers are full time.").is_none());
        assert!(full("85% of jobs are booked online.").is_none());
        assert!(full("90% of our staff work full shifts.").is_none());
        assert!(full("We turned away from wholesale in 2024.").is_none());
        // Idle capacity beside full capacity leaves room.
        assert!(
            full("The kitchen runs at 55% of capacity; the car park is usually full.").is_none()
        );
        assert!(full("Full most evenings, but quiet before 4pm.").is_none());
    }

    #[test]
    fn capacity_that_will_not_grow() {
        assert!(!coming("No new lift is planned before 2029."));
        assert!(!coming(
            "No aircraft are on order and the leases run to 2031."
        ));
        assert!(!coming("There is no plan or budget for a second site."));
        assert!(!coming("The board has frozen new-site capex until 2029."));
        assert!(!coming("We are staying in this building."));
        assert!(!coming("There are no plans to open another depot."));
        assert!(!coming("We are not adding vessels before 2030."));
        assert!(coming("A second site opens in the spring."));
        assert!(coming("Two new aircraft arrive in March."));
        assert!(coming("Meals are frozen within an hour of cooking."));
    }
}
