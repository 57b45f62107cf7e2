//! A strategy as a weak first draft reads: random prose with buzzwords and
//! vague verbs planted in it, so the linter finds several things in most
//! nodes, as `../shared/bench/gen_strategy.py` makes them. This is the CI
//! case that matters: output, not the engine, dominates.

use std::fmt::Write;

const WORDS: &[&str] = &[
    "customers",
    "shippers",
    "carriers",
    "freight",
    "quotes",
    "invoices",
    "lanes",
    "pallets",
    "warehouses",
    "onboarding",
    "retention",
    "churn",
    "revenue",
    "margin",
    "pricing",
    "dispatch",
    "tracking",
    "claims",
    "mid-market",
    "enterprise",
    "self-serve",
    "partners",
    "marketplace",
    "api",
    "mobile",
    "drivers",
    "europe",
    "germany",
    "poland",
    "texas",
    "ports",
    "rail",
    "ocean",
    "parcel",
    "returns",
    "insurance",
    "booking",
    "payments",
    "credit",
    "analytics",
];
const FLUFF: &[&str] = &[
    "world-class",
    "best-in-class",
    "synergy",
    "leverage",
    "seamless",
    "innovative",
    "cutting-edge",
    "holistic",
    "robust",
    "transformative",
];
const VERBS: &[&str] = &[
    "reduce", "grow", "cut", "raise", "double", "halve", "launch", "replace", "win", "keep",
];

/// A small xorshift generator: the same seed always gives the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let words = 8 + rng.below(15);
    let start = out.len();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        match rng.below(100) {
            0..=3 => out.push_str(rng.pick(FLUFF)),
            4..=11 => {
                let _ = write!(
                    out,
                    "{}{}",
                    2 + rng.below(94),
                    ["%", "", " days", "k"][rng.below(4) as usize]
                );
            }
            12..=19 => out.push_str(rng.pick(VERBS)),
            _ => out.push_str(rng.pick(WORDS)),
        }
    }
    if let Some(first) = out[start..].chars().next() {
        let upper = first.to_ascii_uppercase().to_string();
        out.replace_range(start..start + first.len_utf8(), &upper);
    }
    out.push('.');
}

fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    while out.split_whitespace().count() < words {
        if !out.is_empty() {
            out.push(' ');
        }
        sentence(rng, &mut out);
    }
    out
}

fn node(out: &mut String, rng: &mut Rng, header: &str, parent: Option<(&str, &str)>, words: usize) {
    let _ = writeln!(out, "{header}");
    if let Some((key, id)) = parent {
        let _ = writeln!(out, "{key} = \"{id}\"");
    }
    let _ = writeln!(out, "title = \"{} {}\"", rng.pick(VERBS), rng.pick(WORDS));
    let _ = writeln!(out, "owner = \"Owner {}\"", 1 + rng.below(400));
    let _ = writeln!(out, "horizon = \"{}\"", 2027 + rng.below(5));
    let _ = writeln!(
        out,
        "status = \"{}\"",
        ["draft", "in-review", "approved"][rng.below(3) as usize]
    );
    let _ = writeln!(out, "today = \"\"\"\n{}\n\"\"\"", paragraph(rng, words));
    let _ = writeln!(out, "future = \"\"\"\n{}\n\"\"\"", paragraph(rng, words));
    let mut will_not = String::new();
    sentence(rng, &mut will_not);
    let _ = writeln!(out, "will_not = [\"{will_not}\"]");
    let _ = writeln!(
        out,
        "metrics = [{{ name = \"{}\", baseline = \"{}\", target = \"{}\", by = \"2029-12\" }}]\n",
        rng.pick(WORDS),
        1 + rng.below(50),
        51 + rng.below(450)
    );
}

/// A weak strategy of about `nodes` nodes (a vision, then whole intents of
/// 10 initiatives of 10 options each: 111 nodes per intent), with `words`
/// words in each `today` and `future`.
pub fn weak_strategy_toml(nodes: usize, words: usize) -> String {
    let mut rng = Rng(0x0bad_5eed_dead_beef);
    let mut out = String::from("version = 1\n\n[company]\nname = \"Generated Freight Co\"\n\n");
    node(&mut out, &mut rng, "[vision]", None, words);
    // Each intent holds 10 initiatives of 10 options: 111 nodes.
    let intents = (nodes.saturating_sub(1) / 111).max(1);
    for i in 0..intents {
        node(
            &mut out,
            &mut rng,
            &format!("[intents.intent-{i}]"),
            None,
            words,
        );
        for j in 0..10 {
            let initiative = format!("init-{i}-{j}");
            let parent = format!("intent-{i}");
            node(
                &mut out,
                &mut rng,
                &format!("[initiatives.{initiative}]"),
                Some(("intent", &parent)),
                words,
            );
            for k in 0..10 {
                let header = format!("[options.opt-{i}-{j}-{k}]");
                node(
                    &mut out,
                    &mut rng,
                    &header,
                    Some(("initiative", &initiative)),
                    words,
                );
            }
        }
    }
    out
}
