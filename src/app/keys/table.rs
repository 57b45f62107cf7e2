//! An overlay's keys as data (yazi's keymap, gitui's command bar): one
//! table of (keys, command) per overlay, and one small command enum whose
//! doc lines say what each does. The same table answers the overlay's keys
//! ([`KeyTable::command`]), names them in its hints ([`KeyTable::hint`])
//! and lists them in help ([`KeyTable::help`]), so the three cannot drift.

use super::{Key, KeyCode};

/// Which keys a row of a [`KeyTable`] answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Press {
    code: Code,
    /// `Some(true)`: ctrl held; `Some(false)`: not held; `None`: either.
    ctrl: Option<bool>,
    /// The same for alt.
    alt: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Is(KeyCode),
    /// Any printable character.
    Text,
    /// One of the characters `first..=last`.
    Range(char, char),
}

impl Press {
    /// Any printable character typed without ctrl or alt.
    pub const TEXT: Press = Press {
        code: Code::Text,
        ctrl: Some(false),
        alt: Some(false),
    };

    /// `code` without ctrl, with or without alt: how overlays read a key.
    pub const fn key(code: KeyCode) -> Press {
        Press {
            code: Code::Is(code),
            ctrl: Some(false),
            alt: None,
        }
    }

    /// The character `c` without ctrl, with or without alt.
    pub const fn char(c: char) -> Press {
        Press::key(KeyCode::Char(c))
    }

    /// One of the characters `first..=last` without ctrl (`1-8`).
    pub const fn chars(first: char, last: char) -> Press {
        Press {
            code: Code::Range(first, last),
            ctrl: Some(false),
            alt: None,
        }
    }

    /// ctrl and the character `c`, with or without alt.
    pub const fn ctrl(c: char) -> Press {
        Press::ctrl_key(KeyCode::Char(c))
    }

    /// ctrl and `code`, with or without alt (`ctrl-left`).
    pub const fn ctrl_key(code: KeyCode) -> Press {
        Press {
            code: Code::Is(code),
            ctrl: Some(true),
            alt: None,
        }
    }

    /// alt and `code`, with or without ctrl (`alt-backspace`).
    pub const fn alt(code: KeyCode) -> Press {
        Press {
            code: Code::Is(code),
            ctrl: None,
            alt: Some(true),
        }
    }

    /// alt and `code` without ctrl (`alt-b`, `alt-up`).
    pub const fn alt_only(code: KeyCode) -> Press {
        Press {
            code: Code::Is(code),
            ctrl: Some(false),
            alt: Some(true),
        }
    }

    /// `code` whatever else is held.
    pub const fn any(code: KeyCode) -> Press {
        Press {
            code: Code::Is(code),
            ctrl: None,
            alt: None,
        }
    }

    /// Exactly `key`: its modifiers and no others.
    pub const fn exactly(key: Key) -> Press {
        Press {
            code: Code::Is(key.code),
            ctrl: Some(key.ctrl),
            alt: Some(key.alt),
        }
    }

    /// True when `key` is one of the keys this stands for.
    pub fn matches(self, key: Key) -> bool {
        let code = match self.code {
            Code::Is(code) => code == key.code,
            Code::Text => matches!(key.code, KeyCode::Char(_)),
            Code::Range(first, last) => {
                matches!(key.code, KeyCode::Char(c) if (first..=last).contains(&c))
            }
        };
        code && self.ctrl.is_none_or(|held| held == key.ctrl)
            && self.alt.is_none_or(|held| held == key.alt)
    }

    /// The plainest key this stands for (`x` for typing, the first of a
    /// range), to check a table against itself.
    pub fn example(self) -> Key {
        let code = match self.code {
            Code::Is(code) => code,
            Code::Text => KeyCode::Char('x'),
            Code::Range(first, _) => KeyCode::Char(first),
        };
        Key {
            code,
            ctrl: self.ctrl.unwrap_or(false),
            alt: self.alt.unwrap_or(false),
        }
    }

