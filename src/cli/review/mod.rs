//! `strata review`: run a review meeting from the keyboard, or print what
//! one decided (`--summary`). Everything that can fail (config, file,
//! filters, git, the reviewer's name) is checked before the terminal is
//! taken over, so errors print normally. `--actions` (and `--close`) is
//! `actions.rs`.

mod actions;

use std::io::IsTerminal;
use std::path::Path;

use clap::{Args, ValueEnum};

use super::clock;
use super::exit::Exit;
use super::find::describe_find_error;
use super::open::{self, FileArg};
use super::output;
use super::style::{ColorChoice, Style};
use super::terminal::{self, Browser};
use crate::app::review::{NO_REVIEWER, ReviewMode, Since};
use crate::config::{self, Config};
use crate::lint;
use crate::model::progress::{Measure, Progress};
use crate::model::{Date, Level, Status, Strategy};
use crate::review::{Changes, QueueFilter, Scope, changes, queue, summarize};
use crate::sanitize;
use crate::store::{self, ReviewState, Workspace};

/// `strata review [FILE] [--level L] [--status S] [--owner O] [--under ID] [--since REV]`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The strategy file or directory.
    #[command(flatten)]
    pub file: FileArg,
    /// Only nodes at this level: vision, intent, initiative, option.
    #[arg(long, value_parser = parse_level)]
    pub level: Option<Level>,
    /// Only nodes with this status: draft, in-review, approved, changes-requested, retired.
    #[arg(long, value_parser = parse_status)]
    pub status: Option<Status>,
    /// Only nodes whose owner contains this text (ignoring case); with
    /// `--actions`, only action items whose owner does.
    #[arg(long)]
    pub owner: Option<String>,
    /// Only this node and the nodes below it (an id or a key such as `intents.win`).
    #[arg(long, value_name = "ID")]
    pub under: Option<String>,
    /// Only nodes that are new or whose text changed since this git revision.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// Print what the reviews decided instead of starting a review.
    #[arg(long)]
    pub summary: bool,
    /// List the open action items across the strategy, overdue ones first.
    #[arg(long, conflicts_with = "summary")]
    pub actions: bool,
    /// With `--actions`: close the open action item with this text (or the
    /// one text containing it), recorded in the file as done or dropped.
    #[arg(long, value_name = "TEXT", requires = "actions")]
    pub close: Option<String>,
    /// With `--close`: how it ended.
    #[arg(long, value_enum, default_value_t = OutcomeArg::Done, requires = "close")]
    pub outcome: OutcomeArg,
    /// The format of `--summary` and `--actions`.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Md)]
    pub format: SummaryFormat,
    /// Start over instead of resuming where this review stopped last time.
    #[arg(long, conflicts_with_all = ["summary", "actions"])]
    pub restart: bool,
    /// Who is in the room, separated by commas ("CPO, VP Sales"), written
    /// into each record; a resumed review keeps the last list.
    #[arg(long = "with", value_name = "NAMES", conflicts_with_all = ["summary", "actions"])]
    pub attendees: Option<String>,
    /// Time allowed per node (`5m`, `90s`): the header shows the time spent
    /// on the node and in all, and each record keeps the minutes.
    #[arg(long, value_name = "TIME", value_parser = parse_timebox, conflicts_with_all = ["summary", "actions"])]
    pub timebox: Option<u64>,
}

/// How `--close` ends an action item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutcomeArg {
    /// It was done.
    Done,
    /// It was given up.
    Dropped,
}

/// `5m`, `90s`, `1h`, or a number of minutes, as seconds.
fn parse_timebox(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = digits.parse().map_err(|_| {
        "write the time per node as minutes or seconds, such as `5m` or `90s`".to_owned()
    })?;
    let seconds = match unit.trim() {
        "" | "m" | "min" => n * 60,
        "s" => n,
        "h" => n * 3600,
        _ => return Err("write the time per node as `5m`, `90s` or `1h`".to_owned()),
    };
    if seconds == 0 {
        return Err("a timebox of no time: write at least `1m` or `30s`".to_owned());
    }
    Ok(seconds)
}

/// How `--summary` is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Markdown for meeting notes.
    Md,
    /// JSON for tools.
    Json,
}

