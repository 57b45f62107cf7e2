//! The command line's shape, with help text that teaches by example.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  strata sample-strategy.toml       browse the cascade (press ? for keys)
  strata init                       start ./strategy.toml with one node per level
  strata tree sample-strategy.toml  the whole cascade, one line per node
  strata rollup auto-price-repeat-lanes
                                    how one epic ladders up to the vision
  strata lint --deny warnings       check every two-pager; fail CI on findings
  strata rules sunday-words         what a lint rule catches and why
  strata review --level intent      a review meeting, one intent per screen

FILE defaults to ./strategy.toml. FILE may be a directory: then every *.toml
file directly in it (sorted by name; hidden files and subdirectories are not
read) holds part of one strategy, and each edit is saved to its own file.
The format is described in docs/format.md.
Exit codes: 0 ok, 1 findings, 2 error.";

/// Write and review a company's strategy as a cascade of two-pagers:
/// vision → strategic intents → product initiatives → options (epics).
#[derive(Debug, Parser)]
#[command(name = "strata", version, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    /// What to do; without a command, strata opens FILE in the browser.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// The strategy file, or a directory of them (default: ./strategy.toml).
    #[arg(global = false)]
    pub file: Option<PathBuf>,

    /// When to use colour: auto (a terminal, and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
}

/// The subcommands; each lives in its own file under `cli/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the cascade as an indented tree: level, id, title, owner, status, horizon.
    #[command(after_help = "Example:\n  strata tree sample-strategy.toml")]
    Tree(FileArg),
    /// Show how one node ladders up to the vision: each level's title, owner,
    /// horizon, first sentence of its future, and metrics.
    #[command(
        override_usage = "strata rollup [FILE] <ID>",
        after_help = "ID is a node's id (`auto-price-repeat-lanes`) or its full key\n\
                      (`options.auto-price-repeat-lanes`, `vision`).\n\n\
                      Examples:\n  strata rollup auto-price-repeat-lanes\n  \
                      strata rollup sample-strategy.toml initiatives.quotes-take-forty-minutes"
    )]
    Rollup(RollupArgs),
    /// Check every two-pager against the vision criteria (concrete,
    /// lofty-achievable, different-from-today, will-not) and the cascade.
    #[command(
        after_help = "Exit codes: 0 no errors, 1 errors (or warnings with --deny warnings), 2 the file can't be read.\n\n\
                            Examples:\n  strata lint sample-strategy.toml\n  \
                            strata lint --format github --deny warnings   # in CI\n  \
                            strata lint --format sarif > strata.sarif\n\n\
                            `strata rules` lists the rules; configure them in the file's [lint] table."
    )]
    Lint(super::lint::LintArgs),
    /// List the lint rules, or explain one: what it catches, why, and what to write instead.
    #[command(after_help = "Examples:\n  strata rules\n  strata rules sunday-words")]
    Rules {
        /// A rule's name, e.g. `sunday-words`.
        name: Option<String>,
    },
    /// Create a commented starter strategy with one node per level; never overwrites.
    #[command(after_help = "Example:\n  strata init strategy.toml && strata tree")]
    Init(InitArg),
    /// Export the strategy for readers without strata: a Markdown document, a
    /// self-contained HTML page, JSON for tools, or a Mermaid diagram.
    #[command(
        after_help = "Examples:\n  strata export sample-strategy.toml -o strategy.html\n  \
                      strata export --format md > STRATEGY.md\n  \
                      strata export --format json | jq '.nodes[] | select(.scorecard.concrete == \"fail\") | .key'\n  \
                      strata export --format mermaid > cascade.mmd"
    )]
    Export(super::export::ExportArgs),
    /// Run a review meeting from the keyboard: one node per screen in cascade
    /// order; approve, request changes, discuss or comment with one key. Each
    /// decision is recorded in the file beside the node.
    #[command(
        after_help = "Examples:\n  strata review --level intent            the executive team walks the intents\n  \
                      strata review --under win-mid-market-brokers --level initiative\n  \
                      strata review --since v2026-q3          only what changed since that tag\n  \
                      strata review --summary > notes.md      what the reviews decided\n\n\
                      Keys (the defaults; change them under [review-keys] in the config):\n  \
                      a approve   x request changes   d discuss   c comment   s skip\n  \
                      n / p next and previous node   tab next undecided   o old text (--since)\n  \
                      u undo   ? every key   q quit and print the summary\n\n\
                      Each decision is saved at once. Running the same review again continues it\n\
                      (from where it stopped, skipping what is decided); --restart starts over.\n\
                      The reviewer is `[review] reviewer` in the config file, else `git config user.name`."
    )]
    Review(super::review::ReviewArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  strata completions bash > ~/.local/share/bash-completion/completions/strata\n  \
                            strata completions zsh > ~/.zfunc/_strata\n  \
                            strata completions fish > ~/.config/fish/completions/strata.fish"
    )]
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) to stdout.
    #[command(after_help = "Example:\n  strata man > ~/.local/share/man/man1/strata.1")]
    Man,
}

