//! Review mode: the browser walks a queue of nodes, one per screen, and a
//! key records a decision beside the node (and saves at once, so a meeting
//! never loses its record). Reached by `strata review` or `R`.

mod after;
mod clock;
mod record;

pub use after::{AfterDecision, Banner};
pub use clock::{Clock, clock_text};

use super::overlays::note::{self, NoteKind};
use super::{Action, App, Effect, Focus, View};
use crate::model::{Date, Decision, NodeId};
use crate::review::{Bookmark, Changes, QueueFilter, queue};

/// A review in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewMode {
    /// The nodes to walk, in cascade order.
    pub queue: Vec<NodeId>,
    /// The index of the node on screen.
    pub at: usize,
    /// Who signs the records.
    pub reviewer: String,
    /// The day the review started: this reviewer's decisions since then count as made in it.
    pub started: Date,
    /// The day records are dated with.
    pub today: Date,
    /// With `--since`: the revision compared with and what changed since.
    pub since: Option<Since>,
    /// Show the old text of changed sections beside the new.
    pub show_old: bool,
    /// What the queue was narrowed to, for the title (`level intent, under …`).
    pub description: String,
    /// Who is in the room (`--with`), written into each record.
    pub attendees: Vec<String>,
    /// What happens after a decision: a moment's banner, then the next node.
    pub after: AfterDecision,
    /// What was just recorded, shown for a moment.
    pub banner: Option<Banner>,
    /// Time spent, per node and overall, as the shell measures it.
    pub clock: Clock,
    /// The end-of-meeting screen is shown: every node is decided, or the
    /// last one was passed.
    pub finished: bool,
    /// The session's summary as Markdown, made when the end screen opened.
    pub end_notes: Option<String>,
    /// The roll-up of the node under review is shown instead of its two-pager.
    pub show_rollup: bool,
}

/// "What changed since REV": the revision and the changes found.
#[derive(Debug, Clone, PartialEq)]
pub struct Since {
    /// The revision as the user gave it.
    pub revision: String,
    /// The changed and new nodes.
    pub changes: Changes,
}

impl ReviewMode {
    /// A review of the nodes `filter` keeps (and, with `since`, only the
    /// changed ones), signed by `reviewer`, started on `started`.
    pub fn new(
        strategy: &crate::model::Strategy,
        filter: &QueueFilter,
        since: Option<Since>,
        reviewer: &str,
        started: Date,
        today: Date,
    ) -> ReviewMode {
        let queue = queue(strategy, filter, since.as_ref().map(|s| &s.changes));
        ReviewMode {
            queue,
            at: 0,
            reviewer: reviewer.to_owned(),
            started,
            today,
            since,
            show_old: false,
            description: String::new(),
            attendees: Vec::new(),
            after: AfterDecision::Move,
            banner: None,
            clock: Clock::default(),
            finished: false,
            end_notes: None,
            show_rollup: false,
        }
    }

    /// The node on screen.
    pub fn current(&self) -> Option<NodeId> {
        self.queue.get(self.at).copied()
    }

    /// True when `node` has a decision by this reviewer since the review started.
    pub fn is_decided(&self, strategy: &crate::model::Strategy, node: NodeId) -> bool {
        strategy.get(node).is_some_and(|n| {
            n.reviews
                .iter()
                .any(|r| r.decides_for(&self.reviewer, self.started))
        })
    }

    /// How many nodes of the queue are decided.
    pub fn decided(&self, strategy: &crate::model::Strategy) -> usize {
        self.queue
            .iter()
            .filter(|&&id| self.is_decided(strategy, id))
            .count()
    }

    /// The first undecided node at `from` or after it, wrapping around.
    pub fn undecided_from(&self, strategy: &crate::model::Strategy, from: usize) -> Option<usize> {
        let len = self.queue.len();
        (0..len)
            .map(|i| (from + i) % len)
            .find(|&i| !self.is_decided(strategy, self.queue[i]))
    }
}

