//! Key sequences to actions, as a trie so `g g` can wait for its second key
//! (helix's `keymap.rs`), built from the embedded defaults plus the user's
//! overrides.

use std::collections::BTreeMap;

use super::action::Action;
use super::{Key, KeyCode, sequence_to_string};

/// The default `[keys]` and `[colors]`; the user's config overrides only what it names.
pub const DEFAULT_CONFIG: &str = include_str!("default-config.toml");

#[derive(Debug, Clone, PartialEq)]
enum Trie {
    Leaf(Action),
    Node(BTreeMap<Key, Trie>),
}

/// What a sequence of keys pressed so far means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// A complete binding.
    Action(Action),
    /// A prefix of longer bindings: wait for the next key. The continuations,
    /// for the which-key hint.
    Pending(Vec<(Key, String)>),
    /// Nothing is bound to it.
    Unbound,
}

/// The normal-mode key bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keymap {
    root: BTreeMap<Key, Trie>,
}

/// A problem with one `[keys]` entry, named by its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// The key as written (`"ctrl-d"`).
    pub key: String,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

impl Keymap {
    /// The built-in bindings.
    pub fn default_bindings() -> Keymap {
        Keymap::from_default_table("keys")
    }

    /// The built-in bindings of review mode (`[review-keys]`).
    pub fn review_bindings() -> Keymap {
        Keymap::from_default_table("review-keys")
    }

    fn from_default_table(name: &str) -> Keymap {
        let mut keymap = Keymap::default();
        let table: toml::Table = match DEFAULT_CONFIG.parse() {
            Ok(table) => table,
            // The embedded file is checked by `defaults_parse_cleanly`.
            Err(_) => return keymap,
        };
        if let Some(toml::Value::Table(keys)) = table.get(name) {
            let _ = keymap.apply(keys);
        }
        keymap
    }

