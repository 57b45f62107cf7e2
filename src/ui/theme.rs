//! Colours and emphasis, from `[colors]` in the config; with `NO_COLOR` only
//! bold, dim, underline and reverse video remain, so nothing depends on colour.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::app::keys::keymap::DEFAULT_CONFIG;
use crate::lint::Grade;
use crate::lint::Severity;
use crate::model::progress::Health;

/// The colour roles `[colors]` may set.
pub const ROLES: [&str; 9] = [
    "accent",
    "selection",
    "error",
    "warning",
    "note",
    "pass",
    "highlight",
    "dim",
    "border",
];

/// A problem with one `[colors]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColorError {
    /// The role as written.
    pub role: String,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

/// How everything is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    colors: Option<[Color; 9]>,
}

impl Theme {
    /// The built-in colours.
    pub fn default_colors() -> Theme {
        let mut theme = Theme {
            colors: Some([Color::Reset; 9]),
        };
        if let Ok(table) = DEFAULT_CONFIG.parse::<toml::Table>()
            && let Some(toml::Value::Table(colors)) = table.get("colors")
        {
            let _ = theme.apply(colors);
        }
        theme
    }

    /// No colour at all, for `NO_COLOR`.
    pub fn plain() -> Theme {
        Theme { colors: None }
    }

    /// Applies a `[colors]` table; every bad entry is reported.
    pub fn apply(&mut self, table: &toml::Table) -> Result<(), Vec<ColorError>> {
        let mut errors = Vec::new();
        for (role, value) in table {
            let error = |message: String, help: String| ColorError {
                role: role.clone(),
                message,
                help,
            };
            let Some(index) = ROLES.iter().position(|r| r == role) else {
                let help = match crate::suggest::did_you_mean(role, ROLES) {
                    Some(close) => format!("did you mean `{close}`? "),
                    None => String::new(),
                };
                errors.push(error(
                    format!("no colour role named `{role}`"),
                    format!("{help}roles: {}", ROLES.join(", ")),
                ));
                continue;
            };
            let parsed = value.as_str().map(Color::from_str);
            match (parsed, &mut self.colors) {
                (Some(Ok(color)), Some(colors)) => colors[index] = color,
                (Some(Ok(_)), None) => {}
                _ => errors.push(error(
                    format!("`{value}` is not a colour"),
                    "write a name (\"red\", \"lightblue\", \"darkgray\"), \"#rrggbb\", or a 256-colour index (\"42\")".into(),
                )),
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn color(&self, role: &str) -> Option<Color> {
        let index = ROLES.iter().position(|r| *r == role)?;
        self.colors.map(|c| c[index])
    }

    fn fg(&self, role: &str) -> Style {
        self.color(role)
            .map_or_else(Style::new, |c| Style::new().fg(c))
    }

    /// True when colours are on.
    pub fn has_color(&self) -> bool {
        self.colors.is_some()
    }

    /// Plain text.
    pub fn text(&self) -> Style {
        Style::new()
    }

    /// Secondary text: ids, facts, placeholders.
    pub fn dim(&self) -> Style {
        match self.color("dim") {
            Some(c) => Style::new().fg(c),
            None => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// Headings and level marks.
    pub fn accent(&self) -> Style {
        self.fg("accent").add_modifier(Modifier::BOLD)
    }

    /// The node's title.
    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row in a focused pane: a background colour, or reverse video.
    pub fn selection(&self) -> Style {
        match self.color("selection") {
            Some(c) => Style::new().bg(c).add_modifier(Modifier::BOLD),
            None => Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    /// The selected row in a pane without focus.
    pub fn selection_unfocused(&self) -> Style {
        match self.color("selection") {
            Some(_) => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            None => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// A pane's border: brighter when it has focus.
    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.has_color()) {
            (true, true) => self.fg("accent"),
            (false, true) => self.fg("border"),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, false) => Style::new().add_modifier(Modifier::DIM),
        }
    }

    /// Text of a given severity (counts, labels).
    pub fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.fg("error").add_modifier(Modifier::BOLD),
            Severity::Warning => self.fg("warning"),
            Severity::Note => self.fg("note"),
        }
    }

    /// A criterion's grade in the scorecard.
    pub fn grade(&self, grade: Grade) -> Style {
        match grade {
            Grade::Pass => self.fg("pass"),
            Grade::Warn => self.fg("warning"),
            Grade::Fail => self.fg("error").add_modifier(Modifier::BOLD),
        }
    }

    /// A metric's or a node's health: its bar and its mark in the tree.
    pub fn health(&self, health: Health) -> Style {
        match health {
            Health::Done | Health::OnTrack => self.fg("pass"),
            Health::AtRisk => self.fg("warning"),
            Health::OffTrack => self.fg("error").add_modifier(Modifier::BOLD),
            Health::NoData => self.dim(),
        }
    }

    /// Text a diagnostic points at; the selected diagnostic's text stands out more.
    pub fn mark(&self, severity: Severity, selected: bool) -> Style {
        let base = match severity {
            Severity::Error => self.fg("error"),
            Severity::Warning => self.fg("highlight"),
            Severity::Note => self.fg("note"),
        }
        .add_modifier(Modifier::UNDERLINED);
        if selected {
            base.add_modifier(Modifier::REVERSED)
        } else {
            base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_checked_and_suggested() {
        let mut theme = Theme::default_colors();
        let table: toml::Table = "selection = \"#3a3a6a\"\nselektion = \"red\"\nerror = \"nope\""
            .parse()
            .unwrap();
        let errors = theme.apply(&table).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].role, "selektion");
        assert!(errors[0].help.starts_with("did you mean `selection`?"));
        assert!(errors[1].message.contains("not a colour"));
        assert_eq!(theme.selection().bg, Some(Color::Rgb(0x3a, 0x3a, 0x6a)));
    }

    #[test]
    fn plain_theme_has_no_colour() {
        let theme = Theme::plain();
        for style in [
            theme.selection(),
            theme.dim(),
            theme.severity(Severity::Error),
            theme.mark(Severity::Warning, true),
        ] {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(theme.selection().add_modifier.contains(Modifier::REVERSED));
    }
}