impl App {
    /// Enters review mode with `review`, on its first undecided node at or
    /// after the node keyed `resume_at` (where an earlier run stopped).
    pub fn start_review(&mut self, mut review: ReviewMode, resume_at: Option<&str>) {
        let from = resume_at
            .and_then(|key| self.strategy.find_key(key).ok())
            .and_then(|id| review.queue.iter().position(|&q| q == id))
            .unwrap_or(0);
        review.at = review.undecided_from(&self.strategy, from).unwrap_or(from);
        self.notice = Some(match review.queue.len() {
            0 => "nothing to review: no node matches".to_owned(),
            n if review.decided(&self.strategy) == n => {
                format!("all {n} nodes are decided; q ends the review and prints the summary")
            }
            n => format!(
                "reviewing {n} node{} as {}",
                if n == 1 { "" } else { "s" },
                crate::sanitize::line(&review.reviewer)
            ),
        });
        let on = review.current();
        review.clock.enter(on);
        self.review = Some(Box::new(review));
        self.view = View::Document;
        self.focus = Focus::Document;
        self.reading = Default::default();
        self.layers.clear();
        self.sync_reading();
    }

    /// Starts `review`, or continues it from `bookmark` (where an earlier
    /// run of the same review stopped): its start day is kept, so decisions
    /// made in that run still count, and it opens at the first undecided
    /// node from the bookmarked one on.
    pub fn resume_review(&mut self, mut review: ReviewMode, bookmark: Option<&Bookmark>) {
        if let Some(bookmark) = bookmark {
            review.started = bookmark.started;
            if review.attendees.is_empty() {
                review.attendees = bookmark.attendees.clone();
            }
        }
        self.start_review(review, bookmark.and_then(|b| b.at.as_deref()));
    }

    /// Where the review stands, for the next run to continue from.
    pub fn review_bookmark(&self) -> Option<Bookmark> {
        let review = self.review.as_ref()?;
        Some(Bookmark {
            started: review.started,
            at: review
                .current()
                .and_then(|id| self.strategy.get(id))
                .map(|n| n.key()),
            attendees: review.attendees.clone(),
        })
    }

    /// `R` in the browser: review the selected node and everything below it.
    fn start_review_here(&mut self) {
        let Some(top) = self.tree.selected() else {
            return;
        };
        let Some(reviewer) = self.reviewer.clone() else {
            self.notice = Some(NO_REVIEWER.into());
            return;
        };
        // Each decision is saved at once; unsaved drafting would go with it.
        if self.is_dirty() {
            self.notice = Some(
                "save (ctrl-s) or undo (u) your edits first: a review saves each decision at once"
                    .into(),
            );
            return;
        }
        let filter = QueueFilter {
            under: Some(top),
            ..QueueFilter::default()
        };
        let mut review = ReviewMode::new(
            &self.strategy,
            &filter,
            None,
            &reviewer,
            self.today,
            self.today,
        );
        review.description = format!("under {}", self.strategy.node(top).key());
        self.start_review(review, None);
    }

    /// Leaves review mode, back to the browser on the node that was shown.
    fn end_review(&mut self) {
        let shown = self.shown_node();
        self.review = None;
        self.focus = Focus::Tree;
        if let Some(node) = shown {
            self.jump_to(node);
        }
        self.notice = Some("review closed; R starts another".into());
    }

    /// Moves to the queue entry `at`, showing its two-pager from the top.
    fn review_go(&mut self, at: usize) {
        if let Some(review) = &mut self.review {
            let from = review.current();
            review.at = at.min(review.queue.len().saturating_sub(1));
            review.finished = false;
            review.show_rollup = false;
            if review.current() != from {
                let on = review.current();
                review.clock.enter(on);
            }
        }
        self.reading = Default::default();
    }

    fn decide(&mut self, decision: Decision) -> Vec<Effect> {
        let Some(node) = self.shown_node() else {
            return Vec::new();
        };
        let errors = self.findings.counts(node).errors;
        match decision {
            Decision::Approve if errors > 0 => {
                note::open(self, node, NoteKind::ApprovalReason { errors });
                Vec::new()
            }
            Decision::Approve => self.record_decision(node, decision, String::new(), None),
            Decision::Discuss => {
                note::open(self, node, NoteKind::Question);
                Vec::new()
            }
            Decision::RequestChanges => {
                note::open(self, node, NoteKind::RequestChanges);
                Vec::new()
            }
            Decision::Comment => {
                note::open(self, node, NoteKind::Comment);
                Vec::new()
            }
        }
    }
}

