//! Test-only builders: a small cascade around one example node, for the rule
//! docs' examples and the labelled corpus, which give nodes as bare tables.

use strata::lint::LintConfig;
use strata::model::{Allow, CheckIn, Date, Horizon, Level, Metric, Node, NodeId, Status, Strategy};
use toml::{Table, Value};

/// The `as_of` every fixture is written against.
pub fn as_of() -> Date {
    Date::new(2026, 11, 1).expect("valid date")
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        other => other.to_string(),
    }
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("`{text}` is a day"))
}

/// Builds a node from its table; `intent`/`initiative` set the parent reference.
pub fn node_from_table(level: Level, id: &str, table: &Table) -> Node {
    let mut node = Node::new(level, id);
    for (key, value) in table {
        let doc = &mut node.doc;
        match key.as_str() {
            "title" => doc.title = text(value),
            "owner" => doc.owner = text(value),
            "today" => doc.today = text(value),
            "future" => doc.future = text(value),
            "notes" => doc.notes = text(value),
            "status" => doc.status = Status::parse(&text(value)).expect("known status"),
            "horizon" => doc.horizon = Horizon::parse(&text(value)),
            "will_not" => {
                doc.will_not = value
                    .as_array()
                    .expect("will_not is a list")
                    .iter()
                    .map(text)
                    .collect()
            }
            "metrics" => {
                doc.metrics = value
                    .as_array()
                    .expect("metrics is a list")
                    .iter()
                    .map(|m| {
                        let m = m.as_table().expect("metric is a table");
                        Metric {
                            name: m.get("name").map(text).unwrap_or_default(),
                            baseline: m.get("baseline").map(text),
                            target: m.get("target").map(text),
                            by: m.get("by").map(text),
                            start: m.get("start").map(|d| date(&text(d))),
                        }
                    })
                    .collect()
            }
            "allow" => {
                node.allow = value
                    .as_array()
                    .expect("allow is a list")
                    .iter()
                    .map(|a| Allow {
                        rule: a.get("rule").map(text).unwrap_or_default(),
                        reason: a.get("reason").map(text).unwrap_or_default(),
                    })
                    .collect()
            }
            "checkins" => {
                node.checkins = value
                    .as_array()
                    .expect("checkins is a list")
                    .iter()
                    .map(|c| CheckIn {
                        metric: c.get("metric").map(text).unwrap_or_default(),
                        on: date(&c.get("on").map(text).unwrap_or_default()),
                        value: c.get("value").map(text).unwrap_or_default(),
                        note: c.get("note").map(text).unwrap_or_default(),
                        source: c.get("source").map(text).unwrap_or_default(),
                    })
                    .collect()
            }
            "weight" => node.weight = value.as_float().or(value.as_integer().map(|i| i as f64)),
            "intent" | "initiative" => node.parent_ref = Some(text(value)),
            other => panic!("unknown node key `{other}`"),
        }
    }
    node
}

/// The whole strategy in a file such as `sample-strategy.toml`, through the real loader.
pub fn strategy_from_toml(source: &str) -> Strategy {
    strata::store::parse(source)
        .unwrap_or_else(|problems| panic!("the file does not load: {problems:#?}"))
        .strategy
}

/// How an example is set up, from `# key: value` comment lines.
#[derive(Debug, Clone)]
pub struct Setup {
    /// `# level: initiative`.
    pub level: Level,
    /// `# children: N`: nodes built under the example (default 1).
    pub children: usize,
    /// `# siblings-before: N`: intents before the example (default 0).
    pub siblings_before: usize,
    /// `# parent-id: ID`: the id of the parent the helper builds.
    pub parent_id: Option<String>,
    /// `# id: ID`: the example's own id (default `example`).
    pub id: Option<String>,
    /// `# sibling-id: ID`: a node at the example's level, under the same
    /// parent, just before it.
    pub sibling_id: Option<String>,
}

/// A directive's value: as written, or a TOML string when quoted, so a
/// value can spell out characters that do not show (`"cafe\u0301"`).
fn directive_value(value: &str) -> String {
    if value.starts_with('"') {
        let table: Table = toml::from_str(&format!("v = {value}")).expect("a TOML string");
        return table["v"].as_str().expect("a string").to_owned();
    }
    value.to_owned()
}

