//! The chain for people: each level as a block (its title, owner, horizon
//! and status, tracker keys, the first sentence of its future, metrics, open
//! action items, then its lint state, scorecard and every finding), each
//! line wrapped at words to the width, nothing cut.

use std::fmt::Write;

use super::Chain;
use crate::cli::columns::{self, Paint};
use crate::cli::style::{Style, Tone};
use crate::lint::{Diagnostic, Grade, Scorecard, Severity, scorecard};
use crate::model::{Level, Node, first_sentence, open_actions};
use crate::sanitize;

/// Where a level's details start, and how much further their wrapped lines go.
const INDENT: &str = "    ";
const HANG: &str = "      ";
/// Findings sit one step further in, under the lint line.
const FINDING: &str = "      ";
const FINDING_HANG: &str = "        ";

/// The chain as text, from the node up to the vision.
pub fn render(chain: &Chain<'_>, style: Style, width: Option<usize>) -> String {
    let mut out = String::new();
    let strategy = chain.strategy;
    let heading = format!(
        "How {} ladders up to the vision",
        sanitize::line(&strategy.node(chain.start).key())
    );
    block(&mut out, "", "  ", &[(heading, Paint::Bold)], width, style);
    for (step, (id, findings)) in chain.steps.iter().enumerate() {
        if step > 0 {
            out.push_str("  ↑\n");
        }
        level(&mut out, strategy.node(*id), findings, width, style);
    }
    if !chain.reaches_vision {
        out.push_str("  ↑\n");
        block(
            &mut out,
            "  ",
            "   ",
            &[(
                "(the chain breaks here: the parent this node names does not exist)".into(),
                Paint::Tone(Tone::Bad),
            )],
            width,
            style,
        );
    }
    out
}

fn level(out: &mut String, n: &Node, findings: &[&Diagnostic], width: Option<usize>, style: Style) {
    let doc = &n.doc;
    let title = if doc.title.is_empty() {
        "(untitled)".into()
    } else {
        sanitize::line(&doc.title).into_owned()
    };
    let mut head = vec![(n.level.title().to_owned(), Paint::Dim)];
    if n.level != Level::Vision {
        head.push((" ".into(), Paint::Plain));
        head.push((sanitize::line(&n.id).into_owned(), Paint::Bold));
    }
    head.push((format!("  {title}"), Paint::Plain));
    block(out, "", "  ", &head, width, style);

    let owner = if doc.owner.is_empty() {
        "no owner".into()
    } else {
        sanitize::line(&doc.owner)
    };
    let horizon = doc
        .horizon
        .map_or_else(|| "no horizon".to_owned(), |h| h.to_string());
    text(
        out,
        &format!("{owner} · {horizon} · {}", doc.status),
        width,
        style,
    );
    if !n.tracker.is_empty() {
        let keys: Vec<String> = n
            .tracker
            .iter()
            .map(|k| sanitize::line(k).into_owned())
            .collect();
        text(out, &format!("tracker: {}", keys.join(", ")), width, style);
    }
    for link in &n.links {
        text(
            out,
            &format!("link: {}", sanitize::line(link)),
            width,
            style,
        );
    }
    let future = first_sentence(&doc.future);
    if !future.is_empty() {
        text(
            out,
            &format!("future: {}", sanitize::line(&future)),
            width,
            style,
        );
    }
    for metric in &doc.metrics {
        text(
            out,
            &format!("metric: {}", sanitize::line(&metric.summary())),
            width,
            style,
        );
    }
    for item in open_actions(&n.reviews) {
        let owner = if item.item.owner.is_empty() {
            String::new()
        } else {
            format!(" ({})", sanitize::line(&item.item.owner))
        };
        let due = item
            .item
            .due
            .map(|d| format!(", due {d}"))
            .unwrap_or_default();
        let what = sanitize::line(&item.item.what);
        text(
            out,
            &format!("open action item: {what}{owner}{due}"),
            width,
            style,
        );
    }
    lint_state(out, findings, width, style);
}

/// "lint: ✗ 1 error, 2 warnings · scorecard …", then each finding.
fn lint_state(out: &mut String, findings: &[&Diagnostic], width: Option<usize>, style: Style) {
    let count = |severity: Severity| findings.iter().filter(|d| d.severity == severity).count();
    let (errors, warnings, notes) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    );
    let (mark, tone) = if errors > 0 {
        ("✗", Tone::Bad)
    } else if warnings > 0 {
        ("!", Tone::Warn)
    } else {
        ("✓", Tone::Good)
    };
    let mut parts = Vec::new();
    for (n, word) in [(errors, "error"), (warnings, "warning"), (notes, "note")] {
        if n > 0 {
            parts.push(format!("{n} {word}{}", if n == 1 { "" } else { "s" }));
        }
    }
    let said = if parts.is_empty() {
        "no findings".to_owned()
    } else {
        parts.join(", ")
    };
    let card = scorecard(findings.iter().copied());
    let mut pieces = vec![
        ("lint: ".to_owned(), Paint::Plain),
        (format!("{mark} {said}"), Paint::Tone(tone)),
        (" · ".to_owned(), Paint::Dim),
    ];
    for (i, (criterion, grade)) in card.iter().enumerate() {
        if i > 0 {
            pieces.push((", ".into(), Paint::Dim));
        }
        pieces.push((
            format!("{} {}", criterion.as_str(), symbol(grade)),
            Paint::Tone(grade_tone(grade)),
        ));
    }
    debug_assert_eq!(card.iter().count(), Scorecard::CRITERIA.len());
    block(out, INDENT, HANG, &pieces, width, style);
    for d in findings {
        let (word, tone) = match d.severity {
            Severity::Error => ("error", Tone::Bad),
            Severity::Warning => ("warning", Tone::Warn),
            Severity::Note => ("note", Tone::Info),
        };
        let pieces = [
            (format!("{word}[{}]", d.rule), Paint::Tone(tone)),
            (
                format!(" {}: {}", d.field.label(), sanitize::line(&d.message)),
                Paint::Plain,
            ),
        ];
        block(out, FINDING, FINDING_HANG, &pieces, width, style);
    }
}

fn symbol(grade: Grade) -> &'static str {
    match grade {
        Grade::Pass => "✓",
        Grade::Warn => "!",
        Grade::Fail => "✗",
    }
}

fn grade_tone(grade: Grade) -> Tone {
    match grade {
        Grade::Pass => Tone::Good,
        Grade::Warn => Tone::Warn,
        Grade::Fail => Tone::Bad,
    }
}

/// One detail line of a level, plain, wrapped under [`INDENT`].
fn text(out: &mut String, line: &str, width: Option<usize>, style: Style) {
    block(
        out,
        INDENT,
        HANG,
        &[(line.to_owned(), Paint::Plain)],
        width,
        style,
    );
}

/// `pieces` wrapped to `width`: the first line after `indent`, the others
/// after `hang`.
fn block(
    out: &mut String,
    indent: &str,
    hang: &str,
    pieces: &[(String, Paint)],
    width: Option<usize>,
    style: Style,
) {
    let room = |lead: &str| width.map(|w| w.saturating_sub(lead.len()).max(columns::MIN_WIDTH / 2));
    for (i, line) in columns::lines(pieces, room(indent), room(hang), style)
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { indent } else { hang };
        let _ = writeln!(out, "{lead}{line}");
    }
}