    /// The keys as help lists them: `ctrl-w`, `alt-backspace`, `1-8`, and
    /// `text` for typing.
    pub fn name(self) -> String {
        self.named(false)
    }

    /// As a hint shows it: the arrows drawn as arrows (`alt-↑`).
    fn hint_name(self) -> String {
        self.named(true)
    }

    fn named(self, arrows: bool) -> String {
        let code = match self.code {
            Code::Text => return "text".to_owned(),
            Code::Range(first, last) => return format!("{first}-{last}"),
            Code::Is(code) => code,
        };
        let key = Key {
            code,
            ctrl: self.ctrl == Some(true),
            alt: self.alt == Some(true),
        };
        let name = key.to_string();
        let arrow = match code {
            KeyCode::Up => "↑",
            KeyCode::Down => "↓",
            KeyCode::Left => "←",
            KeyCode::Right => "→",
            _ => return name,
        };
        if !arrows {
            return name;
        }
        let prefix = name.rsplit_once('-').map_or("", |(prefix, _)| prefix);
        if prefix.is_empty() {
            arrow.to_owned()
        } else {
            format!("{prefix}-{arrow}")
        }
    }
}

/// What a row of a [`KeyTable`] asks its overlay to do: a small enum per
/// overlay, declared with `commands!` (below)
/// so each variant's doc line is its description in help.
pub trait Command: Copy + PartialEq + 'static {
    /// Every command, in the order help lists them.
    const ALL: &'static [Self];

    /// What it does, in one line: the variant's doc comment.
    fn description(self) -> &'static str;
}

/// Declares an overlay's command enum and keeps each variant's doc line as
/// its [`Command::description`], the way `actions!` does for [`Action`]
/// (`keys/action.rs`).
///
/// [`Action`]: crate::app::Action
macro_rules! commands {
    (
        $(#[doc = $doc:literal])*
        $vis:vis enum $name:ident {
            $( $(#[doc = $variant_doc:literal])+ $variant:ident, )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $( $(#[doc = $variant_doc])+ $variant, )+
        }

        impl $crate::app::keys::table::Command for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            fn description(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($($variant_doc),+).trim_ascii(),)+
                }
            }
        }
    };
}
pub(crate) use commands;

/// One hint in the status bar: the keys and what they do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys, as the config writes them (`j/k`, `g g`).
    pub keys: String,
    /// What they do now.
    pub label: String,
}

impl Hint {
    /// A hint for `keys` doing `label`.
    pub fn new(keys: &str, label: &str) -> Hint {
        Hint {
            keys: keys.to_owned(),
            label: label.to_owned(),
        }
    }
}

/// An overlay's keys: rows of (keys, command); the first row that matches
/// a key wins, so a narrow row (`alt-up`) goes before a wide one (`up`
/// with or without alt).
#[derive(Debug, Clone, Copy)]
pub struct KeyTable<C: 'static> {
    rows: &'static [(Press, C)],
}

impl<C: Command> KeyTable<C> {
    /// A table of `rows`.
    pub const fn new(rows: &'static [(Press, C)]) -> KeyTable<C> {
        KeyTable { rows }
    }

    /// The command `key` asks for, if any.
    pub fn command(&self, key: Key) -> Option<C> {
        self.rows
            .iter()
            .find(|(press, _)| press.matches(key))
            .map(|&(_, command)| command)
    }

