//! One metric as one readable line: `Win rate: 16% -> 33% by 2028-12`.
//!
//! Grammar: `name [":" [baseline] ["->" [target]] ["by" by]]`. A part that is
//! left out is absent (`None`); `""` is present but empty. A value that holds
//! the separator that would end it is written quoted, so any metric reads
//! back as it was.

use super::scalar;
use crate::model::Metric;

/// The help every metric error ends with.
const SHAPE: &str = "write a metric as `- name: baseline -> target by 2027-12` (any part may be left out); \
put a value in \"double quotes\" if it contains `:` (in the name), `->` or the word `by`";

/// The line for `metric`, after the `- ` bullet.
pub(super) fn write(metric: &Metric) -> String {
    let name = quoted_if(
        &metric.name,
        metric.name.contains(':') || metric.name.contains("->"),
    );
    let mut out = name;
    if metric.baseline.is_none() && metric.target.is_none() && metric.by.is_none() {
        return out;
    }
    out.push(':');
    let cuts = |v: &str| v.contains("->") || find_by(v).is_some();
    if let Some(baseline) = &metric.baseline {
        out.push(' ');
        out.push_str(&quoted_if(baseline, cuts(baseline)));
    }
    if let Some(target) = &metric.target {
        out.push_str(" -> ");
        out.push_str(&quoted_if(target, cuts(target)));
    }
    if let Some(by) = &metric.by {
        out.push_str(" by ");
        out.push_str(&quoted_if(by, false));
    }
    out
}

fn quoted_if(value: &str, cuts: bool) -> String {
    if cuts || value.is_empty() || scalar::needs_quotes(value) {
        scalar::quote(value)
    } else {
        value.to_owned()
    }
}

/// What ends a value that is written as is.
#[derive(Clone, Copy, PartialEq)]
enum Stop {
    Colon,
    Arrow,
    By,
}

/// Reads the text after a metric's `- ` bullet; on error, `(message, help)`.
pub(super) fn read(text: &str) -> Result<Metric, (String, String)> {
    let fail = |message: String| (message, SHAPE.to_owned());
    let (name, rest) = value(text, &[Stop::Colon]).map_err(fail)?;
    let name = name.unwrap_or_default();
    let mut metric = Metric {
        name,
        ..Metric::default()
    };
    let Some(rest) = rest.strip_prefix(':') else {
        // An arrow in a name written as is means the colon was forgotten.
        if metric.name.contains("->") && !text.trim_start().starts_with('"') {
            return Err(fail(format!(
                "the metric `{}` has no `:` after its name",
                metric.name
            )));
        }
        return Ok(metric);
    };
    let (baseline, mut rest) = value(rest, &[Stop::Arrow, Stop::By]).map_err(fail)?;
    metric.baseline = baseline;
    if let Some(after) = rest.strip_prefix("->") {
        let (target, after) = value(after, &[Stop::By]).map_err(fail)?;
        metric.target = target;
        rest = after;
    }
    if find_by(rest) == Some(0) {
        let (by, after) = value(&rest[2..], &[]).map_err(fail)?;
        let Some(by) = by else {
            return Err(fail(
                "`by` needs a date after it, like `by 2027-12`".to_owned(),
            ));
        };
        metric.by = Some(by);
        rest = after;
    }
    if rest.is_empty() {
        Ok(metric)
    } else {
        Err(fail(format!("unexpected `{rest}` in a metric")))
    }
}

/// Reads one value from the start of `text` (quoted, or as is up to the first
/// of `stops`); returns it (`None` when nothing is written) and the rest,
/// which starts with a stop or is empty.
fn value<'t>(text: &'t str, stops: &[Stop]) -> Result<(Option<String>, &'t str), String> {
    let text = text.trim_start();
    if text.starts_with('"') {
        let (value, rest) = scalar::unquote(text)?;
        let rest = rest.trim_start();
        if !rest.is_empty() && stop_at(rest, stops) != Some(0) {
            return Err(format!(
                "unexpected `{}` after a quoted value",
                rest.trim_end()
            ));
        }
        return Ok((Some(value), rest));
    }
    let end = stop_at(text, stops).unwrap_or(text.len());
    let raw = text[..end].trim();
    Ok(((!raw.is_empty()).then(|| raw.to_owned()), &text[end..]))
}

