//! What changed inside a section, word by word: both texts are cut into
//! words, numbers, spaces and single marks, compared with `similar`, and
//! returned as paragraphs of pieces marked changed or not, for the review
//! screen to re-wrap to its pane. A line break inside a paragraph is a
//! space (the file's wrapping is not a change); a blank line starts a new
//! paragraph. Numbers are their own tokens, so `8` → `6` is marked even in
//! `8-minute` inside a sentence that is otherwise the same.

use similar::{Algorithm, DiffTag, capture_diff_slices};

/// A run of text, changed or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The text, as in the file (not yet sanitized).
    pub text: String,
    /// True when this side has it and the other does not (added on the
    /// new side, removed on the old).
    pub changed: bool,
}

/// One side of the comparison: paragraphs of pieces.
pub type Side = Vec<Vec<Piece>>;

/// The old and the new text of a section, each with what the other lacks marked.
pub fn word_diff(old: &str, new: &str) -> (Side, Side) {
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    let ops = capture_diff_slices(Algorithm::Myers, &old_tokens, &new_tokens);
    let (mut old_marks, mut new_marks) =
        (vec![false; old_tokens.len()], vec![false; new_tokens.len()]);
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        for i in old_range {
            old_marks[i] = true;
        }
        for i in new_range {
            new_marks[i] = true;
        }
    }
    (side(&old_tokens, &old_marks), side(&new_tokens, &new_marks))
}

/// A paragraph break between tokens.
const BREAK: &str = "\n\n";

/// Cuts `text` into tokens: runs of letters, runs of digits (with the `.`
/// or `,` between digits), one space for any run of spaces and single line
/// breaks, [`BREAK`] for a blank line, and every other character alone.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        if c.is_whitespace() {
            let mut newlines = 0;
            while i < chars.len() && chars[i].is_whitespace() {
                newlines += usize::from(chars[i] == '\n');
                i += 1;
            }
            out.push(if newlines >= 2 { BREAK } else { " " }.to_owned());
            continue;
        }
        if c.is_numeric() {
            while i < chars.len()
                && (chars[i].is_numeric()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(|n| n.is_numeric())))
            {
                i += 1;
            }
        } else if c.is_alphabetic() {
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
        } else {
            i += 1;
        }
        out.push(chars[start..i].iter().collect());
    }
    out
}

/// Tokens joined into paragraphs of pieces, neighbours with the same mark merged.
fn side(tokens: &[String], marks: &[bool]) -> Side {
    let mut paragraphs: Side = vec![Vec::new()];
    for (i, (token, &changed)) in tokens.iter().zip(marks).enumerate() {
        if token == BREAK {
            paragraphs.push(Vec::new());
            continue;
        }
        // A space between two changed words is part of the change; one
        // beside an unchanged word is not worth a mark.
        let changed = changed
            && (token != " "
                || (i > 0 && marks[i - 1] && marks.get(i + 1).copied().unwrap_or(false)));
        let Some(paragraph) = paragraphs.last_mut() else {
            continue;
        };
        match paragraph.last_mut() {
            Some(last) if last.changed == changed => last.text.push_str(token),
            _ => paragraph.push(Piece {
                text: token.clone(),
                changed,
            }),
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(side: &Side) -> Vec<String> {
        side.iter()
            .flatten()
            .filter(|p| p.changed)
            .map(|p| p.text.clone())
            .collect()
    }

    #[test]
    fn a_changed_number_is_marked_inside_an_unchanged_sentence() {
        let old =
            "Brokers wait 8 minutes for a quote, and a 12-minute call\nfollows on every load.";
        let new = "Brokers wait 6 minutes for a quote, and a 12-minute call follows on every load.";
        let (before, after) = word_diff(old, new);
        assert_eq!(marked(&before), ["8"]);
        assert_eq!(marked(&after), ["6"]);
        let text: String = after[0].iter().map(|p| p.text.as_str()).collect();
        assert_eq!(text, new, "the new side reads as the new text");
        // The file's line break is not a change, and decimals stay whole.
        let (before, after) = word_diff("Up 4.5% in\nQ3.", "Up 4.25% in Q3.");
        assert_eq!(marked(&before), ["4.5"]);
        assert_eq!(marked(&after), ["4.25"]);
    }

    #[test]
    fn added_and_removed_words_and_paragraphs() {
        let (before, after) = word_diff(
            "We sell to brokers.\n\nNo trucks.",
            "We sell to small brokers.\n\nNo trucks.\n\nNo boats.",
        );
        assert_eq!(before.len(), 2);
        assert_eq!(after.len(), 3);
        assert!(marked(&before).is_empty());
        assert_eq!(marked(&after), ["small", "No boats."]);
    }
}
