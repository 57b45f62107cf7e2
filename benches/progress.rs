//! `strata progress` on the generated 5,000-node strategy with 12 monthly
//! check-ins per metric, against loading the same file (target: ≤ 1.3×).
//! Both read the text as `strata` does (`store::parse`); the progress run
//! then reads `[lint]`, measures every node and writes the JSON report.
//!
//! `cargo bench --features bench --bench progress`; the numbers go in docs/performance.md.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use strata::cli::{ProgressFormat, Style, progress_report};
use strata::lint::LintConfig;
use strata::model::Date;
use strata::model::progress::{Measure, Progress};

fn progress(c: &mut Criterion) {
    let text = support::strategy_toml_with_checkins(5_000, 12);
    eprintln!("generated strategy with check-ins: {} bytes", text.len());
    let loaded = strata::store::parse(&text).unwrap_or_else(|_| unreachable!());
    let checkins: usize = loaded.strategy.iter().map(|(_, n)| n.checkins.len()).sum();
    assert_eq!(checkins, 5_000 * 12);
    let as_of = Date::new(2026, 11, 1).unwrap_or_else(|| unreachable!());
    let plain = Style {
        stdout: false,
        stderr: false,
    };
    let mut group = c.benchmark_group("progress_5000_nodes_12_checkins");
    group.sample_size(20);
    group.bench_function("load", |b| {
        b.iter(|| black_box(strata::store::parse(black_box(&text)).is_ok()))
    });
    group.bench_function("load_and_progress_json", |b| {
        b.iter(|| {
            let loaded = strata::store::parse(black_box(&text)).unwrap_or_else(|_| unreachable!());
            let config = LintConfig::from_toml(&loaded.lint).unwrap_or_default();
            let strategy = loaded.strategy;
            let measured = Progress::compute(&strategy, Measure::on(as_of), config.progress);
            let report = progress_report(
                &strategy,
                &measured,
                &strategy.cascade(),
                ProgressFormat::Json,
                false,
                plain,
            );
            black_box(report.len())
        })
    });
    group.bench_function("measure_only", |b| {
        let strategy = &loaded.strategy;
        b.iter(|| {
            let measured = Progress::compute(
                black_box(strategy),
                Measure::on(as_of),
                LintConfig::default().progress,
            );
            black_box(measured.health(strategy.vision().unwrap_or_else(|| unreachable!())))
        })
    });
    let measured = Progress::compute(
        &loaded.strategy,
        Measure::on(as_of),
        LintConfig::default().progress,
    );
    let cascade = loaded.strategy.cascade();
    group.bench_function("json_report_only", |b| {
        b.iter(|| {
            let report = progress_report(
                black_box(&loaded.strategy),
                &measured,
                &cascade,
                ProgressFormat::Json,
                false,
                plain,
            );
            black_box(report.len())
        })
    });
    group.finish();
}

criterion_group!(benches, progress);
criterion_main!(benches);
