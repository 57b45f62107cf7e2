//! The text core's tests: typing, moving and deleting by unit and by word,
//! lists as lines, and up/down by the rows of the wrapped text.

use super::TextBuffer;
use super::wrap::wrap;

#[test]
fn typing_newlines_and_backspace_round_trip() {
    let mut b = TextBuffer::new("ab");
    b.insert('\n');
    b.insert('é');
    assert_eq!(b.text(), "ab\né");
    b.backspace();
    b.backspace();
    assert_eq!(b.text(), "ab");
    assert_eq!(b.cursor(), (0, 2));
}

#[test]
fn moves_stay_on_character_boundaries() {
    let mut b = TextBuffer::new("日本語\nab");
    b.up();
    assert_eq!(b.cursor(), (0, 0));
    b.right();
    b.right();
    assert_eq!(b.cursor(), (0, 6));
    b.down();
    assert_eq!(b.cursor(), (1, 2));
    b.home();
    b.left();
    assert_eq!(b.cursor(), (0, 9));
    b.delete();
    assert_eq!(b.text(), "日本語ab");
}

#[test]
fn word_moves_and_deletes() {
    let mut b = TextBuffer::new("grow the broker base");
    b.word_left();
    assert_eq!(b.cursor(), (0, 16));
    b.word_left();
    b.word_right();
    assert_eq!(b.cursor(), (0, 15));
    b.end();
    b.delete_word_back();
    assert_eq!(b.text(), "grow the broker ");
    b.delete_to_line_start();
    assert_eq!(b.text(), "");
}

#[test]
fn lines_move_and_go_as_list_items() {
    let mut b = TextBuffer::new("a\nb\nc");
    b.move_line(true);
    assert_eq!(b.text(), "a\nc\nb");
    assert_eq!(b.cursor().0, 1);
    b.move_line(true);
    b.move_line(true);
    assert_eq!(b.text(), "c\na\nb");
    b.delete_line();
    assert_eq!(b.text(), "a\nb");
    b.delete_line();
    b.delete_line();
    assert_eq!(b.text(), "");
}

#[test]
fn up_and_down_move_by_screen_row_keeping_the_column() {
    // "grow the " / "broker " / "base" at width 10, then "x".
    let mut b = TextBuffer::new("grow the broker base\nx");
    b.up();
    b.home();
    for _ in 0..6 {
        b.right();
    }
    assert_eq!(b.wrapped(10).1, (0, 6));
    b.down_row(10);
    assert_eq!(b.cursor(), (0, 15), "same line, next row, column 6");
    assert_eq!(b.wrapped(10).1, (1, 6));
    b.down_row(10);
    assert_eq!(b.cursor(), (0, 20), "a short row: its end");
    b.down_row(10);
    assert_eq!(b.cursor(), (1, 1), "next line, as far as it goes");
    b.up_row(10);
    b.up_row(10);
    assert_eq!(b.cursor(), (0, 15), "the run kept column 6");
    b.up_row(10);
    b.up_row(10);
    assert_eq!(b.cursor(), (0, 0), "above the first row: the start");
    b.end();
    b.down_row(10);
    b.down_row(10);
    b.down_row(10);
    assert_eq!(b.cursor(), (1, 1), "below the last row: the end");
}

#[test]
fn a_row_that_wraps_keeps_the_cursor_on_it() {
    // "ab " / "cdef" / "gh" at width 4: the end of row 0 is the start
    // of row 1, so aiming past row 0's text stops on its last character.
    let mut b = TextBuffer::new("ab cdefgh");
    b.home();
    for _ in 0..6 {
        b.right();
    }
    assert_eq!(b.wrapped(4).1, (1, 3));
    b.up_row(4);
    assert_eq!(b.cursor(), (0, 2));
    assert_eq!(b.wrapped(4).1, (0, 2));
    // From past the last full row, up lands at the start of that row.
    let mut b = TextBuffer::new("abcdef");
    assert_eq!(b.wrapped(3).1, (2, 0));
    b.up_row(3);
    assert_eq!(b.cursor(), (0, 3));
}

#[test]
fn without_a_width_up_and_down_move_by_line() {
    let mut b = TextBuffer::new("ab\ncd");
    b.up_row(0);
    assert_eq!(b.cursor(), (0, 2));
    b.down_row(0);
    assert_eq!(b.cursor(), (1, 2));
}

#[test]
fn wide_characters_aim_for_the_same_screen_column() {
    // Two rows at width 4: "日本" / "ab"; column 2 is after 日.
    let mut b = TextBuffer::new("日本ab");
    b.end();
    b.left();
    b.left();
    b.up_row(4);
    assert_eq!(b.cursor(), (0, 0));
    b.right();
    b.down_row(4);
    assert_eq!(b.cursor(), (0, 8), "column 2 of the next row");
}