/// Where the first of `stops` starts in `text`.
fn stop_at(text: &str, stops: &[Stop]) -> Option<usize> {
    stops
        .iter()
        .filter_map(|stop| match stop {
            Stop::Colon => text.find(':'),
            Stop::Arrow => text.find("->"),
            Stop::By => find_by(text),
        })
        .min()
}

/// Where the word `by` (any case, standing alone) first occurs in `text`.
fn find_by(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    (0..bytes.len().saturating_sub(1)).find(|&i| {
        bytes[i..i + 2].eq_ignore_ascii_case(b"by")
            && spaced(text[..i].chars().next_back())
            && spaced(text[i + 2..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(
        name: &str,
        baseline: Option<&str>,
        target: Option<&str>,
        by: Option<&str>,
    ) -> Metric {
        Metric {
            name: name.into(),
            baseline: baseline.map(Into::into),
            target: target.map(Into::into),
            by: by.map(Into::into),
            start: None,
        }
    }

    #[test]
    fn reads_the_usual_shapes() {
        let full = metric(
            "Mid-market win rate",
            Some("16%"),
            Some("33%"),
            Some("2028-12"),
        );
        assert_eq!(
            read("Mid-market win rate: 16% -> 33% by 2028-12"),
            Ok(full.clone())
        );
        assert_eq!(read("Mid-market win rate:16%->33% BY 2028-12"), Ok(full));
        assert_eq!(read("NPS"), Ok(metric("NPS", None, None, None)));
        assert_eq!(read("NPS:"), Ok(metric("NPS", None, None, None)));
        assert_eq!(
            read("NPS: -> 50"),
            Ok(metric("NPS", None, Some("50"), None))
        );
        assert_eq!(
            read("NPS: by 2027"),
            Ok(metric("NPS", None, None, Some("2027")))
        );
        assert_eq!(
            read("NPS: 30 -> by 2027"),
            Ok(metric("NPS", Some("30"), None, Some("2027")))
        );
        assert_eq!(
            read("Restock done: 05:00 -> 04:00 by 2027-06"),
            Ok(metric(
                "Restock done",
                Some("05:00"),
                Some("04:00"),
                Some("2027-06")
            ))
        );
        assert_eq!(
            read("Standby time: 4 -> 2"),
            Ok(metric("Standby time", Some("4"), Some("2"), None))
        );
    }

    #[test]
    fn writes_what_it_reads() {
        let cases = [
            metric(
                "Mid-market win rate",
                Some("16%"),
                Some("33%"),
                Some("2028-12"),
            ),
            metric("a: b -> c", Some("x -> y"), Some("pay by card"), Some("by")),
            metric("", Some(""), Some(""), Some("")),
            metric("\"q\"", None, Some("| a | b |"), None),
            metric("NPS", None, None, Some("2027")),
            metric("two\nlines", Some(" padded "), None, None),
        ];
        for m in cases {
            let line = write(&m);
            assert!(!line.contains('\n'), "{line}");
            assert_eq!(read(&line), Ok(m), "{line}");
        }
        assert_eq!(
            write(&metric(
                "Win rate",
                Some("16%"),
                Some("33%"),
                Some("2028-12")
            )),
            "Win rate: 16% -> 33% by 2028-12"
        );
    }

    #[test]
    fn bad_lines_say_how_a_metric_is_written() {
        for bad in [
            "Revenue 4 -> 5",
            "NPS: 30 -> 50 by",
            "NPS: \"30\" 40",
            "NPS: \"open",
        ] {
            let (message, help) = read(bad).unwrap_err();
            assert!(!message.is_empty(), "{bad}");
            assert!(help.contains("name: baseline -> target by"), "{bad}");
        }
    }
}
