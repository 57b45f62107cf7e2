//! Multi-line prose (`today`, `future`, `notes`) as paragraphs and bullet
//! lists, so Markdown and HTML lay it out the same way.
//!
//! Authors hard-wrap prose inside `"""` strings, so a line break inside a
//! paragraph is only wrapping: lines are joined with a space. A blank line
//! starts a new paragraph, and lines starting with `- ` or `* ` are bullets.
//! Nothing else in the text is read as markup.

use crate::sanitize;

/// A block of prose, its text already made safe for display by [`sanitize`]
/// and folded onto one line; each format still escapes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Lines of running text, joined.
    Paragraph(String),
    /// Consecutive bullet items; a line that follows an item without a
    /// bullet continues it.
    List(Vec<String>),
}

/// Splits `text` into paragraphs and lists.
pub fn blocks(text: &str) -> Vec<Block> {
    let clean = sanitize::block(text);
    let mut out: Vec<Block> = Vec::new();
    // Whether the previous line was blank: a blank line ends any block.
    let mut after_blank = true;
    for raw in clean.split('\n') {
        let line = fold_spaces(raw);
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        let bullet = line.strip_prefix("- ").or_else(|| line.strip_prefix("* "));
        match (bullet, out.last_mut(), after_blank) {
            (Some(item), Some(Block::List(items)), false) => items.push(item.to_owned()),
            (Some(item), _, _) => out.push(Block::List(vec![item.to_owned()])),
            (None, Some(Block::Paragraph(text)), false) => push_line(text, &line),
            (None, Some(Block::List(items)), false) => match items.last_mut() {
                Some(last) => push_line(last, &line),
                // A list is never created empty.
                None => items.push(line),
            },
            (None, _, _) => out.push(Block::Paragraph(line)),
        }
        after_blank = false;
    }
    out
}

/// The line with runs of spaces and tabs folded to one space and trimmed:
/// indentation in a TOML string is layout, not meaning.
fn fold_spaces(line: &str) -> String {
    line.split([' ', '\t'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn push_line(text: &mut String, line: &str) {
    text.push(' ');
    text.push_str(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Block {
        Block::Paragraph(text.to_owned())
    }

    fn list(items: &[&str]) -> Block {
        Block::List(items.iter().map(|&i| i.to_owned()).collect())
    }

    #[test]
    fn wrapped_lines_join_and_blank_lines_split() {
        let text = "We sell 40 arms\n  a year.\n\n\nNight shifts\trestock by hand.\n";
        assert_eq!(
            blocks(text),
            [
                para("We sell 40 arms a year."),
                para("Night shifts restock by hand.")
            ]
        );
    }

    #[test]
    fn bullets_form_lists_with_continuation_lines() {
        let text = "Risks:\n- a forklift maker\n  bundles arms\n* prices fall\n\n- later list";
        assert_eq!(
            blocks(text),
            [
                para("Risks:"),
                list(&["a forklift maker bundles arms", "prices fall"]),
                list(&["later list"]),
            ]
        );
    }

    #[test]
    fn only_dash_space_is_a_bullet() {
        assert_eq!(blocks("-5% churn\n--- rule"), [para("-5% churn --- rule")]);
    }

    #[test]
    fn controls_are_made_visible() {
        assert_eq!(blocks("a\u{1b}[2J\r\nb"), [para("a␛[2J␍ b")]);
        assert_eq!(blocks(""), []);
        assert_eq!(blocks("\n \n"), []);
    }
}
