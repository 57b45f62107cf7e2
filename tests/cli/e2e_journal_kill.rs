//! `kill -9` at random points of a typing script, with the real delays: the
//! recovery journal holds every character typed more than four seconds
//! before the kill, something as soon as a second has passed since the
//! first key, and never misses two hundred characters or more.
//!
//! The script types a title at a typist's pace (15 characters a second),
//! then a burst of 250 characters at once (a fast typist, a key held down),
//! then steadily again, for nine seconds. Each run kills strata at a random
//! moment of its own stretch of the script, so together they cover the
//! first second, the seconds before the first four-second write, the burst
//! and the steady typing after it. The runs go four at a time; there are 4
//! by default and `STRATA_JOURNAL_KILL_RUNS` more (CI runs 8).

use crate::support;

use std::process::Command;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use strata::store::{Journal, parse};
use support::tmux::{Tmux, tmux};

/// How late strata may be with a write: reading keys, patching the file,
/// fsync, on a loaded two-core machine.
const SLACK: Duration = Duration::from_millis(800);

/// The slowest pace at which a debug build reads keys that arrive at once
/// (each is handled and drawn; about 130 a second are measured): a burst is
/// read over a while, and the bounds hold from when a key is read.
const KEYS_PER_SECOND: f64 = 50.0;

/// One step of the script: when (from the first key) and what to type.
struct Step {
    at: Duration,
    text: String,
}

/// The typing script and its text, in order.
fn script() -> (Vec<Step>, String) {
    let letters: Vec<char> = ('a'..='z').collect();
    let mut steps = Vec::new();
    let mut text = String::new();
    let mut next = 0;
    let mut take = |n: usize, text: &mut String| -> String {
        let piece: String = (0..n)
            .map(|i| letters[(next + i) % letters.len()])
            .collect();
        next += n;
        text.push_str(&piece);
        piece
    };
    let pace = Duration::from_millis(1000 / 15);
    let mut at = Duration::ZERO;
    while at < Duration::from_secs(3) {
        steps.push(Step {
            at,
            text: take(1, &mut text),
        });
        at += pace;
    }
    steps.push(Step {
        at,
        text: take(250, &mut text),
    });
    at += Duration::from_millis(100);
    while at < Duration::from_secs(9) {
        steps.push(Step {
            at,
            text: take(1, &mut text),
        });
        at += pace;
    }
    (steps, text)
}

fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// What one run found.
struct Run {
    kill_at: Duration,
    /// When each character was sent (after tmux handed it to the terminal).
    sent: Vec<Duration>,
    recovered: usize,
}

fn one_run(number: usize, kill_at: Duration) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::copy(support::root().join("sample-strategy.toml"), &path).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let state = dir.path().join("state");
    let title = {
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = parse(&text).unwrap().strategy;
        loaded.node(loaded.vision().unwrap()).doc.title.clone()
    };
    let session = Tmux::start(&format!("journal-kill-{number}"), "sleep 100000", 120, 35);
    tmux(&["set-option", "-t", session.name(), "remain-on-exit", "on"]);
    // The real delays: no STRATA_JOURNAL_DELAY_MS.
    let command = format!(
        "STRATA_STATE_DIR='{}' STRATA_CONFIG='{}' exec '{}' '{}'",
        state.display(),
        config.display(),
        env!("CARGO_BIN_EXE_strata"),
        path.display()
    );
    tmux(&["respawn-pane", "-k", "-t", session.name(), &command]);
    session.wait_for("Northwind");
    session.keys(&["e", "1"]);
    session.wait_for("Title");
    let (steps, _) = script();
    let t0 = Instant::now();
    let mut sent = Vec::new();
    for step in &steps {
        let due = t0 + step.at;
        if due > t0 + kill_at {
            break;
        }
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
        session.type_text(&step.text);
        let at = t0.elapsed();
        sent.extend(std::iter::repeat_n(at, step.text.chars().count()));
    }
    std::thread::sleep((t0 + kill_at).saturating_duration_since(Instant::now()));
    let pid = session.pane_pid();
    let _ = Command::new("kill").args(["-KILL", &pid]).status();
    let kill_at = t0.elapsed();
    let start = Instant::now();
    while tmux(&[
        "display-message",
        "-p",
        "-t",
        session.name(),
        "#{pane_dead}",
    ])
    .stdout
    .starts_with(b"0")
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "strata survived kill -9"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let journal = Journal::in_dir(&state.join("journal"), &path);
    let recovered = match journal.read().unwrap() {
        None => 0,
        Some(found) => {
            let edited = parse(&found.text).expect("the journal parses").strategy;
            let now = &edited.node(edited.vision().unwrap()).doc.title;
            let typed = now
                .strip_prefix(title.as_str())
                .unwrap_or_else(|| panic!("run {number}: the title lost its start: {now}"));
            let (_, text) = script();
            assert!(
                text.starts_with(typed),
                "run {number}: {typed:?} was never typed"
            );
            typed.chars().count()
        }
    };
    Run {
        kill_at,
        sent,
        recovered,
    }
}