/// Reads the directives of an example block.
pub fn setup(block: &str) -> Setup {
    let mut setup = Setup {
        level: Level::Intent,
        children: 1,
        siblings_before: 0,
        parent_id: None,
        id: None,
        sibling_id: None,
    };
    for line in block.lines() {
        let Some((key, value)) = line
            .trim()
            .strip_prefix('#')
            .and_then(|l| l.split_once(':'))
        else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "level" => setup.level = Level::from_name(value).expect("known level"),
            "children" => setup.children = value.parse().expect("number"),
            "siblings-before" => setup.siblings_before = value.parse().expect("number"),
            "parent-id" => setup.parent_id = Some(value.to_owned()),
            "id" => setup.id = Some(directive_value(value)),
            "sibling-id" => setup.sibling_id = Some(directive_value(value)),
            _ => {}
        }
    }
    setup
}

/// A strategy around one example node: its ancestors, `children` nodes below
/// it, `siblings_before` intents before it. `[parent]` fields go on the
/// parent and `[lint]` becomes the config.
pub fn example(block: &str) -> (Strategy, NodeId, LintConfig) {
    let setup = setup(block);
    let mut table: Table = toml::from_str(block).expect("example is valid TOML");
    let config = match table.remove("lint") {
        Some(Value::Table(lint)) => LintConfig::from_toml(&lint).expect("valid [lint]"),
        _ => LintConfig::default(),
    };
    let parent_fields = match table.remove("parent") {
        Some(Value::Table(p)) => p,
        _ => Table::new(),
    };
    around(&setup, &table, &parent_fields, config)
}

/// The same cascade for a node given as a table (the corpus).
pub fn single(level: Level, table: &Table) -> (Strategy, NodeId) {
    let setup = Setup {
        level,
        children: 1,
        siblings_before: 0,
        parent_id: None,
        id: None,
        sibling_id: None,
    };
    let (s, id, _) = around(&setup, table, &Table::new(), LintConfig::default());
    (s, id)
}

fn around(
    setup: &Setup,
    table: &Table,
    parent_fields: &Table,
    config: LintConfig,
) -> (Strategy, NodeId, LintConfig) {
    let level = setup.level;
    let mut s = Strategy::new("Example");
    let parent_level = level.parent();
    let ids = ["vision", "the-intent", "the-initiative"];
    for ancestor in Level::ALL.into_iter().take(level.depth()) {
        let is_parent = Some(ancestor) == parent_level;
        let id = match (&setup.parent_id, is_parent) {
            (Some(p), true) => p.clone(),
            _ => ids[ancestor.depth()].to_owned(),
        };
        let mut node = if is_parent {
            node_from_table(ancestor, &id, parent_fields)
        } else {
            Node::new(ancestor, &id)
        };
        if ancestor.depth() >= 2 {
            node.parent_ref = Some(ids[ancestor.depth() - 1].to_owned());
        }
        if level == Level::Intent && ancestor == Level::Vision {
            s.push_unlinked(node);
            for i in 0..setup.siblings_before {
                s.push_unlinked(Node::new(Level::Intent, format!("sibling-{i}")));
            }
            continue;
        }
        s.push_unlinked(node);
    }
    let id = setup.id.as_deref().unwrap_or("example");
    let mut node = node_from_table(level, id, table);
    if node.parent_ref.is_none() && level.depth() >= 2 {
        let parent = setup
            .parent_id
            .clone()
            .unwrap_or_else(|| ids[level.depth() - 1].to_owned());
        node.parent_ref = Some(parent);
    }
    if let Some(sibling) = &setup.sibling_id {
        let mut before = Node::new(level, sibling.as_str());
        before.parent_ref = node.parent_ref.clone();
        s.push_unlinked(before);
    }
    let children_of = node.id.clone();
    let id = s.push_unlinked(node);
    if let Some(child) = level.child() {
        for i in 0..setup.children {
            let mut c = Node::new(child, format!("child-{i}"));
            c.parent_ref = Some(children_of.clone());
            s.push_unlinked(c);
        }
    }
    s.relink();
    (s, id, config)
}
