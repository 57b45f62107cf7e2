//! Drives the browser like the real shell does, without a terminal: open a
//! file, feed keys, draw to a `TestBackend` after each one.
#![allow(dead_code)] // Each test binary uses a different part of this module.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use strata::app::input::{self, Input};
use strata::app::keys::Key;
use strata::app::keys::keymap::Keymap;
use strata::app::{App, Effect, FileInfo};
use strata::model::Date;
use strata::store::{StrategyFile, Workspace};
use strata::tui::{ExternalEditor, Session, WriteStep};
use strata::ui::{self, Theme};

/// The day the test browser runs on: a fixed one, so nothing depends on the
/// clock (the real shell reads it, `strata::cli::today`).
pub fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Opens `relative` (from the repository root) as the browser would, with
/// the default keymap; the file is named by its relative path so screens
/// do not depend on where the repository is.
pub fn open_app(relative: &str) -> App {
    let text = std::fs::read_to_string(root().join(relative)).unwrap();
    app_from_text(relative, text)
}

/// Opens `text` as if it had been read from `name`.
pub fn app_from_text(name: &str, text: String) -> App {
    let (file, strategy) = StrategyFile::from_text(Path::new(name), text)
        .unwrap_or_else(|e| panic!("{name} does not load: {e:?}"));
    App::open(&info(&file), strategy, Keymap::default_bindings(), today())
}

/// What the browser is told about a file it opens, as `strata` tells it.
pub fn info(file: &StrategyFile) -> FileInfo {
    FileInfo {
        name: file.path().display().to_string(),
        lint: file.lint.clone(),
        warnings: file.warnings.len(),
        problems: if file.warnings.is_empty() {
            Vec::new()
        } else {
            let name = file.path().display().to_string();
            vec![strata::store::render(
                &name,
                file.text(),
                &file.warnings,
                false,
            )]
        },
        saved: None,
    }
}

/// What the browser is told about a file or a directory it opens.
pub fn workspace_info(workspace: &Workspace) -> FileInfo {
    FileInfo {
        name: workspace.path().display().to_string(),
        lint: workspace.lint().clone(),
        warnings: workspace.warning_count(),
        problems: workspace.load_report(),
        saved: Some(workspace.shared_baseline()),
    }
}

/// An app on a test terminal.
pub struct Browser {
    /// The state.
    pub app: App,
    /// The screen.
    pub terminal: Terminal<TestBackend>,
    /// Colours (the default ones; text snapshots do not show them).
    pub theme: Theme,
    /// Effects returned so far.
    pub effects: Vec<Effect>,
    /// The file on disk, when the browser edits a real one; effects run through it.
    pub session: Option<Session>,
    /// True once the session said to exit (a quit, or a save-and-quit that saved).
    pub exited: bool,
}

impl Browser {
    /// `relative` opened on a `width` × `height` screen, drawn once.
    pub fn new(relative: &str, width: u16, height: u16) -> Browser {
        Browser::with_app(open_app(relative), width, height)
    }

    /// `app` on a `width` × `height` screen, drawn once.
    pub fn with_app(app: App, width: u16, height: u16) -> Browser {
        let mut browser = Browser {
            app,
            terminal: Terminal::new(TestBackend::new(width, height)).unwrap(),
            theme: Theme::default_colors(),
            effects: Vec::new(),
            session: None,
            exited: false,
        };
        browser.draw();
        browser
    }

    /// The browser on a real file at `path`, whose saves write it.
    pub fn on_file(path: &Path, width: u16, height: u16) -> Browser {
        Browser::on_file_with(path, width, height, None)
    }

    /// [`Browser::on_file`] with the save's write step replaced (a failing disk).
    pub fn on_file_with(path: &Path, width: u16, height: u16, write: Option<WriteStep>) -> Browser {
        let (file, strategy) = StrategyFile::open(path).unwrap();
        let app = App::open(&info(&file), strategy, Keymap::default_bindings(), today());
        let mut browser = Browser::with_app(app, width, height);
        browser.session = Some(match write {
            Some(write) => Session::with_writer(file, write),
            None => Session::new(file),
        });
        browser
    }

