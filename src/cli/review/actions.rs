//! `strata review --actions [--owner NAME] [--format md|json]`: the open
//! action items across the strategy, overdue ones first; and `--close
//! TEXT [--outcome done|dropped]`, which records that one ended, as a
//! review record appended to its node, saved like every save (patch,
//! atomic write, refusing a file changed on disk).

use super::{OutcomeArg, ReviewArgs, SummaryFormat};
use crate::app::review::NO_REVIEWER;
use crate::cli::exit::Exit;
use crate::cli::open;
use crate::cli::style::Style;
use crate::cli::terminal;
use crate::config::Config;
use crate::model::{
    Closing, Date, Decision, NodeId, Outcome, Review, Strategy, open_actions, record_review,
};
use crate::review::open_action_list;
use crate::sanitize;
use crate::store::{SaveError, Workspace};
use crate::suggest::did_you_mean;

/// Runs `--actions`, or `--close` with it.
pub(super) fn run(
    args: &ReviewArgs,
    file: Workspace,
    strategy: Strategy,
    config: &Config,
    today: Date,
    _style: Style,
) -> Exit {
    if let Some(text) = &args.close {
        return close(args, file, strategy, config, today, text);
    }
    let list = open_action_list(&strategy, today, args.owner.as_deref());
    let text = match args.format {
        SummaryFormat::Md => list.to_markdown(),
        SummaryFormat::Json => list.to_json(),
    };
    crate::cli::output::then(crate::cli::output::print_str(&text), Exit::Ok)
}

fn close(
    args: &ReviewArgs,
    mut file: Workspace,
    mut strategy: Strategy,
    config: &Config,
    today: Date,
    text: &str,
) -> Exit {
    let path = args.file.path();
    let Some(reviewer) = terminal::reviewer(config, &path) else {
        eprintln!("error: {NO_REVIEWER}");
        return Exit::Error;
    };
    // Every open item: (node, its text).
    let open: Vec<(NodeId, String)> = strategy
        .iter()
        .flat_map(|(id, node)| {
            open_actions(&node.reviews)
                .into_iter()
                .map(move |s| (id, s.item.what.clone()))
        })
        .collect();
    let wanted = text.trim().to_lowercase();
    let exact: Vec<&(NodeId, String)> = open
        .iter()
        .filter(|(_, what)| what.trim().to_lowercase() == wanted)
        .collect();
    let matches = if exact.is_empty() {
        open.iter()
            .filter(|(_, what)| what.to_lowercase().contains(&wanted))
            .collect()
    } else {
        exact
    };
    let (node, what) = match matches.as_slice() {
        [one] => (one.0, one.1.clone()),
        [] => {
            eprintln!(
                "error: no open action item reads `{}`",
                sanitize::line(text)
            );
            let hint = did_you_mean(text, open.iter().map(|(_, w)| w.as_str()));
            match hint {
                Some(close) => eprintln!("  = help: did you mean `{}`?", sanitize::line(close)),
                None => eprintln!("  = help: `strata review --actions` lists the open ones"),
            }
            return Exit::Error;
        }
        several => {
            eprintln!(
                "error: {} open action items contain `{}`; write more of the one to close:",
                several.len(),
                sanitize::line(text)
            );
            for (id, what) in several {
                eprintln!(
                    "  - {} ({})",
                    sanitize::line(what),
                    sanitize::line(&strategy.node(*id).key())
                );
            }
            return Exit::Error;
        }
    };
    let outcome = match args.outcome {
        OutcomeArg::Done => Outcome::Done,
        OutcomeArg::Dropped => Outcome::Dropped,
    };
    let mut record = Review::new(&reviewer, today, Decision::Comment);
    record.closes = Some(Closing {
        what: what.clone(),
        outcome,
    });
    let applied = record_review(&strategy, node, record).map(|edit| strategy.apply(edit));
    if !matches!(applied, Some(Ok(_))) {
        eprintln!("error: that node is no longer in the strategy; nothing was written");
        return Exit::Error;
    }
    match file.save(&strategy) {
        Ok(()) => {}
        Err(SaveError::ChangedOnDisk) => {
            eprintln!(
                "error: {} changed on disk while strata was reading it; nothing was written\n  = help: run the command again",
                open::display(&path)
            );
            return Exit::Error;
        }
        Err(error) => {
            eprintln!(
                "error: {}; {} was not changed",
                sanitize::line(&error.to_string()),
                open::display(&path)
            );
            return Exit::Error;
        }
    }
    let done = format!(
        "closed ({}): {} · {}\n",
        outcome.as_str(),
        sanitize::line(&what),
        sanitize::line(&strategy.node(node).key())
    );
    // The file is saved; a closed pipe only loses this line.
    crate::cli::output::then(crate::cli::output::print_str(&done), Exit::Ok)
}
