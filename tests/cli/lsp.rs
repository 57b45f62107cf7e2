//! `strata lsp` driven over stdio by a real JSON-RPC client: the handshake,
//! documents opened and edited, hover, code actions, definition,
//! completion, symbols, shutdown and exit.

use serde_json::{Value, json};

use crate::lsp_client::{
    Client, clean_future_line, code, count_on, find, find_in, lint_json, on_line, ranges,
    sample_copy, uri,
};
use crate::support;

#[test]
fn opening_the_sample_shows_what_strata_lint_finds() {
    let (dir, path) = sample_copy();
    let mut client = Client::start(dir.path());
    let found = client.open(&path);
    let mut lsp: Vec<(u64, String)> = found
        .iter()
        .map(|d| (d["range"]["start"]["line"].as_u64().unwrap() + 1, code(d)))
        .collect();
    let mut cli = lint_json(&path);
    lsp.sort();
    cli.sort();
    assert_eq!(lsp, cli);
    // Each finding carries its severity, criterion and the link to its rule.
    let buzz = found
        .iter()
        .find(|d| code(d) == "sunday-words")
        .expect("the sample has Sunday words");
    assert_eq!(buzz["severity"], 2, "a warning");
    assert_eq!(buzz["source"], "strata");
    assert_eq!(buzz["data"]["criterion"], "concrete");
    assert!(buzz["message"].as_str().unwrap().contains("(concrete)"));
    assert!(
        buzz["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("rules.md#sunday-words"),
        "{buzz}"
    );
    client.shut_down();
}

#[test]
fn a_buzzword_typed_into_a_future_is_flagged_on_its_line_and_goes_when_deleted() {
    let (dir, path) = sample_copy();
    let mut client = Client::start(dir.path());
    let before = client.open(&path);
    let line = clean_future_line(&path);
    assert!(!on_line(&before, line).contains(&"sunday-words".to_owned()));

    // Typed a character at a time, as an editor sends it.
    let mut version = 1;
    let mut column = 0;
    for c in "We leverage synergies. ".chars() {
        version += 1;
        client.change(&path, version, line, column, line, column, &c.to_string());
        column += 1;
    }
    let after = client.diagnostics_for(&path, version);
    assert!(
        on_line(&after, line).contains(&"sunday-words".to_owned()),
        "{:?}",
        on_line(&after, line)
    );
    // Everything else is where it was: the text grew on one line only.
    assert_eq!(
        after.len(),
        before.len() + count_on(&after, line, "sunday-words")
    );

    version += 1;
    client.change(&path, version, line, 0, line, column, "");
    let again = client.diagnostics_for(&path, version);
    assert_eq!(ranges(&again), ranges(&before));
    client.shut_down();
}

#[test]
fn edits_wait_for_the_debounce_and_a_request_reads_them_first() {
    let (dir, path) = sample_copy();
    // A debounce longer than the test: only the request can read the edits.
    let mut client = Client::start_with(dir.path(), json!({ "debounceMs": 10_000 }), json!({}));
    client.open(&path);
    let line = clean_future_line(&path);
    let typed = "We leverage synergies. ";
    for (i, c) in typed.chars().enumerate() {
        client.change(
            &path,
            2 + i as i32,
            line,
            i as u64,
            line,
            i as u64,
            &c.to_string(),
        );
    }
    let last = 1 + typed.len() as i32;
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": line, "character": 14 } }),
    );
    // Published once, for the last version, before the answer.
    let versions: Vec<&Value> = client
        .published
        .iter()
        .skip(1)
        .map(|p| &p["version"])
        .collect();
    assert_eq!(versions, [&json!(last)]);
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("sunday-words")
    );
    client.shut_down();
}

#[test]
fn hover_explains_the_rule_and_names_the_parent() {
    let (dir, path) = sample_copy();
    let mut client = Client::start(dir.path());
    let found = client.open(&path);
    let buzz = found.iter().find(|d| code(d) == "sunday-words").unwrap();
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&path) }, "position": buzz["range"]["start"] }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    let explained = strata::lint::explain("sunday-words").unwrap();
    let first_line = explained.lines().next().unwrap();
    assert!(text.contains(first_line), "{text}");
    assert!(text.contains("What it does"), "{text}");

    // On `intent = "…"`: the intent's title, level and status.
    let (line, column) = find(&path, "intent = \"win-mid-market-brokers\"", 10);
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": line, "character": column } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("Strategic intent"), "{text}");
    assert!(text.contains("status: "), "{text}");
    // Nothing to say on a blank line.
    let none = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": 1, "character": 0 } }),
    );
    assert_eq!(none, Value::Null);
    client.shut_down();
}