    /// The browser on a strategy file or a directory of them, as `strata
    /// PATH` opens it; saves write the files.
    pub fn on_workspace(path: &Path, width: u16, height: u16) -> Browser {
        let (workspace, strategy) = Workspace::open(path).unwrap_or_else(|e| panic!("{e:?}"));
        let app = App::open(
            &workspace_info(&workspace),
            strategy,
            Keymap::default_bindings(),
            today(),
        );
        let mut browser = Browser::with_app(app, width, height);
        browser.session = Some(Session::new(workspace));
        browser
    }

    /// Draws a frame and hands its layout back to the app, as the shell does.
    pub fn draw(&mut self) {
        let mut screen = None;
        let app = &self.app;
        let theme = &self.theme;
        self.terminal
            .draw(|frame| screen = Some(ui::draw(frame, app, theme)))
            .unwrap();
        self.app.screen = screen.unwrap();
    }

    /// The browser on a real file, journaling unsaved edits in `state`, and
    /// offering what an earlier run left there, as `strata FILE` does.
    /// `path` may be a directory of files.
    pub fn on_file_journaled(path: &Path, state: &Path, width: u16, height: u16) -> Browser {
        let (file, strategy) = Workspace::open(path).unwrap_or_else(|e| panic!("{e:?}"));
        let app = App::open(
            &workspace_info(&file),
            strategy,
            Keymap::default_bindings(),
            today(),
        );
        let mut browser = Browser::with_app(app, width, height);
        let mut session = Session::new(file).with_journal(state.to_path_buf());
        session.offer_recovery(&mut browser.app);
        browser.session = Some(session);
        browser.draw();
        browser
    }

    /// The browser on a real file whose `E` runs `editor` instead of $EDITOR.
    pub fn on_file_with_editor(path: &Path, editor: ExternalEditor) -> Browser {
        let mut browser = Browser::on_file(path, 100, 30);
        browser.session = browser
            .session
            .take()
            .map(|s| s.with_external_editor(editor));
        browser
    }

    /// Writes the recovery journal now, as a signal or a panic would.
    pub fn flush_journal(&mut self) {
        if let Some(session) = &mut self.session {
            session.flush(&mut self.app);
        }
    }

    /// Sends one input and redraws.
    pub fn input(&mut self, input: Input) {
        let effects = input::handle(&mut self.app, input);
        self.effects.extend(effects.iter().cloned());
        if let Some(session) = &mut self.session {
            self.exited |= session.run(&mut self.app, effects);
            session.tick(&mut self.app, std::time::Instant::now());
        }
        self.draw();
    }

    /// Presses keys written as in the config (`j`, `g g`, `ctrl-d`, `enter`),
    /// separated by spaces; `{text}` types the text character by character.
    pub fn keys(&mut self, script: &str) -> &mut Browser {
        for key in parse_script(script) {
            self.input(Input::Key(key));
        }
        self
    }

    /// Resizes the screen and redraws.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, width, height))
            .unwrap();
        self.draw();
    }

    /// The screen as text, one line per row.
    pub fn text(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buffer.area.height {
            let mut skip = 0;
            for x in 0..buffer.area.width {
                // A wide character fills two cells; the second holds nothing to print.
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = strata::app::text::wrap::text_width(symbol).saturating_sub(1);
                out.push_str(symbol);
            }
            out.push('\n');
        }
        out
    }

    /// The selected node's key (`intents.win`), or `-`.
    pub fn selected(&self) -> String {
        self.app
            .tree
            .selected()
            .map_or_else(|| "-".to_owned(), |id| self.app.strategy.node(id).key())
    }
}

/// Splits a key script into keys: words are keys, `{...}` is typed text.
pub fn parse_script(script: &str) -> Vec<Key> {
    let mut keys = Vec::new();
    let mut rest = script;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if let Some(body) = rest.strip_prefix('{') {
            let end = body.find('}').expect("unclosed {");
            keys.extend(body[..end].chars().map(Key::char));
            rest = &body[end + 1..];
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            keys.push(Key::parse(&rest[..end]).unwrap_or_else(|e| panic!("{e}")));
            rest = &rest[end..];
        }
    }
    keys
}
