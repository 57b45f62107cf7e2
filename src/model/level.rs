//! The four levels of the cascade and how they nest.

use std::fmt;

/// A level of the cascade: each level's two-pager ladders up to the level above.
///
/// The variant for options/epics is `Level::Option`; it never appears unqualified,
/// so it cannot be confused with `std::option::Option`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// The company's 5-10 year picture of success; exactly one per file.
    Vision,
    /// An executive's 2-3 year business mover.
    Intent,
    /// A director's problem to solve; ladders up to an intent.
    Initiative,
    /// A product team's solution or bet (an epic); ladders up to an initiative.
    Option,
}

impl Level {
    /// Every level, from the top of the cascade down.
    pub const ALL: [Level; 4] = [
        Level::Vision,
        Level::Intent,
        Level::Initiative,
        Level::Option,
    ];

    /// The TOML table that holds this level's nodes (`[vision]`, `[intents.<id>]`, …).
    pub fn table(self) -> &'static str {
        match self {
            Level::Vision => "vision",
            Level::Intent => "intents",
            Level::Initiative => "initiatives",
            Level::Option => "options",
        }
    }

    /// The singular name used in messages and in the JSON output (`"intent"`).
    pub fn name(self) -> &'static str {
        match self {
            Level::Vision => "vision",
            Level::Intent => "intent",
            Level::Initiative => "initiative",
            Level::Option => "option",
        }
    }

    /// A name a reader of the strategy recognises, for headings and the tree.
    pub fn title(self) -> &'static str {
        match self {
            Level::Vision => "Vision",
            Level::Intent => "Strategic intent",
            Level::Initiative => "Product initiative",
            Level::Option => "Option",
        }
    }

    /// The singular name with its article, for sentences ("an intent", "a vision").
    pub fn with_article(self) -> &'static str {
        match self {
            Level::Vision => "a vision",
            Level::Intent => "an intent",
            Level::Initiative => "an initiative",
            Level::Option => "an option",
        }
    }

    /// The level this one ladders up to.
    pub fn parent(self) -> Option<Level> {
        match self {
            Level::Vision => None,
            Level::Intent => Some(Level::Vision),
            Level::Initiative => Some(Level::Intent),
            Level::Option => Some(Level::Initiative),
        }
    }

    /// The level that breaks this one down.
    pub fn child(self) -> Option<Level> {
        match self {
            Level::Vision => Some(Level::Intent),
            Level::Intent => Some(Level::Initiative),
            Level::Initiative => Some(Level::Option),
            Level::Option => None,
        }
    }

    /// The key that names the parent in this level's tables (`intent = "…"`).
    ///
    /// Intents have none: there is only one vision, so their parent is implied.
    pub fn parent_key(self) -> Option<&'static str> {
        match self {
            Level::Initiative => Some("intent"),
            Level::Option => Some("initiative"),
            Level::Vision | Level::Intent => None,
        }
    }

    /// The level whose table is `table`, if any.
    pub fn from_table(table: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.table() == table)
    }

    /// The level called `name` (singular, as in `--level intent`), if any.
    pub fn from_name(name: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Depth in the cascade: the vision is 0.
    pub fn depth(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_and_child_are_inverse() {
        for level in Level::ALL {
            if let Some(child) = level.child() {
                assert_eq!(child.parent(), Some(level));
            }
        }
        assert_eq!(Level::Vision.parent(), None);
        assert_eq!(Level::Option.child(), None);
    }

    #[test]
    fn table_names_round_trip() {
        for level in Level::ALL {
            assert_eq!(Level::from_table(level.table()), Some(level));
            assert_eq!(Level::from_name(level.name()), Some(level));
        }
        assert_eq!(Level::from_table("epics"), None);
    }
}
