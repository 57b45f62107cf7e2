//! Reading `[lint]` from the strategy file: pure data built from a parsed
//! TOML table; every mistake is reported at once, with the key path and a
//! "did you mean" where one is close.

use super::rules::RULES;
use super::{LintConfig, Severity};
use crate::model::Level;
use crate::suggest::did_you_mean;

/// A mistake in `[lint]`, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The key path inside `[lint]`, e.g. `["rules", "sunday-wrds"]`.
    pub path: Vec<String>,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: String,
}

const KEYS: [&str; 6] = [
    "max_intents",
    "max_words",
    "fluff",
    "allow_words",
    "rules",
    "horizon",
];

impl LintConfig {
    /// Builds the config from the `[lint]` table, collecting every error.
    pub fn from_toml(table: &toml::Table) -> Result<LintConfig, Vec<ConfigError>> {
        let mut config = LintConfig::default();
        let mut errors = Vec::new();
        for (key, value) in table {
            let path = vec![key.clone()];
            match key.as_str() {
                "max_intents" => {
                    if let Some(n) = positive(value, &path, &mut errors) {
                        config.max_intents = n;
                    }
                }
                "max_words" => {
                    if let Some(n) = positive(value, &path, &mut errors) {
                        config.max_words = n;
                    }
                }
                "fluff" => config.fluff = word_list(value, &path, &mut errors),
                "allow_words" => config.allow_words = word_list(value, &path, &mut errors),
                "rules" => read_rules(value, &mut config, &mut errors),
                "horizon" => read_horizons(value, &mut config, &mut errors),
                other => errors.push(unknown(path, "key", other, &KEYS)),
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            Err(errors)
        }
    }
}

fn positive(value: &toml::Value, path: &[String], errors: &mut Vec<ConfigError>) -> Option<usize> {
    match value.as_integer() {
        Some(n) if n >= 1 => usize::try_from(n).ok(),
        _ => {
            errors.push(ConfigError {
                path: path.to_vec(),
                message: format!("`{}` must be a whole number of at least 1", path.join(".")),
                help: format!("write e.g. `{} = 3`", path.join(".")),
            });
            None
        }
    }
}

fn word_list(value: &toml::Value, path: &[String], errors: &mut Vec<ConfigError>) -> Vec<String> {
    let words = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|v| v.as_str().map(|s| s.trim().to_lowercase()))
            .collect::<Option<Vec<String>>>()
    });
    match words {
        Some(words) if words.iter().all(|w| !w.is_empty()) => words,
        _ => {
            errors.push(ConfigError {
                path: path.to_vec(),
                message: format!("`{}` must be a list of non-empty words", path[0]),
                help: format!("write e.g. `{} = [\"disrupt\"]`", path[0]),
            });
            Vec::new()
        }
    }
}

fn read_rules(value: &toml::Value, config: &mut LintConfig, errors: &mut Vec<ConfigError>) {
    let Some(table) = value.as_table() else {
        errors.push(ConfigError {
            path: vec!["rules".into()],
            message: "`rules` must be a table of rule names and severities".into(),
            help: "write `[lint.rules]` and lines like `sunday-words = \"warning\"`".into(),
        });
        return;
    };
    let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    for (name, setting) in table {
        let path = vec!["rules".to_owned(), name.clone()];
        let Some(rule) = RULES.iter().find(|r| r.name == name) else {
            errors.push(unknown(path, "rule", name, &names));
            continue;
        };
        let level = setting.as_str().and_then(|s| match s {
            "off" => Some(None),
            other => Severity::parse(other).map(Some),
        });
        match level {
            Some(level) => {
                config.rules.insert(rule.name, level);
            }
            None => {
                let written = setting.as_str().unwrap_or("");
                let mut error = unknown(
                    path,
                    "severity",
                    written,
                    &["off", "note", "warning", "error"],
                );
                error.message = format!("`{}` is not a severity for `{name}`", setting);
                errors.push(error);
            }
        }
    }
}

