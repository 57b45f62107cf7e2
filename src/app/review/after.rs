//! What happens after a key in a review: the banner that tells the room
//! what was recorded, the move to the next node (after a moment, at once,
//! or not at all), undo going back to the node it took a decision from,
//! and the end-of-meeting screen after the last node.

use super::super::{App, Effect};
use crate::model::{NodeId, Review, Strategy};
use crate::review::{Scope, summarize};
use crate::sanitize;

/// How long the banner stays before a review moves on, in milliseconds.
pub const BANNER_MS: u64 = 1500;

/// What the review does after a decision (`[review] after-decision`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterDecision {
    /// Show the banner for a moment on the node, then go to the next undecided one.
    Pause,
    /// Go to the next undecided node at once; the banner shows there.
    Move,
    /// Stay on the node with the banner; n or tab moves on.
    Stay,
}

impl AfterDecision {
    /// Every choice, as the config file spells them.
    pub const NAMES: [&'static str; 3] = ["pause", "move", "stay"];

    /// The choice `name` spells in the config file.
    pub fn parse(name: &str) -> Option<AfterDecision> {
        match name {
            "pause" => Some(AfterDecision::Pause),
            "move" => Some(AfterDecision::Move),
            "stay" => Some(AfterDecision::Stay),
            _ => None,
        }
    }
}

/// What was just recorded, for the room to see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banner {
    /// `approve · Dana Okafor · "Ship it"` on `Win brokerages…`, sanitized.
    pub text: String,
    /// The node it was recorded on.
    pub node: NodeId,
    /// When it goes away (the shell's milliseconds); `None` on the next key.
    pub until_ms: Option<u64>,
    /// The review moves on when it goes away.
    pub then_move: bool,
}

impl Banner {
    /// The words for `record` on `node`: the decision (or what the record
    /// holds), by whom, the first line of what was said, and the node's title.
    pub fn describe(strategy: &Strategy, node: NodeId, record: &Review) -> String {
        let what = if let Some(item) = &record.action {
            let mut text = format!("action item “{}”", first_line(&item.what));
            if !item.owner.is_empty() {
                text.push_str(&format!(" for {}", first_line(&item.owner)));
            }
            if let Some(due) = item.due {
                text.push_str(&format!(" by {due}"));
            }
            text
        } else if let Some(closing) = &record.closes {
            format!(
                "action item {}: “{}”",
                closing.outcome.as_str(),
                first_line(&closing.what)
            )
        } else {
            record.decision.as_str().to_owned()
        };
        let said = [
            Some(record.comment.as_str()),
            record.question.as_deref(),
            record.reason.as_deref(),
        ]
        .into_iter()
        .flatten()
        .find(|t| !t.trim().is_empty())
        .map(|t| format!(": “{}”", first_line(t)))
        .unwrap_or_default();
        let title = strategy
            .get(node)
            .map(|n| first_line(&n.doc.title))
            .unwrap_or_default();
        format!("✔ {what} · {}{said} · on {title}", first_line(&record.by))
    }
}

/// The first line of `text`, sanitized, at most 80 characters.
fn first_line(text: &str) -> String {
    let line = text.trim().lines().next().unwrap_or("");
    let mut out: String = sanitize::line(line).chars().take(80).collect();
    if sanitize::line(line).chars().count() > 80 {
        out.push('…');
    }
    out
}

impl App {
    /// Shows `text` as the banner for `node`; after a decision, moves on as
    /// the review is set to.
    pub(super) fn show_banner(&mut self, node: NodeId, text: String, decided: bool) {
        let Some(review) = &mut self.review else {
            return;
        };
        let now = review.clock.now_ms;
        let after = if decided {
            review.after
        } else {
            AfterDecision::Stay
        };
        review.banner = Some(Banner {
            text,
            node,
            until_ms: match after {
                AfterDecision::Pause => Some(now + BANNER_MS),
                AfterDecision::Move | AfterDecision::Stay => Some(now + 3 * BANNER_MS),
            },
            then_move: after == AfterDecision::Pause,
        });
        if after == AfterDecision::Move {
            self.advance_after_decision();
        }
    }

