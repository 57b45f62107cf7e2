//! How the tree looks, as the user left it: titles beside ids or not, and
//! the share of the screen's width it takes. The app changes it with keys
//! (`t`, `<`, `>`) and asks the shell to remember it
//! ([`Effect::RememberLook`](crate::app::Effect::RememberLook)); the shell
//! keeps it as this small text in the state directory and hands it back at
//! the next start.

/// The tree's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeLook {
    /// Titles beside ids.
    pub titles: bool,
    /// The tree's share of the width, in percent (two panes only).
    pub share: u16,
}

/// The narrowest and widest shares `<` and `>` reach, and their step.
pub const SHARE_MIN: u16 = 15;
/// See [`SHARE_MIN`].
pub const SHARE_MAX: u16 = 75;
/// See [`SHARE_MIN`].
pub const SHARE_STEP: u16 = 5;

impl Default for TreeLook {
    fn default() -> TreeLook {
        TreeLook {
            titles: true,
            share: 40,
        }
    }
}

impl TreeLook {
    /// The look as the lines of its file: `titles = true`, `tree-share = 40`.
    pub fn to_text(self) -> String {
        format!(
            "# strata's browser, as you left it (t, < and > change it)\ntitles = {}\ntree-share = {}\n",
            self.titles, self.share
        )
    }

    /// The look written by [`to_text`](Self::to_text); what is missing or
    /// unreadable keeps its default (the file is ours, but a person may
    /// have edited it, or an older strata written it).
    pub fn from_text(text: &str) -> TreeLook {
        let mut look = TreeLook::default();
        for line in text.lines() {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            match (key.trim(), value.trim()) {
                ("titles", "true") => look.titles = true,
                ("titles", "false") => look.titles = false,
                ("tree-share", n) => {
                    if let Ok(n) = n.parse::<u16>() {
                        look.share = n.clamp(SHARE_MIN, SHARE_MAX);
                    }
                }
                _ => {}
            }
        }
        look
    }

    /// The tree's width in a body `width` columns wide: its share, leaving
    /// the two-pager at least 40 columns to read and the tree at least 20.
    pub fn tree_width(self, width: u16) -> u16 {
        let wanted = (u32::from(width) * u32::from(self.share) / 100) as u16;
        let most = width.saturating_sub(40).max(20);
        wanted.clamp(20.min(most), most)
    }

    /// The look one step wider (`forward`) or narrower; itself at the end.
    pub fn step(self, forward: bool) -> TreeLook {
        let share = if forward {
            self.share.saturating_add(SHARE_STEP)
        } else {
            self.share.saturating_sub(SHARE_STEP)
        };
        TreeLook {
            share: share.clamp(SHARE_MIN, SHARE_MAX),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_look_reads_back_and_forgives_what_it_cannot_read() {
        let look = TreeLook {
            titles: false,
            share: 55,
        };
        assert_eq!(TreeLook::from_text(&look.to_text()), look);
        assert_eq!(
            TreeLook::from_text("garbage\ntree-share = x"),
            TreeLook::default()
        );
        assert_eq!(TreeLook::from_text("tree-share = 999").share, SHARE_MAX);
    }

    #[test]
    fn the_width_is_a_share_of_the_screen() {
        let look = TreeLook::default();
        assert_eq!(look.tree_width(80), 32);
        assert_eq!(look.tree_width(120), 48);
        assert_eq!(look.tree_width(200), 80);
        assert!(look.step(true).tree_width(200) > look.tree_width(200));
        assert_eq!(
            look.step(false)
                .step(false)
                .step(false)
                .step(false)
                .step(false)
                .share,
            SHARE_MIN
        );
        // Narrow screens keep both panes readable.
        assert_eq!(TreeLook { share: 75, ..look }.tree_width(60), 20);
        assert_eq!(TreeLook { share: 75, ..look }.tree_width(200), 150);
        assert_eq!(TreeLook { share: 15, ..look }.tree_width(100), 20);
    }
}
