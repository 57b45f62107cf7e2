//! Findings as GitHub Actions workflow commands, so they show on the diff.

use std::fmt::Write;

use super::Located;
use crate::lint::Severity;
use crate::sanitize;

/// One `::warning file=…,line=…::message` line per finding, naming the file
/// its node is in.
pub fn render(located: &[Located<'_>]) -> String {
    let mut out = String::new();
    for l in located {
        let d = l.diagnostic;
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let title = format!("{} ({})", d.rule, d.criterion.as_str());
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&l.path),
            l.start.line,
            l.start.column,
            l.end.line,
            l.end.column,
            property(&title),
            data(&format!("{}: {} {}", l.node, d.message, d.help)),
        );
    }
    out
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
