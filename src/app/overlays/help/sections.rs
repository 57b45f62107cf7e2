//! What the help overlay lists and `docs/keymap.md` says, both generated
//! from the keymap, the actions' doc comments and every overlay's key
//! table, so neither can drift from what the keys do.

use std::fmt::Write;

use crate::app::keys::action::Action;
use crate::app::keys::keymap::{DEFAULT_CONFIG, Keymap};
use crate::app::overlays::{
    checkin, filter_menu, help, load_problems, note, parent_picker, prompt, search, section_editor,
    section_picker,
};
use crate::app::text;

/// A group of keys in the help overlay and `docs/keymap.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpSection {
    /// Normal mode: the keymap.
    Browsing,
    /// Review mode: its own keymap.
    Reviewing,
    /// The box for a reviewer's comment or reason.
    Note,
    /// The search box.
    Search,
    /// The filter menu.
    Filter,
    /// The list of sections `e` opens.
    SectionPicker,
    /// The section editor.
    SectionEditor,
    /// The list of parents `m` opens.
    ParentPicker,
    /// A one-line prompt.
    Prompt,
    /// The check-in form `c` opens.
    Checkin,
    /// The panel of problems found while loading.
    LoadProblems,
    /// The keys every text box shares.
    Typing,
    /// The help overlay itself.
    Help,
    /// What the marks in the tree and the scorecard mean.
    Legend,
}

impl HelpSection {
    /// Every section, in the order help lists them.
    pub const ALL: [HelpSection; 14] = [
        HelpSection::Browsing,
        HelpSection::Reviewing,
        HelpSection::Note,
        HelpSection::Search,
        HelpSection::Filter,
        HelpSection::SectionPicker,
        HelpSection::SectionEditor,
        HelpSection::ParentPicker,
        HelpSection::Prompt,
        HelpSection::Checkin,
        HelpSection::LoadProblems,
        HelpSection::Typing,
        HelpSection::Help,
        HelpSection::Legend,
    ];

    /// The section's heading.
    pub fn title(self) -> &'static str {
        match self {
            HelpSection::Browsing => "Browsing",
            HelpSection::Reviewing => "Reviewing",
            HelpSection::Note => "Typing a comment or a reason",
            HelpSection::Search => "Search",
            HelpSection::Filter => "Filter menu",
            HelpSection::SectionPicker => "Choosing a section to edit",
            HelpSection::SectionEditor => "Editing a section",
            HelpSection::ParentPicker => "Choosing a new parent",
            HelpSection::Prompt => "Typing a title, an id or a path",
            HelpSection::Checkin => "Checking in a metric",
            HelpSection::LoadProblems => "Problems found while loading",
            HelpSection::Typing => "In every text box",
            HelpSection::Help => "This help",
            HelpSection::Legend => "Legend",
        }
    }

    /// The section's entries, with `keymap` and review mode's `review_keymap`.
    pub fn entries(self, keymap: &Keymap, review_keymap: &Keymap) -> Vec<HelpEntry> {
        let table = |rows: Vec<(Vec<String>, &'static str)>| {
            rows.into_iter()
                .map(|(keys, what)| HelpEntry {
                    keys,
                    action: "",
                    what,
                })
                .collect()
        };
        match self {
            HelpSection::Browsing => Action::ALL
                .iter()
                .filter(|a| !a.is_review_only())
                .map(|&a| HelpEntry::action(keymap, a))
                .collect(),
            HelpSection::Reviewing => Action::ALL
                .iter()
                .map(|&a| HelpEntry::action(review_keymap, a))
                .filter(|entry| !entry.keys.is_empty())
                .collect(),
            HelpSection::Note => table(note::KEYS.help()),
            HelpSection::Search => table(search::KEYS.help()),
            HelpSection::Filter => table(filter_menu::KEYS.help()),
            HelpSection::SectionPicker => table(section_picker::KEYS.help()),
            HelpSection::SectionEditor => table(section_editor::KEYS.help()),
            HelpSection::ParentPicker => table(parent_picker::KEYS.help()),
            HelpSection::Prompt => table(prompt::KEYS.help()),
            HelpSection::Checkin => table(checkin::KEYS.help()),
            HelpSection::LoadProblems => table(load_problems::KEYS.help()),
            HelpSection::Typing => table(text::keys::KEYS.help()),
            HelpSection::Help => table(help::KEYS.help()),
            HelpSection::Legend => LEGEND
                .iter()
                .map(|(marks, what)| HelpEntry {
                    keys: vec![(*marks).to_owned()],
                    action: "",
                    what,
                })
                .collect(),
        }
    }
}

/// One line of help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpEntry {
    /// The key sequences, as the config writes them (`text` for typing).
    pub keys: Vec<String>,
    /// The action's name in the config file; empty for an overlay's keys.
    pub action: &'static str,
    /// What it does.
    pub what: &'static str,
}

