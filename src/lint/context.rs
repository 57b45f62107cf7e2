//! What a rule sees of one node: the node, its immediate links, the config,
//! and each text field tokenised once.

use super::LintConfig;
use super::text::{Match, Text, stem};
use crate::model::{Date, Field, Level, Node, NodeId, Strategy};

/// One node, ready for every rule to read.
pub struct NodeCx<'a> {
    /// The whole strategy, for the node's immediate links only.
    pub strategy: &'a Strategy,
    /// The node's id.
    pub id: NodeId,
    /// The node.
    pub node: &'a Node,
    /// The configuration in force.
    pub config: &'a LintConfig,
    /// The day horizons are measured from.
    pub as_of: Date,
    /// `title`, tokenised.
    pub title: Text,
    /// `today`, tokenised.
    pub today: Text,
    /// `future`, tokenised.
    pub future: Text,
    /// Each `will_not` item, tokenised.
    pub will_not: Vec<Text>,
}

impl<'a> NodeCx<'a> {
    /// Tokenises the node's prose once for all rules.
    pub fn new(
        strategy: &'a Strategy,
        id: NodeId,
        config: &'a LintConfig,
        as_of: Date,
    ) -> Option<NodeCx<'a>> {
        let node = strategy.get(id)?;
        Some(NodeCx {
            strategy,
            id,
            node,
            config,
            as_of,
            title: Text::new(&node.doc.title),
            today: Text::new(&node.doc.today),
            future: Text::new(&node.doc.future),
            will_not: node.doc.will_not.iter().map(|w| Text::new(w)).collect(),
        })
    }

    /// The node's level.
    pub fn level(&self) -> Level {
        self.node.level
    }

    /// The prose fields that wording rules read: title, today, future.
    pub fn prose(&self) -> [(Field, &Text); 3] {
        [
            (Field::Title, &self.title),
            (Field::Today, &self.today),
            (Field::Future, &self.future),
        ]
    }

    /// The parent node, if the link resolves.
    pub fn parent(&self) -> Option<&'a Node> {
        self.strategy
            .parent(self.id)
            .and_then(|p| self.strategy.get(p))
    }

    /// True when the user's `allow_words` covers any word of the match.
    pub fn allowed(&self, text: &Text, m: &Match) -> bool {
        let allow = &self.config.allow_words;
        !allow.is_empty()
            && (m.first..=m.last).any(|i| {
                let word = text.word(i);
                allow
                    .iter()
                    .any(|a| a == word || (stem(a) == stem(word) && !stem(a).is_empty()))
            })
    }
}