#[test]
fn killed_while_typing_the_journal_loses_at_most_four_seconds_or_200_characters() {
    if !support::tool_available("tmux", "-V", "apt-get install -y tmux") {
        return;
    }
    let runs: usize = std::env::var("STRATA_JOURNAL_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
        .max(4);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut seed = u64::from(nanos) | 1;
    // Stretches of the script, taken in turn: the first second, the seconds
    // before a four-second write, the burst and after, the steady typing.
    let stretches = [(0.2, 1.0), (2.0, 3.0), (3.1, 6.0), (6.0, 9.0)];
    let kills: Vec<Duration> = (0..runs)
        .map(|i| {
            let (from, to) = stretches[i % stretches.len()];
            let spread = (next(&mut seed) % 1000) as f64 / 1000.0;
            Duration::from_secs_f64(from + (to - from) * spread)
        })
        .collect();
    // Four at a time: more typists at once on two cores would measure the
    // machine, not the journal.
    let mut results: Vec<Run> = Vec::new();
    for (batch, kills) in kills.chunks(4).enumerate() {
        results.extend(std::thread::scope(|scope| {
            let handles: Vec<_> = kills
                .iter()
                .enumerate()
                .map(|(i, &kill)| scope.spawn(move || one_run(batch * 4 + i, kill)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap())
                .collect::<Vec<Run>>()
        }));
    }
    for (i, run) in results.iter().enumerate() {
        // When strata has read each key at the latest: when it was sent, or
        // a key's time after the one before it.
        let mut read_at = Vec::with_capacity(run.sent.len());
        let mut last = Duration::ZERO;
        for &sent in &run.sent {
            last = sent.max(last + Duration::from_secs_f64(1.0 / KEYS_PER_SECOND));
            read_at.push(last + SLACK);
        }
        let typed_before = |t: Duration| read_at.iter().filter(|&&at| at <= t).count();
        let typed = run.sent.len();
        let first = read_at.first().copied().unwrap_or(run.kill_at);
        let k = run.kill_at;
        eprintln!(
            "run {i}: killed {:.2} s after the first key, {typed} typed, {} recovered",
            k.as_secs_f64(),
            run.recovered
        );
        assert!(run.recovered <= typed, "run {i}: more recovered than typed");
        // Everything read more than four seconds ago.
        let old = typed_before(k.saturating_sub(Duration::from_secs(4)));
        assert!(
            run.recovered >= old,
            "run {i}: {} recovered, but {old} were typed more than 4 s before the kill",
            run.recovered
        );
        // Something, once the first key is a second old.
        if k >= first + Duration::from_secs(1) {
            assert!(
                run.recovered > 0,
                "run {i}: nothing recovered {:.2} s after the first key was read",
                (k - first).as_secs_f64()
            );
        }
        // Never 200 characters behind what strata had read.
        let read = typed_before(k);
        assert!(
            read.saturating_sub(run.recovered) < strata::store::Throttle::MAX_CHARS,
            "run {i}: {} characters typed but not journaled",
            read - run.recovered
        );
    }
}
