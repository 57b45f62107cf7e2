//! Patching a TOML array in place: surviving items keep their text and
//! comments, new ones take the list's layout but none of its comments, and
//! what followed the last item stays with it.

use toml_edit::{Array, Item, TableLike, Value};

use super::set_value;

/// Rewrites the array at `key` to hold `items`, reusing the old entries:
/// an item equal to an old entry keeps that entry's text (decor, comments,
/// unknown keys); an edited item is patched into the old entry it most likely
/// is (`same_entry`, then the same position); only truly new items are written
/// fresh. Nothing the loader did not understand is dropped by adding,
/// removing or reordering items.
#[allow(clippy::too_many_arguments)]
pub(super) fn patch_list<T: PartialEq + Clone>(
    table: &mut dyn TableLike,
    key: &str,
    items: &[T],
    read: impl Fn(&Value) -> Option<T>,
    same_entry: impl Fn(&T, &T) -> bool,
    fresh: impl Fn(&T) -> Value,
    patch_in_place: impl Fn(&mut Value, &T, &T),
) {
    let Some(array) = table.get_mut(key).and_then(Item::as_array_mut) else {
        set_or_remove_array(table, key, items.iter().map(&fresh).collect());
        return;
    };
    let old: Vec<(Value, Option<T>)> = array.iter().map(|v| (v.clone(), read(v))).collect();
    let readings: Vec<Option<T>> = old.iter().map(|(_, reading)| reading.clone()).collect();
    let (chosen, used) = match_entries(&readings, items, &same_entry);
    if items.is_empty() {
        table.remove(key);
        return;
    }
    if old.is_empty() {
        // `key = []`: nothing to keep but the key's own decor.
        set_or_remove_array(table, key, items.iter().map(&fresh).collect());
        return;
    }
    let unchanged =
        chosen.iter().enumerate().all(|(i, c)| *c == Some(i)) && items.len() == old.len();
    // A new item is laid out like the last item on a line of its own (like
    // the others in a one-line list) but takes none of their comments.
    let layout = old
        .iter()
        .rev()
        .map(|(value, _)| prefix_of(value))
        .find(|prefix| prefix.contains('\n'))
        .or_else(|| old.last().map(|(value, _)| prefix_of(value)))
        .map(|prefix| indent_of(&prefix));
    let mut values: Vec<Value> = items
        .iter()
        .zip(&chosen)
        .map(|(item, choice)| match choice {
            Some(i) => {
                let (mut value, before) = old[*i].clone();
                match before {
                    Some(before) if before == *item => {}
                    Some(before) => patch_in_place(&mut value, &before, item),
                    None => value = fresh(item),
                }
                value
            }
            None => {
                let mut value = fresh(item);
                if let Some(layout) = &layout {
                    value.decor_mut().set_prefix(layout.clone());
                    value.decor_mut().set_suffix("");
                }
                value
            }
        })
        .collect();
    // In toml_edit an item's prefix holds, on its first line, the comment
    // written after the previous item (`"a", # why a`), then the comment lines
    // about the item itself. When an item goes, its own comments go with it,
    // but the remark about the item before it moves to the item that now
    // follows that one, in place of the remark about the removed item.
    for (removed, _) in old.iter().enumerate().filter(|(i, _)| !used[*i]) {
        let Some(at) = chosen.iter().position(|c| *c == Some(removed + 1)) else {
            continue;
        };
        let gone = prefix_of(&old[removed].0);
        let next = prefix_of(&values[at]);
        if let (Some(a), Some(b)) = (gone.find('\n'), next.find('\n')) {
            let joined = format!("{}{}", &gone[..=a], &next[b + 1..]);
            values[at].decor_mut().set_prefix(joined);
        }
    }
    if unchanged {
        for (slot, value) in array.iter_mut().zip(values) {
            *slot = value;
        }
        return;
    }
    let mut trailing = array.trailing().as_str().unwrap_or("").to_owned();
    let mut trailing_comma = array.trailing_comma();
    // Items added after the old last one: what followed that item (a
    // comment on its line, comment lines before `]`) stays with it, above
    // the new items, instead of drifting below them.
    let last_old = old
        .len()
        .checked_sub(1)
        .and_then(|last| chosen.iter().position(|c| *c == Some(last)));
    if let Some(at) = last_old.filter(|&at| at + 1 < values.len() && chosen[at + 1].is_none()) {
        let suffix = values[at]
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_owned();
        let after = if trailing_comma {
            std::mem::take(&mut trailing)
        } else {
            String::new()
        };
        let moved = format!("{suffix}{after}");
        let has_comment = moved.contains('#');
        let multiline = moved.contains('\n') || prefix_of(&values[at]).contains('\n');
        values[at].decor_mut().set_suffix("");
        if has_comment {
            let indent = indent_of(&prefix_of(&values[at]));
            let indent = indent.trim_start_matches('\n');
            let newline = if moved.ends_with('\n') { "" } else { "\n" };
            values[at + 1]
                .decor_mut()
                .set_prefix(format!("{moved}{newline}{indent}"));
        }
        if multiline {
            trailing = "\n".to_owned();
            trailing_comma = true;
        } else if !has_comment {
            // `[ "a", "b" ]`: the space before `]` stays before `]`.
            if let Some(last) = values.last_mut() {
                last.decor_mut().set_suffix(moved);
            }
        }
    }
    let decor = array.decor().clone();
    let mut rebuilt: Array = values.into_iter().collect();
    rebuilt.set_trailing(trailing);
    rebuilt.set_trailing_comma(trailing_comma);
    *rebuilt.decor_mut() = decor;
    *array = rebuilt;
}

