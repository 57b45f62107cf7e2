//! When to write the journal: often enough that a crash costs at most a
//! second at the start of typing, four seconds or two hundred characters
//! after that, rarely enough that the disk is not written (and fsynced) on
//! every keystroke.

use std::ffi::OsStr;
use std::time::{Duration, Instant};

/// Decides when unsaved edits are due to be journaled.
///
/// The first edit after a quiet spell (or a save) is journaled
/// [`Throttle::FIRST`] after it is made, so a crash a moment into typing
/// still leaves something to offer back. While edits continue, the journal
/// is written at least every [`Throttle::DELAY`] (or the delay the throttle
/// was made with): later edits do not push the deadline back, so someone
/// typing without a pause loses at most that much. And as soon as
/// [`Throttle::MAX_CHARS`] characters have been typed since the last write,
/// it is written at once, whichever comes first. (Vim's swap file: 200
/// characters or 4 seconds.)
///
/// It takes the time as an argument, so tests need no clock and no sleep, and
/// the event loop can wait exactly until [`Throttle::due_at`].
#[derive(Debug, Clone)]
pub struct Throttle {
    /// When the oldest edit not yet journaled was made.
    pending_since: Option<Instant>,
    /// Characters typed since the last write.
    typed: usize,
    /// When the journal was last written while edits went on; `None` at the
    /// start and after a save (the next edit is a first one again).
    last_written: Option<Instant>,
    delay: Duration,
}

impl Default for Throttle {
    fn default() -> Throttle {
        Throttle::with_delay(Throttle::DELAY)
    }
}

impl Throttle {
    /// How long an edit may stay only in memory while edits continue.
    pub const DELAY: Duration = Duration::from_secs(4);
    /// How long the first edit after a quiet spell may stay only in memory.
    pub const FIRST: Duration = Duration::from_secs(1);
    /// How much typing may stay only in memory.
    pub const MAX_CHARS: usize = 200;
    /// The environment variable that replaces [`Throttle::DELAY`], in
    /// milliseconds (and [`Throttle::FIRST`] too when it is shorter): tests
    /// that wait for the journal set a short one. The shell reads it and
    /// passes [`Throttle::delay_from`] on.
    pub const DELAY_ENV: &str = "STRATA_JOURNAL_DELAY_MS";

    /// A throttle with nothing to write.
    pub fn new() -> Throttle {
        Throttle::default()
    }

    /// A throttle with nothing to write, that lets edits wait `delay` while
    /// they continue (and a first edit [`Throttle::FIRST`] or `delay`,
    /// whichever is shorter).
    pub fn with_delay(delay: Duration) -> Throttle {
        Throttle {
            pending_since: None,
            typed: 0,
            last_written: None,
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
        if self.typed >= Self::MAX_CHARS {
            return Some(since);
        }
        let first = since + Self::FIRST.min(self.delay);
        // Not sooner than a delay after the last write (typing on), never
        // later than a delay after the oldest edit waiting.
        let steady = self.last_written.map_or(first, |at| at + self.delay);
        Some(first.max(steady).min(since + self.delay))
    }

    /// True when the journal should be written now.
    pub fn is_due(&self, now: Instant) -> bool {
        self.due_at().is_some_and(|due| now >= due)
    }

    /// The journal was written at `now` with every edit so far: nothing
    /// waits, and edits that follow count as typing on.
    pub fn journaled(&mut self, now: Instant) {
        self.pending_since = None;
        self.typed = 0;
        self.last_written = Some(now);
    }

    /// The file was saved, or the journal discarded: nothing waits, and the
    /// next edit is a first one.
    pub fn written(&mut self) {
        *self = Throttle::with_delay(self.delay);
    }

    /// Writing failed at `now` (a full disk): try again after another
    /// delay, rather than on every pass of the event loop.
    pub fn write_failed(&mut self, now: Instant) {
        self.pending_since = Some(now);
        self.typed = 0;
        self.last_written = Some(now);
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
    fn the_first_edit_is_journaled_within_a_second() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 1);
        assert_eq!(throttle.due_at(), Some(t0 + Throttle::FIRST));
        assert!(!throttle.is_due(t0 + secs(0.99)));
        assert!(throttle.is_due(t0 + secs(1.0)));
    }

    #[test]
    fn steady_typing_is_journaled_every_four_seconds_and_never_postponed() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        let mut writes = Vec::new();
        // Ten keys a second for 20 s.
        for tenth in 0..200 {
            let now = t0 + secs(f64::from(tenth) / 10.0);
            throttle.edited(now, 1);
            if throttle.is_due(now) {
                writes.push(f64::from(tenth) / 10.0);
                throttle.journaled(now);
            }
        }
        assert_eq!(writes, [1.0, 5.0, 9.0, 13.0, 17.0]);
    }

    #[test]
    fn after_a_quiet_spell_an_edit_is_a_first_one_again() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 1);
        throttle.journaled(t0 + secs(1.0));
        // Typing on at 1.5 s: due four seconds after the last write.
        throttle.edited(t0 + secs(1.5), 1);
        assert_eq!(throttle.due_at(), Some(t0 + secs(5.0)));
        throttle.journaled(t0 + secs(5.0));
        // A pause longer than the delay, then an edit: within a second.
        throttle.edited(t0 + secs(30.0), 1);
        assert_eq!(throttle.due_at(), Some(t0 + secs(31.0)));
    }

    #[test]
    fn two_hundred_characters_are_journaled_at_once() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 150);
        assert!(!throttle.is_due(t0 + secs(0.5)));
        throttle.edited(t0 + secs(0.5), 50);
        assert!(throttle.is_due(t0 + secs(0.5)));
        let mut pasted = Throttle::new();
        pasted.edited(t0, Throttle::MAX_CHARS);
        assert!(pasted.is_due(t0));
        // Also in the middle of steady typing.
        let mut fast = Throttle::new();
        fast.edited(t0, 1);
        fast.journaled(t0 + secs(1.0));
        fast.edited(t0 + secs(1.1), 199);
        assert!(!fast.is_due(t0 + secs(1.1)));
        fast.edited(t0 + secs(1.2), 1);
        assert!(fast.is_due(t0 + secs(1.2)));
    }

    #[test]
    fn a_save_starts_over() {
        let t0 = Instant::now();
        let mut throttle = Throttle::new();
        throttle.edited(t0, 300);
        throttle.journaled(t0);
        throttle.written();
        assert_eq!(throttle.due_at(), None);
        throttle.edited(t0 + secs(0.5), 1);
        assert_eq!(throttle.due_at(), Some(t0 + secs(1.5)));
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
        let slow = Throttle::with_delay(Duration::from_secs(10));
        let mut slow = slow;
        slow.edited(t0, 1);
        assert_eq!(slow.due_at(), Some(t0 + Throttle::FIRST));
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
