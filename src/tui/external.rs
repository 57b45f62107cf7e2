//! Handing the terminal to the user's editor and taking it back: leave the
//! alternate screen and raw mode, run `$VISUAL`/`$EDITOR` on a private
//! temporary file, restore both, read the file back.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::store::edit_file;

/// Edits `text` in the user's editor with the terminal handed over; returns
/// the text the editor left, or why it did not run. When the editor fails
/// the file is kept and named in the message, so nothing typed is lost.
pub fn edit_in_terminal(text: &str) -> Result<String, String> {
    let path = temp_path();
    write_private(&path, text).map_err(|e| format!("could not write {}: {e}", path.display()))?;
    suspend();
    let result = edit_file(&path);
    resume();
    match result {
        Ok(()) => {
            let edited = std::fs::read_to_string(&path).map_err(|e| match e.kind() {
                std::io::ErrorKind::InvalidData => format!(
                    "the editor saved text that is not UTF-8 (it is kept in {})",
                    path.display()
                ),
                _ => format!("could not read {} back: {e}", path.display()),
            })?;
            let _ = std::fs::remove_file(&path);
            Ok(edited)
        }
        Err(error) => Err(format!("{error} (the text is kept in {})", path.display())),
    }
}

fn temp_path() -> PathBuf {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("strata-{}-{n}.md", std::process::id()))
}

/// Creates the file readable by its owner only: it holds unpublished strategy.
fn write_private(path: &PathBuf, text: &str) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

fn suspend() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen
    );
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), crossterm::cursor::Show);
}

fn resume() {
    let _ = enable_raw_mode();
    let _ = execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
}
