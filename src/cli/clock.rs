//! Today's date: the one place strata reads the clock for a day. It is the
//! local one (`TZ`, else the system's time zone), so a review held at 17:00
//! in Vancouver is dated that day, not tomorrow as UTC would have it.
//! Everything below the shell (model, lint, app, export) is handed the date
//! as data, so it can be tested on any day.

use crate::model::Date;

/// Today in the local time zone (UTC when the system names none).
pub fn today() -> Date {
    let today = jiff::ZonedDateTime::now().date();
    // A jiff date is a real one (months 1-12, days 1-31): the casts keep it.
    Date {
        year: i32::from(today.year()),
        month: today.month() as u8,
        day: today.day() as u8,
    }
}
