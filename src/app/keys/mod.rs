//! Keys: what a key is (`j`, `G`, `ctrl-d`, `pagedown`, independent of the
//! terminal library, so the app and its tests never see crossterm), what a
//! key can ask for ([`action::Action`]), and the trie that maps the
//! configured sequences to actions ([`keymap::Keymap`]).

pub mod action;
pub mod keymap;
pub mod table;

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    /// A printable character; its case carries Shift (`G`, not `shift-g`).
    Char(char),
    /// Enter / Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Backspace.
    Backspace,
    /// Delete.
    Delete,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// A function key, `F1`..`F12`.
    F(u8),
}

/// A key with the modifiers strata distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    /// Which key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("shift-tab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("space", KeyCode::Char(' ')),
    ("minus", KeyCode::Char('-')),
];

impl Key {
    /// A key with no modifiers.
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// A printable character with no modifiers.
    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Control plus a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses one key: `j`, `G`, `?`, `ctrl-d`, `alt-x`, `pagedown`, `f5`, `space`.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() && c != ' ' => KeyCode::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(&(_, code)) = NAMED.iter().find(|(name, _)| *name == lower) {
                    code
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    KeyCode::F(n)
                } else {
                    return Err(format!(
                        "`{text}` is not a key; write a character (`j`, `G`, `?`), a name \
                         (enter, esc, tab, backtab, backspace, delete, up, down, left, right, \
                         pageup, pagedown, home, end, space, f1-f12), optionally after ctrl- or alt-"
                    ));
                }
            }
        };
        // Letters with Control arrive in lower case from terminals.
        if key.ctrl
            && let KeyCode::Char(c) = key.code
        {
            key.code = KeyCode::Char(c.to_ascii_lowercase());
        }
        Ok(key)
    }

    /// Parses a sequence of keys separated by spaces: `g g`, `z R`.
    pub fn parse_sequence(text: &str) -> Result<Vec<Key>, String> {
        let keys: Vec<Key> = text
            .split(' ')
            .filter(|part| !part.is_empty())
            .map(Key::parse)
            .collect::<Result<_, _>>()?;
        if keys.is_empty() {
            return Err("an empty key; write at least one key, like `j` or `g g`".into());
        }
        Ok(keys)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => {
                let name = NAMED
                    .iter()
                    .find(|(_, c)| *c == code)
                    .map_or("?", |(name, _)| name);
                f.write_str(name)
            }
        }
    }
}

/// Shows a key sequence the way the config file writes it: `g g`.
pub fn sequence_to_string(keys: &[Key]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_through_their_names() {
        for text in [
            "j", "G", "?", "/", "ctrl-d", "alt-x", "pagedown", "f5", "space", "backtab", "esc",
        ] {
            let key = Key::parse(text).unwrap();
            assert_eq!(key.to_string(), text);
        }
        assert_eq!(Key::parse("ctrl-D"), Ok(Key::ctrl('d')));
        assert_eq!(Key::parse("shift-tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("-"), Ok(Key::char('-')));
    }

    #[test]
    fn sequences_split_on_spaces() {
        assert_eq!(
            Key::parse_sequence("g g"),
            Ok(vec![Key::char('g'), Key::char('g')])
        );
        assert!(Key::parse_sequence("  ").is_err());
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("pgdn").unwrap_err().contains("pagedown"));
    }
}
