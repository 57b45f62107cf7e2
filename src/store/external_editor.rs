//! Running the user's own editor on a file and waiting for it to exit: how a
//! whole two-pager is edited in `$VISUAL`/`$EDITOR` (see
//! [`to_markdown`](crate::model::to_markdown)).
//!
//! The editor is `$VISUAL`, else `$EDITOR`, else `vi` (`notepad` on Windows).
//! The variable may carry arguments (`code --wait`, `emacs -nw`); it is split
//! into words by the shell's quoting rules (below, a few lines rather than a
//! dependency), without expanding `~`, `$VAR` or globs. The file is passed as
//! the last argument. The editor inherits the terminal, so the caller leaves
//! the TUI's alternate screen first and restores it after.

use std::ffi::OsString;
use std::fmt;
use std::io;
use std::path::Path;
use std::process::{Command, ExitStatus};

/// The editor to run, and where that choice came from (for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    /// The program, as named in the variable (looked up in `PATH`).
    pub program: String,
    /// Its arguments, before the file's path.
    pub args: Vec<String>,
    /// `"$VISUAL"`, `"$EDITOR"` or `"the default"`.
    pub source: &'static str,
}

/// Why the editor did not run to a successful end. The file is as the editor
/// left it (or untouched, if it never started), so nothing the user typed in
/// it is lost.
#[derive(Debug)]
pub enum EditorError {
    /// The variable cannot be split into words (an unclosed quote).
    BadCommand {
        /// `"$VISUAL"` or `"$EDITOR"`.
        source: &'static str,
        /// Its value.
        value: String,
        /// What is wrong with it.
        why: String,
    },
    /// The program could not be started: not installed, not executable.
    Start {
        /// The command that was tried.
        command: EditorCommand,
        /// What the operating system said.
        error: io::Error,
    },
    /// The editor ran but exited with an error (vim's `:cq`) or was killed.
    Failed {
        /// The command that ran.
        command: EditorCommand,
        /// How it ended.
        status: ExitStatus,
    },
}

impl fmt::Display for EditorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const HELP: &str = "set $VISUAL or $EDITOR to the editor you use, e.g. `export EDITOR=nano` \
                            or `export VISUAL=\"code --wait\"`";
        match self {
            EditorError::BadCommand { source, value, why } => {
                write!(f, "cannot read {source} (`{value}`): {why}\n  help: {HELP}")
            }
            EditorError::Start { command, error } => write!(
                f,
                "could not start the editor `{}` (from {}): {error}\n  help: {HELP}",
                command.program, command.source
            ),
            EditorError::Failed { command, status } => write!(
                f,
                "the editor `{}` (from {}) did not finish cleanly ({status})",
                command.program, command.source
            ),
        }
    }
}

