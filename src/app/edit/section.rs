//! A section of a two-pager as the in-place editor shows it: which sections
//! there are, each one's text (a list is one item per line; a metric is
//! `name | baseline | target | by`), and that text read back into the
//! two-pager. The editor overlay (`overlays/section_editor.rs`) types into
//! it; this file knows nothing of keys.

use crate::model::{Edit, Horizon, Metric, NodeId, Status, Strategy, TwoPager};

/// The sections the editor can open, in the order the picker lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// The one-line title.
    Title,
    /// Where we are now.
    Today,
    /// The picture of success.
    Future,
    /// What we will not do: one item per line.
    WillNot,
    /// How we will know: one metric per line, `name | baseline | target | by`.
    Metrics,
    /// Assumptions, risks, context.
    Notes,
    /// Who answers for it: a name and a role.
    Owner,
    /// When it should be true: `YYYY` or `YYYY-MM`.
    Horizon,
    /// Where it stands in review: one of [`Status::ALL`].
    Status,
    /// The company's name (`[company] name`): the whole strategy's, not
    /// the node's.
    Company,
}

impl Section {
    /// True for the sections edited as a list, one item per line.
    pub fn is_list(self) -> bool {
        matches!(self, Section::WillNot | Section::Metrics)
    }

    /// Every section, as the picker lists them.
    pub const ALL: [Section; 10] = [
        Section::Title,
        Section::Today,
        Section::Future,
        Section::WillNot,
        Section::Metrics,
        Section::Notes,
        Section::Owner,
        Section::Horizon,
        Section::Status,
        Section::Company,
    ];

    /// True for the one-line sections, where enter finishes.
    pub fn is_one_line(self) -> bool {
        matches!(
            self,
            Section::Title | Section::Owner | Section::Horizon | Section::Status | Section::Company
        )
    }

    /// Why `text` cannot be this section's value yet, if it cannot: the
    /// editor stays open, with this said, until it can.
    pub fn problem(self, text: &str) -> Option<String> {
        let text = text.trim();
        match self {
            Section::Horizon if !text.is_empty() && Horizon::parse(text).is_none() => {
                Some(format!(
                    "`{}` is not a horizon: write a year (2028) or a year and month (2028-03), or leave it empty",
                    crate::sanitize::line(text)
                ))
            }
            Section::Status if Status::parse(text).is_none() => {
                let names = Status::ALL.map(Status::as_str);
                let guess = crate::suggest::did_you_mean(text, names)
                    .map(|name| format!("did you mean `{name}`? "))
                    .unwrap_or_default();
                let what = match text {
                    "" => "no status".to_owned(),
                    typed => format!("`{}` is not a status", crate::sanitize::line(typed)),
                };
                Some(format!(
                    "{what}: {guess}write one of {}, or go through them with up and down",
                    names.join(", ")
                ))
            }
            _ => None,
        }
    }