/// A subcommand's optional FILE argument.
#[derive(Debug, Args)]
pub struct FileArg {
    /// The strategy file, or a directory of them (default: ./strategy.toml).
    pub file: Option<PathBuf>,
}

/// `strata init [FILE]`: the one file it creates.
#[derive(Debug, Args)]
pub struct InitArg {
    /// The file to create (default: ./strategy.toml).
    pub file: Option<PathBuf>,
}

/// `strata rollup [FILE] ID`: FILE is optional, so it comes first only when both are given.
#[derive(Debug, Args)]
pub struct RollupArgs {
    /// `[FILE] ID`: the strategy file or directory (default ./strategy.toml) and the node to roll up.
    #[arg(value_name = "FILE_OR_ID", num_args = 1..=2, required = true)]
    pub args: Vec<String>,
}

impl RollupArgs {
    /// The file and the id, however many arguments were given.
    pub fn file_and_id(&self) -> (Option<PathBuf>, &str) {
        match self.args.as_slice() {
            [file, id] => (Some(PathBuf::from(file)), id),
            [id] => (None, id),
            // clap enforces one or two values.
            _ => (None, ""),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn the_review_keys_in_the_help_are_the_default_ones() {
        use crate::app::Action;
        use crate::app::keys::keymap::Keymap;
        let help = Cli::command()
            .find_subcommand("review")
            .and_then(|c| c.get_after_help().map(|h| h.to_string()))
            .unwrap();
        let keys = Keymap::review_bindings();
        for (key, action, said) in [
            ("a", Action::Approve, "a approve"),
            ("x", Action::RequestChanges, "x request changes"),
            ("d", Action::Discuss, "d discuss"),
            ("c", Action::Comment, "c comment"),
            ("s", Action::Skip, "s skip"),
            ("n", Action::NextNode, "n / p next"),
            ("p", Action::PreviousNode, "n / p next"),
            ("tab", Action::NextUndecided, "tab next undecided"),
            ("o", Action::ToggleOldText, "o old text"),
            ("u", Action::Undo, "u undo"),
        ] {
            assert!(help.contains(said), "{said} is not in the help");
            assert!(
                keys.keys_for(action).iter().any(|k| k == key),
                "{key} is not {action:?} by default"
            );
        }
    }

    #[test]
    fn rollup_takes_an_optional_file_before_the_id() {
        let cli = Cli::parse_from(["strata", "rollup", "f.toml", "x"]);
        let Some(Command::Rollup(args)) = cli.command else {
            panic!()
        };
        assert_eq!(args.file_and_id(), (Some(PathBuf::from("f.toml")), "x"));
        let cli = Cli::parse_from(["strata", "rollup", "x"]);
        let Some(Command::Rollup(args)) = cli.command else {
            panic!()
        };
        assert_eq!(args.file_and_id(), (None, "x"));
    }
}
