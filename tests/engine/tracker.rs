//! Tracker keys and links on a node (`tracker = ["PROJ-123"]`,
//! `links = ["https://…"]`): read, checked, and saved by patching so the
//! comments around them stay.

use strata::model::{Level, Strategy};
use strata::store::{Loaded, parse, patch};

const FILE: &str = r#"version = 1
as_of = 2026-11-01

[company]
name = "Acme"

[vision]
title = "Every warehouse restocks overnight"

[intents.ohio-first]
title = "Win Ohio"
# the epics in the tracker
tracker = [
  "OHIO-7", # the launch epic
  "OHIO-9",
]
links = ["https://tracker.example.com/browse/OHIO-7"] # where it lives
"#;

fn load(text: &str) -> Loaded {
    parse(text).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn intent(strategy: &Strategy) -> strata::model::NodeId {
    strategy.at_level(Level::Intent).next().unwrap()
}

#[test]
fn tracker_keys_and_links_are_read() {
    let loaded = load(FILE);
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let node = loaded.strategy.node(intent(&loaded.strategy));
    assert_eq!(node.tracker, ["OHIO-7", "OHIO-9"]);
    assert_eq!(node.links, ["https://tracker.example.com/browse/OHIO-7"]);
}

#[test]
fn an_added_key_keeps_every_comment_and_reads_back() {
    let loaded = load(FILE);
    let mut current = loaded.strategy.clone();
    let id = intent(&current);
    let mut node = current.node(id).clone();
    node.tracker.push("OHIO-12".into());
    node.links.clear();
    assert!(current.replace(id, node));
    let saved = patch(FILE, &loaded.strategy, &current).unwrap();
    for comment in ["# the epics in the tracker", "# the launch epic"] {
        assert!(saved.contains(comment), "{comment} lost:\n{saved}");
    }
    assert!(
        !saved.contains("links"),
        "an emptied list is removed:\n{saved}"
    );
    let reloaded = load(&saved);
    assert_eq!(
        reloaded.strategy.node(intent(&reloaded.strategy)).tracker,
        ["OHIO-7", "OHIO-9", "OHIO-12"]
    );
}

#[test]
fn a_new_node_writes_its_tracker_keys() {
    let loaded = load(FILE);
    let mut current = loaded.strategy.clone();
    let mut node = strata::model::Node::new(Level::Intent, "texas-next");
    node.doc.title = "Win Texas".into();
    node.tracker = vec!["TX-1".into()];
    node.links = vec!["https://example.com/tx".into()];
    current.add(node);
    let saved = patch(FILE, &loaded.strategy, &current).unwrap();
    let reloaded = load(&saved);
    let texas = reloaded
        .strategy
        .iter()
        .find(|(_, n)| n.id == "texas-next")
        .map(|(_, n)| n.clone())
        .expect("the new node is saved");
    assert_eq!(texas.tracker, ["TX-1"]);
    assert_eq!(texas.links, ["https://example.com/tx"]);
}

#[test]
fn a_key_with_spaces_is_an_error_and_a_link_that_is_not_web_is_a_warning() {
    let text = FILE
        .replace("\"OHIO-9\"", "\"OHIO 9\"")
        .replace("https://tracker", "javascript:alert(1)//tracker");
    let Err(problems) = parse(&text) else {
        panic!("a spaced key is an error");
    };
    assert!(
        problems.iter().any(|p| p.message.contains("tracker")),
        "{problems:#?}"
    );
    let text = FILE.replace("https://tracker", "javascript:alert(1)//tracker");
    let loaded = load(&text);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|p| p.message.contains("not http(s)")),
        "{:?}",
        loaded.warnings
    );
}

/// `FILE` with a second, hostile link, exported in `format`.
fn export(format: strata::export::Format) -> String {
    use strata::lint::{LintConfig, lint_strategy};
    use strata::model::progress::{Measure, Progress};
    let text = FILE.replace(
        "links = [\"https://tracker.example.com/browse/OHIO-7\"]",
        "links = [\"https://tracker.example.com/browse/OHIO-7?a=1&b=\\\"><script>\", \"javascript:alert(1)\"]",
    );
    let strategy = load(&text).strategy;
    let config = LintConfig::from_toml(&toml::Table::new()).unwrap();
    let as_of = strategy.as_of.unwrap();
    let diagnostics = lint_strategy(&strategy, &config, as_of);
    let progress = Progress::compute(&strategy, Measure::on(as_of), config.progress);
    strata::export::render(format, &strategy, &diagnostics, as_of, &progress)
}

#[test]
fn html_links_only_http_addresses_and_escapes_them() {
    let html = export(strata::export::Format::Html);
    assert!(html.contains("<code>OHIO-7</code>"), "the key is shown");
    assert!(
        html.contains(
            "<a href=\"https://tracker.example.com/browse/OHIO-7?a=1&amp;b=%22%3E%3Cscript%3E\" rel=\"noopener noreferrer\">"
        ),
        "{html}"
    );
    assert!(!html.contains("<script>"), "the link cannot open a tag");
    assert!(
        !html.contains("href=\"javascript"),
        "only http(s) is linked"
    );
    assert!(
        html.contains("javascript:alert(1)"),
        "other text is shown as text"
    );
}

#[test]
fn markdown_and_json_show_the_keys_and_links() {
    let md = export(strata::export::Format::Markdown);
    assert!(md.contains("**Tracker:** OHIO-7, OHIO-9"), "{md}");
    assert!(
        md.contains("(<https://tracker.example.com/browse/OHIO-7?a=1&amp;b=%22%3E%3Cscript%3E>)"),
        "{md}"
    );
    assert!(!md.contains("(<javascript"), "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&export(strata::export::Format::Json)).unwrap();
    let intent = &json["nodes"][1];
    assert_eq!(intent["tracker"], serde_json::json!(["OHIO-7", "OHIO-9"]));
    assert_eq!(intent["links"][1], "javascript:alert(1)");
}
