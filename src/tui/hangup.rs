//! Noticing that the terminal went away, with or without a signal.
//!
//! When a terminal window closes, the kernel hangs up its tty and sends
//! SIGHUP to the session leader only. Under `su`, `sudo`, `sh -c 'trap ""
//! HUP; …'` or any wrapper that keeps the signal to itself, strata hears
//! nothing, and crossterm's reader, which retries a read that returns end of
//! file without end, spins at full speed forever. So the event loop never
//! hands crossterm a tty to read before looking at it itself ([`Tty::wait`]):
//! `POLLHUP`, `POLLERR`, or input that turns out to be end of file is a
//! hang-up, and so is an error writing to it (EIO). Then the loop journals
//! the unsaved edits, restores what can be restored, and exits.
//!
//! One gap is left: a hang-up in the microseconds between that look and
//! crossterm's read. For it, and for a signal that arrives while the loop is
//! busy, a watchdog thread ([`Watchdog`]) waits on the same tty; if the loop
//! has not finished a second after the hang-up, it swaps crossterm's file
//! descriptor for an empty pipe, whose reads say "nothing yet" rather than
//! "end of file", so crossterm returns and the loop can journal and exit;
//! should even that fail, it restores the terminal and exits a second later.

use std::fs::File;
use std::io::{self, Read};
use std::os::unix::io::{AsRawFd, FromRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the event loop has to finish by itself before the watchdog acts.
pub(super) const GRACE: Duration = Duration::from_secs(1);

/// What waiting on the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    /// Input is waiting to be read.
    Input,
    /// Nothing came within the time.
    Timeout,
    /// The terminal hung up (or its input ended).
    HungUp,
}

/// The terminal crossterm reads keys from, as seen by the event loop: its own
/// duplicate of the descriptor, so it still names the tty if the watchdog
/// replaces crossterm's.
pub(super) struct Tty {
    file: File,
    /// The descriptor crossterm reads: standard input; `None` when stdin is
    /// not a terminal and crossterm opens `/dev/tty` itself (then there is
    /// no descriptor of its we know to swap).
    crossterm_fd: Option<RawFd>,
    /// Becomes readable on SIGWINCH: crossterm turns the signal into a
    /// resize event, which must not wait for the next key.
    resized: UnixStream,
}

impl Tty {
    /// The terminal crossterm reads: standard input when it is one, else
    /// `/dev/tty`.
    pub(super) fn open() -> io::Result<Tty> {
        let (resized, on_resize) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        on_resize.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, on_resize)?;
        // SAFETY: isatty only asks.
        if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            // SAFETY: dup of an open descriptor; the new one is ours to own.
            let fd = unsafe { libc::fcntl(libc::STDIN_FILENO, libc::F_DUPFD_CLOEXEC, 0) };
            if fd < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: `fd` was just created and is owned by nothing else.
            let file = unsafe { File::from_raw_fd(fd) };
            return Ok(Tty {
                file,
                crossterm_fd: Some(libc::STDIN_FILENO),
                resized,
            });
        }
        let file = File::options().read(true).write(true).open("/dev/tty")?;
        Ok(Tty {
            file,
            crossterm_fd: None,
            resized,
        })
    }

    /// Waits up to `timeout` for input (or a resize), telling a hang-up
    /// apart from it.
    pub(super) fn wait(&self, timeout: Duration) -> io::Result<Wait> {
        let mut polls = [
            libc::pollfd {
                fd: self.file.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: self.resized.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: two valid pollfds.
        let ready = unsafe { libc::poll(polls.as_mut_ptr(), 2, millis) };
        let [poll, resize] = polls;
        if ready < 0 {
            let error = io::Error::last_os_error();
            return if error.kind() == io::ErrorKind::Interrupted {
                Ok(Wait::Timeout)
            } else {
                Err(error)
            };
        }
        if ready == 0 {
            return Ok(Wait::Timeout);
        }
        if poll.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Ok(Wait::HungUp);
        }
        if resize.revents & libc::POLLIN != 0 {
            let mut drain = [0u8; 64];
            while matches!((&self.resized).read(&mut drain), Ok(n) if n > 0) {}
            if poll.revents & libc::POLLIN == 0 {
                return Ok(Wait::Input);
            }
        }
        // Readable with nothing to read is end of file.
        let mut waiting: libc::c_int = 0;
        // SAFETY: FIONREAD writes one int.
        let asked = unsafe { libc::ioctl(poll.fd, libc::FIONREAD, &mut waiting) };
        if asked < 0 || waiting == 0 {
            return Ok(Wait::HungUp);
        }
        Ok(Wait::Input)
    }
}

