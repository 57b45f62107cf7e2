//! The order a meeting walks the cascade: depth first from the vision (each
//! initiative followed by its options), narrowed by the meeting's filters.

use super::Changes;
use crate::model::{Level, NodeId, Status, Strategy};

/// Which nodes a review covers; every part that is set must match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    /// Only nodes at this level (`--level initiative`).
    pub level: Option<Level>,
    /// Only nodes with this status (`--status in-review`).
    pub status: Option<Status>,
    /// Only nodes whose owner contains this, ignoring case (`--owner dana`).
    pub owner: Option<String>,
    /// Only this node and the nodes below it (`--under intents.win`).
    pub under: Option<NodeId>,
}

impl QueueFilter {
    /// True when `id` is one of the nodes this filter keeps.
    pub fn keeps(&self, strategy: &Strategy, id: NodeId) -> bool {
        let Some(node) = strategy.get(id) else {
            return false;
        };
        let owner = self.owner.as_ref().is_none_or(|wanted| {
            node.doc
                .owner
                .to_lowercase()
                .contains(&wanted.to_lowercase())
        });
        let under = self
            .under
            .is_none_or(|top| strategy.path_to_vision(id).contains(&top));
        self.level.is_none_or(|l| l == node.level)
            && self.status.is_none_or(|s| s == node.doc.status)
            && owner
            && under
    }
}

/// The nodes to review, in cascade order: those `filter` keeps and, when
/// `since` is given, only those that are new or changed since then.
pub fn queue(strategy: &Strategy, filter: &QueueFilter, since: Option<&Changes>) -> Vec<NodeId> {
    strategy
        .cascade()
        .into_iter()
        .map(|(id, _)| id)
        .filter(|&id| filter.keeps(strategy, id))
        .filter(|id| since.is_none_or(|changes| changes.contains_key(id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    fn sample() -> Strategy {
        crate::store::parse(include_str!("../../sample-strategy.toml"))
            .map(|l| l.strategy)
            .unwrap_or_default()
    }

    fn keys(s: &Strategy, ids: &[NodeId]) -> Vec<String> {
        ids.iter().map(|&id| s.node(id).key()).collect()
    }

    #[test]
    fn the_queue_walks_depth_first_each_initiative_then_its_options() {
        let mut s = Strategy::new("Acme");
        s.push_unlinked(Node::new(Level::Vision, "vision"));
        s.push_unlinked(Node::new(Level::Intent, "grow"));
        s.push_unlinked(Node::new(Level::Intent, "save"));
        s.push_unlinked(Node::child_of(Level::Initiative, "slow", "grow"));
        s.push_unlinked(Node::child_of(Level::Initiative, "costly", "save"));
        s.push_unlinked(Node::child_of(Level::Option, "auto", "slow"));
        s.push_unlinked(Node::child_of(Level::Option, "cheap", "costly"));
        s.relink();
        let all = queue(&s, &QueueFilter::default(), None);
        assert_eq!(
            keys(&s, &all),
            [
                "vision",
                "intents.grow",
                "initiatives.slow",
                "options.auto",
                "intents.save",
                "initiatives.costly",
                "options.cheap"
            ]
        );
    }

    #[test]
    fn filters_narrow_the_queue_and_combine() {
        let s = sample();
        let intents = QueueFilter {
            level: Some(Level::Intent),
            ..QueueFilter::default()
        };
        assert_eq!(queue(&s, &intents, None).len(), 3);

        let win = s.find_key("intents.win-mid-market-brokers").unwrap();
        let under = QueueFilter {
            under: Some(win),
            level: Some(Level::Initiative),
            ..QueueFilter::default()
        };
        let initiatives = queue(&s, &under, None);
        assert!(!initiatives.is_empty());
        assert!(
            initiatives
                .iter()
                .all(|&id| s.parent(id) == Some(win) && s.node(id).level == Level::Initiative)
        );

        let owner = QueueFilter {
            owner: Some("DANA".into()),
            ..QueueFilter::default()
        };
        let dana = queue(&s, &owner, None);
        assert!(keys(&s, &dana).contains(&"vision".to_owned()));
        assert!(dana.iter().all(|&id| s.node(id).doc.owner.contains("Dana")));

        let drafts = QueueFilter {
            status: Some(Status::Draft),
            ..QueueFilter::default()
        };
        assert!(
            queue(&s, &drafts, None)
                .iter()
                .all(|&id| s.node(id).doc.status == Status::Draft)
        );
    }
}
