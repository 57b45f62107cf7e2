//! What a plain `cargo bench` runs: the benchmarks use criterion, which is
//! behind the `bench` feature so that `cargo test` never builds it, and every
//! other bench target requires that feature, so without it cargo would run
//! nothing and say nothing. This one says how.

fn main() {
    if !cfg!(feature = "bench") {
        eprintln!(
            "error: the benchmarks need the `bench` feature (criterion)\n  \
             = help: cargo bench --features bench              every benchmark\n  \
             = help: cargo bench --features bench --bench cli  one file of them (cli, load, lint, lsp, progress, review, tui)"
        );
        std::process::exit(1);
    }
}