fn parse_level(text: &str) -> Result<Level, String> {
    Level::from_name(text)
        .or_else(|| Level::from_table(text))
        .ok_or_else(|| "a level is one of: vision, intent, initiative, option".to_owned())
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        format!("a status is one of: {}", names.join(", "))
    })
}

/// Examples and the keys under `strata review --help`.
pub const HELP: &str = "Examples:\n  strata review --level intent            the executive team walks the intents\n  \
                        strata review --under win-mid-market-brokers --level initiative\n  \
                        strata review --since v2026-q3          only what changed since that tag\n  \
                        strata review --summary > notes.md      what the reviews decided\n  \
                        strata review --with \"CPO, VP Sales\" --timebox 5m\n  \
                        strata review --actions --owner Lee     Lee's open action items\n  \
                        strata review --actions --close \"Send the memo\" [--outcome dropped]\n\n\
                        Keys (the defaults; change them under [review-keys] in the config):\n  \
                        a approve   x request changes   d discuss (asks the question)   c comment\n  \
                        A action item (what, owner, due)   X close an action item   s skip\n  \
                        n / p next and previous node   tab next undecided   o old text (--since)\n  \
                        r roll-up   u undo   w write the notes (end screen)   ? every key\n  \
                        q quit and print the summary\n\n\
                        Each decision is saved at once. Running the same review again continues it\n\
                        (from where it stopped, skipping what is decided); --restart starts over.\n\
                        The reviewer is `[review] reviewer` in the config file, else `git config user.name`.";

/// Runs `strata review`.
pub fn run(args: &ReviewArgs, color: ColorChoice, style: Style) -> Exit {
    let Some(config) = terminal::load_config() else {
        return Exit::Error;
    };
    let path = args.file.path();
    // `--summary` only reads: no copy of the file's model kept for saving.
    let opened = if args.summary {
        open::open_to_read(&path, style)
    } else {
        open::open(&path, style)
    };
    let Some((file, strategy)) = opened else {
        return Exit::Error;
    };
    let Some(lint_config) = open::lint_config(&file, style) else {
        return Exit::Error;
    };
    let today = clock::today();
    let as_of = strategy.as_of.unwrap_or(today);
    let diagnostics = lint::lint_strategy(&strategy, &lint_config, as_of);
    let Some(filter) = filter(args, &strategy) else {
        return Exit::Error;
    };
    let since = match &args.since {
        Some(revision) => match changes_since(&path, revision, &strategy) {
            Ok(changes) => Some(Since {
                revision: revision.clone(),
                changes,
            }),
            Err(message) => {
                eprint!("{message}");
                return Exit::Error;
            }
        },
        None => None,
    };
    if args.actions {
        return actions::run(args, file, strategy, &config, today, style);
    }
    if args.summary {
        let queue = queue(&strategy, &filter, since.as_ref().map(|s| &s.changes));
        let progress =
            Progress::compute(&strategy, Measure::file(as_of, today), lint_config.progress);
        let summary = summarize(
            &strategy,
            &queue,
            &diagnostics,
            &progress,
            Scope::default(),
            today,
        );
        let text = match args.format {
            SummaryFormat::Md => summary.to_markdown(),
            SummaryFormat::Json => summary.to_json(),
        };
        return output::then(output::print_str(&text), Exit::Ok);
    }
    if !std::io::stdout().is_terminal() {
        eprintln!("error: `strata review` runs in a terminal, and stdout is not one");
        eprintln!("  = help: `strata review --summary` prints what the reviews decided");
        return Exit::Error;
    }
    let Some(reviewer) = terminal::reviewer(&config, &path) else {
        eprintln!("error: {NO_REVIEWER}");
        if let Some((path, _)) = config::config_path() {
            eprintln!(
                "  = note: the config file is {}",
                sanitize::line(&path.display().to_string())
            );
        }
        return Exit::Error;
    };
    meeting(
        Meeting {
            args,
            config,
            file,
            strategy,
            filter,
            since,
            reviewer,
            today,
        },
        color,
    )
}

/// Everything a review in the terminal starts from.
struct Meeting<'a> {
    args: &'a ReviewArgs,
    config: Config,
    file: Workspace,
    strategy: Strategy,
    filter: QueueFilter,
    since: Option<Since>,
    reviewer: String,
    today: Date,
}

