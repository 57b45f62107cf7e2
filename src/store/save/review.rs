//! Writing `reviews`: one record per line, appended. Records already in the
//! file keep their exact text, so a decision is a one-line diff that merges
//! cleanly in git even when two meetings record at once.

use toml_edit::{Array, InlineTable, Item, TableLike, Value};

use super::patch_list;
use crate::model::Review;
use crate::store::toml_string::one_line_value;

/// Makes the `reviews` list at `table` hold `reviews`: records already
/// written stay byte for byte, new ones are added on their own lines.
pub(super) fn patch_reviews(table: &mut dyn TableLike, reviews: &[Review]) {
    if let Some(Item::ArrayOfTables(tables)) = table.get_mut("reviews") {
        patch_review_tables(tables, reviews);
        if reviews.is_empty() {
            table.remove("reviews");
        }
        return;
    }
    if table
        .get("reviews")
        .and_then(Item::as_array)
        .is_none_or(Array::is_empty)
    {
        if reviews.is_empty() {
            table.remove("reviews");
        } else {
            // `set_value` keeps a comment written after `reviews = []`.
            super::set_value(table, "reviews", Value::Array(one_per_line(reviews)));
        }
        return;
    }
    // A list written on one line becomes one record per line before a
    // record is added, so each later decision is a one-line diff; unless a
    // comment sits in it, which would have nowhere to go.
    let text = |decor: Option<&toml_edit::RawString>| {
        decor.and_then(|d| d.as_str()).unwrap_or("").to_owned()
    };
    if let Some(array) = table.get_mut("reviews").and_then(Item::as_array_mut)
        && reviews.len() > array.len()
        && !array
            .iter()
            .any(|v| text(v.decor().prefix()).contains('\n'))
        && !array.iter().any(|v| {
            text(v.decor().prefix()).contains('#') || text(v.decor().suffix()).contains('#')
        })
        && !text(Some(array.trailing())).contains('#')
    {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n  ");
            value.decor_mut().set_suffix("");
        }
        array.set_trailing("\n");
        array.set_trailing_comma(true);
    }
    // Records are never edited, only added (or taken back by undo), so an
    // entry is matched to a record only when it reads back equal.
    let never = |_: &Review, _: &Review| false;
    patch_list(
        table,
        "reviews",
        reviews,
        read_review,
        never,
        review_value,
        |slot, _, after| *slot = review_value(after),
    );
}

/// Records written as `[[node.reviews]]` tables stay tables: the ones in the
/// file are kept as they are, new ones are added after the last, and undo
/// takes the last ones away. Records are only ever appended, so the first
/// `tables.len()` of `reviews` are the ones already there.
fn patch_review_tables(tables: &mut toml_edit::ArrayOfTables, reviews: &[Review]) {
    while tables.len() > reviews.len() {
        tables.remove(tables.len() - 1);
    }
    let position = tables.iter().filter_map(toml_edit::Table::position).max();
    for review in &reviews[tables.len()..] {
        if let Value::InlineTable(entry) = review_value(review) {
            let mut table = entry.into_table();
            table.set_position(position);
            tables.push(table);
        }
    }
}

