//! The user's config file: where it lives, and turning its `[keys]` and
//! `[colors]` into a keymap and a theme. Every mistake is found before the
//! terminal is touched, so strata can say what is wrong and exit.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::app::Action;
use crate::app::keys::keymap::Keymap;
use crate::app::review::AfterDecision;
use crate::sanitize;
use crate::suggest::did_you_mean;
use crate::ui::Theme;

/// The environment variable naming a config file to use instead of the usual one.
pub const CONFIG_ENV: &str = "STRATA_CONFIG";

/// The sections a config file may have.
const SECTIONS: [&str; 4] = ["keys", "review-keys", "colors", "review"];

/// The keymap and colours in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Key bindings: the defaults with the user's overrides.
    pub keymap: Keymap,
    /// Key bindings of review mode: the defaults with the user's `[review-keys]`.
    pub review_keymap: Keymap,
    /// Colours: the defaults with the user's overrides.
    pub theme: Theme,
    /// The name review records are signed with (`[review] reviewer`).
    pub reviewer: Option<String>,
    /// What a review does after a decision (`[review] after-decision`).
    pub after_decision: AfterDecision,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default_bindings(),
            review_keymap: Keymap::review_bindings(),
            theme: Theme::default_colors(),
            reviewer: None,
            after_decision: AfterDecision::Pause,
        }
    }
}

/// Why the config file cannot be used; its `Display` is the whole message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// One line per problem, each naming the entry.
    pub problems: Vec<String>,
    /// Whether an action name was wrong (then the valid ones are listed).
    pub bad_action: bool,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = sanitize::line(&self.path.display().to_string()).into_owned();
        let count = self.problems.len();
        writeln!(
            f,
            "error: {path}: {count} problem{} in the config file",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            writeln!(f, "{problem}")?;
        }
        if self.bad_action {
            let names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
            writeln!(f, "  = valid actions: {}", names.join(", "))?;
        }
        writeln!(
            f,
            "  = help: fix or remove these entries; strata uses its defaults for anything the file leaves out (docs/keymap.md)"
        )
    }
}

/// Where strata looks for its config: `$STRATA_CONFIG`, else
/// `<config dir>/strata/config.toml`. The flag says whether the file was
/// named explicitly (then it must exist).
pub fn config_path() -> Option<(PathBuf, bool)> {
    if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(path), true));
    }
    let dirs = directories::ProjectDirs::from("", "", "strata")?;
    Some((dirs.config_dir().join("config.toml"), false))
}

/// Loads the config in force; a missing default file means the defaults.
pub fn load() -> Result<Config, ConfigError> {
    let Some((path, explicit)) = config_path() else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&path, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(Config::default()),
        Err(e) => Err(ConfigError {
            problems: vec![format!(
                "  cannot read it: {} (it is named by ${CONFIG_ENV})",
                sanitize::line(&e.to_string())
            )],
            path,
            bad_action: false,
        }),
    }
}

