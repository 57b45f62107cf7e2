//! One node of the cascade: a two-pager at a level, the id that names it, the
//! parent it names, the rules it silences, the reviews it has had and the
//! check-ins of its metrics, and the tracker keys and links of its work.

use super::{CheckIn, Level, Review, TwoPager};

/// A two-pager at one level of the cascade, with the id that names it.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Which level of the cascade it belongs to.
    pub level: Level,
    /// The table key (`win-mid-market` in `[intents.win-mid-market]`); `vision` for the vision.
    pub id: String,
    /// The parent's id as the file names it (`intent = "…"`), for initiatives and options.
    pub parent_ref: Option<String>,
    /// The document itself.
    pub doc: TwoPager,
    /// Lint rules this node silences, each with the reason a reviewer will read.
    pub allow: Vec<Allow>,
    /// What review meetings decided about it, oldest first.
    pub reviews: Vec<Review>,
    /// Its metrics' measured values, in the order they were recorded.
    pub checkins: Vec<CheckIn>,
    /// How much it counts in its parent's progress (`weight`); `None` is 1.
    pub weight: Option<f64>,
    /// The keys of the tracker tickets that carry this work (`tracker =
    /// ["PROJ-123"]`), so a PM finds their epic by the name they know.
    /// Raw file text: callers sanitize for their output.
    pub tracker: Vec<String>,
    /// Links to where the work lives (`links = ["https://…"]`): the epic,
    /// a design doc. Untrusted text: only http(s) ones are ever made links.
    pub links: Vec<String>,
}

/// A node's decision to silence one lint rule, with the reason written down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allow {
    /// The rule's name (`vague-future`).
    pub rule: String,
    /// Why the finding does not apply here.
    pub reason: String,
}

impl Node {
    /// A node with an empty two-pager; the shape every new node starts from.
    pub fn new(level: Level, id: impl Into<String>) -> Node {
        Node {
            level,
            id: id.into(),
            parent_ref: None,
            doc: TwoPager::default(),
            allow: Vec::new(),
            reviews: Vec::new(),
            checkins: Vec::new(),
            weight: None,
            tracker: Vec::new(),
            links: Vec::new(),
        }
    }

    /// A node that names `parent` as the node it ladders up to.
    pub fn child_of(level: Level, id: impl Into<String>, parent: impl Into<String>) -> Node {
        Node {
            parent_ref: Some(parent.into()),
            ..Node::new(level, id)
        }
    }

    /// The name that is unique across the file: `vision` or `<table>.<id>`.
    pub fn key(&self) -> String {
        match self.level {
            Level::Vision => "vision".to_owned(),
            level => format!("{}.{}", level.table(), self.id),
        }
    }
}

/// An address a browser may be sent to: `http://` or `https://`, something
/// after it, and no whitespace or control character (so it is one address,
/// shown as written). Anything else is shown as text, never linked.
pub fn is_web_link(link: &str) -> bool {
    let scheme = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    let rest = if scheme.starts_with("https://") {
        &link[8..]
    } else if scheme.starts_with("http://") {
        &link[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !link.chars().any(|c| c.is_whitespace() || c.is_control())
}
