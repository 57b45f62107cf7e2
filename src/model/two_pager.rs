//! The document every node carries, whatever its level.

use super::{Date, Horizon, Status};

/// The short document at every level of the cascade.
///
/// Text fields hold what the file says; an absent key and an empty string are
/// the same thing to a reader, so both are an empty `String` here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TwoPager {
    /// A one-line name for the node.
    pub title: String,
    /// The person accountable for it.
    pub owner: String,
    /// Where it stands in review.
    pub status: Status,
    /// When it should be true; `None` when absent.
    pub horizon: Option<Horizon>,
    /// Where we are now: the diagnosis.
    pub today: String,
    /// The picture of success.
    pub future: String,
    /// What we choose not to do.
    pub will_not: Vec<String>,
    /// How we will know.
    pub metrics: Vec<Metric>,
    /// The rest of the two-pager: assumptions, risks, context.
    pub notes: String,
}

/// A measure of success, from where it is to where it should be, by when.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Metric {
    /// What is measured.
    pub name: String,
    /// Its value today, as written ("1800", "4.2M", "55%").
    pub baseline: Option<String>,
    /// The value that means success.
    pub target: Option<String>,
    /// When the target should be reached ("2032-12").
    pub by: Option<String>,
    /// When the work to move it began (`start`), for the pace it should
    /// keep; `None` counts from its first check-in.
    pub start: Option<Date>,
}

impl Metric {
    /// Months from `as_of` to the metric's `by`, when it reads as a date.
    pub fn months_to_by(&self, as_of: Date) -> Option<i32> {
        self.by
            .as_deref()
            .and_then(Horizon::parse)
            .map(|by| by.months_from(as_of))
    }

    /// One line a reader scans: `name: baseline → target by date`, with `?`
    /// for a missing value. Raw file text: callers sanitize for their output.
    pub fn summary(&self) -> String {
        let value = |v: &Option<String>| v.clone().unwrap_or_else(|| "?".to_owned());
        let by = self
            .by
            .as_deref()
            .map(|b| format!(" by {b}"))
            .unwrap_or_default();
        format!(
            "{}: {} → {}{by}",
            self.name,
            value(&self.baseline),
            value(&self.target)
        )
    }
}

/// Which part of a metric a position points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MetricPart {
    /// The whole `{ name = …, … }` entry.
    Entry,
    /// `name`.
    Name,
    /// `baseline`.
    Baseline,
    /// `target`.
    Target,
    /// `by`.
    By,
    /// `start`.
    Start,
}

/// A place in a two-pager: what diagnostics, the editor and the source map point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `title`.
    Title,
    /// `owner`.
    Owner,
    /// `status`.
    Status,
    /// `horizon`.
    Horizon,
    /// `today`.
    Today,
    /// `future`.
    Future,
    /// The whole `will_not` list (for "missing" findings).
    WillNotList,
    /// One `will_not` item.
    WillNot(usize),
    /// The whole `metrics` list.
    Metrics,
    /// One metric, or one part of it.
    Metric(usize, MetricPart),
    /// The whole `checkins` list.
    Checkins,
    /// One check-in.
    Checkin(usize),
    /// `notes`.
    Notes,
    /// The key naming the parent (`intent` or `initiative`).
    Parent,
    /// The node's table header (`[intents.<id>]`): findings about the node as a whole.
    Node,
}

impl Field {
    /// The TOML key this field is stored under.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Owner => "owner",
            Field::Status => "status",
            Field::Horizon => "horizon",
            Field::Today => "today",
            Field::Future => "future",
            Field::WillNotList | Field::WillNot(_) => "will_not",
            Field::Metrics | Field::Metric(..) => "metrics",
            Field::Checkins | Field::Checkin(_) => "checkins",
            Field::Notes => "notes",
            Field::Parent => "parent",
            Field::Node => "node",
        }
    }

    /// The name used in diagnostics and JSON (`"will_not[2]"`, `"metrics[0].target"`).
    pub fn label(self) -> String {
        match self {
            Field::WillNot(i) => format!("will_not[{i}]"),
            Field::Checkin(i) => format!("checkins[{i}]"),
            Field::Metric(i, MetricPart::Entry) => format!("metrics[{i}]"),
            Field::Metric(i, part) => format!("metrics[{i}].{}", part.key()),
            other => other.key().to_owned(),
        }
    }
}

impl MetricPart {
    /// The key inside a metric's inline table.
    pub fn key(self) -> &'static str {
        match self {
            MetricPart::Entry => "",
            MetricPart::Name => "name",
            MetricPart::Baseline => "baseline",
            MetricPart::Target => "target",
            MetricPart::By => "by",
            MetricPart::Start => "start",
        }
    }
}