impl std::error::Error for EditorError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EditorError::Start { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Runs the user's editor on `file` and waits for it to exit.
pub fn edit_file(file: &Path) -> Result<(), EditorError> {
    editor_command()?.run(file)
}

/// The editor named by the environment.
pub fn editor_command() -> Result<EditorCommand, EditorError> {
    editor_command_from(std::env::var_os("VISUAL"), std::env::var_os("EDITOR"))
}

/// [`editor_command`] with the variables' values passed in, so the choice can
/// be tested without changing the process's environment. An unset or blank
/// variable is skipped.
pub fn editor_command_from(
    visual: Option<OsString>,
    editor: Option<OsString>,
) -> Result<EditorCommand, EditorError> {
    for (source, value) in [("$VISUAL", visual), ("$EDITOR", editor)] {
        let Some(value) = value else { continue };
        let value = value.into_string().map_err(|raw| EditorError::BadCommand {
            source,
            value: raw.to_string_lossy().into_owned(),
            why: "it is not valid UTF-8".to_owned(),
        })?;
        let words = split_words(&value).map_err(|why| EditorError::BadCommand {
            source,
            value: value.clone(),
            why,
        })?;
        let mut words = words.into_iter();
        if let Some(program) = words.next() {
            return Ok(EditorCommand {
                program,
                args: words.collect(),
                source,
            });
        }
    }
    let program = if cfg!(windows) { "notepad" } else { "vi" };
    Ok(EditorCommand {
        program: program.to_owned(),
        args: Vec::new(),
        source: "the default",
    })
}

impl EditorCommand {
    /// Runs the editor on `file` and waits for it to exit.
    pub fn run(&self, file: &Path) -> Result<(), EditorError> {
        let status = Command::new(&self.program)
            .args(&self.args)
            .arg(file)
            .status()
            .map_err(|error| EditorError::Start {
                command: self.clone(),
                error,
            })?;
        if status.success() {
            Ok(())
        } else {
            Err(EditorError::Failed {
                command: self.clone(),
                status,
            })
        }
    }
}

/// Splits `text` into words as a POSIX shell would, quoting included:
/// `'…'` keeps everything, `"…"` keeps everything but `\"`, `\\`, `\$` and
/// `` \` ``, and `\` outside quotes keeps the next character. Nothing is
/// expanded.
pub fn split_words(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {
                if let Some(done) = word.take() {
                    words.push(done);
                }
            }
            '\'' => {
                let current = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('\'') => break,
                        Some(c) => current.push(c),
                        None => return Err("a ' quote is not closed".to_owned()),
                    }
                }
            }
            '"' => {
                let current = word.get_or_insert_with(String::new);
                loop {
                    match chars.next() {
                        Some('"') => break,
                        Some('\\') => match chars.next() {
                            Some(c @ ('"' | '\\' | '$' | '`')) => current.push(c),
                            Some('\n') => {}
                            Some(c) => {
                                current.push('\\');
                                current.push(c);
                            }
                            None => return Err("a \" quote is not closed".to_owned()),
                        },
                        Some(c) => current.push(c),
                        None => return Err("a \" quote is not closed".to_owned()),
                    }
                }
            }
            '\\' => match chars.next() {
                Some('\n') => {}
                Some(c) => word.get_or_insert_with(String::new).push(c),
                None => return Err("it ends with a lone \\".to_owned()),
            },
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_a_shell() {
        let cases: [(&str, &[&str]); 9] = [
            ("vim", &["vim"]),
            ("  code   --wait ", &["code", "--wait"]),
            ("emacs -nw", &["emacs", "-nw"]),
            (
                "'/Applications/My Editor/bin/ed' -w",
                &["/Applications/My Editor/bin/ed", "-w"],
            ),
            (
                "\"C:\\\\Program Files\\\\ed.exe\" --x",
                &["C:\\Program Files\\ed.exe", "--x"],
            ),
            ("a\\ b c", &["a b", "c"]),
            ("x \"\" ''", &["x", "", ""]),
            ("pre'quoted'\"parts\"post", &["prequotedpartspost"]),
            ("\"keep \\n and \\\" \\$HOME\"", &["keep \\n and \" $HOME"]),
        ];
        for (text, expected) in cases {
            assert_eq!(
                split_words(text),
                Ok(expected.iter().map(|w| w.to_string()).collect()),
                "{text}"
            );
        }
        assert_eq!(split_words("   "), Ok(vec![]));
    }

    #[test]
    fn unclosed_quotes_are_errors() {
        for bad in ["'open", "\"open", "ends\\", "\"esc\\"] {
            assert!(split_words(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn visual_then_editor_then_vi() {
        let os = |s: &str| Some(OsString::from(s));
        let pick = |v, e| editor_command_from(v, e).unwrap();
        let both = pick(os("code --wait"), os("nano"));
        assert_eq!((both.program.as_str(), both.source), ("code", "$VISUAL"));
        assert_eq!(both.args, ["--wait"]);
        assert_eq!(pick(None, os("emacs -nw")).source, "$EDITOR");
        assert_eq!(pick(os("  "), os("nano")).program, "nano");
        let default = pick(None, None);
        assert_eq!(default.source, "the default");
        assert_eq!(
            default.program,
            if cfg!(windows) { "notepad" } else { "vi" }
        );
    }

    #[test]
    fn a_badly_quoted_variable_is_reported_not_skipped() {
        let err =
            editor_command_from(Some("'code --wait".into()), Some("nano".into())).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("cannot read $VISUAL (`'code --wait`): a ' quote is not closed"),
            "{message}"
        );
        assert!(message.contains("help: set $VISUAL or $EDITOR"));
    }
}