#[test]
fn soft_wrap_places_the_cursor() {
    let b = TextBuffer::new("abcdef");
    let (rows, cursor) = b.wrapped(3);
    assert_eq!(rows, vec![(0, 0..3), (0, 3..6)]);
    assert_eq!(cursor, (2, 0), "past a full row: the start of the next");
    let b = TextBuffer::new("grow the base");
    let (rows, cursor) = b.wrapped(10);
    assert_eq!(rows, vec![(0, 0..9), (0, 9..13)], "breaks after a space");
    assert_eq!(cursor, (1, 4));
    let mut b = TextBuffer::new("abcd\nx");
    b.up();
    b.home();
    b.right();
    let (rows, cursor) = b.wrapped(3);
    assert_eq!(rows, vec![(0, 0..3), (0, 3..4), (1, 0..1)]);
    assert_eq!(cursor, (0, 1));
}

#[test]
fn a_letter_and_its_combining_accent_move_and_go_as_one() {
    // `café` with the accent written as `e` + U+0301.
    let mut b = TextBuffer::new("cafe\u{301}");
    b.left();
    b.insert('x');
    assert_eq!(
        b.text(),
        "cafxe\u{301}",
        "the letter goes before the whole é"
    );
    b.end();
    b.backspace();
    assert_eq!(b.text(), "cafx");
    let mut b = TextBuffer::new("e\u{301}te\u{301}");
    b.home();
    b.delete();
    assert_eq!(b.text(), "te\u{301}");
    b.word_right();
    assert_eq!(
        b.cursor(),
        (0, b.text().len()),
        "the accent is part of the word"
    );
}

#[test]
fn a_character_drawn_as_a_marker_is_a_unit_of_its_own() {
    // A zero-width joiner would join the letter before it into one grapheme;
    // it is drawn as ⟨U+200D⟩, so it is stepped over and deleted on its own.
    let mut b = TextBuffer::new("a\u{200d}b");
    b.left();
    b.left();
    assert_eq!(b.cursor(), (0, 1));
    b.backspace();
    assert_eq!(b.text(), "\u{200d}b");
}

#[test]
fn the_editor_wraps_where_the_document_does() {
    // Spaces at a break end the row they follow, in the document and in a
    // text box alike; the text box keeps them so every byte is on a row.
    let text = "aaaa   bbbb";
    let shown: Vec<&str> = wrap(text, 6).into_iter().map(|r| &text[r]).collect();
    assert_eq!(shown, ["aaaa", "bbbb"]);
    let b = TextBuffer::new(text);
    let (rows, cursor) = b.wrapped(6);
    assert_eq!(rows, vec![(0, 0..7), (0, 7..11)]);
    assert_eq!(cursor, (1, 4));
}

#[test]
fn a_stored_string_opens_with_the_cursor_after_its_last_word() {
    let b = TextBuffer::at_text_end("Where we are now.\n");
    assert_eq!(b.cursor(), (0, 17));
    let b = TextBuffer::at_text_end("two\nlines  \n\n");
    assert_eq!(b.cursor(), (1, 5));
    assert_eq!(b.text(), "two\nlines  \n\n", "the text is as stored");
    assert_eq!(TextBuffer::at_text_end(" \n ").cursor(), (0, 0));
    assert_eq!(TextBuffer::at_text_end("日本").cursor(), (0, 6));
}

#[test]
fn ctrl_k_kills_to_the_line_end_and_joins_at_it() {
    let mut b = TextBuffer::new("grow the base\nnext");
    b.up();
    b.home();
    b.word_right();
    b.kill_to_line_end();
    assert_eq!(b.text(), "grow\nnext");
    assert_eq!(b.cursor(), (0, 4));
    b.kill_to_line_end();
    assert_eq!(b.text(), "grownext");
}

#[test]
fn undo_takes_back_a_run_of_typing_or_a_clear_as_one_step() {
    let mut b = TextBuffer::new("draft");
    b.clear();
    for c in "new words".chars() {
        b.insert(c);
    }
    b.backspace();
    b.backspace();
    assert_eq!(b.text(), "new wor");
    assert!(b.undo());
    assert_eq!(b.text(), "new words");
    assert!(b.undo());
    assert_eq!(b.text(), "");
    assert!(b.undo());
    assert_eq!((b.text().as_str(), b.cursor()), ("draft", (0, 5)));
    assert!(!b.undo(), "nothing before the first step");
    assert!(b.redo());
    assert_eq!(b.text(), "");
    // A new change forgets what could be redone.
    b.insert('x');
    assert!(!b.redo());
    // A move between two runs of typing makes them two steps.
    b.home();
    b.insert('y');
    assert_eq!(b.text(), "yx");
    assert!(b.undo());
    assert_eq!(b.text(), "x");
}

#[test]
fn a_paste_is_one_step_and_a_move_is_none() {
    let mut b = TextBuffer::new("a");
    b.insert_str(" pasted\ntext");
    b.left();
    b.word_left();
    assert!(b.undo());
    assert_eq!(b.text(), "a");
    assert!(!b.undo());
}
