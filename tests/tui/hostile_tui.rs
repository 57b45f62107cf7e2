//! Text from a strategy file never reaches the terminal as control: every
//! view of a file whose every field is an escape sequence is drawn through a
//! real crossterm backend into a byte buffer, and the bytes are checked.

use crate::browser;

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use strata::app::App;
use strata::app::input::{self, Input};
use strata::ui::{self, Theme};

const FILES: [&str; 2] = [
    "tests/fixtures/tui/hostile-every-field.toml",
    "tests/fixtures/valid/hostile-text.toml",
];

/// A writer whose bytes the test can read back after the terminal owns it.
#[derive(Clone, Default)]
struct Recorder(Rc<RefCell<Vec<u8>>>);

impl Write for Recorder {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every byte the browser writes while walking through `script` keys.
fn bytes_written(app: &mut App, theme: &Theme, script: &str) -> Vec<u8> {
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 30)),
    };
    let recorder = Recorder::default();
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(recorder.clone()), options).unwrap();
    let draw = |app: &mut App, terminal: &mut Terminal<CrosstermBackend<Recorder>>| {
        let mut screen = None;
        terminal
            .draw(|frame| screen = Some(ui::draw(frame, app, theme)))
            .unwrap();
        app.screen = screen.unwrap();
    };
    draw(app, &mut terminal);
    for key in browser::parse_script(script) {
        input::handle(app, Input::Key(key));
        draw(app, &mut terminal);
    }
    drop(terminal);
    recorder.0.take()
}

/// Walks every node in the document view, the roll-up and the diagnostics,
/// then search, filter and help.
const SCRIPT: &str = "j ] d ] d tab tab j j j backtab backtab j ] d r j j r j j j \
                      / {PWN} down down enter / {evil} enter f e s o esc ? j j esc G g g \
                      c {1} tab {x} enter esc";

#[test]
fn no_escape_sequence_from_the_file_reaches_the_terminal() {
    for file in FILES {
        for theme in [Theme::default_colors(), Theme::plain()] {
            let mut app = browser::open_app(file);
            let bytes = bytes_written(&mut app, &theme, SCRIPT);
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                text.contains("PWN") || text.contains("pwned"),
                "{file}: the payloads were not drawn at all, so this test proves nothing"
            );
            for (byte, name) in [(0x07u8, "BEL"), (b'\r', "CR"), (0x00, "NUL"), (0x7f, "DEL")] {
                assert!(
                    !bytes.contains(&byte),
                    "{file}: a raw {name} reached the terminal"
                );
            }
            for invisible in ['\u{9b}', '\u{202e}', '\u{200b}', '\u{200d}', '\u{2066}'] {
                assert!(
                    !text.contains(invisible),
                    "{file}: U+{:04X} reached the terminal unmarked",
                    invisible as u32
                );
            }
            // Every escape strata writes itself is a CSI (`ESC [`): cursor
            // moves and colours. An OSC (`ESC ]`) could only come from the file.
            for (at, _) in bytes.iter().enumerate().filter(|(_, b)| **b == 0x1b) {
                assert_eq!(
                    bytes.get(at + 1),
                    Some(&b'['),
                    "{file}: ESC not followed by `[` at byte {at}: {:?}",
                    String::from_utf8_lossy(&bytes[at..(at + 20).min(bytes.len())])
                );
            }
            // strata's own styling (a CSI) may sit between the marker and the
            // payload, e.g. when the marker is underlined as a finding.
            let text = without_csi(&text);
            for payload in [
                "]0;PWN",
                "]0;pwned",
                "[2J with",
                "[8m hidden",
                "[6n cursor",
                "]52;c",
            ] {
                for (at, _) in text.match_indices(payload) {
                    assert!(
                        text[..at].ends_with('␛'),
                        "{file}: `{payload}` drawn without its visible ␛ marker"
                    );
                }
            }
        }
    }
}

#[test]
fn bidi_and_zero_width_characters_are_shown_as_markers() {
    let mut browser = browser::Browser::new(FILES[0], 120, 40);
    let screen = browser.text();
    assert!(screen.contains("⟨U+202E⟩"), "{screen}");
    assert!(screen.contains("⟨U+200B⟩"), "{screen}");
    browser.keys("tab G");
    let screen = browser.text();
    assert!(screen.contains("⟨U+2066⟩"), "{screen}");
    assert!(screen.contains("日本語 🚚"), "{screen}");
}

#[test]
fn a_bad_lint_table_is_reported_in_the_status_bar() {
    let browser = browser::Browser::new(FILES[0], 120, 30);
    let screen = browser.text();
    // A long notice wraps above the status bar: all of it is there.
    let lines: Vec<&str> = screen.lines().collect();
    let status = lines[lines.len().saturating_sub(4)..]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(status.contains("[lint]"), "{status}");
    assert!(status.contains("default lint settings"), "{status}");
}

#[test]
fn no_color_means_no_colour_codes() {
    let mut app = browser::open_app("sample-strategy.toml");
    let bytes = bytes_written(
        &mut app,
        &Theme::plain(),
        "j ] e ] d r / {carrier} esc f e esc ?",
    );
    let text = String::from_utf8_lossy(&bytes);
    for colour in [
        "[38;", "[48;", "[31m", "[32m", "[33m", "[34m", "[36m", "[41m", "[44m",
    ] {
        assert!(
            !text.contains(colour),
            "a colour code `{colour}` was written with NO_COLOR"
        );
    }
    // The selection still shows: reverse video.
    assert!(
        text.contains("\u{1b}[7m"),
        "no reverse video for the selection"
    );
}

/// `text` without the CSI sequences (`ESC [` … final byte) strata writes
/// for cursor moves and styles, so what is drawn can be read in order.
fn without_csi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}
