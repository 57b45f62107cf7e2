//! Loading a 5,000-node strategy, against a bare `toml` parse of the same text.
//!
//! `cargo bench --features bench --bench load`; the numbers go in docs/performance.md.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let text = support::strategy_toml(5_000);
    eprintln!("generated strategy: {} bytes", text.len());
    assert_eq!(
        strata::store::parse(&text).map(|l| l.strategy.len()).ok(),
        Some(5_000)
    );
    let mut group = c.benchmark_group("load_5000_nodes");
    group.sample_size(20);
    group.bench_function("bare_toml_table", |b| {
        b.iter(|| black_box(toml::from_str::<toml::Table>(black_box(&text)).is_ok()))
    });
    group.bench_function("strata_parse", |b| {
        b.iter(|| black_box(strata::store::parse(black_box(&text)).is_ok()))
    });
    group.finish();
}

/// The same strategy read from one file and from a directory of 50 files
/// (one per team): what splitting costs, IO included.
fn load_split(c: &mut Criterion) {
    let text = support::strategy_toml(5_000);
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.toml");
    std::fs::write(&one, &text).unwrap();
    let split = dir.path().join("split");
    std::fs::create_dir(&split).unwrap();
    let parts = support::split_files(&text, 50);
    for (i, part) in parts.iter().enumerate() {
        std::fs::write(split.join(format!("team-{i:02}.toml")), part).unwrap();
    }
    let open = |path: &std::path::Path| strata::store::Workspace::open(path).map(|(_, s)| s.len());
    assert_eq!(open(&one).ok(), Some(5_000));
    assert_eq!(open(&split).ok(), Some(5_000), "{} files", parts.len());
    let mut group = c.benchmark_group("open_5000_nodes");
    group.sample_size(20);
    group.bench_function("one_file", |b| {
        b.iter(|| black_box(open(black_box(&one)).is_ok()))
    });
    group.bench_function("fifty_files", |b| {
        b.iter(|| black_box(open(black_box(&split)).is_ok()))
    });
    group.finish();
}

criterion_group!(benches, load, load_split);
criterion_main!(benches);
