//! Loading a 5,000-node strategy, against a bare `toml` parse of the same text.
//!
//! `cargo bench --bench load`; the numbers go in docs/performance.md.

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

criterion_group!(benches, load);
criterion_main!(benches);
