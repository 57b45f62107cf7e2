//! What the TOML specification refuses but the parser lets through.
//!
//! The loader reads a file with `toml`'s span-keeping [`DeTable::parse`],
//! which checks the syntax but leaves numbers as text until something
//! deserializes them, and the text it keeps for an integer is whatever the
//! lexer collected. `baseline = 0x` (no digits after the prefix) and
//! `baseline = 1_0٠` (an ARABIC-INDIC DIGIT ZERO) therefore parse, and the
//! schema, which reads a number back as the text of its value, would turn
//! them into `""` and `"10٠"`: a file no conforming TOML reader accepts
//! (`toml_edit` then refuses it when saving) would load. So every integer and
//! float of the file is checked here, after the parse, as the spec defines
//! them, and each one that does not qualify is an error at its place.
//!
//! Upstream gap (toml 1.2.1+spec-1.1.0, toml_parser 1.1.6, to be reported at
//! <https://github.com/toml-rs/toml/issues>): `toml::de::DeTable::parse`
//! returns `Ok` for these four files of toml-test's invalid corpus, which
//! `toml::from_str::<toml::Table>` rightly refuses:
//!
//! ```text
//! invalid/integer/incomplete-hex.toml   incomplete-hex = 0x
//! invalid/integer/incomplete-oct.toml   incomplete-oct = 0o
//! invalid/integer/incomplete-bin.toml   incomplete-bin = 0b
//! invalid/integer/arabic-zero-02.toml   arabic-zero-02 = 1_0٠
//! ```
//!
//! and `DeInteger::as_str` then gives `""` and `"10٠"`. When a release
//! fixes that, this check finds nothing more to refuse and can go.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::problem::Problem;

/// Every number in `root` that TOML does not allow, as an error at its value.
pub(super) fn invalid_numbers(root: &DeTable<'_>, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (_, value) in root.iter() {
        check(value.get_ref(), value.span(), text, &mut problems);
    }
    problems
}

fn check(value: &DeValue<'_>, span: Range<usize>, text: &str, out: &mut Vec<Problem>) {
    match value {
        DeValue::Integer(_) | DeValue::Float(_) => {
            let written = text.get(span.clone()).unwrap_or("").trim();
            let why = match value {
                DeValue::Integer(_) => integer_problem(written),
                _ => float_problem(written),
            };
            if let Some(why) = why {
                out.push(refused(span, written, &why));
            }
        }
        DeValue::Array(items) => {
            for item in items.iter() {
                check(item.get_ref(), item.span(), text, out);
            }
        }
        DeValue::Table(table) => {
            for (_, item) in table.iter() {
                check(item.get_ref(), item.span(), text, out);
            }
        }
        DeValue::String(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => {}
    }
}

fn refused(span: Range<usize>, written: &str, why: &str) -> Problem {
    let shown = crate::sanitize::line(written);
    Problem::error(
        span,
        format!("invalid TOML: `{shown}` is not a TOML number: {why}"),
    )
    .label(why.to_owned())
    .help(
        "write the number with the digits 0-9 (0-9 and a-f after 0x, 0-7 after 0o, 0 and 1 \
         after 0b; `_` only between two digits), or put it in quotes to keep it as text: \
         baseline = \"12 weeks\"",
    )
}

/// Why `written` (an integer as the file spells it) is not a TOML integer.
fn integer_problem(written: &str) -> Option<String> {
    let (radix, digits, signed) = match written.get(..2) {
        Some("0x") => (16, &written[2..], false),
        Some("0o") => (8, &written[2..], false),
        Some("0b") => (2, &written[2..], false),
        _ => (10, written, true),
    };
    let unsigned = if signed {
        digits.strip_prefix(['+', '-']).unwrap_or(digits)
    } else {
        digits
    };
    if unsigned.is_empty() {
        return Some(format!(
            "`{}` needs at least one digit after it",
            &written[..written.len().min(2)]
        ));
    }
    if let Some(bad) = unsigned.chars().find(|&c| c != '_' && !c.is_digit(radix)) {
        return Some(format!(
            "`{}` is not a digit of a base-{radix} number",
            crate::sanitize::line(bad.encode_utf8(&mut [0; 4]))
        ));
    }
    if let Some(why) = underscores(unsigned) {
        return Some(why);
    }
    if radix == 10 && unsigned.len() > 1 && unsigned.starts_with('0') {
        return Some("a decimal integer cannot start with 0".to_owned());
    }
    let plain = digits.replace('_', "");
    if i64::from_str_radix(&plain, radix).is_err() {
        return Some(
            "it does not fit in a 64-bit integer (-9223372036854775808 to \
             9223372036854775807)"
                .to_owned(),
        );
    }
    None
}

/// Why `written` (a float as the file spells it) is not a TOML float.
fn float_problem(written: &str) -> Option<String> {
    let unsigned = written.strip_prefix(['+', '-']).unwrap_or(written);
    if matches!(unsigned, "inf" | "nan") {
        return None;
    }
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (mantissa, None),
    };
    let digits = |part: &str| -> Option<String> {
        if part.is_empty() {
            return Some("a float needs digits on both sides of `.` and after `e`".to_owned());
        }
        if let Some(bad) = part.chars().find(|&c| c != '_' && !c.is_ascii_digit()) {
            return Some(format!(
                "`{}` is not a decimal digit",
                crate::sanitize::line(bad.encode_utf8(&mut [0; 4]))
            ));
        }
        underscores(part)
    };
    if let Some(why) = digits(whole) {
        return Some(why);
    }
    if whole.len() > 1 && whole.starts_with('0') {
        return Some("a float's whole part cannot start with 0".to_owned());
    }
    if let Some(why) = fraction.and_then(digits) {
        return Some(why);
    }
    if let Some(exponent) = exponent {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if let Some(why) = digits(exponent) {
            return Some(why);
        }
    }
    if fraction.is_none() && exponent.is_none() {
        return Some("a float needs a fraction or an exponent".to_owned());
    }
    None
}

