//! Opening a loaded file in the browser: its own `[lint]` settings (the
//! defaults and a notice when they are wrong), the load warnings for the
//! panel `L` opens, and the model as saved, shared with the workspace.

use std::rc::Rc;

use super::keys::keymap::Keymap;
use super::{App, FileInfo};
use crate::lint::{self, LintConfig};
use crate::model::{Date, Strategy};
use crate::sanitize;

impl App {
    /// Opens a loaded file (or directory of files): lints it with its own
    /// `[lint]` settings (the defaults, and a notice, when those are wrong)
    /// and builds the browser. `today` is the shell's reading of the clock.
    pub fn open(file: &FileInfo, strategy: Strategy, keymap: Keymap, today: Date) -> App {
        let as_of = strategy.as_of.unwrap_or(today);
        let (config, mut notice) = match LintConfig::from_toml(&file.lint) {
            Ok(config) => (config, None),
            Err(errors) => {
                let first = errors.first().map_or_else(String::new, |e| {
                    format!("[lint] {}: {}", e.path.join("."), e.message)
                });
                let more = match errors.len() {
                    0 | 1 => String::new(),
                    n => format!(" (and {} more)", n - 1),
                };
                (
                    LintConfig::default(),
                    Some(format!("{first}{more}; using the default lint settings")),
                )
            }
        };
        if notice.is_none() && file.warnings > 0 {
            let n = file.warnings;
            notice = Some(if file.problems.is_empty() {
                format!(
                    "{n} warning{} while loading; `strata tree` prints them",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{n} warning{} while loading; L lists them",
                    if n == 1 { "" } else { "s" }
                )
            });
        }
        let diagnostics = lint::lint_strategy(&strategy, &config, as_of);
        let saved = file
            .saved
            .clone()
            .unwrap_or_else(|| Rc::new(strategy.clone()));
        let mut app = App::with_saved(strategy, saved, diagnostics, keymap, &file.name, today);
        app.notice = notice.map(|n| sanitize::line(&n).into_owned());
        app.load_problems = file
            .problems
            .iter()
            .flat_map(|text| text.lines())
            .map(|line| sanitize::line(line).into_owned())
            .collect();
        app.lint_config = config;
        app.remeasure();
        app
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::app::saving::{SaveOutcome, saved};
    use crate::model::{Level, Node};

    fn strategy() -> Strategy {
        let mut strategy = Strategy::default();
        strategy.add(Node::new(Level::Vision, "vision"));
        strategy
    }

    fn info(saved: Option<Rc<Strategy>>) -> FileInfo {
        FileInfo {
            name: "s.toml".into(),
            lint: toml::Table::new(),
            warnings: 0,
            problems: Vec::new(),
            saved,
        }
    }

    #[test]
    fn the_saved_model_is_shared_not_copied() {
        let today = Date::new(2026, 12, 1).unwrap();
        let shared = Rc::new(strategy());
        let mut app = App::open(
            &info(Some(Rc::clone(&shared))),
            strategy(),
            Keymap::default_bindings(),
            today,
        );
        assert!(Rc::ptr_eq(&app.saved, &shared));
        assert!(!app.is_dirty());
        // After a save, the browser keeps what the workspace now holds.
        let written = Rc::new(strategy());
        saved(
            &mut app,
            SaveOutcome::Saved {
                path: "s.toml".into(),
                saved: Some(Rc::clone(&written)),
            },
        );
        assert!(Rc::ptr_eq(&app.saved, &written));
        // Without the shell's copy, the browser makes its own.
        let app = App::open(&info(None), strategy(), Keymap::default_bindings(), today);
        assert_eq!(*app.saved, strategy());
    }
}