    /// The keys bound to `command`, in the table's order.
    pub fn presses(&self, command: C) -> impl Iterator<Item = Press> + '_ {
        self.rows
            .iter()
            .filter(move |(_, c)| *c == command)
            .map(|&(press, _)| press)
    }

    /// Every command with keys, in the order of [`Command::ALL`]: its keys
    /// as help lists them, and what it does.
    pub fn help(&self) -> Vec<(Vec<String>, &'static str)> {
        C::ALL
            .iter()
            .map(|&command| {
                let keys: Vec<String> = self.presses(command).map(Press::name).collect();
                (keys, command.description())
            })
            .filter(|(keys, _)| !keys.is_empty())
            .collect()
    }

    /// The hint for `command`: its first key and `label`.
    pub fn hint(&self, command: C, label: &str) -> Option<Hint> {
        let keys = self.hint_key(command)?;
        Some(Hint::new(&keys, label))
    }

    /// One hint for two opposite commands: `j/k scroll`, `alt-↑/↓ reorder`.
    pub fn hint_pair(&self, first: C, second: C, label: &str) -> Option<Hint> {
        let (a, b) = (self.hint_key(first)?, self.hint_key(second)?);
        let prefix = |k: &str| {
            k.rsplit_once('-')
                .map_or(String::new(), |(p, _)| format!("{p}-"))
        };
        let keys = match (prefix(&a), prefix(&b)) {
            (pa, pb) if !pa.is_empty() && pa == pb => format!("{a}/{}", &b[pb.len()..]),
            _ => format!("{a}/{b}"),
        };
        Some(Hint::new(&keys, label))
    }

    /// Rows an earlier row hides (its plainest key does something else), so
    /// that help would name a key that does not do what it says: none, in
    /// a table that is right.
    pub fn shadowed(&self) -> Vec<(String, C)> {
        self.rows
            .iter()
            .filter(|&&(press, command)| self.command(press.example()) != Some(command))
            .map(|&(press, command)| (press.name(), command))
            .collect()
    }

    /// The first key bound to `command`, as help writes it.
    pub fn first_key(&self, command: C) -> Option<String> {
        self.presses(command).next().map(Press::name)
    }

    /// The key a hint names for `command`: the first one bound to it.
    fn hint_key(&self, command: C) -> Option<String> {
        self.presses(command)
            .find(|press| matches!(press.code, Code::Is(_)))
            .map(Press::hint_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    commands! {
        /// Commands for the tests.
        enum Test {
            /// Down one.
            Down,
            /// Up one.
            Up,
            /// Move the line down.
            LineDown,
            /// Move the line up.
            LineUp,
            /// Type.
            Type,
            /// Pick by number.
            Pick,
        }
    }

    const KEYS: KeyTable<Test> = KeyTable::new(&[
        (Press::alt_only(KeyCode::Down), Test::LineDown),
        (Press::alt_only(KeyCode::Up), Test::LineUp),
        (Press::char('j'), Test::Down),
        (Press::key(KeyCode::Down), Test::Down),
        (Press::char('k'), Test::Up),
        (Press::key(KeyCode::Up), Test::Up),
        (Press::chars('1', '8'), Test::Pick),
        (Press::TEXT, Test::Type),
    ]);

    #[test]
    fn the_first_row_that_matches_wins() {
        let alt_down = Key {
            alt: true,
            ..Key::plain(KeyCode::Down)
        };
        assert_eq!(KEYS.command(alt_down), Some(Test::LineDown));
        assert_eq!(KEYS.command(Key::plain(KeyCode::Down)), Some(Test::Down));
        assert_eq!(KEYS.command(Key::char('3')), Some(Test::Pick));
        assert_eq!(KEYS.command(Key::char('9')), Some(Test::Type));
        assert_eq!(KEYS.command(Key::ctrl('x')), None);
    }

    #[test]
    fn help_and_hints_name_the_keys_the_table_answers_to() {
        let help = KEYS.help();
        assert_eq!(help[0], (vec!["j".into(), "down".into()], "Down one."));
        assert_eq!(help[2], (vec!["alt-down".into()], "Move the line down."));
        assert_eq!(help[5], (vec!["1-8".into()], "Pick by number."));
        let hint = KEYS.hint_pair(Test::Down, Test::Up, "move").unwrap();
        assert_eq!(hint.keys, "j/k");
        let hint = KEYS
            .hint_pair(Test::LineUp, Test::LineDown, "reorder")
            .unwrap();
        assert_eq!(hint.keys, "alt-↑/↓");
        assert_eq!(Test::Type.description(), "Type.");
    }
}
