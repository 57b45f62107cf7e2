//! Fuzzy search over ids, tracker keys, titles and owners, and substring
//! search over the text, ranked as you type (nucleo-matcher, the engine behind helix's picker).

use std::collections::HashMap;

use nucleo_matcher::pattern::{AtomKind, CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::model::{NodeId, Strategy};

/// Which part of a node a search hit matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchedIn {
    /// Its key (`intents.win-mid-market`).
    Id,
    /// One of its tracker keys (`PROJ-123`).
    Tracker,
    /// Its title.
    Title,
    /// Its owner.
    Owner,
    /// Its text (today, future, will-not, metrics, notes).
    Text,
}

impl MatchedIn {
    /// A short label for the results list.
    pub fn label(self) -> &'static str {
        match self {
            MatchedIn::Id => "id",
            MatchedIn::Tracker => "tracker",
            MatchedIn::Title => "title",
            MatchedIn::Owner => "owner",
            MatchedIn::Text => "text",
        }
    }
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The node found.
    pub node: NodeId,
    /// Where it matched best.
    pub matched: MatchedIn,
    /// For text matches, the text around the match (raw; sanitize before showing).
    pub snippet: Option<String>,
    score: u32,
}

struct Entry {
    node: NodeId,
    key: String,
    tracker: String,
    title: String,
    owner: String,
    text: String,
}

/// What search looks through, built once per strategy.
pub struct SearchIndex {
    entries: Vec<Entry>,
    rank_of: HashMap<NodeId, usize>,
    matcher: Matcher,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SearchIndex({} nodes)", self.entries.len())
    }
}

/// How many text results get a snippet: more than a screen's worth.
const SNIPPETS: usize = 200;

impl SearchIndex {
    /// Indexes every node, in cascade order (ties rank in that order).
    pub fn new(strategy: &Strategy) -> SearchIndex {
        let entries: Vec<Entry> = strategy
            .cascade()
            .into_iter()
            .map(|(id, _)| {
                let node = strategy.node(id);
                let doc = &node.doc;
                let mut text = String::new();
                for part in [&doc.today, &doc.future] {
                    text.push_str(part);
                    text.push('\n');
                }
                for item in &doc.will_not {
                    text.push_str(item);
                    text.push('\n');
                }
                for metric in &doc.metrics {
                    text.push_str(&metric.name);
                    text.push('\n');
                }
                text.push_str(&doc.notes);
                Entry {
                    node: id,
                    key: node.key(),
                    tracker: node.tracker.join(" "),
                    title: doc.title.clone(),
                    owner: doc.owner.clone(),
                    text,
                }
            })
            .collect();
        let rank_of = entries
            .iter()
            .enumerate()
            .map(|(rank, e)| (e.node, rank))
            .collect();
        SearchIndex {
            entries,
            rank_of,
            matcher: Matcher::new(Config::DEFAULT),
        }
    }

    /// The nodes matching `query`, best first; empty for an empty query.
    pub fn search(&mut self, query: &str) -> Vec<Hit> {
        self.search_among(query, None)
    }