fn read_horizons(value: &toml::Value, config: &mut LintConfig, errors: &mut Vec<ConfigError>) {
    let Some(table) = value.as_table() else {
        errors.push(ConfigError {
            path: vec!["horizon".into()],
            message: "`horizon` must be a table of levels and [min, max] months".into(),
            help: "write `[lint.horizon]` and lines like `vision = [60, 120]`".into(),
        });
        return;
    };
    let names: Vec<&str> = Level::ALL.iter().map(|l| l.name()).collect();
    for (name, range) in table {
        let path = vec!["horizon".to_owned(), name.clone()];
        let Some(level) = Level::from_name(name) else {
            errors.push(unknown(path, "level", name, &names));
            continue;
        };
        let pair = range.as_array().and_then(|a| match a.as_slice() {
            [min, max] => Some((min.as_integer()?, max.as_integer()?)),
            _ => None,
        });
        match pair {
            Some((min, max)) if 0 <= min && min <= max && max <= 1200 => {
                // Bounded to 0..=1200 just above, so the casts cannot truncate.
                config.horizons[level.depth()] = (min as i32, max as i32);
            }
            _ => errors.push(ConfigError {
                path,
                message: format!("`{name}` must be [min, max] months with 0 <= min <= max"),
                help: {
                    let (min, max) = LintConfig::default().horizon(level);
                    format!("write e.g. `{name} = [{min}, {max}]`")
                },
            }),
        }
    }
}

fn unknown(path: Vec<String>, what: &str, written: &str, known: &[&str]) -> ConfigError {
    let help = match did_you_mean(written, known.iter().copied()) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("expected one of: {}", known.join(", ")),
    };
    ConfigError {
        path,
        message: format!("unknown {what} `{written}`"),
        help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<LintConfig, Vec<ConfigError>> {
        let table: toml::Table = toml::from_str(text).map_err(|e| {
            vec![ConfigError {
                path: Vec::new(),
                message: e.to_string(),
                help: String::new(),
            }]
        })?;
        LintConfig::from_toml(&table)
    }

    #[test]
    fn reads_every_setting() {
        let config = parse(
            r#"
            max_intents = 4
            max_words = 800
            fluff = ["Disrupt"]
            allow_words = ["leverage"]
            [rules]
            sunday-words = "error"
            weasel-words = "off"
            [horizon]
            vision = [48, 96]
            initiative = [0, 24]
            "#,
        )
        .map_err(|e| format!("{e:?}"));
        let Ok(config) = config else {
            panic!("{config:?}")
        };
        assert_eq!(config.max_intents, 4);
        assert_eq!(config.max_words, 800);
        assert_eq!(config.fluff, ["disrupt"]);
        assert_eq!(config.allow_words, ["leverage"]);
        assert_eq!(
            config.severity("sunday-words", Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(config.severity("weasel-words", Severity::Warning), None);
        assert_eq!(
            config.severity("vague-future", Severity::Warning),
            Some(Severity::Warning)
        );
        assert_eq!(config.horizon(Level::Vision), (48, 96));
        assert_eq!(config.horizon(Level::Initiative), (0, 24));
        assert_eq!(config.horizon(Level::Option), (0, 12));
    }

    #[test]
    fn an_empty_table_is_the_default() {
        assert_eq!(parse(""), Ok(LintConfig::default()));
    }

    #[test]
    fn reports_every_mistake_with_its_path_and_a_suggestion() {
        let errors = parse(
            r#"
            max_intent = 3
            max_words = 0
            fluff = "disrupt"
            [rules]
            sunday-wrds = "warning"
            weasel-words = "loud"
            [horizon]
            vison = [60, 120]
            intent = [36, 12]
            "#,
        )
        .err()
        .unwrap_or_default();
        let paths: Vec<String> = errors.iter().map(|e| e.path.join(".")).collect();
        assert_eq!(
            paths,
            [
                "max_intent",
                "max_words",
                "fluff",
                "rules.sunday-wrds",
                "rules.weasel-words",
                "horizon.vison",
                "horizon.intent"
            ]
        );
        assert_eq!(errors[0].help, "did you mean `max_intents`?");
        assert_eq!(errors[3].help, "did you mean `sunday-words`?");
        assert_eq!(errors[5].help, "did you mean `vision`?");
        assert!(
            errors[4].message.contains("\"loud\""),
            "{}",
            errors[4].message
        );
    }
}
