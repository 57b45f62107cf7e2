//! A first argument that is a typo: of a subcommand (`strata tre`: "unknown
//! command `tre`: did you mean `tree`?") or of a file beside the one meant
//! (`strata lint strategy.tml`: "did you mean strategy.toml?").

use std::ffi::OsStr;
use std::path::Path;

use clap::CommandFactory;

use super::Cli;
use crate::sanitize;
use crate::suggest::did_you_mean;

/// How alike (Jaro-Winkler) a file name must be to the one typed to be offered.
const CLOSE_FILE: f64 = 0.8;

/// The message for a first argument that is no file but is close to a
/// subcommand's name; `None` when it is a file (it opens), looks like a path
/// (a `/` or `.` in it), or is close to no command.
pub fn unknown_command(first: &OsStr) -> Option<String> {
    let typed = first.to_str()?;
    if typed.is_empty() || typed.contains(['/', '.', '\\']) || Path::new(typed).exists() {
        return None;
    }
    let command = Cli::command();
    let names: Vec<&str> = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .chain(["help"])
        .collect();
    if names.contains(&typed) {
        return None;
    }
    let close = did_you_mean(typed, names.iter().copied())?;
    Some(format!(
        "error: unknown command `{}`: did you mean `{close}`?\n  \
         = help: `strata --help` lists the commands; to open a file of that name, \
         write `./{}`\n",
        sanitize::line(typed),
        sanitize::line(typed)
    ))
}

/// Names in `path`'s directory close to its file name, closest first (at
/// most three): the files the user probably meant.
pub fn nearby_files(path: &Path) -> Vec<String> {
    let Some(name) = path.file_name().and_then(OsStr::to_str) else {
        return Vec::new();
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut close: Vec<(f64, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|candidate| !candidate.starts_with('.') && candidate != name)
        .map(|candidate| (strsim::jaro_winkler(name, &candidate), candidate))
        .filter(|(score, _)| *score >= CLOSE_FILE)
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    close
        .into_iter()
        .take(3)
        .map(|(_, candidate)| {
            let shown = dir.join(&candidate);
            let shown = shown.strip_prefix(".").unwrap_or(&shown);
            sanitize::line(&shown.display().to_string()).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_typo_is_named_and_a_path_is_not() {
        let said = unknown_command(OsStr::new("tre")).unwrap();
        assert!(
            said.contains("unknown command `tre`: did you mean `tree`?"),
            "{said}"
        );
        assert!(
            unknown_command(OsStr::new("lnit"))
                .unwrap()
                .contains("`lint`")
        );
        assert_eq!(unknown_command(OsStr::new("tre.toml")), None);
        assert_eq!(unknown_command(OsStr::new("budget")), None);
        assert_eq!(
            unknown_command(OsStr::new("export")),
            None,
            "a command is no typo"
        );
    }
}
