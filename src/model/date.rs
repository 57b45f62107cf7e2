//! Calendar dates and horizons, with just the arithmetic the cascade needs.
//!
//! Horizons are coarse ("2032", "2027-06"), so whole months are the unit; a
//! date library would be more than this needs. The model never reads the
//! clock: today's date is handed in by the shell (`cli/clock.rs`).

use std::fmt;

/// A calendar day, used for `as_of`: the day horizons are measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2026.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
    /// The day of the month, 1-31.
    pub day: u8,
}

impl Date {
    /// Builds a date if `month` and `day` exist in that year.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.splitn(3, '-');
        let year = parse_digits(parts.next()?, 4)?;
        let month = parse_digits(parts.next()?, 2)?;
        let day = parse_digits(parts.next()?, 2)?;
        Date::new(year as i32, month as u8, day as u8)
    }

    /// Days since 1970-01-01 (negative before it), for counting the days
    /// between two dates: `b.days() - a.days()`.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil: a year starts in March, so the
        // leap day is the last day of its "year" and needs no special case.
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day `days` days after this one (before it when negative).
    pub fn plus_days(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    /// The date `days` days after 1970-01-01: the inverse of [`Date::days`].
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        // The algorithm yields a real month and day for every input.
        Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// When a two-pager expects to be true: a year, or a year and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Horizon {
    /// The year, e.g. 2032.
    pub year: i32,
    /// The month, 1-12, when the horizon names one.
    pub month: Option<u8>,
}

impl Horizon {
    /// Parses `YYYY` or `YYYY-MM`; a quarter `YYYY-QN`, which means the end
    /// of its last month; or a day `YYYY-MM-DD`, which means the end of its
    /// month as a TOML date does (the day must exist; it is not kept).
    pub fn parse(text: &str) -> Option<Horizon> {
        if let Some((year, quarter)) = text.split_once("-Q") {
            let quarter = parse_digits(quarter, 1).filter(|q| (1..=4).contains(q))?;
            return Some(Horizon {
                year: parse_digits(year, 4)? as i32,
                month: Some(quarter as u8 * 3),
            });
        }
        if text.len() == 10 {
            let day = Date::parse(text)?;
            return Some(Horizon {
                year: day.year,
                month: Some(day.month),
            });
        }
        let (year, month) = match text.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (text, None),
        };
        let year = parse_digits(year, 4)? as i32;
        let month = match month {
            Some(m) => {
                let m = parse_digits(m, 2)? as u8;
                (1..=12).contains(&m).then_some(m)?;
                Some(m)
            }
            None => None,
        };
        Some(Horizon { year, month })
    }

    /// Whole months from `from` to the end of this horizon (negative when past).
    ///
    /// "2032" means the end of 2032 and "2027-06" the end of June 2027, so a
    /// horizon in the current month is 0 months away, not overdue.
    pub fn months_from(self, from: Date) -> i32 {
        let end_month = i32::from(self.month.unwrap_or(12));
        (self.year - from.year) * 12 + end_month - i32::from(from.month)
    }

    /// The first day of the horizon: 1 January, or the first of its month.
    pub fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: 1,
        }
    }

    /// The last day of the horizon: 31 December, or the last of its month.
    pub fn last_day(self) -> Date {
        let month = self.month.unwrap_or(12);
        Date {
            year: self.year,
            month,
            day: days_in_month(self.year, month),
        }
    }
}

impl fmt::Display for Horizon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{:02}", self.year, m),
            None => write!(f, "{:04}", self.year),
        }
    }
}

fn parse_digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_rejects_impossible_ones() {
        assert_eq!(Date::parse("2026-11-01"), Date::new(2026, 11, 1));
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2026-02-29"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("26-11-01"), None);
        assert_eq!(Date::parse("2026-11"), None);
    }

    #[test]
    fn days_count_across_months_leap_years_and_the_epoch() {
        let day = |y, m, d| Date::new(y, m, d).unwrap();
        assert_eq!(day(1970, 1, 1).days(), 0);
        assert_eq!(day(1969, 12, 31).days(), -1);
        assert_eq!(day(2026, 11, 1).days() - day(2026, 10, 1).days(), 31);
        assert_eq!(day(2024, 3, 1).days() - day(2024, 2, 28).days(), 2);
        assert_eq!(day(2100, 3, 1).days() - day(2100, 2, 28).days(), 1);
        for days in [-800_000, -1, 0, 59, 19_000, 20_424, 400_000] {
            assert_eq!(Date::from_days(days).days(), days, "{days}");
        }
        assert_eq!(day(2026, 12, 30).plus_days(3), day(2027, 1, 2));
        let june = Horizon::parse("2027-06").unwrap();
        assert_eq!(june.first_day(), day(2027, 6, 1));
        assert_eq!(june.last_day(), day(2027, 6, 30));
        assert_eq!(
            Horizon::parse("2028").unwrap().last_day(),
            day(2028, 12, 31)
        );
        assert_eq!(
            Horizon::parse("2028-02").unwrap().last_day(),
            day(2028, 2, 29)
        );
    }

    #[test]
    fn horizons_parse_year_month_or_day() {
        assert_eq!(
            Horizon::parse("2032"),
            Some(Horizon {
                year: 2032,
                month: None
            })
        );
        assert_eq!(
            Horizon::parse("2027-06"),
            Some(Horizon {
                year: 2027,
                month: Some(6)
            })
        );
        // A quarter ends with its last month.
        assert_eq!(Horizon::parse("2027-Q3"), Horizon::parse("2027-09"));
        assert_eq!(Horizon::parse("2028-Q1"), Horizon::parse("2028-03"));
        // A day is the end of its month, as an unquoted TOML date is.
        assert_eq!(Horizon::parse("2027-06-15"), Horizon::parse("2027-06"));
        assert_eq!(Horizon::parse("2028-02-29"), Horizon::parse("2028-02"));
        for bad in [
            "2027-13",
            "2027-6",
            "soon",
            "Q3 2027",
            "20271",
            "",
            "2027-02-30",
            "2027-6-15",
            "2027-06-1x",
            "2027-Q5",
            "2027-Q0",
            "2027-q3",
            "27-Q3",
        ] {
            assert_eq!(Horizon::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_from_counts_to_the_end_of_the_horizon() {
        let as_of = Date::new(2026, 11, 1).unwrap();
        assert_eq!(Horizon::parse("2026-11").unwrap().months_from(as_of), 0);
        assert_eq!(Horizon::parse("2027-06").unwrap().months_from(as_of), 7);
        assert_eq!(Horizon::parse("2032").unwrap().months_from(as_of), 73);
        assert_eq!(Horizon::parse("2025").unwrap().months_from(as_of), -11);
    }
}
