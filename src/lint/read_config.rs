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

const KEYS: [&str; 7] = [
    "max_intents",
    "max_words",
    "fluff",
    "allow_words",
    "rules",
    "horizon",
    "progress",
];

const PROGRESS_KEYS: [&str; 3] = ["at_risk", "off_track", "stale_after_days"];

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
                "progress" => read_progress(value, &mut config, &mut errors),
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

fn read_progress(value: &toml::Value, config: &mut LintConfig, errors: &mut Vec<ConfigError>) {
    let Some(table) = value.as_table() else {
        errors.push(ConfigError {
            path: vec!["progress".into()],
            message: "`progress` must be a table of thresholds".into(),
            help: "write `[lint.progress]` and lines like `at_risk = 0.1`".into(),
        });
        return;
    };
    for (name, setting) in table {
        let path = vec!["progress".to_owned(), name.clone()];
        match name.as_str() {
            "at_risk" | "off_track" => {
                let share = match setting {
                    toml::Value::Float(f) => Some(*f),
                    toml::Value::Integer(i) => Some(*i as f64),
                    _ => None,
                };
                match share {
                    Some(share) if (0.0..=1.0).contains(&share) => {
                        if name == "at_risk" {
                            config.progress.at_risk = share;
                        } else {
                            config.progress.off_track = share;
                        }
                    }
                    _ => errors.push(ConfigError {
                        path,
                        message: format!(
                            "`{name}` must be a share of the way from baseline to target, 0 to 1"
                        ),
                        help: format!(
                            "write e.g. `{name} = {}` ({} points behind the expected mark)",
                            if name == "at_risk" { "0.1" } else { "0.25" },
                            if name == "at_risk" { "ten" } else { "25" }
                        ),
                    }),
                }
            }
            "stale_after_days" => match setting.as_integer() {
                Some(days) if (1..=3650).contains(&days) => {
                    // Bounded just above, so the cast cannot truncate.
                    config.stale_after_days = days as u32;
                }
                _ => errors.push(ConfigError {
                    path,
                    message: "`stale_after_days` must be a whole number of days, 1 to 3650".into(),
                    help: "write e.g. `stale_after_days = 45`".into(),
                }),
            },
            other => errors.push(unknown(path, "key", other, &PROGRESS_KEYS)),
        }
    }
    if config.progress.at_risk > config.progress.off_track {
        errors.push(ConfigError {
            path: vec!["progress".into(), "at_risk".into()],
            message: format!(
                "`at_risk` ({}) is more than `off_track` ({}): a metric would be off track before it is at risk",
                config.progress.at_risk, config.progress.off_track
            ),
            help: "make `at_risk` the smaller: e.g. `at_risk = 0.1`, `off_track = 0.25`".into(),
        });
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
            [progress]
            at_risk = 0.05
            off_track = 0.2
            stale_after_days = 30
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
        assert_eq!(config.progress.at_risk, 0.05);
        assert_eq!(config.progress.off_track, 0.2);
        assert_eq!(config.stale_after_days, 30);
    }

    #[test]
    fn progress_thresholds_must_be_shares_in_order() {
        let errors = parse("[progress]\nat_risk = 0.5\noff_track = 0.3\nstale = 3\n")
            .err()
            .unwrap_or_default();
        let paths: Vec<String> = errors.iter().map(|e| e.path.join(".")).collect();
        assert_eq!(paths, ["progress.stale", "progress.at_risk"]);
        assert_eq!(errors[0].help, "did you mean `stale_after_days`?");
        let errors = parse("[progress]\noff_track = 2\nstale_after_days = 0\n")
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 2, "{errors:?}");
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