/// Why the underscores in `digits` are misplaced: each must stand between two digits.
fn underscores(digits: &str) -> Option<String> {
    let misplaced = digits.starts_with('_') || digits.ends_with('_') || digits.contains("__");
    misplaced.then(|| "`_` may only stand between two digits".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let root = DeTable::parse(text).expect("parses");
        invalid_numbers(root.get_ref(), text)
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn numbers_the_parser_lets_through_are_refused_at_their_place() {
        for (value, why) in [
            ("0x", "needs at least one digit"),
            ("0o", "needs at least one digit"),
            ("0b", "needs at least one digit"),
            ("1_0\u{660}", "is not a digit"),
        ] {
            let text = format!("[m]\nbaseline = {value}\n");
            let root = DeTable::parse(&text).expect("the parser takes it");
            let found = invalid_numbers(root.get_ref(), &text);
            assert_eq!(found.len(), 1, "{value}: {found:?}");
            assert!(found[0].message.contains(why), "{}", found[0].message);
            assert_eq!(&text[found[0].span.clone()], value);
        }
    }

    #[test]
    fn every_kind_of_valid_number_passes() {
        let text = "a = [0, -1, +17, 1_000, 0xdead_BEEF, 0o755, 0b1101, \
                    9223372036854775807, -9223372036854775808]\n\
                    b = { f = [1.0, -0.5, 3e10, 6.02E+23, 1_000.5_5, 1e-0_1, inf, -nan, +inf] }\n";
        assert_eq!(problems(text), Vec::<String>::new());
    }

    #[test]
    fn the_rules_hold_in_nested_arrays_and_tables() {
        let text = "x = [[1, 2], [{ y = 0x }]]\n";
        assert_eq!(problems(text).len(), 1);
    }

    #[test]
    fn integer_rules_match_the_grammar() {
        for bad in [
            "0x",
            "+0x1",
            "01",
            "1__0",
            "_1",
            "1_",
            "0xg",
            "0x_1",
            "9223372036854775808",
            "-",
        ] {
            assert!(integer_problem(bad).is_some(), "{bad} should be refused");
        }
        for good in ["0", "-0", "+0", "1_2_3", "0xff", "0b1_0"] {
            assert_eq!(integer_problem(good), None, "{good}");
        }
        for bad in ["1.", ".1", "1e", "1.e5", "01.0", "1._0", "1e_1", "1"] {
            assert!(float_problem(bad).is_some(), "{bad} should be refused");
        }
    }
}
