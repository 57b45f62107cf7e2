//! A deterministic generator of large, realistic strategy files for benchmarks.
#![allow(dead_code)]

pub mod weak;

use std::fmt::Write;

/// A small xorshift generator: the same seed always gives the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }

    fn number(&mut self, max: u64) -> u64 {
        self.next() % max
    }
}

const ACTORS: &[&str] = &[
    "dispatchers",
    "brokers",
    "carriers",
    "shippers",
    "reps",
    "branch managers",
    "drivers",
    "finance clerks",
    "pricing analysts",
    "onboarding leads",
];
const ACTIONS: &[&str] = &[
    "re-type",
    "price",
    "track",
    "approve",
    "dispute",
    "book",
    "schedule",
    "reconcile",
    "quote",
    "tender",
];
const THINGS: &[&str] = &[
    "loads",
    "invoices",
    "rate confirmations",
    "check calls",
    "lanes",
    "tenders",
    "payments",
    "proofs of delivery",
    "accessorials",
    "spot quotes",
];
const PLACES: &[&str] = &[
    "Ohio",
    "Texas",
    "Ontario",
    "the Midwest",
    "Georgia",
    "Quebec",
    "California",
];
const FLUFF: &[&str] = &[
    "a world-class, seamless experience that empowers our partners",
    "best-in-class synergies that transform how the industry works",
];

fn sentence(rng: &mut Rng) -> String {
    let actor = rng.pick(ACTORS);
    let action = rng.pick(ACTIONS);
    let thing = rng.pick(THINGS);
    let place = rng.pick(PLACES);
    let from = 5 + rng.number(60);
    let to = from + 5 + rng.number(90);
    format!(
        "In {place}, {actor} {action} {from} {thing} a day by hand and want {to} handled without a phone call. "
    )
}

fn paragraph(rng: &mut Rng, sentences: usize) -> String {
    let mut text = String::new();
    for i in 0..sentences {
        text.push_str(&sentence(rng));
        if i % 4 == 3 {
            text.push('\n');
        }
    }
    text.trim_end().to_owned()
}

/// Writes one node's keys; about 2.6 KB of text, and `checkins` monthly
/// check-ins of its metric.
#[allow(clippy::too_many_arguments)]
fn node(
    out: &mut String,
    rng: &mut Rng,
    level: &str,
    id: &str,
    parent: Option<(&str, &str)>,
    weak: bool,
    checkins: usize,
) {
    let _ = writeln!(out, "\n# {level} {id}\n[{id}]");
    if let Some((key, value)) = parent {
        let _ = writeln!(out, "{key} = \"{value}\"");
    }
    let _ = writeln!(
        out,
        "title = \"{} {} for {}\"",
        rng.pick(ACTORS),
        rng.pick(ACTIONS),
        rng.pick(THINGS)
    );
    let _ = writeln!(out, "owner = \"Owner {}\"", rng.number(400));
    let _ = writeln!(
        out,
        "status = \"{}\"",
        rng.pick(&["draft", "in-review", "approved"])
    );
    let horizon = match level {
        "vision" => "2032".to_owned(),
        "intent" => "2028-06".to_owned(),
        "initiative" => "2027-12".to_owned(),
        _ => format!("2027-{:02}", 1 + rng.number(9)),
    };
    let _ = writeln!(out, "horizon = \"{horizon}\"");
    let _ = writeln!(out, "today = \"\"\"\n{}\n\"\"\"", paragraph(rng, 6));
    let future = if weak {
        format!("We will deliver {}.", rng.pick(FLUFF))
    } else {
        paragraph(rng, 6)
    };
    let _ = writeln!(out, "future = \"\"\"\n{future}\n\"\"\"");
    if !weak {
        let _ = writeln!(
            out,
            "will_not = [\n  \"We will not serve {} outside {}\",\n  \"We will not build our own {}\",\n]",
            rng.pick(ACTORS),
            rng.pick(PLACES),
            rng.pick(THINGS)
        );
    }
    let base = 10 + rng.number(500);
    let thing = rng.pick(THINGS);
    let _ = writeln!(
        out,
        "metrics = [\n  {{ name = \"{thing} handled without a call\", baseline = \"{base}\", target = \"{}\", by = \"{horizon}\" }},\n]",
        base * 3
    );
    if checkins > 0 {
        out.push_str("checkins = [\n");
        for month in 0..checkins {
            // Monthly, ending in October 2026, moving toward the target at a varying pace.
            let back = (checkins - 1 - month) as i32;
            let index = 2026 * 12 + 9 - back;
            let (year, m) = (index / 12, index % 12 + 1);
            let value = base + (month as u64 + 1) * base * (5 + rng.number(20)) / 100;
            let _ = writeln!(
                out,
                "  {{ metric = \"{thing} handled without a call\", on = {year}-{m:02}-03, value = \"{value}\" }},"
            );
        }
        out.push_str("]\n");
    }
    let _ = writeln!(out, "notes = \"\"\"\n{}\n\"\"\"", paragraph(rng, 8));
}

/// A strategy with `nodes` nodes: one vision, 3 intents, one initiative per
/// ~25 options, every tenth node weak.
pub fn strategy_toml(nodes: usize) -> String {
    strategy_toml_with_checkins(nodes, 0)
}

/// [`strategy_toml`] with `checkins` monthly check-ins of every metric.
pub fn strategy_toml_with_checkins(nodes: usize, checkins: usize) -> String {
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut out = String::from(
        "version = 1\nas_of = 2026-11-01\n\n[company]\nname = \"Generated Freight\"\n",
    );
    node(
        &mut out, &mut rng, "vision", "vision", None, false, checkins,
    );
    let intents = 3;
    let initiatives = ((nodes.saturating_sub(1 + intents)) / 25).max(1);
    let options = nodes.saturating_sub(1 + intents + initiatives);
    for i in 0..intents {
        node(
            &mut out,
            &mut rng,
            "intent",
            &format!("intents.intent-{i}"),
            None,
            false,
            checkins,
        );
    }
    for i in 0..initiatives {
        let parent = format!("intent-{}", i % intents);
        node(
            &mut out,
            &mut rng,
            "initiative",
            &format!("initiatives.problem-{i}"),
            Some(("intent", &parent)),
            i % 10 == 9,
            checkins,
        );
    }
    for i in 0..options {
        let parent = format!("problem-{}", i % initiatives);
        node(
            &mut out,
            &mut rng,
            "option",
            &format!("options.bet-{i}"),
            Some(("initiative", &parent)),
            i % 10 == 9,
            checkins,
        );
    }
    out
}

/// `text` from [`strategy_toml`] cut into `files` files at node boundaries,
/// as teams would split it: the top-level keys, the vision and the intents
/// in the first file, the other nodes spread evenly over the rest.
pub fn split_files(text: &str, files: usize) -> Vec<String> {
    let mut nodes: Vec<&str> = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices("\n# ") {
        nodes.push(&text[start..at]);
        start = at;
    }
    nodes.push(&text[start..]);
    // Header, vision and 3 intents go first.
    let head = nodes.len().min(5);
    let mut out = vec![nodes[..head].concat()];
    let rest = &nodes[head..];
    let per_file = rest.len().div_ceil(files.saturating_sub(1).max(1));
    out.extend(rest.chunks(per_file.max(1)).map(|chunk| chunk.concat()));
    out
}
