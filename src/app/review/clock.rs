//! The meeting's clock, as data: the shell says how much time has passed
//! (`App::review_tick`), and the review keeps how long each node was on
//! screen, for the header (`--timebox`) and the minutes in each record.
//! Nothing here reads the time itself.

use crate::model::NodeId;

/// Time spent in a review, in milliseconds since it started.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clock {
    /// The time allowed per node, in seconds (`--timebox 5m`); `None` shows no clock.
    pub timebox: Option<u64>,
    /// Now, as the shell last said.
    pub now_ms: u64,
    /// When the node on screen came on screen.
    since_ms: u64,
    /// The node on screen, whose time runs.
    on: Option<NodeId>,
    /// Time spent on each node before it left the screen.
    spent: Vec<(NodeId, u64)>,
}

impl Clock {
    /// `node` is on screen from now on; the time of the one before is kept.
    pub fn enter(&mut self, node: Option<NodeId>) {
        if let Some(before) = self.on {
            let ms = self.now_ms.saturating_sub(self.since_ms);
            match self.spent.iter_mut().find(|(id, _)| *id == before) {
                Some((_, total)) => *total += ms,
                None => self.spent.push((before, ms)),
            }
        }
        self.on = node;
        self.since_ms = self.now_ms;
    }

    /// Milliseconds spent on `node`, the running stretch included.
    pub fn ms_on(&self, node: NodeId) -> u64 {
        let before = self
            .spent
            .iter()
            .find(|(id, _)| *id == node)
            .map_or(0, |(_, ms)| *ms);
        let running = if self.on == Some(node) {
            self.now_ms.saturating_sub(self.since_ms)
        } else {
            0
        };
        before + running
    }

    /// Whole minutes spent on `node`, a started minute counting as one.
    pub fn minutes_on(&self, node: NodeId) -> u32 {
        u32::try_from(self.ms_on(node).div_ceil(60_000)).unwrap_or(u32::MAX)
    }

    /// True when `node` has been on screen longer than the timebox allows.
    pub fn over(&self, node: NodeId) -> bool {
        self.timebox
            .is_some_and(|limit| self.ms_on(node) > limit.saturating_mul(1000))
    }
}

/// `m:ss` (or `h:mm:ss`) for a number of milliseconds.
pub fn clock_text(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_on_each_node_adds_up_and_minutes_round_up() {
        use crate::model::{Level, Node, Strategy};
        let mut s = Strategy::new("Acme");
        let a = s.add(Node::new(Level::Vision, "v"));
        let b = s.add(Node::new(Level::Intent, "i"));
        let mut clock = Clock {
            timebox: Some(60),
            ..Clock::default()
        };
        clock.enter(Some(a));
        clock.now_ms = 30_000;
        clock.enter(Some(b));
        clock.now_ms = 100_000;
        assert_eq!(clock.ms_on(b), 70_000);
        assert!(clock.over(b) && !clock.over(a));
        clock.enter(Some(a));
        clock.now_ms = 130_001;
        assert_eq!(clock.ms_on(a), 60_001);
        assert_eq!(clock.minutes_on(a), 2);
        assert_eq!(clock.minutes_on(b), 2);
        assert_eq!(clock_text(3_725_000), "1:02:05");
        assert_eq!(clock_text(65_000), "1:05");
    }
}
