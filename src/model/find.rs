//! Finding a node by the name a person types (`strata rollup ID`, `review
//! --under ID`): a full key (`intents.win`, `vision`) or a bare id, with a
//! "did you mean" when nothing answers to it.

use super::{Level, NodeId, Strategy};
use crate::suggest::did_you_mean;

/// Why a name given on the command line does not pick out one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    /// No node has that id; the closest id, if any is close.
    NotFound {
        /// The closest existing key, for "did you mean".
        suggestion: Option<String>,
    },
    /// The bare id names nodes at several levels; their full keys.
    Ambiguous(Vec<String>),
}

impl Strategy {
    /// Finds a node by its key (`intents.win`, `vision`) or by a bare id.
    pub fn find_key(&self, name: &str) -> Result<NodeId, FindError> {
        if name == "vision" {
            return self
                .vision()
                .ok_or(FindError::NotFound { suggestion: None });
        }
        if let Some((table, id)) = name.split_once('.')
            && let Some(level) = Level::from_table(table)
            && let Some(found) = self.find(level, id)
        {
            return Ok(found);
        }
        let matches: Vec<NodeId> = Level::ALL
            .into_iter()
            .filter_map(|level| self.find(level, name))
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(FindError::NotFound {
                suggestion: self.closest_key(name),
            }),
            many => Err(FindError::Ambiguous(
                many.iter().map(|&id| self.node(id).key()).collect(),
            )),
        }
    }

    /// The nodes whose `tracker` holds `key` (compared ignoring ASCII case,
    /// as trackers do: `proj-123` is `PROJ-123`), in file order.
    pub fn find_tracker_key(&self, key: &str) -> Vec<NodeId> {
        self.iter()
            .filter(|(_, node)| node.tracker.iter().any(|k| k.eq_ignore_ascii_case(key)))
            .map(|(id, _)| id)
            .collect()
    }

    fn closest_key(&self, name: &str) -> Option<String> {
        let names: Vec<String> = self
            .iter()
            .flat_map(|(_, node)| [node.key(), node.id.clone()])
            .collect();
        did_you_mean(name, names.iter().map(String::as_str)).map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Node;

    fn sample() -> Strategy {
        let mut s = Strategy::new("Acme");
        s.add(Node::new(Level::Vision, "vision"));
        s.add(Node::new(Level::Intent, "grow"));
        s.add(Node::child_of(Level::Initiative, "slow-quotes", "grow"));
        s.add(Node::child_of(Level::Option, "auto-quote", "slow-quotes"));
        s
    }

    #[test]
    fn a_tracker_key_finds_every_node_that_carries_it() {
        let mut s = sample();
        let mut quote = s.node(s.find(Level::Option, "auto-quote").unwrap()).clone();
        quote.tracker = vec!["PRICE-7".into()];
        let id = s.find(Level::Option, "auto-quote").unwrap();
        s.replace(id, quote);
        assert_eq!(s.find_tracker_key("price-7"), vec![id]);
        assert!(s.find_tracker_key("PRICE-8").is_empty());
    }

    #[test]
    fn find_key_accepts_full_keys_and_unique_bare_ids() {
        let mut s = sample();
        assert_eq!(
            s.find_key("intents.grow"),
            Ok(s.find(Level::Intent, "grow").unwrap())
        );
        assert_eq!(
            s.find_key("auto-quote"),
            Ok(s.find(Level::Option, "auto-quote").unwrap())
        );
        assert_eq!(
            s.find_key("auto-qoute"),
            Err(FindError::NotFound {
                suggestion: Some("auto-quote".into())
            })
        );
        s.add(Node::child_of(Level::Option, "grow", "slow-quotes"));
        assert_eq!(
            s.find_key("grow"),
            Err(FindError::Ambiguous(vec![
                "intents.grow".into(),
                "options.grow".into()
            ]))
        );
    }
}