    /// Applies a `[keys]` table on top of these bindings; every bad entry is
    /// reported and the good ones still apply.
    pub fn apply(&mut self, keys: &toml::Table) -> Result<(), Vec<KeyError>> {
        let mut errors = Vec::new();
        for (written, value) in keys {
            match parse_binding(written, value) {
                Ok((sequence, action)) => self.bind(&sequence, action),
                Err(error) => errors.push(error),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Binds `sequence` to `action`, replacing whatever was bound to it, to a
    /// prefix of it, or to longer sequences starting with it.
    pub fn bind(&mut self, sequence: &[Key], action: Action) {
        let Some((last, prefix)) = sequence.split_last() else {
            return;
        };
        let mut level = &mut self.root;
        for key in prefix {
            let entry = level
                .entry(*key)
                .or_insert_with(|| Trie::Node(BTreeMap::new()));
            if let Trie::Leaf(_) = entry {
                *entry = Trie::Node(BTreeMap::new());
            }
            level = match entry {
                Trie::Node(children) => children,
                // Replaced by a node just above.
                Trie::Leaf(_) => return,
            };
        }
        level.insert(*last, Trie::Leaf(action));
    }

    /// What `keys` (the keys pressed since the last action) mean.
    pub fn lookup(&self, keys: &[Key]) -> Lookup {
        let mut level = &self.root;
        for (i, key) in keys.iter().enumerate() {
            match level.get(key) {
                None => return Lookup::Unbound,
                Some(Trie::Leaf(action)) if i + 1 == keys.len() => return Lookup::Action(*action),
                Some(Trie::Leaf(_)) => return Lookup::Unbound,
                Some(Trie::Node(children)) => level = children,
            }
        }
        let mut next = Vec::new();
        for (key, trie) in level {
            let what = match trie {
                Trie::Leaf(action) => action.name().to_owned(),
                Trie::Node(_) => "…".to_owned(),
            };
            next.push((*key, what));
        }
        Lookup::Pending(next)
    }

    /// Every binding as (sequence, action), in key order.
    pub fn bindings(&self) -> Vec<(Vec<Key>, Action)> {
        fn walk(
            level: &BTreeMap<Key, Trie>,
            prefix: &mut Vec<Key>,
            out: &mut Vec<(Vec<Key>, Action)>,
        ) {
            for (key, trie) in level {
                prefix.push(*key);
                match trie {
                    Trie::Leaf(action) => out.push((prefix.clone(), *action)),
                    Trie::Node(children) => walk(children, prefix, out),
                }
                prefix.pop();
            }
        }
        let mut out = Vec::new();
        walk(&self.root, &mut Vec::new(), &mut out);
        out
    }

    /// The sequences bound to `action`, shortest first, as the config writes them.
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<Vec<Key>> = self
            .bindings()
            .into_iter()
            .filter(|(_, a)| *a == action)
            .map(|(keys, _)| keys)
            .collect();
        // Shorter sequences first, then plain characters (`j` before `down`).
        keys.sort_by_key(|seq| (seq.len(), seq.iter().map(|k| rank(*k)).max(), seq.clone()));
        keys.iter().map(|seq| sequence_to_string(seq)).collect()
    }

    /// The first key for `action`, for a hint; `None` when it has no key.
    pub fn hint_key(&self, action: Action) -> Option<String> {
        self.keys_for(action).into_iter().next()
    }
}

/// How readily a key is shown in a hint: a plain character (`j`) before a
/// named key (`enter`, `down`) before space before a chord (`ctrl-d`).
fn rank(key: Key) -> u8 {
    match key.code {
        _ if key.ctrl || key.alt => 3,
        KeyCode::Char(' ') => 2,
        KeyCode::Char(_) => 0,
        _ => 1,
    }
}

fn parse_binding(written: &str, value: &toml::Value) -> Result<(Vec<Key>, Action), KeyError> {
    let error = |message: String, help: String| KeyError {
        key: written.to_owned(),
        message,
        help,
    };
    let sequence = Key::parse_sequence(written).map_err(|why| error(why, String::new()))?;
    let Some(name) = value.as_str() else {
        return Err(error(
            format!("the action must be a string, not {}", value.type_str()),
            format!("write it as `\"{written}\" = \"page-down\"`"),
        ));
    };
    let action = Action::from_name(name).ok_or_else(|| {
        let names = Action::ALL.iter().map(|a| a.name());
        let close = crate::suggest::did_you_mean(name, names);
        let help = match close {
            Some(close) => format!("did you mean `{close}`?"),
            None => String::new(),
        };
        error(format!("no action named `{name}`"), help)
    })?;
    Ok((sequence, action))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Key> {
        Key::parse_sequence(text).unwrap()
    }

    #[test]
    fn defaults_parse_cleanly() {
        let table: toml::Table = DEFAULT_CONFIG.parse().unwrap();
        let mut keymap = Keymap::default();
        keymap.apply(table["keys"].as_table().unwrap()).unwrap();
        assert_eq!(keymap, Keymap::default_bindings());
        assert_eq!(keymap.lookup(&keys("j")), Lookup::Action(Action::MoveDown));
        assert_eq!(keymap.lookup(&keys("g g")), Lookup::Action(Action::GoTop));
        assert!(matches!(keymap.lookup(&keys("g")), Lookup::Pending(_)));
        assert_eq!(keymap.lookup(&keys("g x")), Lookup::Unbound);
    }

    #[test]
    fn every_action_has_a_default_key() {
        let keymap = Keymap::default_bindings();
        let review = Keymap::review_bindings();
        for &action in Action::ALL {
            let bound = if action.is_review_only() {
                &review
            } else {
                &keymap
            };
            assert!(bound.hint_key(action).is_some(), "{action} has no key");
        }
        assert_eq!(
            keymap.lookup(&keys("R")),
            Lookup::Action(Action::StartReview)
        );
        assert_eq!(review.lookup(&keys("a")), Lookup::Action(Action::Approve));
    }

    #[test]
    fn overrides_replace_only_what_they_name() {
        let mut keymap = Keymap::default_bindings();
        let table: toml::Table = "\"ctrl-d\" = \"page-down\"\n\"g\" = \"go-bottom\""
            .parse()
            .unwrap();
        keymap.apply(&table).unwrap();
        assert_eq!(
            keymap.lookup(&keys("ctrl-d")),
            Lookup::Action(Action::PageDown)
        );
        assert_eq!(keymap.lookup(&keys("g")), Lookup::Action(Action::GoBottom));
        assert_eq!(keymap.lookup(&keys("j")), Lookup::Action(Action::MoveDown));
    }

    #[test]
    fn bad_entries_name_the_key_and_suggest() {
        let mut keymap = Keymap::default_bindings();
        let table: toml::Table = "\"ctrl-d\" = \"page-donw\"\n\"pgdn\" = \"quit\"\n\"x\" = 3"
            .parse()
            .unwrap();
        let errors = keymap.apply(&table).unwrap_err();
        assert_eq!(errors.len(), 3);
        assert_eq!(errors[0].key, "ctrl-d");
        assert_eq!(errors[0].help, "did you mean `page-down`?");
        assert!(errors[1].message.contains("not a key"));
        assert!(errors[2].message.contains("must be a string"));
    }
}
