//! Characters that draw on the wrong cells: invisible ones (soft hyphen,
//! Hangul fillers, line separators, tag characters, lone variation
//! selectors) and visible ones terminals draw at another width than ratatui
//! counts. Each one, twenty times in a title and three times in an id before
//! `APPROVED-FAKE`, is drawn through ratatui's `TestBackend`, where every
//! cell must be as wide for the terminal (the C library's `wcwidth`) as for
//! ratatui and the words must stay inside their pane; and through the real
//! binary in tmux, whose screen must be exactly the `TestBackend`'s: no
//! cell outside its widget changes.

use crate::browser;
use crate::support;

use std::path::Path;
use std::time::{Duration, Instant};

use browser::Browser;
use ratatui::buffer::Buffer;
use strata::app::Focus;
use strata::app::screen::{Area, Target};
use support::hostile::{CASES, hostile_widths_strategy};
use support::tmux::Tmux;
use unicode_width::UnicodeWidthStr;

unsafe extern "C" {
    fn wcwidth(c: libc::wchar_t) -> libc::c_int;
}

/// The C library's width of `symbol`: what a terminal advances by.
fn terminal_width(symbol: &str) -> usize {
    symbol
        .chars()
        // SAFETY: wcwidth only reads its argument.
        .map(|c| unsafe { wcwidth(c as libc::wchar_t) }.max(0) as usize)
        .sum()
}

fn utf8_locale() -> bool {
    // SAFETY: a valid NUL-terminated locale name.
    !unsafe { libc::setlocale(libc::LC_CTYPE, c"C.UTF-8".as_ptr()) }.is_null()
}

/// Every drawn cell is as wide for the terminal as ratatui counts it.
fn cells_agree(buffer: &Buffer, case: &str) {
    for y in 0..buffer.area.height {
        let mut x = 0;
        while x < buffer.area.width {
            let symbol = buffer[(x, y)].symbol();
            let counted = if symbol.len() == 1 { 1 } else { symbol.width() };
            let drawn = terminal_width(symbol);
            assert_eq!(
                counted, drawn,
                "{case}: the cell at {x},{y} holds {symbol:?}: {counted} columns for ratatui, \
                 {drawn} for the terminal"
            );
            x += counted.max(1) as u16;
        }
    }
}

/// The panes' areas on screen.
fn panes(browser: &Browser) -> Vec<Area> {
    browser
        .app
        .screen
        .targets
        .iter()
        .filter(|(_, t)| matches!(t, Target::Pane(Focus::Tree | Focus::Document)))
        .map(|(area, _)| *area)
        .collect()
}

/// Each `APPROVED-FAKE` on screen starts and ends inside one pane, off its
/// border, or in the status bar.
fn words_stay_in_their_pane(browser: &Browser, case: &str) {
    let buffer = browser.terminal.backend().buffer();
    let mut panes = panes(browser);
    let bottom = buffer.area.height - 1;
    // The status bar: the bottom row, with a column to spare at each end.
    panes.push(Area {
        x: 0,
        y: bottom,
        width: buffer.area.width,
        height: 1,
    });
    let word = "APPROVED-FAKE";
    for y in 0..buffer.area.height {
        let row: Vec<&str> = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        for x in 0..row.len().saturating_sub(word.len()) {
            if row[x..x + word.len()].concat() != word {
                continue;
            }
            let (first, last) = (x as u16, (x + word.len() - 1) as u16);
            let inside = |a: &Area| {
                let bordered = a.height > 1;
                a.contains(first, y)
                    && a.contains(last, y)
                    && (!bordered
                        || (first > a.x
                            && u32::from(last) + 1 < u32::from(a.x) + u32::from(a.width)))
            };
            assert!(
                panes.iter().any(inside),
                "{case}: {word} at {first}..{last},{y} is not inside one pane: {panes:?}\n{}",
                browser.text()
            );
        }
    }
}

fn write_strategy(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("hostile-widths.toml");
    std::fs::write(&path, hostile_widths_strategy()).unwrap();
    path
}

#[test]
fn every_cell_is_as_wide_for_the_terminal_as_for_ratatui() {
    if !utf8_locale() {
        eprintln!("SKIPPED: no C.UTF-8 locale to measure widths with");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_strategy(dir.path());
    for (width, height) in [(100, 30), (80, 24), (200, 50)] {
        let mut browser = Browser::on_file(&path, width, height);
        cells_agree(browser.terminal.backend().buffer(), "the first frame");
        for (name, _) in CASES {
            browser.keys("j");
            cells_agree(browser.terminal.backend().buffer(), name);
            words_stay_in_their_pane(&browser, name);
            // The roll-up, the title's editor and the search box show it too.
            browser.keys("r");
            cells_agree(browser.terminal.backend().buffer(), name);
            browser.keys("r e 1");
            cells_agree(browser.terminal.backend().buffer(), name);
            browser.keys("esc / {APPROVED}");
            cells_agree(browser.terminal.backend().buffer(), name);
            browser.keys("esc");
        }
    }
}

/// The screen tmux shows, one line per row, trailing spaces dropped.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim_end().to_owned()).collect()
}

#[test]
fn tmux_shows_exactly_what_ratatui_drew() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_strategy(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let (width, height) = (100, 30);
    let mut browser = Browser::on_file(&path, width, height);
    let command = format!(
        "STRATA_STATE_DIR='{}' STRATA_CONFIG='{}' '{}' '{}'; sleep 60",
        dir.path().join("state").display(),
        config.display(),
        env!("CARGO_BIN_EXE_strata"),
        path.display()
    );
    let session = Tmux::start("widths", &command, width, height);
    let same = |browser: &Browser, case: &str| {
        let expected = lines(&browser.text());
        let start = Instant::now();
        loop {
            let shown = lines(&session.screen());
            if shown == expected {
                return;
            }
            if start.elapsed() > Duration::from_secs(10) {
                let diff: Vec<String> = expected
                    .iter()
                    .zip(&shown)
                    .enumerate()
                    .filter(|(_, (a, b))| a != b)
                    .map(|(i, (a, b))| format!("row {i}:\n  drawn: {a}\n  shown: {b}"))
                    .collect();
                panic!(
                    "{case}: tmux shows another screen than ratatui drew:\n{}",
                    diff.join("\n")
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    same(&browser, "the first frame");
    for (name, _) in CASES {
        browser.keys("j");
        session.keys(&["j"]);
        same(&browser, name);
    }
    // And back up, so every case is drawn over another one.
    for (name, _) in CASES.iter().rev() {
        browser.keys("k");
        session.keys(&["k"]);
        same(&browser, name);
    }
}