#[test]
fn allow_with_a_reason_is_a_code_action_and_the_reason_makes_it_count() {
    let (dir, path) = sample_copy();
    let mut client = Client::start(dir.path());
    let found = client.open(&path);
    let buzz = found
        .iter()
        .find(|d| code(d) == "sunday-words")
        .unwrap()
        .clone();
    let node = buzz["data"]["node"].as_str().unwrap().to_owned();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&path) },
            "range": buzz["range"],
            "context": { "diagnostics": [buzz] },
        }),
    );
    let allow = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Allow `sunday-words`")
        })
        .expect("an allow action")
        .clone();
    let edits = &allow["edit"]["changes"][uri(&path)];
    let text = client.apply(&path, 2, edits);
    assert!(
        text.contains("allow = [{ rule = \"sunday-words\", reason = \"\" }]"),
        "the entry is written as strata writes it"
    );
    let after = client.diagnostics_for(&path, 2);
    // Without a reason it silences nothing, and says so.
    let on_node = |found: &[Value], rule: &str| {
        found
            .iter()
            .filter(|d| d["data"]["node"] == node.as_str() && code(d) == rule)
            .count()
    };
    assert!(on_node(&after, "sunday-words") > 0);
    assert_eq!(on_node(&after, "invalid-allow"), 1);

    // The writer types the reason between the quotes.
    let (line, column) = find_in(&text, "reason = \"\"", 10);
    client.change(&path, 3, line, column, line, column, "quoting the customer");
    let reasoned = client.diagnostics_for(&path, 3);
    assert_eq!(on_node(&reasoned, "sunday-words"), 0);
    assert_eq!(on_node(&reasoned, "invalid-allow"), 0);
    client.shut_down();
}

#[test]
fn a_horizon_out_of_range_has_a_quick_fix() {
    let (dir, path) = sample_copy();
    let mut client = Client::start(dir.path());
    let found = client.open(&path);
    let far = found
        .iter()
        .find(|d| code(d) == "horizon-out-of-range")
        .expect("the sample has one")
        .clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": uri(&path) },
            "range": far["range"],
            "context": { "diagnostics": [far] },
        }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Set horizon to"))
        .expect("a horizon fix")
        .clone();
    assert_eq!(fix["isPreferred"], true);
    let text = client.apply(&path, 2, &fix["edit"]["changes"][uri(&path)]);
    let after = client.diagnostics_for(&path, 2);
    assert!(
        !after.iter().any(|d| code(d) == "horizon-out-of-range"),
        "{after:?}"
    );
    // Only the horizon's value changed.
    let old = support::read(&path);
    let changed: Vec<_> = old
        .lines()
        .zip(text.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.starts_with("horizon = \"2027-"), "{changed:?}");
    client.shut_down();
}

