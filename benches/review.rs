//! The review meeting's pure parts on large inputs: the `o` comparison's
//! word-level diff of a long section, and the meeting's summary and action
//! list over the generated 5,000-node strategy with a record on every node.
//!
//! `cargo bench --features bench --bench review`.

mod support;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use strata::model::progress::{Measure, Progress};
use strata::model::{ActionItem, Date, Decision, Review, record_review};
use strata::review::word_diff::word_diff;
use strata::review::{QueueFilter, Scope, open_action_list, queue, summarize};

fn day() -> Date {
    Date::new(2026, 12, 2).unwrap()
}

fn section_diff(c: &mut Criterion) {
    // A section of about 4,000 characters (two pages' worth), one number changed.
    let sentence = "By June 2028 a broker books a load in 8 minutes from the first call, because the rate and the lane history are on one screen. ";
    let old = sentence.repeat(32);
    let new = old.replacen("in 8 minutes", "in 6 minutes", 1);
    c.bench_function("review/word_diff_4k_section", |b| {
        b.iter(|| black_box(word_diff(black_box(&old), black_box(&new))))
    });
}

fn summary(c: &mut Criterion) {
    let text = support::strategy_toml(5_000);
    let mut strategy = strata::store::parse(&text).unwrap().strategy;
    let ids: Vec<_> = strategy.iter().map(|(id, _)| id).collect();
    for (i, id) in ids.into_iter().enumerate() {
        let mut record = Review::new("Dana Okafor", day(), Decision::Comment);
        record.comment = "The pricing floor holds.".into();
        record.attendees = vec!["CPO".into(), "VP Sales".into()];
        if i % 3 == 0 {
            record.action = Some(ActionItem {
                what: format!("Follow up {i}"),
                owner: "Lee Park".into(),
                due: Date::new(2026, 12, 1 + (i % 28) as u8),
            });
        }
        let edit = record_review(&strategy, id, record).unwrap();
        strategy.apply(edit).unwrap();
    }
    let nodes = queue(&strategy, &QueueFilter::default(), None);
    let progress = Progress::compute(&strategy, Measure::file(day(), day()), Default::default());
    // The findings of the file itself: a summary looks up each node's errors.
    let findings = strata::lint::lint_strategy(&strategy, &Default::default(), day());
    c.bench_function("review/summary_markdown_5000_nodes", |b| {
        b.iter(|| {
            let s = summarize(
                &strategy,
                &nodes,
                &findings,
                &progress,
                Scope::default(),
                day(),
            );
            black_box(s.to_markdown())
        })
    });
    c.bench_function("review/open_actions_5000_nodes", |b| {
        b.iter(|| black_box(open_action_list(&strategy, day(), Some("lee")).to_markdown()))
    });
}

criterion_group!(benches, section_diff, summary);
criterion_main!(benches);