    /// The name the `e` menu and `?` give the section (`will-not`).
    pub fn short_name(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Today => "today",
            Section::Future => "future",
            Section::WillNot => "will-not",
            Section::Metrics => "metrics",
            Section::Notes => "notes",
            Section::Owner => "owner",
            Section::Horizon => "horizon",
            Section::Status => "status",
            Section::Company => "company name",
        }
    }

    /// The section's name as the document heads it.
    pub fn name(self) -> &'static str {
        match self {
            Section::Title => "Title",
            Section::Today => "Today",
            Section::Future => "Future",
            Section::WillNot => "Will not (one per line)",
            Section::Metrics => "Metrics (name | baseline | target | by, one per line)",
            Section::Notes => "Notes",
            Section::Owner => "Owner",
            Section::Horizon => "Horizon (YYYY or YYYY-MM)",
            Section::Status => "Status (up, down: the next one)",
            Section::Company => "Company name (the whole strategy's)",
        }
    }

    /// The section's text as the editor shows it, for `node` of `strategy`.
    pub fn read_from(self, strategy: &Strategy, node: NodeId) -> Option<String> {
        match self {
            Section::Company => Some(strategy.company.clone()),
            _ => strategy.get(node).map(|n| self.read(&n.doc)),
        }
    }

    /// The edit that puts `text` into the strategy: the two-pager `original`
    /// of `node` with this section replaced, or the company's new name.
    pub fn edit(self, node: NodeId, original: &TwoPager, text: &str) -> Edit {
        match self {
            Section::Company => Edit::SetCompany {
                company: text.replace('\n', " "),
            },
            _ => Edit::SetDoc {
                node,
                doc: Box::new(self.write(original, text)),
            },
        }
    }

    /// The section's text as the editor shows it (the company's name is not
    /// the two-pager's: it reads as empty here; see [`Self::read_from`]).
    pub fn read(self, doc: &TwoPager) -> String {
        match self {
            Section::Company => String::new(),
            Section::Status => doc.status.as_str().to_owned(),
            Section::Title => doc.title.clone(),
            Section::Today => doc.today.clone(),
            Section::Future => doc.future.clone(),
            Section::Notes => doc.notes.clone(),
            Section::Owner => doc.owner.clone(),
            Section::Horizon => doc.horizon.map(|h| h.to_string()).unwrap_or_default(),
            Section::WillNot => doc
                .will_not
                .iter()
                .map(|item| escape_item(item))
                .collect::<Vec<_>>()
                .join("\n"),
            Section::Metrics => doc
                .metrics
                .iter()
                .map(|m| {
                    let part = |p: &Option<String>| escape_item(p.as_deref().unwrap_or_default());
                    format!(
                        "{} | {} | {} | {}",
                        escape_item(&m.name),
                        part(&m.baseline),
                        part(&m.target),
                        part(&m.by)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// `doc` with this section replaced by `text` as edited.
    pub fn write(self, doc: &TwoPager, text: &str) -> TwoPager {
        let mut doc = doc.clone();
        let items = || {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
        };
        match self {
            Section::Title => doc.title = text.replace('\n', " "),
            Section::Owner => doc.owner = text.replace('\n', " "),
            // Until it reads as one, the horizon stays what it was.
            Section::Horizon => match text.trim() {
                "" => doc.horizon = None,
                typed => {
                    if let Some(horizon) = Horizon::parse(typed) {
                        doc.horizon = Some(horizon);
                    }
                }
            },
            // Until it names one, the status stays what it was.
            Section::Status => {
                if let Some(status) = Status::parse(text.trim()) {
                    doc.status = status;
                }
            }
            // Not the two-pager's: see [`Self::edit`].
            Section::Company => {}
            Section::Today => doc.today = text.to_owned(),
            Section::Future => doc.future = text.to_owned(),
            Section::Notes => doc.notes = text.to_owned(),
            Section::WillNot => doc.will_not = items().map(|line| unescape_item(&line)).collect(),
            Section::Metrics => {
                let metrics = items()
                    .map(|line| {
                        let mut fields = split_fields(&line);
                        // Nothing typed is dropped: fields past the fourth stay in `by`.
                        if fields.len() > 4 {
                            let rest: Vec<String> = fields
                                .split_off(3)
                                .into_iter()
                                .filter(|field| !field.is_empty())
                                .collect();
                            fields.push(rest.join(" | "));
                        }
                        let mut parts = fields.into_iter();
                        let mut next = || parts.next().filter(|p| !p.is_empty());
                        Metric {
                            name: next().unwrap_or_default(),
                            baseline: next(),
                            target: next(),
                            by: next(),
                            start: None,
                        }
                    })
                    .collect();
                // The pipe form has no place for `start`; it stays with its metric.
                let before = std::mem::replace(&mut doc.metrics, metrics);
                crate::model::keep_metric_dates(&before, &mut doc.metrics);
            }
        }
        doc
    }
}

/// Why `text` does not fit `section` as the user probably meant, to say on
/// leaving the editor: a metric line with more than four fields.
pub fn section_warning(section: Section, text: &str) -> Option<String> {
    if section != Section::Metrics {
        return None;
    }
    let (line, count) = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, split_fields(line).len()))
        .find(|&(_, count)| count > 4)?;
    Some(format!(
        "metric line {line} has {count} fields; the extra ones went into `by`. \
         A metric is name | baseline | target | by (write \\| for a | inside a field)"
    ))
}

/// One list item as one editor line. Backslashes, line breaks and `|` (the
/// metric field separator) are escaped, so any item survives a trip through
/// the editor, also the items the user did not touch.
fn escape_item(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '|' => out.push_str("\\|"),
            other => out.push(other),
        }
    }
    out
}