/// A new list, laid out as `[\n  {…},\n  {…},\n]`.
fn one_per_line(reviews: &[Review]) -> Array {
    let mut array: Array = reviews.iter().map(review_value).collect();
    for value in array.iter_mut() {
        value.decor_mut().set_prefix("\n  ");
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
}

/// One record as an inline table on one line; line breaks in the text are
/// written as `\n` escapes so the record never spans lines.
fn review_value(review: &Review) -> Value {
    let mut entry = InlineTable::new();
    entry.insert("by", one_line_value(&review.by));
    entry.insert("on", date_value(review.on));
    entry.insert("decision", Value::from(review.decision.as_str()));
    if !review.comment.is_empty() {
        entry.insert("comment", one_line_value(&review.comment));
    }
    if let Some(reason) = &review.reason {
        entry.insert("reason", one_line_value(reason));
    }
    if let Some(question) = &review.question {
        entry.insert("question", one_line_value(question));
    }
    if let Some(action) = &review.action {
        entry.insert("action", one_line_value(&action.what));
        if !action.owner.is_empty() {
            entry.insert("owner", one_line_value(&action.owner));
        }
        if let Some(due) = action.due {
            entry.insert("due", date_value(due));
        }
    }
    if let Some(closing) = &review.closes {
        entry.insert("closes", one_line_value(&closing.what));
        entry.insert("outcome", Value::from(closing.outcome.as_str()));
    }
    if let Some(minutes) = review.minutes {
        entry.insert("minutes", Value::from(i64::from(minutes)));
    }
    if !review.attendees.is_empty() {
        let mut names: Array = review.attendees.iter().map(|n| one_line_value(n)).collect();
        names.fmt();
        entry.insert("with", Value::Array(names));
    }
    Value::InlineTable(entry)
}

fn date_value(day: crate::model::Date) -> Value {
    let date = toml_edit::Date {
        year: day.year as u16,
        month: day.month,
        day: day.day,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

fn read_review(value: &Value) -> Option<Review> {
    let entry = value.as_inline_table()?;
    let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_owned);
    let on = match entry.get("on")? {
        Value::Datetime(dt) => {
            let date = dt.value().date?;
            crate::model::Date::new(i32::from(date.year), date.month, date.day)?
        }
        Value::String(s) => crate::model::Date::parse(s.value())?,
        _ => return None,
    };
    let day = |key: &str| match entry.get(key)? {
        Value::Datetime(dt) => {
            let date = dt.value().date?;
            crate::model::Date::new(i32::from(date.year), date.month, date.day)
        }
        Value::String(s) => crate::model::Date::parse(s.value()),
        _ => None,
    };
    Some(Review {
        by: text("by")?,
        on,
        decision: crate::model::Decision::parse(&text("decision")?)?,
        comment: text("comment").unwrap_or_default(),
        reason: text("reason"),
        question: text("question"),
        attendees: entry
            .get("with")
            .and_then(Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        minutes: entry
            .get("minutes")
            .and_then(Value::as_integer)
            .and_then(|m| u32::try_from(m).ok()),
        action: text("action").map(|what| crate::model::ActionItem {
            what,
            owner: text("owner").unwrap_or_default(),
            due: day("due"),
        }),
        closes: text("closes").map(|what| crate::model::Closing {
            what,
            outcome: text("outcome")
                .and_then(|o| crate::model::Outcome::parse(&o))
                .unwrap_or(crate::model::Outcome::Done),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Decision};

    #[test]
    fn records_stay_on_one_line_whatever_the_text() {
        let mut review = Review::new(
            "Dana \"D\" Okafor",
            Date::new(2026, 11, 22).unwrap(),
            Decision::RequestChanges,
        );
        review.comment = "Two things:\n- the metric\n- the \\ date\u{7}".into();
        let value = review_value(&review);
        let written = value.to_string();
        assert!(!written.contains('\n'), "{written}");
        assert_eq!(
            written,
            r#"{ by = "Dana \"D\" Okafor", on = 2026-11-22, decision = "request-changes", comment = "Two things:\n- the metric\n- the \\ date\u0007" }"#
        );
        let parsed: Value = written.parse().unwrap();
        assert_eq!(read_review(&parsed), Some(review));
    }

    #[test]
    fn questions_action_items_attendees_and_minutes_stay_on_the_line() {
        let on = Date::new(2026, 12, 2).unwrap();
        let mut review = Review::new("Dana", on, Decision::Discuss);
        review.question = Some("Stretch\nor forecast?".into());
        review.attendees = vec!["CPO".into(), "VP \"Sales\"".into()];
        review.minutes = Some(4);
        review.action = Some(crate::model::ActionItem {
            what: "Send the memo".into(),
            owner: "Lee".into(),
            due: Date::new(2026, 12, 15),
        });
        let written = review_value(&review).to_string();
        assert!(!written.contains('\n'), "{written}");
        assert_eq!(
            written,
            r#"{ by = "Dana", on = 2026-12-02, decision = "discuss", question = "Stretch\nor forecast?", action = "Send the memo", owner = "Lee", due = 2026-12-15, minutes = 4, with = ["CPO", "VP \"Sales\""] }"#
        );
        let parsed: Value = written.parse().unwrap();
        assert_eq!(read_review(&parsed), Some(review.clone()));
        let mut closing = Review::new("Dana", on, Decision::Comment);
        closing.closes = Some(crate::model::Closing {
            what: "Send the memo".into(),
            outcome: crate::model::Outcome::Dropped,
        });
        let written = review_value(&closing).to_string();
        assert!(written.contains(r#"closes = "Send the memo", outcome = "dropped""#));
        assert_eq!(read_review(&written.parse().unwrap()), Some(closing));
    }
}
