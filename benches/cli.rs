//! The whole `strata` process, end to end, as CI runs it: `strata lint` in
//! every format, `strata tree`, `review --summary` and `export -f html`, on weak generated strategies (many
//! findings per node, `support/weak.rs`) of 1,000, 5,000 and 20,000 nodes,
//! output to /dev/null, against the floor: starting the process plus reading
//! the file, a bare `toml` parse and one pass over its words.
//!
//! Throughput is in nodes, so criterion's "elements/s" shows directly
//! whether time per node stays flat as the file grows (target: within 1.5×
//! from 1,000 to 20,000 nodes).
//!
//! `cargo bench --features bench --bench cli` (the bench profile builds the binary it runs).

mod support;

use std::collections::HashSet;
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The binary cargo built for this benchmark, in the same profile.
const STRATA: &str = env!("CARGO_BIN_EXE_strata");

/// Runs `strata ARGS` once, output to /dev/null.
fn run(args: &[&str]) {
    let status = Command::new(STRATA)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap_or_else(|e| panic!("cannot run {STRATA}: {e}"));
    // Findings exit 1; only 2 (could not do it) is a broken benchmark.
    assert_ne!(status.code(), Some(2), "strata {args:?} failed");
}

/// The floor in process: read, parse with `toml`, count distinct words.
fn floor(path: &Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let table = toml::from_str::<toml::Table>(&text)
        .map(|t| t.len())
        .unwrap_or(0);
    let words: HashSet<&str> = text.split_whitespace().collect();
    table + words.len()
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let mut group = c.benchmark_group("cli");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.warm_up_time(Duration::from_secs(1));
    for nodes in [1_000, 5_000, 20_000] {
        let text = support::weak::weak_strategy_toml(nodes, 50);
        let path = dir.path().join(format!("weak-{nodes}.toml"));
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("cannot write: {e}"));
        let file = path.to_str().unwrap_or_default().to_owned();
        eprintln!(
            "{nodes} nodes: {} bytes ({} per node)",
            text.len(),
            text.len() / nodes
        );
        group.throughput(Throughput::Elements(nodes as u64));
        group.bench_with_input(BenchmarkId::new("floor-parse", nodes), &path, |b, path| {
            b.iter(|| floor(black_box(path)))
        });
        for format in ["json", "human", "sarif", "github"] {
            let args = ["lint", "--format", format, file.as_str()];
            group.bench_with_input(
                BenchmarkId::new(format!("lint-{format}"), nodes),
                &args,
                |b, args| b.iter(|| run(args)),
            );
        }
        let commands: [(&str, Vec<&str>); 3] = [
            ("tree", vec!["tree", &file]),
            ("review-summary", vec!["review", "--summary", &file]),
            ("export-html", vec!["export", "-f", "html", &file]),
        ];
        for (name, args) in &commands {
            group.bench_with_input(BenchmarkId::new(*name, nodes), args, |b, args| {
                b.iter(|| run(args))
            });
        }
    }
    // What the floor leaves out: starting a process at all.
    group.throughput(Throughput::Elements(1));
    group.bench_function("process-start", |b| b.iter(|| run(&["--version"])));
    group.finish();
}

/// A vision whose `today`, `future` and one `will_not` item are each a
/// single clause of `reps` comparisons with rivals: one finding per
/// comparison, all on one line of the file.
fn long_clause_toml(reps: usize) -> String {
    let clause = "better than our rivals and ".repeat(reps);
    format!(
        "version = 1\nas_of = 2026-12-01\n[company]\nname = \"X\"\n[vision]\n\
         title = \"v\"\nhorizon = \"2032-12\"\ntoday = \"{clause}\"\n\
         future = \"{clause}\"\nwill_not = [\"{clause}\"]\n"
    )
}

/// One clause of 2,500 to 10,000 words in each of three fields, with a
/// finding every five words: the cost per word must stay flat as the clause
/// grows (it grew 3.5x per doubling before the tenth pass: a scan of the
/// clause per grading word, a walk from the string's start per finding).
fn long_clause(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let mut group = c.benchmark_group("cli-long-clause");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    for reps in [500, 1_000, 2_000] {
        let path = dir.path().join(format!("long-{reps}.toml"));
        std::fs::write(&path, long_clause_toml(reps))
            .unwrap_or_else(|e| panic!("cannot write: {e}"));
        let file = path.to_str().unwrap_or_default().to_owned();
        group.throughput(Throughput::Elements(5 * reps as u64));
        for format in ["json", "human"] {
            let args = ["lint", "--format", format, file.as_str()];
            group.bench_with_input(
                BenchmarkId::new(format!("lint-{format}"), reps * 5),
                &args,
                |b, args| b.iter(|| run(args)),
            );
        }
    }
    group.finish();
}

/// A vision whose `today` is `reps` sentences of counts and limit words
/// ("capped at 80 events", "468 seats and 40 beds"), beside a metric the
/// limits bound: the readings of numbers in `today` must stay linear (the
/// seventeenth pass's limit-noun check was cubic: 21 s at 1,500).
fn long_today_toml(reps: usize) -> String {
    let today = "The hall is capped at 80 events and we sold 468 seats and 40 beds. ".repeat(reps);
    format!(
        "version = 1\nas_of = 2026-12-01\n[company]\nname = \"X\"\n[vision]\n\
         title = \"v\"\nhorizon = \"2032-12\"\ntoday = \"{today}\"\n\
         future = \"By 2032 we host 190 events and sell 900 seats.\"\n\
         metrics = [{{ name = \"events\", baseline = \"64\", target = \"190\", by = \"2032-06\" }}]\n"
    )
}

/// `strata lint` on a `today` of 375 to 1,500 sentences full of numbers.
fn long_today(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temp dir: {e}"));
    let mut group = c.benchmark_group("cli-long-today");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    for reps in [375, 750, 1_500] {
        let path = dir.path().join(format!("today-{reps}.toml"));
        std::fs::write(&path, long_today_toml(reps))
            .unwrap_or_else(|e| panic!("cannot write: {e}"));
        let file = path.to_str().unwrap_or_default().to_owned();
        group.throughput(Throughput::Elements(reps as u64));
        let args = ["lint", "--format", "json", file.as_str()];
        group.bench_with_input(BenchmarkId::new("lint-json", reps), &args, |b, args| {
            b.iter(|| run(args))
        });
    }
    group.finish();
}

criterion_group!(benches, bench, long_clause, long_today);
criterion_main!(benches);