    /// As [`SearchIndex::search`], looking only at `among` when given.
    ///
    /// A query that only grew at its end matches a subset of what it matched
    /// before (a longer fuzzy pattern or substring never matches more), so
    /// typing narrows the previous results instead of rescanning every node.
    pub fn search_among(&mut self, query: &str, among: Option<&[NodeId]>) -> Vec<Hit> {
        if query.trim().is_empty() {
            return Vec::new();
        }
        let fuzzy = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
        let literal = Pattern::new(
            query,
            CaseMatching::Smart,
            Normalization::Smart,
            AtomKind::Substring,
        );
        let mut buf = Vec::new();
        let mut hits: Vec<(usize, Hit)> = Vec::new();
        let ranks: Vec<usize> = match among {
            Some(nodes) => {
                let mut ranks: Vec<usize> = nodes
                    .iter()
                    .filter_map(|n| self.rank_of.get(n).copied())
                    .collect();
                ranks.sort_unstable();
                ranks
            }
            None => (0..self.entries.len()).collect(),
        };
        for rank in ranks {
            let entry = &self.entries[rank];
            let mut best: Option<(u32, MatchedIn)> = None;
            for (field, text) in [
                (MatchedIn::Id, &entry.key),
                (MatchedIn::Tracker, &entry.tracker),
                (MatchedIn::Title, &entry.title),
                (MatchedIn::Owner, &entry.owner),
            ] {
                if let Some(score) = fuzzy.score(Utf32Str::new(text, &mut buf), &mut self.matcher)
                    && best.is_none_or(|(b, _)| score > b)
                {
                    best = Some((score, field));
                }
            }
            let found = match best {
                // Fields outrank text: a title match is what a user means first.
                Some((score, field)) => Some((score + 1_000_000, field)),
                None => literal
                    .score(Utf32Str::new(&entry.text, &mut buf), &mut self.matcher)
                    .map(|score| (score, MatchedIn::Text)),
            };
            if let Some((score, matched)) = found {
                hits.push((
                    rank,
                    Hit {
                        node: entry.node,
                        matched,
                        snippet: None,
                        score,
                    },
                ));
            }
        }
        // Best score first; on a tie an id beats a title (it is the more
        // specific name), then cascade order.
        hits.sort_by(|a, b| {
            b.1.score
                .cmp(&a.1.score)
                .then(a.1.matched.cmp(&b.1.matched))
                .then(a.0.cmp(&b.0))
        });
        let mut hits: Vec<Hit> = hits.into_iter().map(|(_, hit)| hit).collect();
        for hit in hits.iter_mut().take(SNIPPETS) {
            if hit.matched == MatchedIn::Text
                && let Some(entry) = self.rank_of.get(&hit.node).map(|&r| &self.entries[r])
            {
                hit.snippet = snippet(&entry.text, &literal, &mut self.matcher);
            }
        }
        hits
    }
}

/// About forty characters of `text` around the first match of `pattern`.
fn snippet(text: &str, pattern: &Pattern, matcher: &mut Matcher) -> Option<String> {
    let atom = pattern.atoms.first()?;
    let mut buf = Vec::new();
    let mut indices = Vec::new();
    atom.indices(Utf32Str::new(text, &mut buf), matcher, &mut indices)?;
    let first = *indices.iter().min()? as usize;
    let start = first.saturating_sub(12);
    let words: String = text
        .chars()
        .skip(start)
        .take(60)
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    // Start at a word, not inside one, unless the window begins the text.
    let words = match words.split_once(' ') {
        Some((_, rest)) if start > 0 => rest,
        _ => words.as_str(),
    };
    let prefix = if start > 0 { "…" } else { "" };
    Some(format!("{prefix}{}", words.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Node};

    fn strategy() -> Strategy {
        let mut s = Strategy::new("Acme");
        let mut vision = Node::new(Level::Vision, "vision");
        vision.doc.title = "Move every load".into();
        vision.doc.notes = "Carriers are paid within two days.".into();
        s.push_unlinked(vision);
        let mut intent = Node::new(Level::Intent, "win-mid-market");
        intent.doc.title = "Win mid-market brokers".into();
        intent.doc.owner = "Priya Raman".into();
        s.push_unlinked(intent);
        s.relink();
        s
    }

    #[test]
    fn a_tracker_key_finds_its_node() {
        let mut s = strategy();
        let id = s.find(Level::Intent, "win-mid-market").unwrap();
        let mut intent = s.node(id).clone();
        intent.tracker = vec!["PROJ-123".into()];
        s.replace(id, intent);
        let hits = SearchIndex::new(&s).search("PROJ-123");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!((hits[0].node, hits[0].matched), (id, MatchedIn::Tracker));
    }

    #[test]
    fn fields_rank_above_text_and_text_gets_a_snippet() {
        let s = strategy();
        let mut index = SearchIndex::new(&s);
        let hits = index.search("priya");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched, MatchedIn::Owner);

        let hits = index.search("paid within");
        assert_eq!(hits[0].matched, MatchedIn::Text);
        assert_eq!(
            hits[0].snippet.as_deref(),
            Some("…are paid within two days.")
        );

        let narrowed = index.search_among("paid within two", Some(&[hits[0].node]));
        assert_eq!(narrowed.len(), 1);

        let hits = index.search("wmm");
        assert_eq!(
            hits[0].node,
            s.find(Level::Intent, "win-mid-market").unwrap()
        );
        assert!(index.search("  ").is_empty());
    }
}
