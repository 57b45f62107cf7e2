//! The language server on a generated 5,000-node strategy (12 MB): how long
//! a keystroke takes from the moment the debounce ends to the published
//! diagnostics, serialised as the server writes them to the editor. Only
//! the table typed in is read again and only the nodes linked to it are
//! relinted, so the target is 50 ms; reading and linting the whole file
//! again (what a full-text change forces) is measured beside it.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use lsp_server::{Message, Notification};
use serde_json::json;
use strata::lsp::{Options, Server};
use strata::model::Date;

mod support;

fn today() -> Date {
    Date::new(2026, 11, 1).unwrap_or_else(|| unreachable!("a valid date"))
}

fn notification(method: &str, params: serde_json::Value) -> Message {
    Message::Notification(Notification::new(method.to_owned(), params))
}

/// Runs the debounced read and writes what it publishes, as the writer
/// thread does; returns the bytes written.
fn publish(server: &mut Server) -> usize {
    let mut out = Vec::new();
    server.flush(&mut out);
    let mut bytes = Vec::new();
    for message in out {
        let _ = message.write(&mut bytes);
    }
    bytes.len()
}

fn bench(c: &mut Criterion) {
    let text = support::strategy_toml(5_000);
    let dir = std::env::temp_dir().join(format!("strata-lsp-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("strategy.toml");
    let _ = std::fs::write(&path, &text);
    let uri = format!("file://{}", path.display());
    let options = Options {
        today,
        debounce: Duration::ZERO,
        rules_url: None,
    };
    let open = notification(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "toml", "version": 1, "text": text } }),
    );
    let mut server = Server::new(options.clone());
    let mut out = Vec::new();
    server.handle(open.clone(), &mut out);
    let published = out.len();
    let mut first = Vec::new();
    for message in out {
        let _ = message.write(&mut first);
    }
    // A line in the future of an option two thirds of the way down.
    let at = text
        .find("[options.bet-3000]")
        .and_then(|i| text[i..].find("future = \"\"\"\n").map(|f| i + f))
        .unwrap_or_else(|| unreachable!("the generator writes that option"));
    let line = text[..at].matches('\n').count() + 1;
    eprintln!(
        "opened {} bytes: {published} publish message(s), {} bytes of diagnostics; typing on line {}",
        text.len(),
        first.len(),
        line + 1
    );

    let mut version = 1;
    let mut change = |server: &mut Server, typed: bool| {
        version += 1;
        let word = "leverage ";
        let (end, with) = if typed { (0, word) } else { (word.len(), "") };
        let edit = notification(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{
                    "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": end } },
                    "text": with,
                }],
            }),
        );
        let mut ignored = Vec::new();
        server.handle(edit, &mut ignored);
    };

    let mut group = c.benchmark_group("lsp-5000");
    group.sample_size(20);
    let mut typed = false;
    group.bench_function("keystroke-to-published-diagnostics", |b| {
        b.iter(|| {
            // Typing a buzzword, then deleting it: the findings change each time.
            typed = !typed;
            change(&mut server, typed);
            black_box(publish(&mut server))
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("whole-file-read-and-lint-and-publish", |b| {
        b.iter(|| {
            let replace = notification(
                "textDocument/didChange",
                json!({
                    "textDocument": { "uri": uri, "version": 99 },
                    "contentChanges": [{ "text": text }],
                }),
            );
            let mut ignored = Vec::new();
            server.handle(replace, &mut ignored);
            black_box(publish(&mut server))
        })
    });
    group.bench_function("open-to-first-diagnostics", |b| {
        b.iter(|| {
            let mut fresh = Server::new(options.clone());
            let mut out = Vec::new();
            fresh.handle(open.clone(), &mut out);
            black_box(out.len())
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
