//! Colour for command-line output, decided once: `--color`, `NO_COLOR`, and
//! whether the output is a terminal.

use std::io::IsTerminal;

use clap::ValueEnum;

/// The `--color` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// True when `NO_COLOR` asks for no colour (set and not empty).
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether and how to colour output; a plain copy passed to every printer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Colour stdout.
    pub stdout: bool,
    /// Colour stderr.
    pub stderr: bool,
}

impl Style {
    /// Decides from the user's choice and the environment.
    pub fn detect(choice: ColorChoice) -> Style {
        let no_color = no_color();
        let decide = |is_terminal: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        Style {
            stdout: decide(std::io::stdout().is_terminal()),
            stderr: decide(std::io::stderr().is_terminal()),
        }
    }

    /// `text` in bold when colouring stdout.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// `text` dimmed when colouring stdout.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// `text` in the colour of a status or severity when colouring stdout.
    pub fn tone(self, tone: Tone, text: &str) -> String {
        let code = match tone {
            Tone::Good => "32",
            Tone::Warn => "33",
            Tone::Bad => "31",
            Tone::Info => "36",
        };
        self.paint(code, text)
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.stdout {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_owned()
        }
    }
}

/// The few meanings colour carries in strata's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Approved, passing.
    Good,
    /// In review, warnings.
    Warn,
    /// Changes requested, errors.
    Bad,
    /// Neutral emphasis.
    Info,
}
