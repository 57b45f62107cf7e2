//! `strata export`: lint the file, render it in one format, and print it or
//! write it to a file.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::clock;
use super::exit::Exit;
use super::open::{self, FileArg};
use super::output;
use super::style::Style;
use crate::export::{self, Audience, Format, Options};
use crate::lint;
use crate::model::progress::{Measure, Progress};
use crate::store;

/// `strata export [FILE] [--format FORMAT] [--for AUDIENCE] [-o OUT]`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The strategy file or directory.
    #[command(flatten)]
    pub file: FileArg,

    /// The format: md, html, json or mermaid (default: from OUT's extension
    /// .md, .html, .json, .mmd; md when there is no OUT or it has no extension).
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormat>,

    /// Write to OUT (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,

    /// Who reads it (html and md): `authors` get everything, with lint
    /// grouped per node; `company` gets the two-pagers, map, timeline and
    /// progress, without lint, review records or notes.
    #[arg(long = "for", value_enum, default_value_t = ForAudience::Authors, value_name = "AUDIENCE")]
    pub audience: ForAudience,

    /// Mermaid (and the md map): show the cascade down to level N only,
    /// 0 the vision, 1 the intents, 2 the initiatives, 3 the options.
    #[arg(long, value_name = "N")]
    pub depth: Option<usize>,

    /// md: start the document with a Mermaid map of the cascade, which
    /// GitHub draws.
    #[arg(long)]
    pub map: bool,
}

/// The `--for` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ForAudience {
    /// The writers and reviewers: everything, lint grouped per node.
    Authors,
    /// Everyone else: no lint, no review records, no notes; drafts marked.
    Company,
}

impl From<ForAudience> for Audience {
    fn from(audience: ForAudience) -> Audience {
        match audience {
            ForAudience::Authors => Audience::Authors,
            ForAudience::Company => Audience::Company,
        }
    }
}

/// The `--format` values, as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One Markdown document with a table of contents.
    Md,
    /// One self-contained HTML page, for screen and print.
    Html,
    /// The model and its findings, for other tools (shape in docs/format.md).
    Json,
    /// A Mermaid flowchart of the cascade, coloured by status.
    Mermaid,
}

impl From<ExportFormat> for Format {
    fn from(format: ExportFormat) -> Format {
        match format {
            ExportFormat::Md => Format::Markdown,
            ExportFormat::Html => Format::Html,
            ExportFormat::Json => Format::Json,
            ExportFormat::Mermaid => Format::Mermaid,
        }
    }
}

/// Examples under `strata export --help`.
pub const HELP: &str = "Examples:\n  strata export sample-strategy.toml -o strategy.html\n  \
                        strata export --for company -o strategy.html\n  \
                        strata export --format md --map > STRATEGY.md\n  \
                        strata export --format json | jq '.nodes[] | select(.scorecard.concrete == \"fail\") | .key'\n  \
                        strata export --format mermaid --depth 2 > cascade.mmd";

/// Exports the file in `args`.
pub fn run(args: &ExportArgs, style: Style) -> Exit {
    let path = args.file.path();
    let Some((file, strategy)) = open::open_to_read(&path, style) else {
        return Exit::Error;
    };
    if let Some(out) = &args.output
        && file.files().iter().any(|f| same_file(out, f.path()))
    {
        eprintln!(
            "error: {} is the strategy file itself; exporting over it would lose it",
            open::display(out)
        );
        eprintln!("  = help: choose another name, e.g. `-o strategy.md`");
        return Exit::Error;
    }
    let Some(config) = open::lint_config(&file, style) else {
        return Exit::Error;
    };
    let today = clock::today();
    let as_of = strategy.as_of.unwrap_or(today);
    let diagnostics = lint::lint_strategy(&strategy, &config, as_of);
    let progress = Progress::compute(&strategy, Measure::file(as_of, today), config.progress);
    let format = match choose_format(args.format, args.output.as_deref()) {
        Ok(format) => format,
        Err(extension) => {
            eprintln!(
                "error: strata cannot write `.{}` files",
                crate::sanitize::line(&extension)
            );
            eprintln!(
                "  = help: name the output .md, .html, .json or .mmd, or pass --format md|html|json|mermaid"
            );
            return Exit::Error;
        }
    };
    let options = Options {
        audience: args.audience.into(),
        depth: args.depth,
        mermaid_map: args.map,
    };
    let text = export::render_with(format, &strategy, &diagnostics, as_of, &progress, options);
    match &args.output {
        None => print_stdout(&text),
        Some(out) => write_file(out, &text, format, strategy.len()),
    }
}

/// `--format` if given, else what OUT's extension says, else Markdown. An
/// extension no format claims (`.pdf`) is an error, returned as that
/// extension: writing Markdown into `strategy.pdf` would surprise everyone.
fn choose_format(given: Option<ExportFormat>, output: Option<&Path>) -> Result<Format, String> {
    if let Some(format) = given {
        return Ok(format.into());
    }
    let Some(extension) = output.and_then(Path::extension) else {
        return Ok(Format::Markdown);
    };
    let extension = extension.to_string_lossy();
    Format::from_extension(&extension).ok_or_else(|| extension.into_owned())
}

fn print_stdout(text: &str) -> Exit {
    output::then(output::print_str(text), Exit::Ok)
}

fn write_file(out: &Path, text: &str, format: Format, nodes: usize) -> Exit {
    let shown = open::display(out);
    match store::write_atomic(out, text.as_bytes()) {
        Ok(_) => {
            eprintln!("Wrote {nodes} two-pagers as {format} to {shown}");
            Exit::Ok
        }
        Err(e) => {
            eprintln!("error: cannot write {shown}: {e}\n  = help: the file was not changed");
            Exit::Error
        }
    }
}

/// True when `a` and `b` name the same existing file (through links, `..`, etc.).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_flag_then_the_extension() {
        let html = Some(Path::new("out/strategy.HTML"));
        assert_eq!(choose_format(None, html), Ok(Format::Html));
        assert_eq!(
            choose_format(Some(ExportFormat::Json), html),
            Ok(Format::Json)
        );
        assert_eq!(
            choose_format(None, Some(Path::new("diagram.mmd"))),
            Ok(Format::Mermaid)
        );
        assert_eq!(
            choose_format(None, Some(Path::new("STRATEGY"))),
            Ok(Format::Markdown)
        );
        assert_eq!(choose_format(None, None), Ok(Format::Markdown));
    }

    #[test]
    fn an_extension_no_format_claims_is_refused_unless_the_format_is_given() {
        let pdf = Some(Path::new("strategy.pdf"));
        assert_eq!(choose_format(None, pdf), Err("pdf".to_owned()));
        assert_eq!(
            choose_format(Some(ExportFormat::Md), pdf),
            Ok(Format::Markdown)
        );
    }
}