/// What the watchdog and the event loop share.
#[derive(Debug, Default)]
pub(super) struct Flags {
    /// A signal (SIGTERM, SIGHUP) or a hang-up asks the loop to stop.
    pub stop: AtomicBool,
    /// The terminal hung up: nothing more may be written to it.
    pub hung_up: AtomicBool,
    /// The loop has ended (the watchdog has nothing to do).
    pub finished: AtomicBool,
}

/// Watches for SIGTERM, SIGHUP and the terminal hanging up while the browser runs.
pub(super) struct Watchdog {
    /// The flags the event loop reads.
    pub flags: Arc<Flags>,
}

impl Watchdog {
    /// Starts the threads: one waits for the signals, one for the tty to hang up.
    pub(super) fn start(tty: &Tty) -> io::Result<Watchdog> {
        use signal_hook::consts::{SIGHUP, SIGTERM};
        let flags = Arc::new(Flags::default());
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
        let on_signal = Arc::clone(&flags);
        let crossterm_fd = tty.crossterm_fd;
        std::thread::Builder::new()
            .name("strata-signals".into())
            .spawn(move || {
                if signals.forever().next().is_some() {
                    on_signal.stop.store(true, Ordering::Relaxed);
                    make_sure_it_ends(&on_signal, crossterm_fd);
                }
            })?;
        let watched = tty.file.try_clone()?;
        let on_hangup = Arc::clone(&flags);
        std::thread::Builder::new()
            .name("strata-hangup".into())
            .spawn(move || {
                // Asking for no event waits for the ones always reported:
                // POLLHUP, POLLERR, POLLNVAL.
                let mut poll = libc::pollfd {
                    fd: watched.as_raw_fd(),
                    events: 0,
                    revents: 0,
                };
                loop {
                    // SAFETY: one valid pollfd; the file lives in this thread.
                    let ready = unsafe { libc::poll(&mut poll, 1, -1) };
                    if ready > 0 {
                        break;
                    }
                    if ready < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted
                    {
                        return;
                    }
                }
                if on_hangup.finished.load(Ordering::Relaxed) {
                    return;
                }
                on_hangup.hung_up.store(true, Ordering::Relaxed);
                on_hangup.stop.store(true, Ordering::Relaxed);
                make_sure_it_ends(&on_hangup, crossterm_fd);
            })?;
        Ok(Watchdog { flags })
    }
}

/// Gives the event loop [`GRACE`] to end by itself; then frees it from
/// crossterm's spinning read; then, if it is still not done, restores the
/// terminal and exits.
fn make_sure_it_ends(flags: &Flags, crossterm_fd: Option<RawFd>) {
    std::thread::sleep(GRACE);
    if flags.finished.load(Ordering::Relaxed) {
        return;
    }
    if flags.hung_up.load(Ordering::Relaxed)
        && let Some(fd) = crossterm_fd
    {
        unstick(fd);
        std::thread::sleep(GRACE);
        if flags.finished.load(Ordering::Relaxed) {
            return;
        }
    }
    super::restore();
    std::process::exit(2);
}

/// Replaces descriptor `fd` by the read end of an empty pipe whose write end
/// stays open: a read from it says "would block", which makes crossterm's
/// reader stop retrying and return, where end of file makes it spin.
fn unstick(fd: RawFd) {
    let mut ends = [0; 2];
    // SAFETY: pipe2 fills two descriptors; dup2 replaces `fd` atomically. The
    // write end is left open on purpose (and leaks: the process is ending).
    unsafe {
        if libc::pipe2(ends.as_mut_ptr(), libc::O_NONBLOCK | libc::O_CLOEXEC) == 0 {
            libc::dup2(ends[0], fd);
        }
    }
}

/// The error the event loop ends with when the terminal went away.
#[derive(Debug)]
pub struct HungUp;

impl std::fmt::Display for HungUp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the terminal hung up")
    }
}

impl std::error::Error for HungUp {}

/// The terminal went away, as an [`io::Error`].
pub(super) fn hung_up() -> io::Error {
    io::Error::other(HungUp)
}

/// True when `error` says the terminal hung up (nothing can be printed to it).
pub fn is_hang_up(error: &io::Error) -> bool {
    error.get_ref().is_some_and(|inner| inner.is::<HungUp>())
}
