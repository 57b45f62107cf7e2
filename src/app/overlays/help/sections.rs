//! The help overlay's content and `docs/keymap.md`, both generated from the
//! keymap and the actions' doc comments so neither can drift.

use std::fmt::Write;

use super::HELP_KEYS;
use crate::app::keys::action::Action;
use crate::app::keys::keymap::{DEFAULT_CONFIG, Keymap};
use crate::app::overlays::filter_menu::FILTER_KEYS;
use crate::app::overlays::note::NOTE_KEYS;
use crate::app::overlays::parent_picker::PARENT_KEYS;
use crate::app::overlays::search::SEARCH_KEYS;
use crate::app::overlays::section_editor::EDITOR_KEYS;
use crate::app::overlays::section_picker::PICKER_KEYS;

/// A group of keys in the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    /// The group's heading.
    pub title: &'static str,
    /// (key sequences, action name or empty, what it does).
    pub entries: Vec<(Vec<String>, &'static str, &'static str)>,
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
];

/// Every section of the help overlay, for `keymap` and review mode's `review_keymap`.
pub fn help_sections(keymap: &Keymap, review_keymap: &Keymap) -> Vec<HelpSection> {
    let fixed = |title, keys: &'static [(&'static str, &'static str)]| HelpSection {
        title,
        entries: keys
            .iter()
            .map(|(k, what)| (k.split(' ').map(str::to_owned).collect(), "", *what))
            .collect(),
    };
    vec![
        HelpSection {
            title: "Browsing",
            entries: Action::ALL
                .iter()
                .filter(|a| !a.is_review_only())
                .map(|&a| (keymap.keys_for(a), a.name(), a.description()))
                .collect(),
        },
        HelpSection {
            title: "Reviewing",
            entries: Action::ALL
                .iter()
                .map(|&a| (review_keymap.keys_for(a), a.name(), a.description()))
                .filter(|(keys, _, _)| !keys.is_empty())
                .collect(),
        },
        fixed("Typing a comment or a reason", NOTE_KEYS),
        fixed("Search", SEARCH_KEYS),
        fixed("Filter menu", FILTER_KEYS),
        fixed("Choosing a section to edit", PICKER_KEYS),
        fixed("Editing a section", EDITOR_KEYS),
        fixed("Choosing a new parent", PARENT_KEYS),
        fixed("This help", HELP_KEYS),
        HelpSection {
            title: "Legend",
            entries: LEGEND
                .iter()
                .map(|(marks, what)| (vec![(*marks).to_owned()], "", *what))
                .collect(),
        },
    ]
}

/// `docs/keymap.md`, generated from the default keymap.
pub fn keymap_markdown() -> String {
    let keymap = Keymap::default_bindings();
    let review_keymap = Keymap::review_bindings();
    let mut out = String::from(
        "# Keys\n\n\
         <!-- Generated from src/app/action.rs and src/app/default-config.toml.\n     \
         Do not edit: run `UPDATE_DOCS=1 cargo test --test keymap_doc` to regenerate. -->\n\n\
         `strata FILE` opens the browser. Press `?` in it for this list.\n\n",
    );
    let sections = help_sections(&keymap, &review_keymap);
    for section in &sections {
        let _ = writeln!(out, "## {}\n", section.title);
        if section.title == "Reviewing" {
            out.push_str(
                "`strata review` (or `R` in the browser) shows one node per screen. \
                 These keys are set in `[review-keys]`; each decision is saved at once.\n\n\
                 | keys | action | what it does |\n| --- | --- | --- |\n",
            );
            for (keys, name, what) in &section.entries {
                let _ = writeln!(out, "| {} | `{name}` | {what} |", code_list(keys));
            }
        } else if section.title == "Browsing" {
            out.push_str(
                "These keys can be changed in the config file (below). \
                 `g g` means `g`, then `g`.\n\n\
                 | keys | action | what it does |\n| --- | --- | --- |\n",
            );
            for (keys, name, what) in &section.entries {
                let _ = writeln!(out, "| {} | `{name}` | {what} |", code_list(keys));
            }
        } else {
            out.push_str("| keys | what they do |\n| --- | --- |\n");
            for (keys, _, what) in &section.entries {
                let keys = if section.title == "Legend" {
                    keys.join(" ")
                } else {
                    code_list(keys)
                };
                let _ = writeln!(out, "| {keys} | {what} |");
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
         [review]\nreviewer = \"Dana Okafor\"   # else `git config user.name`\n\n\
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
