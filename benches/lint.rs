//! Linting a generated 5,000-node strategy, against the cost of merely
//! parsing its TOML: the linter should stay within twice the parse, and
//! relinting the node being typed in should take well under a millisecond.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use strata::lint::{LintConfig, lint_node, lint_strategy};
use strata::model::{Date, Level};

mod support;

fn bench(c: &mut Criterion) {
    let text = support::strategy_toml(5_000);
    let strategy = strata::store::parse(&text)
        .map(|loaded| loaded.strategy)
        .unwrap_or_else(|_| unreachable!("the generator writes a valid strategy"));
    assert_eq!(strategy.len(), 5_000);
    let as_of = Date::new(2026, 11, 1).unwrap_or_else(|| unreachable!("valid date"));
    let config = LintConfig::default();
    let one = strategy
        .at_level(Level::Option)
        .nth(2_000)
        .unwrap_or_else(|| unreachable!("the generator makes thousands of options"));
    eprintln!(
        "generated {} nodes, {} bytes ({} per node), {} diagnostics",
        strategy.len(),
        text.len(),
        text.len() / strategy.len(),
        lint_strategy(&strategy, &config, as_of).len()
    );

    let mut group = c.benchmark_group("lint-5000");
    group.sample_size(20);
    group.bench_function("toml-parse", |b| {
        b.iter(|| toml::from_str::<toml::Table>(black_box(&text)).map(|t| t.len()))
    });
    group.bench_function("lint-strategy", |b| {
        b.iter(|| lint_strategy(black_box(&strategy), &config, as_of))
    });
    group.bench_function("relint-one-node", |b| {
        b.iter(|| lint_node(black_box(&strategy), one, &config, as_of))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