/// Which old entry each new item takes over: an equal one wherever it is,
/// else the one it was (`same_entry`, e.g. the same metric name), else the
/// unused one at its position; `None` for a new item. Also which old entries
/// were taken.
pub(super) fn match_entries<T: PartialEq>(
    old: &[Option<T>],
    items: &[T],
    same_entry: impl Fn(&T, &T) -> bool,
) -> (Vec<Option<usize>>, Vec<bool>) {
    let mut used = vec![false; old.len()];
    let take = |used: &mut Vec<bool>, test: &dyn Fn(&T) -> bool| {
        let found = old
            .iter()
            .enumerate()
            .position(|(i, value)| !used[i] && value.as_ref().is_some_and(test));
        if let Some(i) = found {
            used[i] = true;
        }
        found
    };
    let mut chosen: Vec<Option<usize>> = items
        .iter()
        .map(|item| take(&mut used, &|v| v == item))
        .collect();
    for (item, slot) in items.iter().zip(chosen.iter_mut()) {
        if slot.is_none() {
            *slot = take(&mut used, &|v| same_entry(v, item));
        }
    }
    for (index, slot) in chosen.iter_mut().enumerate() {
        if slot.is_none() && index < old.len() && !used[index] {
            used[index] = true;
            *slot = Some(index);
        }
    }
    (chosen, used)
}

/// The layout part of an item's prefix: `\n` and the indent of its own line
/// when it has one, `" "` or nothing in a one-line list; never a comment.
fn indent_of(prefix: &str) -> String {
    match prefix.rfind('\n') {
        Some(at) => {
            let indent: String = prefix[at + 1..]
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            format!("\n{indent}")
        }
        None if prefix.trim().is_empty() => prefix.to_owned(),
        None => String::new(),
    }
}

fn prefix_of(value: &Value) -> String {
    value
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("")
        .to_owned()
}

/// Sets `key` to a new array of `values` (one per line when there are
/// several), or removes it when there are none.
pub(super) fn set_or_remove_array(table: &mut dyn TableLike, key: &str, values: Vec<Value>) {
    if values.is_empty() {
        table.remove(key);
        return;
    }
    let multiline = values.len() > 1;
    let mut array: Array = values.into_iter().collect();
    if multiline {
        for value in array.iter_mut() {
            value.decor_mut().set_prefix("\n    ");
        }
        array.set_trailing(",\n");
        array.set_trailing_comma(false);
    }
    set_value(table, key, Value::Array(array));
}
