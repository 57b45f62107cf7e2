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
    let date = toml_edit::Date {
        year: review.on.year as u16,
        month: review.on.month,
        day: review.on.day,
    };
    entry.insert(
        "on",
        Value::from(toml_edit::Datetime {
            date: Some(date),
            time: None,
            offset: None,
        }),
    );
    entry.insert("decision", Value::from(review.decision.as_str()));
    if !review.comment.is_empty() {
        entry.insert("comment", one_line_value(&review.comment));
    }
    if let Some(reason) = &review.reason {
        entry.insert("reason", one_line_value(reason));
    }
    Value::InlineTable(entry)
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
    Some(Review {
        by: text("by")?,
        on,
        decision: crate::model::Decision::parse(&text("decision")?)?,
        comment: text("comment").unwrap_or_default(),
        reason: text("reason"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Decision};

    #[test]
    fn records_stay_on_one_line_whatever_the_text() {
        let review = Review {
            by: "Dana \"D\" Okafor".into(),
            on: Date::new(2026, 11, 22).unwrap(),
            decision: Decision::RequestChanges,
            comment: "Two things:\n- the metric\n- the \\ date\u{7}".into(),
            reason: None,
        };
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
}