    /// The shell's clock: `now_ms` since the review started. Takes the
    /// banner away when its moment is over (and moves on, if it waits to);
    /// true when the screen should be drawn again.
    pub fn review_tick(&mut self, now_ms: u64) -> bool {
        let Some(review) = &mut self.review else {
            return false;
        };
        let shown_second = review.clock.now_ms / 1000;
        review.clock.now_ms = now_ms;
        let mut redraw = review.clock.timebox.is_some() && now_ms / 1000 != shown_second;
        let expired = review
            .banner
            .as_ref()
            .and_then(|b| b.until_ms)
            .is_some_and(|until| now_ms >= until);
        if expired {
            redraw = true;
            self.finish_pending_move();
            if let Some(review) = &mut self.review {
                review.banner = None;
            }
        }
        redraw
    }

    /// True while the review waits for a moment before moving on: the
    /// shell wakes up to end it.
    pub fn review_wants_ticks(&self) -> bool {
        self.review
            .as_ref()
            .is_some_and(|r| r.banner.is_some() || r.clock.timebox.is_some())
    }

    /// Makes the move the banner is waiting for, now; true if there was one.
    pub(super) fn finish_pending_move(&mut self) -> bool {
        let Some(review) = &mut self.review else {
            return false;
        };
        match review.banner.as_mut().filter(|b| b.then_move) {
            Some(banner) => {
                banner.then_move = false;
                self.advance_after_decision();
                true
            }
            None => false,
        }
    }

    /// After a decision: the next undecided node after this one, or the
    /// end-of-meeting screen when every node is decided.
    pub(super) fn advance_after_decision(&mut self) {
        let Some(review) = &self.review else {
            return;
        };
        match review.undecided_from(&self.strategy, review.at + 1) {
            Some(at) => self.review_go_keeping_banner(at),
            None => self.finish_review(),
        }
    }

    fn review_go_keeping_banner(&mut self, at: usize) {
        let banner = self.review.as_mut().and_then(|r| r.banner.take());
        self.review_go(at);
        if let Some(review) = &mut self.review {
            review.banner = banner;
        }
    }

    /// The end-of-meeting screen: the summary, and the keys to go back,
    /// write the notes, or quit.
    pub(super) fn finish_review(&mut self) {
        let notes = self.review_notes();
        if let Some(review) = &mut self.review {
            review.end_notes = notes;
            review.finished = true;
            review.show_rollup = false;
            let on = review.current();
            review.clock.enter(on);
        }
        self.reading = Default::default();
    }

    /// The session's summary as Markdown: this reviewer's records since
    /// the review started, for the end screen and the notes file.
    pub fn review_notes(&self) -> Option<String> {
        let review = self.review.as_ref()?;
        let diagnostics = crate::lint::lint_strategy(&self.strategy, &self.lint_config, self.as_of);
        let scope = Scope {
            reviewer: Some(review.reviewer.clone()),
            from: Some(review.started),
        };
        let summary = summarize(
            &self.strategy,
            &review.queue,
            &diagnostics,
            &self.progress,
            scope,
            self.today,
        );
        Some(summary.to_markdown())
    }

    /// `w` on the end screen: the shell writes the notes beside the file.
    pub(super) fn write_notes(&mut self) -> Vec<Effect> {
        match self.review_notes() {
            Some(text) => vec![Effect::WriteNotes(text)],
            None => Vec::new(),
        }
    }

    /// `u`: takes back the last record and goes to the node it was on.
    pub(super) fn undo_decision(&mut self) -> Vec<Effect> {
        let Some(review) = &self.review else {
            return Vec::new();
        };
        let counts: Vec<usize> = review
            .queue
            .iter()
            .map(|&id| self.strategy.get(id).map_or(0, |n| n.reviews.len()))
            .collect();
        self.undo();
        let Some(review) = &mut self.review else {
            return Vec::new();
        };
        review.banner = None;
        let changed = review.queue.iter().zip(&counts).position(|(&id, &before)| {
            self.strategy.get(id).map_or(0, |n| n.reviews.len()) < before
        });
        if let Some(at) = changed {
            let title = review
                .queue
                .get(at)
                .and_then(|&id| self.strategy.get(id))
                .map(|n| first_line(&n.doc.title))
                .unwrap_or_default();
            self.review_go(at);
            self.notice = Some(format!("undone: the last record on {title}"));
        }
        if self.is_dirty() {
            vec![Effect::Save]
        } else {
            Vec::new()
        }
    }
}
