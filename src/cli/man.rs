//! `strata man`: one manual page, strata(1), built from the same clap
//! definition as `--help`. Every command is a section of it (its usage,
//! options and examples), so the page names no other page that does not
//! exist, and examples are set as written (`.nf`), never filled or
//! justified into one paragraph.

use std::fmt::Write as _;

use clap::{Arg, Command, CommandFactory};

use super::Cli;

/// The whole page, in roff.
pub fn page() -> Result<String, std::io::Error> {
    let mut command = Cli::command();
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut head = Vec::new();
    man.render_title(&mut head)?;
    man.render_name_section(&mut head)?;
    man.render_synopsis_section(&mut head)?;
    man.render_description_section(&mut head)?;
    man.render_options_section(&mut head)?;
    let mut out = String::from_utf8_lossy(&head).into_owned();
    out.push_str(".SH COMMANDS\n");
    for sub in command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        command_section(&mut out, sub);
    }
    if let Some(examples) = command.get_after_help() {
        out.push_str(".SH EXAMPLES\n");
        verbatim(&mut out, &examples.to_string());
    }
    let _ = writeln!(
        out,
        ".SH VERSION\nv{}\n.SH SEE ALSO\n\\fBstrata \\-\\-help\\fR and \\fBstrata\\fR \\fICOMMAND\\fR \
         \\fB\\-\\-help\\fR print the same text; the file format is described in docs/format.md.",
        env!("CARGO_PKG_VERSION")
    );
    Ok(out)
}

/// `.SS strata NAME`: what it does, its usage, its options, its examples.
fn command_section(out: &mut String, sub: &Command) {
    let _ = writeln!(out, ".SS \"strata {}\"", escape(sub.get_name()));
    if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
        let _ = writeln!(out, "{}", text(&about.to_string()));
    }
    let mut usage = sub.clone().bin_name(format!("strata {}", sub.get_name()));
    let usage = usage.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage: ");
    out.push_str(".PP\n");
    verbatim(out, usage);
    for arg in sub
        .get_arguments()
        .filter(|a| !a.is_hide_set() && !a.is_global_set())
    {
        option(out, arg);
    }
    if let Some(after) = sub.get_after_help() {
        out.push_str(".PP\n");
        verbatim(out, &after.to_string());
    }
}

/// One option or argument: `.TP`, its name and value, its help.
fn option(out: &mut String, arg: &Arg) {
    let value = arg
        .get_value_names()
        .map(|names| {
            names
                .iter()
                .map(|n| format!(" \\fI<{}>\\fR", escape(n)))
                .collect::<String>()
        })
        .unwrap_or_default();
    let name = match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!(
            "\\fB\\-{}\\fR, \\fB\\-\\-{}\\fR{value}",
            escape(&s.to_string()),
            escape(l)
        ),
        (None, Some(l)) => format!("\\fB\\-\\-{}\\fR{value}", escape(l)),
        (Some(s), None) => format!("\\fB\\-{}\\fR{value}", escape(&s.to_string())),
        (None, None) => {
            let names: Vec<String> = arg.get_value_names().map_or_else(
                || vec![arg.get_id().as_str().to_uppercase()],
                |names| names.iter().map(ToString::to_string).collect(),
            );
            format!("\\fI{}\\fR", escape(&names.join(" ")))
        }
    };
    let mut help = arg
        .get_long_help()
        .or_else(|| arg.get_help())
        .map(|h| h.to_string())
        .unwrap_or_default();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() {
        let _ = write!(help, " (one of: {})", values.join(", "));
    }
    let _ = writeln!(out, ".TP\n{name}\n{}", text(&help));
}

/// Lines set as written: no filling, no justification.
fn verbatim(out: &mut String, lines: &str) {
    out.push_str(".nf\n");
    for line in lines.lines() {
        let _ = writeln!(out, "{}", text(line));
    }
    out.push_str(".fi\n");
}

/// Text for a roff line: escaped, and a line starting with `.` or `'` (a
/// request to roff) starts with `\&` instead.
fn text(line: &str) -> String {
    let escaped: Vec<String> = line
        .lines()
        .map(|l| {
            let e = escape(l);
            if e.starts_with(['.', '\'']) {
                format!("\\&{e}")
            } else {
                e
            }
        })
        .collect();
    escaped.join("\n")
}

/// `\` and `-` as roff writes them (`\e`, `\-`, so a dash copies as one).
fn escape(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_that_looks_like_a_request_is_text() {
        assert_eq!(text(".toml files"), "\\&.toml files");
        assert_eq!(text("a-b \\ c"), "a\\-b \\e c");
    }
}
