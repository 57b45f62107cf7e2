//! Stdout for every command's output, in one place: buffered, a closed pipe
//! ends the command quietly (exit 0, as ripgrep does) and any other write
//! error (a full disk) is a message and exit 2. `println!` would panic on
//! both. JSON for tools is written here too, sanitized as it streams.

use std::io::{self, BufWriter, StdoutLock, Write};

use super::exit::Exit;

/// Buffered, locked stdout, as [`print`] hands it to a command.
pub type Out = BufWriter<StdoutLock<'static>>;

/// How much output is gathered before it goes to stdout.
const BUFFER: usize = 64 * 1024;

/// Runs `write` on buffered stdout and flushes it. `Ok(())` when everything
/// was written; `Err(exit)` when the command must end now with `exit`:
/// [`Exit::Ok`] when the reader closed the pipe, [`Exit::Error`] (already
/// said on stderr) for any other failure.
pub fn print(write: impl FnOnce(&mut Out) -> io::Result<()>) -> Result<(), Exit> {
    let mut out = BufWriter::with_capacity(BUFFER, io::stdout().lock());
    let written = write(&mut out).and_then(|()| out.flush());
    // What is left in the buffer after a failure must not be flushed again
    // when `out` is dropped (it would fail the same way, silently).
    if written.is_err() {
        let _ = out.into_parts();
    }
    ended(written)
}

/// Prints `text` to stdout, as [`print`] does.
pub fn print_str(text: &str) -> Result<(), Exit> {
    print(|out| out.write_all(text.as_bytes()))
}

/// The exit for a write's result: see [`print`].
fn ended(written: io::Result<()>) -> Result<(), Exit> {
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Err(Exit::Ok),
        Err(e) => {
            eprintln!("error: cannot write to stdout: {e}");
            Err(Exit::Error)
        }
    }
}

/// The exit of a command whose last act was printing: `exit` when all was
/// written, else what [`print`] said.
pub fn then(printed: Result<(), Exit>, exit: Exit) -> Exit {
    match printed {
        Ok(()) => exit,
        Err(stopped) => stopped,
    }
}

/// `value` pretty-printed to `out` through [`crate::sanitize::JsonWriter`], then a newline:
/// the bytes `sanitize::json(to_string_pretty(value))` and a newline would be.
pub fn pretty_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    let mut writer = crate::sanitize::JsonWriter::new(&mut *out);
    value.serialize(&mut serde_json::Serializer::pretty(&mut writer))?;
    writer.write_all(b"\n")?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_a_quiet_success_and_other_errors_fail() {
        let pipe = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(ended(Err(pipe)), Err(Exit::Ok));
        let full = io::Error::from_raw_os_error(28);
        assert_eq!(ended(Err(full)), Err(Exit::Error));
        assert_eq!(then(Ok(()), Exit::Findings), Exit::Findings);
        assert_eq!(then(Err(Exit::Ok), Exit::Findings), Exit::Ok);
    }
}