/// Applies the config text read from `path` over the defaults.
pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let fail = |problems: Vec<String>, bad_action: bool| ConfigError {
        path: path.to_path_buf(),
        problems,
        bad_action,
    };
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let mut message = String::from("  not valid TOML: ");
        message.push_str(&sanitize::line(e.message()));
        if let Some(span) = e.span() {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            let _ = write!(message, " (line {line})");
        }
        fail(vec![message], false)
    })?;
    let mut config = Config::default();
    let mut problems = Vec::new();
    let mut bad_action = false;
    for (section, value) in &table {
        let Some(entries) = value
            .as_table()
            .filter(|_| SECTIONS.contains(&section.as_str()))
        else {
            let hint = match did_you_mean(section, SECTIONS) {
                Some(close) => format!("; did you mean [{close}]?"),
                None => format!("; the sections are [{}]", SECTIONS.join("], [")),
            };
            problems.push(format!(
                "  `{}` is not a config section{hint}",
                sanitize::line(section)
            ));
            continue;
        };
        if section == "review" {
            read_review_section(entries, &mut config, &mut problems);
        } else if section == "keys" || section == "review-keys" {
            let keymap = if section == "keys" {
                &mut config.keymap
            } else {
                &mut config.review_keymap
            };
            if let Err(errors) = keymap.apply(entries) {
                for e in errors {
                    bad_action |= e.message.starts_with("no action named");
                    let value = entries
                        .get(&e.key)
                        .map(|v| v.to_string())
                        .unwrap_or_default();
                    let mut line = format!(
                        "  [{section}] \"{}\" = {}: {}",
                        sanitize::line(&e.key),
                        sanitize::line(&value),
                        sanitize::line(&e.message)
                    );
                    if !e.help.is_empty() {
                        let _ = write!(line, "\n    = help: {}", e.help);
                    }
                    problems.push(line);
                }
            }
        } else if let Err(errors) = config.theme.apply(entries) {
            for e in errors {
                problems.push(format!(
                    "  [colors] {}: {}\n    = help: {}",
                    sanitize::line(&e.role),
                    sanitize::line(&e.message),
                    e.help
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(fail(problems, bad_action))
    }
}

/// `[review]`: the reviewer's name, and what happens after a decision.
fn read_review_section(entries: &toml::Table, config: &mut Config, problems: &mut Vec<String>) {
    for (key, value) in entries {
        match (key.as_str(), value.as_str()) {
            ("reviewer", Some(name)) if !name.trim().is_empty() => {
                config.reviewer = Some(name.trim().to_owned())
            }
            ("reviewer", _) => problems.push(
                "  [review] reviewer: must be your name as text\n    = help: write `reviewer = \"Dana Okafor\"`"
                    .to_owned(),
            ),
            ("after-decision", choice) => match choice.and_then(AfterDecision::parse) {
                Some(after) => config.after_decision = after,
                None => problems.push(format!(
                    "  [review] after-decision: must be one of {}\n    = help: write `after-decision = \"pause\"` (a moment's banner, then the next node), \"move\" (at once) or \"stay\"",
                    AfterDecision::NAMES.join(", ")
                )),
            },
            (other, _) => {
                let hint = match did_you_mean(other, ["reviewer", "after-decision"]) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => "the keys here are `reviewer` and `after-decision`".to_owned(),
                };
                problems.push(format!(
                    "  [review] `{}` is not a setting\n    = help: {hint}",
                    sanitize::line(other)
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_apply_over_defaults() {
        let config = parse(
            Path::new("c.toml"),
            "[keys]\n\"x\" = \"quit\"\n[colors]\naccent = \"#ff0000\"\n",
        )
        .unwrap();
        assert_eq!(config.keymap.hint_key(Action::Quit).as_deref(), Some("q"));
        assert!(
            config
                .keymap
                .keys_for(Action::Quit)
                .contains(&"x".to_owned())
        );
    }

    #[test]
    fn errors_name_the_entry_and_list_actions() {
        let error = parse(
            Path::new("c.toml"),
            "[keys]\n\"ctrl-d\" = \"page-donw\"\n[colour]\n",
        )
        .unwrap_err();
        let text = error.to_string();
        assert!(
            text.contains("[keys] \"ctrl-d\" = \"page-donw\": no action named `page-donw`"),
            "{text}"
        );
        assert!(text.contains("did you mean `page-down`?"), "{text}");
        assert!(text.contains("valid actions: quit, move-down"), "{text}");
        assert!(
            text.contains("`colour` is not a config section; did you mean [colors]?"),
            "{text}"
        );
    }

    #[test]
    fn the_reviewer_and_review_keys_are_read() {
        let config = parse(
            Path::new("c.toml"),
            "[review]\nreviewer = \"Dana Okafor\"\n[review-keys]\n\"y\" = \"approve\"\n",
        )
        .unwrap();
        assert_eq!(config.reviewer.as_deref(), Some("Dana Okafor"));
        assert!(
            config
                .review_keymap
                .keys_for(Action::Approve)
                .contains(&"y".to_owned())
        );
        let error = parse(Path::new("c.toml"), "[review]\nreviwer = \"x\"\n").unwrap_err();
        assert!(
            error.to_string().contains("did you mean `reviewer`?"),
            "{error}"
        );
    }

    #[test]
    fn syntax_errors_give_the_line() {
        let error = parse(Path::new("c.toml"), "[keys]\n\"j\" = \n").unwrap_err();
        assert!(error.to_string().contains("(line 2)"), "{error}");
    }
}