fn meeting(meeting: Meeting<'_>, color: ColorChoice) -> Exit {
    let Meeting {
        args,
        config,
        file,
        strategy,
        filter,
        since,
        reviewer,
        today,
    } = meeting;
    let description = describe(args);
    let state = store::strata_state_dir()
        .map(|dir| ReviewState::in_dir(&dir, file.path(), &format!("{description}\n{reviewer}")));
    if args.restart
        && let Some(state) = &state
    {
        state.discard();
    }
    let bookmark = state.as_ref().and_then(ReviewState::read);
    let after_decision = config.after_decision;
    let started = bookmark.as_ref().map_or(today, |b| b.started);
    let mut browser = Browser::new(
        &file,
        strategy,
        config,
        color,
        Some(reviewer.clone()),
        today,
    );
    let mut review = ReviewMode::new(
        &browser.app.strategy,
        &filter,
        since,
        &reviewer,
        today,
        today,
    );
    review.description = description;
    review.after = after_decision;
    review.clock.timebox = args.timebox;
    if let Some(names) = &args.attendees {
        review.attendees = names
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
    }
    let queue = review.queue.clone();
    browser.app.resume_review(review, bookmark.as_ref());
    let Some(app) = browser.run(file) else {
        return Exit::Error;
    };
    if let (Some(state), Some(bookmark)) = (&state, app.review_bookmark())
        && let Err(error) = state.write(&bookmark)
    {
        eprintln!(
            "warning: could not remember where the review stopped: {}",
            sanitize::line(&error.to_string())
        );
    }
    terminal::print_review_summary(&app, &queue, &reviewer, started);
    Exit::Ok
}

fn filter(args: &ReviewArgs, strategy: &Strategy) -> Option<QueueFilter> {
    let under = match &args.under {
        Some(id) => match strategy.find_key(id) {
            Ok(node) => Some(node),
            Err(error) => {
                eprint!("{}", describe_find_error(id, &error));
                return None;
            }
        },
        None => None,
    };
    Some(QueueFilter {
        level: args.level,
        status: args.status,
        owner: args.owner.clone(),
        under,
    })
}

/// What the review covers, in words: the title line, and the key its
/// bookmark is kept under.
fn describe(args: &ReviewArgs) -> String {
    let mut parts = Vec::new();
    if let Some(level) = args.level {
        parts.push(format!("{}s", level.name()));
    }
    if let Some(status) = args.status {
        parts.push(format!("status {status}"));
    }
    if let Some(owner) = &args.owner {
        parts.push(format!("owner ~ {owner}"));
    }
    if let Some(under) = &args.under {
        parts.push(format!("under {under}"));
    }
    if let Some(since) = &args.since {
        parts.push(format!("since {since}"));
    }
    parts.join(", ")
}

/// The nodes changed since `revision`, or the whole message saying why not.
/// FILE may be a directory: its files at `revision` are read together.
fn changes_since(path: &Path, revision: &str, strategy: &Strategy) -> Result<Changes, String> {
    let git_error = |e: store::GitError| format!("error: {e}\n");
    let old = if path.is_dir() {
        let files = store::directory_at_revision(path, revision).map_err(git_error)?;
        let files = files
            .into_iter()
            .map(|(name, text)| (path.join(name), text))
            .collect();
        Workspace::from_texts(path, files)
            .map(|(_, strategy)| strategy)
            .map_err(|_| does_not_load(path, revision, None))?
    } else {
        let text = store::file_at_revision(path, revision).map_err(git_error)?;
        store::parse(&text)
            .map(|loaded| loaded.strategy)
            .map_err(|problems| does_not_load(path, revision, Some(problems.len())))?
    };
    Ok(changes(&old, strategy))
}

/// FILE at `revision` does not read as a strategy (`problems` of them, when counted).
fn does_not_load(path: &Path, revision: &str, problems: Option<usize>) -> String {
    let counted = match problems {
        Some(n) => format!(" ({n} problem{})", if n == 1 { "" } else { "s" }),
        None => String::new(),
    };
    format!(
        "error: {} as it was at `{}` does not load{counted}, so there is nothing to compare with\n  = help: pick another revision with --since\n",
        open::display(path),
        sanitize::line(revision),
    )
}
