//! When to write the journal: often enough that a crash costs at most a few
//! seconds or a couple of hundred characters of typing, rarely enough that
//! the disk is not written (and fsynced) on every keystroke.

use std::ffi::OsStr;
use std::time::{Duration, Instant};

/// Decides when unsaved edits are due to be journaled.
///
/// A write is due [`Throttle::DELAY`] (or the delay it was made with) after
/// the first edit not yet journaled,
/// or as soon as [`Throttle::MAX_CHARS`] characters have been typed since the
/// last write, whichever comes first. Later edits do not push the deadline
/// back: someone typing without a pause is still journaled every few seconds.
///
/// It takes the time as an argument, so tests need no clock and no sleep, and
/// the event loop can wait exactly until [`Throttle::due_at`].
#[derive(Debug, Clone)]
pub struct Throttle {
    pending_since: Option<Instant>,
    typed: usize,
    delay: Duration,
}

impl Default for Throttle {
    fn default() -> Throttle {
        Throttle::with_delay(Throttle::DELAY)
    }
}

impl Throttle {
    /// How long an edit may stay only in memory.
    pub const DELAY: Duration = Duration::from_secs(4);
    /// How much typing may stay only in memory.
    pub const MAX_CHARS: usize = 200;
    /// The environment variable that replaces [`Throttle::DELAY`], in
    /// milliseconds: tests that wait for the journal set a short one. The
    /// shell reads it and passes [`Throttle::delay_from`] on.
    pub const DELAY_ENV: &str = "STRATA_JOURNAL_DELAY_MS";

    /// A throttle with nothing to write.
    pub fn new() -> Throttle {
        Throttle::default()
    }

    /// A throttle with nothing to write, that lets an edit wait `delay`.
    pub fn with_delay(delay: Duration) -> Throttle {
        Throttle {
            pending_since: None,
            typed: 0,
            delay,
        }
    }

    /// The delay that `value` (of [`Throttle::DELAY_ENV`]) asks for: a whole
    /// number of milliseconds; [`Throttle::DELAY`] when it is unset or not one.
    pub fn delay_from(value: Option<&OsStr>) -> Duration {
        value
            .and_then(OsStr::to_str)
            .and_then(|text| text.trim().parse().ok())
            .map_or(Throttle::DELAY, Duration::from_millis)
    }

    /// Records an edit at `now` that typed `chars` characters. An edit that
    /// must not wait (deleting a node, a paste) can pass [`Throttle::MAX_CHARS`].
    pub fn edited(&mut self, now: Instant, chars: usize) {
        self.pending_since.get_or_insert(now);
        self.typed = self.typed.saturating_add(chars);
    }

    /// When the next write is due; `None` when nothing waits to be written.
    pub fn due_at(&self) -> Option<Instant> {
        let since = self.pending_since?;
        Some(if self.typed >= Self::MAX_CHARS {
            since
        } else {
            since + self.delay
        })
    }

    /// True when the journal should be written now.
    pub fn is_due(&self, now: Instant) -> bool {
        self.due_at().is_some_and(|due| now >= due)
    }

    /// The journal was written (or the file saved, or the journal discarded):
    /// nothing waits any more.
    pub fn written(&mut self) {
        *self = Throttle::with_delay(self.delay);
    }

    /// Writing failed at `now` (a full disk): try again after another
    /// delay, rather than on every pass of the event loop.
    pub fn write_failed(&mut self, now: Instant) {
        self.pending_since = Some(now);
        self.typed = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn nothing_is_due_without_edits() {
        let throttle = Throttle::new();
        assert_eq!(throttle.due_at(), None);
        assert!(!throttle.is_due(Instant::now()));
    }

    #[test]
    fn an_edit_is_journaled_within_four_seconds() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 1);
        assert_eq!(throttle.due_at(), Some(t0 + Throttle::DELAY));
        assert!(!throttle.is_due(t0 + secs(3.9)));
        assert!(throttle.is_due(t0 + secs(4.0)));
    }

    #[test]
    fn steady_typing_does_not_postpone_the_write() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        for tenth in 0..39 {
            throttle.edited(t0 + secs(f64::from(tenth) / 10.0), 1);
        }
        assert!(throttle.is_due(t0 + secs(4.0)));
    }

    #[test]
    fn two_hundred_characters_are_journaled_at_once() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 150);
        assert!(!throttle.is_due(t0 + secs(1.0)));
        throttle.edited(t0 + secs(1.0), 50);
        assert!(throttle.is_due(t0 + secs(1.0)));
        let mut pasted = Throttle::new();
        pasted.edited(t0, Throttle::MAX_CHARS);
        assert!(pasted.is_due(t0));
    }

    #[test]
    fn a_write_starts_over() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 300);
        throttle.written();
        assert_eq!(throttle.due_at(), None);
        throttle.edited(t0 + secs(10.0), 1);
        assert_eq!(throttle.due_at(), Some(t0 + secs(14.0)));
    }

    #[test]
    fn the_delay_can_be_shortened_and_stays_so_after_a_write() {
        let t0 = Instant::now();
        let mut throttle = Throttle::with_delay(Duration::from_millis(50));
        throttle.edited(t0, 1);
        assert!(!throttle.is_due(t0 + secs(0.049)));
        assert!(throttle.is_due(t0 + secs(0.05)));
        throttle.written();
        throttle.edited(t0 + secs(1.0), 1);
        assert_eq!(throttle.due_at(), Some(t0 + secs(1.05)));
    }

    #[test]
    fn the_delay_is_read_in_milliseconds_else_the_default() {
        let read = |v: &str| Throttle::delay_from(Some(OsStr::new(v)));
        assert_eq!(read("150"), Duration::from_millis(150));
        assert_eq!(read(" 0 "), Duration::ZERO);
        assert_eq!(read("4s"), Throttle::DELAY);
        assert_eq!(read(""), Throttle::DELAY);
        assert_eq!(Throttle::delay_from(None), Throttle::DELAY);
    }

    #[test]
    fn a_failed_write_is_retried_later_not_at_once() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 300);
        throttle.write_failed(t0 + secs(1.0));
        assert!(!throttle.is_due(t0 + secs(1.0)));
        assert!(throttle.is_due(t0 + secs(5.0)));
    }
}
