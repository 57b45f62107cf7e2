//! Every character the screen library and the terminal would draw at
//! different widths is shown as a marker: measured over all of Unicode
//! against the C library's `wcwidth`, which terminals and tmux draw with,
//! and `unicode-width`, which ratatui counts cells with.

use unicode_width::UnicodeWidthChar;

unsafe extern "C" {
    fn wcwidth(c: libc::wchar_t) -> libc::c_int;
}

/// The C library's width of `c` in a UTF-8 locale; `None` when it does not
/// know the character (new in a Unicode version it has not caught up with).
fn terminal_width(c: char) -> Option<usize> {
    // SAFETY: wcwidth only reads its argument.
    let width = unsafe { wcwidth(c as libc::wchar_t) };
    usize::try_from(width).ok()
}

fn utf8_locale() -> bool {
    // SAFETY: setlocale with a valid NUL-terminated name; tests in this
    // binary that need another locale set their own.
    let set = unsafe { libc::setlocale(libc::LC_CTYPE, c"C.UTF-8".as_ptr()) };
    !set.is_null()
}

#[test]
fn every_character_drawn_at_another_width_than_counted_is_a_marker() {
    if !utf8_locale() {
        if std::env::var_os("CI").is_some() {
            panic!("no C.UTF-8 locale, and CI must measure terminal widths");
        }
        eprintln!("SKIPPED: no C.UTF-8 locale to measure the C library's widths with");
        return;
    }
    let mut checked = 0;
    let mut missed = Vec::new();
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        if c.is_control() {
            continue;
        }
        let Some(terminal) = terminal_width(c) else {
            continue;
        };
        checked += 1;
        let counted = c.width().unwrap_or(0);
        // After a letter, as in running text; a variation selector there is
        // its base's business (tested in sanitize).
        let shown = strata::sanitize::is_marker(Some('a'), c);
        if counted != terminal && !shown {
            missed.push(format!(
                "U+{:04X} (counted {counted}, drawn {terminal})",
                c as u32
            ));
        }
    }
    assert!(
        checked > 100_000,
        "only {checked} characters known to the C library"
    );
    assert!(
        missed.is_empty(),
        "{} characters the terminal draws at another width are shown as they are: {}",
        missed.len(),
        missed.join(", ")
    );
}

#[test]
fn the_invisible_characters_named_in_the_format_are_markers_everywhere() {
    let named = [
        '\u{AD}',
        '\u{3164}',
        '\u{115F}',
        '\u{1160}',
        '\u{FFA0}',
        '\u{2028}',
        '\u{2029}',
        '\u{E0000}',
        '\u{E0001}',
        '\u{E0020}',
        '\u{E0041}',
        '\u{E007F}',
        '\u{34F}',
        '\u{17B4}',
        '\u{180E}',
        '\u{200B}',
        '\u{202E}',
        '\u{2066}',
        '\u{FEFF}',
        '\u{FFF9}',
        '\u{1D173}',
    ];
    for c in named {
        for before in [None, Some('a'), Some(' '), Some('\u{E9}')] {
            assert!(
                strata::sanitize::is_marker(before, c),
                "U+{:04X} after {before:?}",
                c as u32
            );
        }
    }
    // Every default-ignorable code point but the variation selectors.
    for c in ('\u{E0000}'..='\u{E0FFF}').chain('\u{2060}'..='\u{206F}') {
        if !strata::sanitize::is_variation_selector(c) {
            assert!(
                strata::sanitize::is_marker(Some('a'), c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
