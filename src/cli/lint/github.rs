//! Findings as GitHub Actions workflow commands, so they show on the diff.

use std::io::{self, Write};

use super::Places;
use crate::lint::{Diagnostic, Severity};
use crate::sanitize;

/// One `::warning file=…,line=…::message` line per finding, naming the file
/// its node is in, each written as soon as it is placed. The help is on a
/// line of its own in the annotation (an escaped newline), never run into
/// the message.
pub fn write(
    out: &mut impl Write,
    places: &Places<'_>,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    for d in diagnostics {
        let l = places.locate(d);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let title = format!("{} ({})", d.rule, d.criterion.as_str());
        writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(l.path),
            l.start.line,
            l.start.column,
            l.end.line,
            l.end.column,
            property(&title),
            data(&format!("{}: {}\nhelp: {}", l.node, d.message, d.help)),
        )?;
    }
    Ok(())
}

/// Escapes a message as the runner expects; other control characters are
/// made visible so nothing from the file reaches a terminal raw.
fn data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    sanitize::line(&escaped).into_owned()
}

fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_would_misread() {
        assert_eq!(data("50% of loads\nnext"), "50%25 of loads%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(data("\u{1b}[2J"), "␛[2J");
    }
}