/// What to do when nobody is named to sign the records.
pub const NO_REVIEWER: &str = "who is reviewing? set `[review] reviewer = \"Your Name\"` in the config file, or `git config --global user.name \"Your Name\"`";

/// Handles `action` in review mode; `None` leaves it to the browser's own
/// handling (scrolling, help, quit, save).
pub(in crate::app) fn update(app: &mut App, action: Action) -> Option<Vec<Effect>> {
    app.review.as_ref()?;
    // A move waiting behind the banner happens before anything else, so
    // the key acts on the node the room expects; undo takes it back instead.
    if action != Action::Undo
        && app.finish_pending_move()
        && matches!(
            action,
            Action::NextNode | Action::Skip | Action::NextUndecided
        )
    {
        return Some(Vec::new()); // That key asked for the move just made.
    }
    let review = app.review.as_ref()?;
    let (at, len) = (review.at, review.queue.len());
    let finished = review.finished;
    let effects = match action {
        Action::Approve | Action::RequestChanges | Action::Discuss | Action::Comment
            if finished =>
        {
            app.notice = Some(
                "the review is over: tab goes back to an undecided node, p to the last one".into(),
            );
            Vec::new()
        }
        Action::Approve => app.decide(Decision::Approve),
        Action::RequestChanges => app.decide(Decision::RequestChanges),
        Action::Discuss => app.decide(Decision::Discuss),
        Action::Comment => app.decide(Decision::Comment),
        Action::AddActionItem if !finished => {
            if let Some(node) = app.shown_node() {
                note::open(app, node, NoteKind::ActionWhat);
            }
            Vec::new()
        }
        Action::CloseActionItem if !finished => {
            app.start_closing_action();
            Vec::new()
        }
        Action::WriteNotes => app.write_notes(),
        Action::ToggleRollup => {
            if let Some(review) = &mut app.review {
                review.show_rollup = !review.show_rollup && !review.finished;
            }
            Vec::new()
        }
        Action::Skip | Action::NextNode => {
            if at + 1 < len {
                app.review_go(at + 1);
            } else {
                app.finish_review();
            }
            Vec::new()
        }
        Action::PreviousNode => {
            if finished {
                app.review_go(at);
            } else if at > 0 {
                app.review_go(at - 1);
            } else {
                app.notice = Some("this is the first node".into());
            }
            Vec::new()
        }
        Action::NextUndecided => {
            let from = if finished { 0 } else { (at + 1) % len.max(1) };
            match review.undecided_from(&app.strategy, from) {
                Some(next) => app.review_go(next),
                None => app.notice = Some("every node in the review is decided".into()),
            }
            Vec::new()
        }
        Action::ToggleOldText => {
            let changed = app
                .shown_node()
                .zip(review.since.as_ref())
                .and_then(|(node, since)| since.changes.get(&node))
                .is_some_and(|change| !change.is_new());
            if let Some(review) = &mut app.review {
                if review.since.is_none() {
                    app.notice = Some("old text needs --since REV".into());
                } else {
                    review.show_old = !review.show_old;
                    if !changed {
                        app.notice = Some("this node has no old text to show".into());
                    }
                }
            }
            Vec::new()
        }
        Action::Cancel if finished => {
            app.review_go(at);
            Vec::new()
        }
        Action::Cancel if app.review.as_ref().is_some_and(|r| r.show_rollup) => {
            if let Some(review) = &mut app.review {
                review.show_rollup = false;
            }
            Vec::new()
        }
        Action::Cancel if app.reading.diagnostic.is_none() => {
            app.end_review();
            Vec::new()
        }
        // Decisions are saved as they are made; undoing one saves too, so
        // the file always holds what the screen shows.
        Action::Undo => app.undo_decision(),
        Action::Redo => {
            app.redo();
            if app.is_dirty() {
                vec![Effect::Save]
            } else {
                Vec::new()
            }
        }
        _ => return None,
    };
    Some(effects)
}

/// `R` and review-only actions outside review mode.
pub(in crate::app) fn update_browsing(app: &mut App, action: Action) {
    match action {
        Action::StartReview => app.start_review_here(),
        Action::CloseActionItem => app.start_closing_action(),
        _ => app.notice = Some("not reviewing: R reviews the selected node and those below".into()),
    }
}