#[test]
fn definition_completion_and_the_outline() {
    let (dir, path) = sample_copy();
    let mut client = Client::start(dir.path());
    client.open(&path);
    let (line, column) = find(&path, "intent = \"win-mid-market-brokers\"", 12);
    let location = client.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": line, "character": column } }),
    );
    let (target, _) = find(&path, "[intents.win-mid-market-brokers]", 0);
    assert_eq!(location["uri"], uri(&path));
    assert_eq!(location["range"]["start"]["line"], target);

    // Typing a new parent value: the intents are offered.
    let (line, _) = find(&path, "intent = \"win-mid-market-brokers\"", 0);
    client.change(&path, 2, line, 0, line + 1, 0, "intent = \"win\n");
    let items = client.request(
        "textDocument/completion",
        json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": line, "character": 13 } }),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"win-mid-market-brokers"), "{labels:?}");
    assert!(
        labels.iter().all(|l| !l.contains("vision")),
        "intents only: {labels:?}"
    );
    let edit = &items[0]["textEdit"]["range"];
    assert_eq!(edit["start"]["character"], 10, "replaces what was typed");

    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri(&path) } }),
    );
    let roots = symbols.as_array().unwrap();
    assert_eq!(roots[0]["name"], "vision");
    let intents = roots[0]["children"].as_array().unwrap();
    assert!(intents.len() >= 3);
    assert!(
        intents[0]["children"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    client.shut_down();
}

#[test]
fn a_directory_is_one_strategy_across_files() {
    let dir = tempfile::tempdir().unwrap();
    let vision = dir.path().join("vision.toml");
    let team = dir.path().join("team.toml");
    std::fs::write(
        &vision,
        "version = 1\nas_of = 2026-11-01\n\n[vision]\ntitle = \"V\"\n\n[intents.grow]\ntitle = \"Grow\"\n",
    )
    .unwrap();
    std::fs::write(
        &team,
        "version = 1\n\n[initiatives.slow]\nintent = \"grow\"\ntitle = \"Quotes are slow\"\n",
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    let found = client.open(&team);
    assert!(
        !found.iter().any(|d| code(d) == "unknown-parent"),
        "{found:?}"
    );
    let location = client.request(
        "textDocument/definition",
        json!({ "textDocument": { "uri": uri(&team) }, "position": { "line": 3, "character": 11 } }),
    );
    assert_eq!(
        location["uri"],
        uri(&vision),
        "the parent is in the other file"
    );

    client.change(&team, 2, 3, 10, 3, 14, "grwo");
    let after = client.diagnostics_for(&team, 2);
    let unknown = after
        .iter()
        .find(|d| code(d) == "unknown-parent")
        .expect("a parent that is nowhere");
    assert_eq!(unknown["range"]["start"]["line"], 3);

    // A colleague renames the intent in the other file, on disk.
    let seen = client.published.len();
    std::fs::write(
        &vision,
        support::read(&vision).replace("intents.grow", "intents.grwo"),
    )
    .unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&vision), "type": 2 }] }),
    );
    let now = client.diagnostics_after(&team, seen);
    assert!(!now.iter().any(|d| code(d) == "unknown-parent"), "{now:?}");
    // The other file, opened now, gets its diagnostics with its version.
    let vision_found = client.open(&vision);
    assert!(vision_found.iter().all(|d| d["source"] == "strata"));
    client.shut_down();
}

#[test]
fn other_toml_is_left_alone_and_a_broken_file_gets_one_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let cargo = dir.path().join("Cargo.toml");
    std::fs::write(&cargo, "[package]\nname = \"x\"\nversion = \"1.0.0\"\n").unwrap();
    let mut client = Client::start(dir.path());
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri(&cargo), "languageId": "toml", "version": 1, "text": support::read(&cargo) } }),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&cargo) }, "position": { "line": 0, "character": 1 } }),
    );
    assert_eq!(hover, Value::Null);
    assert!(client.published.is_empty(), "{:?}", client.published);

    let broken = dir.path().join("strategy.toml");
    std::fs::write(&broken, "version = 1\n[vision]\ntitle = \"unclosed\n").unwrap();
    let found = client.open(&broken);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["range"]["start"]["line"], 2);
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("invalid TOML")
    );
    // Fixed, it lints.
    client.change(&broken, 2, 2, 17, 2, 17, "\"");
    let fixed = client.diagnostics_for(&broken, 2);
    assert!(
        fixed.iter().all(|d| d["data"]["criterion"].is_string()),
        "{fixed:?}"
    );
    assert!(!fixed.is_empty());
    client.shut_down();
}

#[test]
fn ranges_count_utf16_units() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    // `é` is one UTF-16 unit (two bytes), `𝄞` two units (four bytes).
    let line = "future = \"Café 𝄞: we deliver a world-class, seamless experience.\"";
    std::fs::write(
        &path,
        format!("version = 1\nas_of = 2026-11-01\n[vision]\ntitle = \"V\"\n{line}\n"),
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    let found = client.open(&path);
    let buzz = found
        .iter()
        .find(|d| code(d) == "sunday-words")
        .expect("a buzzword");
    let at = line.find("world-class").unwrap();
    let units = line[..at].encode_utf16().count() as u64;
    assert_eq!(
        buzz["range"]["start"],
        json!({ "line": 4, "character": units })
    );
    assert_eq!(
        buzz["range"]["end"]["character"],
        units + "world-class".len() as u64
    );
    client.shut_down();
}

#[test]
fn hostile_text_reaches_the_editor_inert() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strategy.toml");
    std::fs::write(
        &path,
        "version = 1\nas_of = 2026-11-01\n[vision]\ntitle = \"V\"\n\"ti\\u001b]0;pwned\\u0007tle\" = 1\n\
         [initiatives.x]\nintent = \"no\\u001b[31m\\u202eone\"\ntitle = \"T\"\n",
    )
    .unwrap();
    let mut client = Client::start(dir.path());
    let found = client.open(&path);
    let messages: Vec<&str> = found
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("unknown key")),
        "{messages:?}"
    );
    for message in &messages {
        assert!(
            !message
                .chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{message:?}"
        );
    }
    client.shut_down();
}
