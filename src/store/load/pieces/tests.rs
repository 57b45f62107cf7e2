//! A file read in pieces means what it means read whole: the same nodes in
//! the same order, the same spans, warnings and `[lint]` table, on every
//! fixture and on layouts the cut must refuse.

use std::path::Path;

use super::super::{Loaded, read_whole};
use super::read;
use crate::store::schema::SchemaReader;
use crate::store::uses_crlf;

/// The file read in pieces (`None` when the pieces gave up) and read whole
/// (`None` when it does not load).
fn both(text: &str, part: bool) -> (Option<Loaded>, Option<Loaded>) {
    let new = || {
        let crlf = uses_crlf(text);
        if part {
            SchemaReader::for_part(crlf)
        } else {
            SchemaReader::new(crlf)
        }
    };
    let mut reader = new();
    let pieces = read(text, &mut reader).then(|| loaded(reader));
    let mut reader = new();
    let whole = read_whole(text, &mut reader)
        .ok()
        .filter(|()| reader.errors.is_empty())
        .map(|()| loaded(reader));
    (pieces, whole)
}

fn loaded(reader: SchemaReader) -> Loaded {
    Loaded {
        strategy: reader.strategy,
        source: reader.source,
        warnings: reader.warnings,
        lint: reader.lint,
    }
}

/// Asserts that a read in pieces, if it happened, equals the whole read;
/// returns whether it happened.
fn same(name: &str, text: &str, part: bool) -> bool {
    let (pieces, whole) = both(text, part);
    let Some(pieces) = pieces else {
        return false;
    };
    let whole = whole.unwrap_or_else(|| panic!("{name}: read in pieces, but whole it fails"));
    let nodes = |l: &Loaded| {
        format!(
            "{:?}",
            l.strategy
                .iter()
                .map(|(id, n)| (id, n.clone()))
                .collect::<Vec<_>>()
        )
    };
    assert_eq!(nodes(&pieces), nodes(&whole), "{name}: nodes");
    assert_eq!(
        pieces.strategy.company, whole.strategy.company,
        "{name}: company"
    );
    assert_eq!(pieces.strategy.as_of, whole.strategy.as_of, "{name}: as_of");
    assert_eq!(pieces.source, whole.source, "{name}: spans");
    assert_eq!(pieces.warnings, whole.warnings, "{name}: warnings");
    assert_eq!(pieces.lint, whole.lint, "{name}: [lint]");
    true
}

fn fixtures(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn every_fixture_reads_the_same_in_pieces() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![(
        "sample-strategy.toml".to_owned(),
        std::fs::read_to_string(root.join("sample-strategy.toml")).unwrap(),
    )];
    fixtures(&root.join("tests/fixtures"), &mut files);
    // Layouts the cut leaves to the whole parse, on purpose: ids quoted
    // with escapes, and dotted keys and inline tables.
    let by_design = [
        "hostile-text.toml",
        "hostile-every-field.toml",
        "dotted-and-inline.toml",
    ];
    let mut in_pieces = 0;
    for (name, text) in &files {
        let part = name.contains("/split/");
        if same(name, text, part) {
            in_pieces += 1;
            continue;
        }
        // Not a test that passes by giving up: every fixture that loads is
        // read in pieces, but for those.
        let loads = both(text, part).1.is_some();
        let whole = by_design.iter().any(|f| name.ends_with(f));
        assert!(!loads || whole, "{name} loads, but not in pieces");
    }
    assert!(
        in_pieces >= 14,
        "{in_pieces} of {} read in pieces",
        files.len()
    );
}

const LAYOUT: &str = "# a strategy\nversion = 1\nas_of = 2026-11-01\nmystery = 3\n\n[company]\nname = \"N\"\n\n\
    [vision]\ntitle = \"V\"\nfuture = \"\"\"\n[intents.not-a-table]\nstill text\n\"\"\"\n\n\
    [[vision.metrics]]\nname = \"m\"\nbaseline = 0x10\n\n\
    [initiatives.late]\ntitle = \"I\"\nintent = \"b\"\ncolour = \"red\"\n\n\
    [intents.b]\ntitle = \"B\"\n\n[intents.a]\ntitle = \"A\"\nwill_not = [\n  \"x\",\n  \"y\",\n]\n\n\
    [lint]\nmax_intents = 3\n\n[options.o]\ntitle = \"O\"\ninitiative = \"late\"\n[[options.o.metrics]]\nname = \"K\"\n";

#[test]
fn interleaved_levels_comments_and_strings_read_the_same() {
    assert!(same("layout", LAYOUT, false));
    assert!(same("crlf", &LAYOUT.replace('\n', "\r\n"), false));
    // Unknown keys warn, at their place in the file.
    let (pieces, _) = both(LAYOUT, false);
    let warnings = pieces.unwrap().warnings;
    let colour = warnings
        .iter()
        .find(|w| w.message.contains("colour"))
        .unwrap();
    assert_eq!(&LAYOUT[colour.span.clone()], "colour");
    let mystery = warnings
        .iter()
        .find(|w| w.message.contains("mystery"))
        .unwrap();
    assert_eq!(&LAYOUT[mystery.span.clone()], "mystery");
}

#[test]
fn a_team_file_without_the_vision_reads_in_pieces() {
    let text = "version = 1\n\n[options.o]\ntitle = \"O\"\ninitiative = \"i\"\n";
    assert!(same("part", text, true));
    // A whole file needs its vision: the whole read says so.
    assert!(!same("no vision", text, false));
}

#[test]
fn layouts_the_cut_does_not_follow_are_read_whole() {
    for (name, text) in [
        (
            "a level's own header",
            "version = 1\n[vision]\ntitle = \"V\"\n[intents]\n[intents.a]\ntitle = \"A\"\n",
        ),
        (
            "dotted keys",
            "version = 1\n[vision]\ntitle = \"V\"\n[intents]\na.title = \"A\"\n",
        ),
        (
            "inline node",
            "version = 1\nintents = { a = { title = \"A\" } }\n[vision]\ntitle = \"V\"\n",
        ),
        (
            "lint in two places",
            "version = 1\n[lint]\nmax_intents = 3\n[vision]\ntitle = \"V\"\n[lint.rules]\nx = 1\n",
        ),
        (
            "a table twice",
            "version = 1\n[vision]\ntitle = \"V\"\n[intents.a]\ntitle = \"A\"\n[intents.a]\ntitle = \"B\"\n",
        ),
        ("an error", "version = 1\n[vision]\ntitle = 3\n"),
        (
            "bad number",
            "version = 1\n[vision]\ntitle = \"V\"\n[[vision.metrics]]\nname = \"m\"\nbaseline = 0x\n",
        ),
        ("unclosed", "version = 1\n[vision]\ntitle = \"\"\"V\n"),
    ] {
        let (pieces, _) = both(text, false);
        assert!(pieces.is_none(), "{name}: read in pieces");
    }
}