impl HelpEntry {
    fn action(keymap: &Keymap, action: Action) -> HelpEntry {
        HelpEntry {
            keys: keymap.keys_for(action),
            action: action.name(),
            what: action.description(),
        }
    }
}

/// What the marks in the tree and the scorecard mean, for the help overlay.
pub const LEGEND: &[(&str, &str)] = &[
    (
        "◆ ■ ▲ ●",
        "Vision, strategic intent, product initiative, option.",
    ),
    ("▸ ▾", "A folded or an open node."),
    ("E2 W1", "The node's errors and warnings."),
    ("✓ ! ✗", "A criterion passes, has warnings, or fails."),
    (
        "↗ → ↘ ✓",
        "Progress: on track, at risk, off track, done (no mark: no data yet).",
    ),
];

/// Every section of the help overlay with its entries, for `keymap` and
/// review mode's `review_keymap`.
pub fn help_sections(
    keymap: &Keymap,
    review_keymap: &Keymap,
) -> Vec<(HelpSection, Vec<HelpEntry>)> {
    HelpSection::ALL
        .iter()
        .map(|&section| (section, section.entries(keymap, review_keymap)))
        .collect()
}

/// `docs/keymap.md`, generated from the default keymap.
pub fn keymap_markdown() -> String {
    let keymap = Keymap::default_bindings();
    let review_keymap = Keymap::review_bindings();
    let mut out = String::from(
        "# Keys\n\n\
         <!-- Generated from src/app/keys/action.rs, src/app/keys/default-config.toml and the\n     \
         overlays' key tables (src/app/overlays/, src/app/text/keys.rs).\n     \
         Do not edit: run `UPDATE_DOCS=1 cargo test --test tui keymap_doc` to regenerate. -->\n\n\
         `strata FILE` opens the browser. Press `?` in it for this list.\n\n",
    );
    for (section, entries) in help_sections(&keymap, &review_keymap) {
        let _ = writeln!(out, "## {}\n", section.title());
        match section {
            HelpSection::Reviewing | HelpSection::Browsing => {
                out.push_str(if section == HelpSection::Reviewing {
                    "`strata review` (or `R` in the browser) shows one node per screen. \
                     These keys are set in `[review-keys]`; each decision is saved at once.\n\n"
                } else {
                    "These keys can be changed in the config file (below). \
                     `g g` means `g`, then `g`.\n\n"
                });
                out.push_str("| keys | action | what it does |\n| --- | --- | --- |\n");
                for entry in &entries {
                    let _ = writeln!(
                        out,
                        "| {} | `{}` | {} |",
                        code_list(&entry.keys),
                        entry.action,
                        entry.what
                    );
                }
            }
            _ => {
                if matches!(
                    section,
                    HelpSection::Note
                        | HelpSection::Search
                        | HelpSection::SectionEditor
                        | HelpSection::Prompt
                ) {
                    out.push_str(
                        "A text box: its own keys come first, then those of \
                         [every text box](#in-every-text-box).\n\n",
                    );
                }
                out.push_str("| keys | what they do |\n| --- | --- |\n");
                for entry in &entries {
                    let keys = if section == HelpSection::Legend {
                        entry.keys.join(" ")
                    } else {
                        code_list(&entry.keys)
                    };
                    let _ = writeln!(out, "| {keys} | {} |", entry.what);
                }
            }
        }
        out.push('\n');
    }
    out.push_str(
        "## Configuration\n\n\
         strata reads `config.toml` in its config directory (`~/.config/strata/` on Linux, \
         `~/Library/Application Support/strata/` on macOS, `%APPDATA%\\strata\\config\\` on \
         Windows), or the file named by `STRATA_CONFIG`. It overrides only the entries it \
         names; an unknown key, action or colour stops strata with exit code 2 and a message \
         naming it. Binding a key replaces what it did; binding `g` alone replaces `g g`. \
         Set `NO_COLOR` to turn colour off (the selection is then shown in reverse video).\n\n\
         ```toml\n[keys]\n\"ctrl-d\" = \"page-down\"\n\n[review-keys]\n\"y\" = \"approve\"\n\n\
         [review]\nreviewer = \"Dana Okafor\"   # else `git config user.name`\nafter-decision = \"pause\"   # a moment's banner, then the next node; or \"move\", \"stay\"\n\n\
         [colors]\nselection = \"#3a3a6a\"\n```\n\n\
         The defaults:\n\n```toml\n",
    );
    out.push_str(DEFAULT_CONFIG.trim_end());
    out.push_str("\n```\n");
    out
}

fn code_list(keys: &[String]) -> String {
    keys.iter()
        .map(|k| {
            if k == "text" {
                "(typing)".to_owned()
            } else {
                format!("`{k}`")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