/// The inverse of [`escape_item`]; a lone backslash stays a backslash.
fn unescape_item(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other @ ('\\' | '|')) => out.push(other),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A metric line's fields: split at `|` that are not escaped, trimmed, unescaped.
fn split_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut current = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                current.push(c);
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '|' => fields.push(unescape_item(std::mem::take(&mut current).trim())),
            other => current.push(other),
        }
    }
    fields.push(unescape_item(current.trim()));
    fields
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_items_survive_the_editor_whatever_they_hold() {
        use crate::model::{Metric, TwoPager};
        let doc = TwoPager {
            will_not: vec![
                "two\nlines".into(),
                "a \\ backslash and a | bar".into(),
                "plain".into(),
            ],
            metrics: vec![Metric {
                name: "Loads | month".into(),
                baseline: Some("1\\2".into()),
                target: Some("40".into()),
                by: None,
                start: None,
            }],
            ..TwoPager::default()
        };
        for section in [Section::WillNot, Section::Metrics] {
            let text = section.read(&doc);
            assert_eq!(section.write(&doc, &text), doc, "{text}");
        }
        // Editing one line leaves the others exactly as they were.
        let edited = Section::WillNot.read(&doc).replace("plain", "edited");
        assert_eq!(
            Section::WillNot.write(&doc, &edited).will_not[..2],
            doc.will_not[..2]
        );
    }

    use super::*;

    #[test]
    fn list_sections_read_and_write_back() {
        let doc = TwoPager {
            will_not: vec!["no SMB".into(), "no EU".into()],
            metrics: vec![Metric {
                name: "brokers".into(),
                baseline: Some("1800".into()),
                target: Some("4000".into()),
                by: None,
                start: None,
            }],
            ..TwoPager::default()
        };
        for section in Section::ALL {
            let text = section.read(&doc);
            assert_eq!(section.write(&doc, &text), doc, "{section:?}");
        }
        let edited = Section::WillNot.write(&doc, "no EU\n\n no SMB \nno APAC");
        assert_eq!(edited.will_not, ["no EU", "no SMB", "no APAC"]);
    }

    #[test]
    fn a_metric_line_with_extra_fields_keeps_them_and_says_so() {
        let text = "Loads per rep | 9 | 25 | 2028-03\nLoads per rep | day | 9 | 25 | 2028-03";
        let metrics = Section::Metrics.write(&TwoPager::default(), text).metrics;
        assert_eq!(metrics[1].name, "Loads per rep");
        assert_eq!(metrics[1].by.as_deref(), Some("25 | 2028-03"));
        let warning = section_warning(Section::Metrics, text).unwrap();
        assert!(
            warning.starts_with("metric line 2 has 5 fields"),
            "{warning}"
        );
        assert_eq!(section_warning(Section::Metrics, "a | b | c | d"), None);
        assert_eq!(
            section_warning(Section::Metrics, "a \\| b | c | d | e"),
            None
        );
        assert_eq!(section_warning(Section::Notes, "a | b | c | d | e"), None);
    }
}