impl TwoPager {
    /// The prose fields in reading order, with their text: what lint rules scan.
    pub fn prose(&self) -> [(Field, &str); 5] {
        [
            (Field::Title, self.title.as_str()),
            (Field::Today, self.today.as_str()),
            (Field::Future, self.future.as_str()),
            (Field::Notes, self.notes.as_str()),
            (Field::Owner, self.owner.as_str()),
        ]
    }

    /// The text stored at `field`, for fields that hold text.
    pub fn text(&self, field: Field) -> Option<&str> {
        match field {
            Field::Title => Some(&self.title),
            Field::Owner => Some(&self.owner),
            Field::Today => Some(&self.today),
            Field::Future => Some(&self.future),
            Field::Notes => Some(&self.notes),
            Field::WillNot(i) => self.will_not.get(i).map(String::as_str),
            Field::Metric(i, part) => {
                let metric = self.metrics.get(i)?;
                match part {
                    MetricPart::Name => Some(&metric.name),
                    MetricPart::Baseline => metric.baseline.as_deref(),
                    MetricPart::Target => metric.target.as_deref(),
                    MetricPart::By => metric.by.as_deref(),
                    MetricPart::Entry | MetricPart::Start => None,
                }
            }
            _ => None,
        }
    }

    /// The two-pager's length in words, to keep it to two pages.
    pub fn word_count(&self) -> usize {
        let prose: usize = self
            .prose()
            .iter()
            .map(|(_, text)| text.split_whitespace().count())
            .sum();
        let lists: usize = self
            .will_not
            .iter()
            .map(|item| item.split_whitespace().count())
            .sum();
        prose + lists
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_list_items() {
        assert_eq!(Field::WillNot(2).label(), "will_not[2]");
        assert_eq!(
            Field::Metric(0, MetricPart::Target).label(),
            "metrics[0].target"
        );
        assert_eq!(Field::Metric(1, MetricPart::Entry).label(), "metrics[1]");
        assert_eq!(Field::Future.label(), "future");
    }

    #[test]
    fn metric_summaries_read_as_one_line() {
        let metric = Metric {
            name: "Loads".into(),
            baseline: Some("1.8M".into()),
            target: None,
            by: Some("2032-12".into()),
            start: None,
        };
        assert_eq!(metric.summary(), "Loads: 1.8M → ? by 2032-12");
    }

    #[test]
    fn text_reaches_list_items_and_metric_parts() {
        let doc = TwoPager {
            will_not: vec!["build trucks".into()],
            metrics: vec![Metric {
                name: "loads".into(),
                target: Some("40000".into()),
                ..Metric::default()
            }],
            ..TwoPager::default()
        };
        assert_eq!(doc.text(Field::WillNot(0)), Some("build trucks"));
        assert_eq!(doc.text(Field::WillNot(1)), None);
        assert_eq!(
            doc.text(Field::Metric(0, MetricPart::Target)),
            Some("40000")
        );
        assert_eq!(doc.text(Field::Metric(0, MetricPart::Baseline)), None);
    }
}

/// The first sentence of `text`, whitespace folded: what a roll-up shows of a future.
///
/// A sentence ends at `.`, `!` or `?` followed by a space and a capital or digit,
/// or at a blank line, so "$4.2M" and "e.g. brokers" do not cut it short.
pub fn first_sentence(text: &str) -> String {
    let paragraph = text.trim_start().split("\n\n").next().unwrap_or("");
    let folded: Vec<&str> = paragraph.split_whitespace().collect();
    let mut out = String::new();
    for (i, word) in folded.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
        let ends = word.ends_with(['.', '!', '?']);
        let next_starts = folded
            .get(i + 1)
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let core = word.trim_end_matches(['.', '!', '?']);
        let abbreviation = core.contains('.')
            || (core.chars().count() == 1 && core.chars().all(char::is_alphabetic));
        if ends && next_starts && !abbreviation {
            break;
        }
    }
    out
}

#[cfg(test)]
mod sentence_tests {
    use super::first_sentence;

    #[test]
    fn stops_at_the_first_sentence_end() {
        assert_eq!(first_sentence("  One  two.\nThree four. Five"), "One two.");
        assert_eq!(
            first_sentence("Reach $4.2M in ARR, e.g. from brokers. Then more."),
            "Reach $4.2M in ARR, e.g. from brokers."
        );
        assert_eq!(
            first_sentence("Para one\nstill one\n\nPara two."),
            "Para one still one"
        );
        assert_eq!(
            first_sentence("Restock between 22:00 and 05:00. A manager sees it."),
            "Restock between 22:00 and 05:00."
        );
        assert_eq!(
            first_sentence("Sell in the U.S. Then Canada."),
            "Sell in the U.S. Then Canada."
        );
        assert_eq!(first_sentence(""), "");
    }
}
