//! Reading only what an edit touched must give what reading everything
//! gives: after each of a few hundred edits of every kind (text, ids,
//! parents, tables added and deleted, strings broken and mended, the
//! preamble and `[lint]`), the project's findings and problems are those
//! of the loader and `lint_strategy` on the whole text, at the same bytes.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::part::Part;
use super::project::Project;
use crate::lint::{self, LintConfig};
use crate::model::Date;
use crate::store::tables::{self, Header};
use crate::store::{self, Workspace};

/// (rule or problem, file bytes, message) of everything a file shows.
type Shown = Vec<(String, Range<usize>, String)>;

/// How many edits each test makes: a few dozen on a developer's machine,
/// more in CI (`.ci/run` sets `STRATA_LSP_EDITS`); `STRATA_LSP_SEED` picks
/// another sequence of edits.
fn edits(default: usize) -> (u64, usize) {
    let number = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let steps = number("STRATA_LSP_EDITS").map_or(default, |n| n as usize);
    (number("STRATA_LSP_SEED").unwrap_or(0x5eed_0001), steps)
}

fn today() -> Date {
    Date::new(2026, 11, 1).unwrap()
}

fn sample() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-strategy.toml"))
        .unwrap()
}

/// What the project shows in file `p`.
fn shown(project: &Project, p: usize) -> (bool, Shown) {
    let mut out: Shown = project
        .problems(p)
        .into_iter()
        .map(|(span, problem)| ("load".to_owned(), span, problem.message.clone()))
        .collect();
    out.extend(
        project
            .findings(p)
            .into_iter()
            .map(|(span, d)| (d.rule.to_owned(), span, d.message.clone())),
    );
    (project.shows_errors(p), sorted(&mut out))
}

/// What reading the files afresh shows, file by file: whether they load,
/// and their warnings and findings (errors are not compared: the server
/// may name a broken table's errors where the loader stops at the first).
fn fresh(dir: &Path, files: &[(PathBuf, String)]) -> Vec<(bool, Shown)> {
    let found = if files.len() == 1 {
        store::parse(&files[0].1).map(|loaded| {
            let warnings = vec![loaded.warnings.clone()];
            (
                loaded.strategy.clone(),
                warnings,
                loaded.lint.clone(),
                Some(loaded),
                None,
            )
        })
    } else {
        Workspace::from_texts(dir, files.to_vec())
            .map(|(workspace, strategy)| {
                let warnings = files
                    .iter()
                    .map(|(path, _)| {
                        let file = workspace.files().iter().find(|f| f.path() == path);
                        file.map(|f| f.warnings().to_vec()).unwrap_or_default()
                    })
                    .collect();
                let lint = workspace.lint().clone();
                (strategy, warnings, lint, None, Some(workspace))
            })
            .map_err(|_| Vec::new())
    };
    let Ok((strategy, warnings, lint, loaded, workspace)) = found else {
        return vec![(true, Vec::new()); files.len()];
    };
    let mut out: Vec<Shown> = warnings
        .into_iter()
        .map(|w| {
            w.into_iter()
                .map(|p| ("load".to_owned(), p.span, p.message))
                .collect()
        })
        .collect();
    let root = files
        .iter()
        .position(|(_, text)| tables::looks(text).vision)
        .unwrap_or(0);
    let config = match LintConfig::from_toml(&lint) {
        Ok(config) => config,
        Err(errors) => {
            for e in errors {
                let span = store::lint_key_span(&files[root].1, &e.path).unwrap_or(0..0);
                out[root].push(("load".into(), span, format!("[lint]: {}", e.message)));
            }
            return out
                .into_iter()
                .map(|mut s| (false, sorted(&mut s)))
                .collect();
        }
    };
    let as_of = strategy.as_of.unwrap_or_else(today);
    for d in lint::lint_strategy(&strategy, &config, as_of) {
        let (p, span) = match (&loaded, &workspace) {
            (Some(loaded), _) => (
                0,
                loaded
                    .source
                    .locate(&files[0].1, d.node, d.field, d.range.clone()),
            ),
            (_, Some(workspace)) => {
                let (file, span) = workspace.locate(d.node, d.field, d.range.clone());
                (
                    files
                        .iter()
                        .position(|(path, _)| path == file.path())
                        .unwrap(),
                    span,
                )
            }
            _ => unreachable!(),
        };
        out[p].push((d.rule.to_owned(), span, d.message.clone()));
    }
    out.into_iter()
        .map(|mut s| (false, sorted(&mut s)))
        .collect()
}

fn sorted(shown: &mut Shown) -> Shown {
    shown.sort_by(|a, b| (&a.0, a.1.start, a.1.end, &a.2).cmp(&(&b.0, b.1.start, b.1.end, &b.2)));
    std::mem::take(shown)
}

/// A small deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() % n.max(1)
    }
}

/// One edit of a kind people make, somewhere in `text`: (bytes, new text).
fn some_edit(rng: &mut Rng, text: &str, step: usize) -> (Range<usize>, String) {
    let lexed = tables::lex(text);
    let nodes: Vec<(usize, usize)> = lexed
        .headers
        .iter()
        .enumerate()
        .filter(|(_, h)| matches!(h.header, Header::Node(..)))
        .map(|(i, h)| {
            let end = lexed.headers.get(i + 1).map_or(text.len(), |n| n.start);
            (h.start, end)
        })
        .collect();
    if nodes.is_empty() {
        let table = format!("\n[intents.new-{step}]\ntitle = \"New\"\n");
        return (text.len()..text.len(), table);
    }
    let (start, end) = nodes[rng.below(nodes.len())];
    let table = &text[start..end];
    let at = |needle: &str| table.find(needle).map(|i| start + i + needle.len());
    let header_end = start + table.find(']').unwrap_or(0);
    match rng.below(14) {
        0 => match at("future = \"\"\"\n").or_else(|| at("title = \"")) {
            Some(i) => (i..i, "We leverage synergies. ".into()),
            None => (start..start, "\n".into()),
        },
        // A new id for the table.
        1 => (header_end..header_end, format!("-{step}")),
        // A parent that is not there, or back.
        2 => match at("intent = \"").or_else(|| at("initiative = \"")) {
            Some(i) => (i..i, "z".into()),
            None => (start..start, "# no parent here\n".into()),
        },
        3 => (start..end, String::new()),
        4 => {
            let copy = table.replacen(']', &format!("-copy{step}]"), 1);
            (end..end, copy)
        }
        // A string left open, then (often) closed again by a later edit.
        5 => match at("title = \"") {
            Some(i) => (i - 1..i, String::new()),
            None => (start..start, "title = \"".into()),
        },
        6 => match text.find("as_of = 2026-11-01") {
            Some(i) => (i + 14..i + 15, "2".into()),
            None => match text.find("as_of = 2026-12-01") {
                Some(i) => (i + 14..i + 15, "1".into()),
                None => (0..0, "\n".into()),
            },
        },
        7 => match at("status = \"") {
            Some(i) => {
                let close = text[i..].find('"').map_or(i, |n| i + n);
                (i..close, "retired".into())
            }
            None => (
                header_end + 2..header_end + 2,
                "status = \"retired\"\n".into(),
            ),
        },
        8 => match at("title = \"") {
            Some(i) => (i..i, "\"\"".into()),
            None => (start..start, "\n".into()),
        },
        9 => (start..start, "# a note between tables\n".into()),
        10 => (
            text.len()..text.len(),
            format!("\n[options.new-{step}]\ninitiative = \"nowhere\"\ntitle = \"New\"\n"),
        ),
        11 => match text.find("[lint]") {
            Some(i) => (i + 6..i + 6, format!("\n# {step}")),
            None => (text.len()..text.len(), "\n[lint]\nmax_intents = 2\n".into()),
        },
        // Anything, anywhere: TOML's punctuation, line ends, wide characters.
        12 => {
            let mut at = rng.below(text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let pieces = [
                "[", "]", "\"", "'", "\"\"\"", "\n", "\r\n", "=", "#", "{", "}", "é", "𝄞", "\\",
                ",",
            ];
            let with: String = (0..1 + rng.below(3))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect();
            let end = (at + rng.below(3)).min(text.len());
            let end = (end..=text.len())
                .find(|&e| text.is_char_boundary(e))
                .unwrap_or(text.len());
            (at..end, with)
        }
        // The whole file, as some editors send it after a reformat.
        _ => (0..text.len(), text.to_owned()),
    }
}

/// Applies `steps` edits to `files` and checks after each that the project
/// shows what a fresh read shows; returns how often an edit of files that
/// loaded had to read everything again.
fn edit_and_compare(files: Vec<(PathBuf, String)>, dir: &Path, seed: u64, steps: usize) -> usize {
    let parts = files
        .iter()
        .map(|(path, text)| Part::new(path.clone(), text.clone(), Some(1)))
        .collect();
    let directory = files.len() > 1;
    let root = if directory {
        dir.to_path_buf()
    } else {
        files[0].0.clone()
    };
    let mut project = Project::new(root, directory, parts, today());
    let mut rng = Rng(seed);
    let mut good: Vec<String> = files.iter().map(|(_, t)| t.clone()).collect();
    let mut reloads = 0;
    for step in 0..steps {
        let p = rng.below(project.parts.len());
        let text = project.parts[p].text.as_str().to_owned();
        let (span, with) = if step % 7 == 6 && project.shows_errors(p) {
            // Back to the last text that loaded, as an undo would.
            (0..text.len(), good[p].clone())
        } else {
            some_edit(&mut rng, &text, step)
        };
        let before = project.reloads;
        let was_broken = project.shows_errors(p);
        project.parts[p].edit(span.clone(), &with);
        project.update(today());
        if project.reloads > before && !was_broken {
            reloads += 1;
        }
        let texts: Vec<(PathBuf, String)> = project
            .parts
            .iter()
            .map(|part| (part.path.clone(), part.text.as_str().to_owned()))
            .collect();
        let expected = fresh(dir, &texts);
        for (q, expected) in expected.iter().enumerate() {
            let (errors, shown) = shown(&project, q);
            let context =
                format!("step {step}: {span:?} ← {with:?} in file {p}, looking at file {q}");
            assert_eq!(errors, expected.0, "{context}: does it load?");
            if !errors {
                assert_eq!(shown, expected.1, "{context}");
                good[q] = texts[q].1.clone();
            }
        }
    }
    reloads
}

#[test]
fn edits_read_table_by_table_agree_with_reading_everything() {
    let dir = PathBuf::from("/nowhere");
    let files = vec![(dir.join("strategy.toml"), sample())];
    let (seed, steps) = edits(80);
    let reloads = edit_and_compare(files, &dir, seed, steps);
    // Most edits stay in their table; the preamble, `[lint]`, a string
    // opened across tables and whole-file replacements read everything.
    assert!(
        reloads < steps / 3,
        "{reloads} of {steps} edits read everything again"
    );
}

#[test]
fn a_directory_agrees_too() {
    let text = sample();
    let cut = text.find("[initiatives.").unwrap();
    let dir = PathBuf::from("/nowhere");
    let files = vec![
        (dir.join("a-vision.toml"), text[..cut].to_owned()),
        (
            dir.join("b-teams.toml"),
            format!("version = 1\n\n{}", &text[cut..]),
        ),
    ];
    let (seed, steps) = edits(50);
    edit_and_compare(files, &dir, seed + 1, steps);
}

#[test]
fn crlf_files_agree_too() {
    let dir = PathBuf::from("/nowhere");
    let files = vec![(dir.join("strategy.toml"), sample().replace('\n', "\r\n"))];
    let (seed, steps) = edits(30);
    edit_and_compare(files, &dir, seed + 2, steps);
}

/// Dotted keys and inline node tables: a layout the cut does not follow,
/// read whole (and still right).
const DOTTED: &str = "version = 1\nas_of = 2026-11-01\n[vision]\ntitle = \"V\"\n[intents]\n\
                      grow.title = \"Grow\"\ngrow.future = \"We leverage synergies.\"\n\
                      [initiatives]\nslow = { intent = \"grow\", title = \"Quotes are slow\" }\n";

/// Metrics as arrays of tables: tables inside a node's, cut with it.
const INSIDE: &str = "version = 1\nas_of = 2026-11-01\n[vision]\ntitle = \"V\"\n\
                      [initiatives.slow]\nintent = \"nowhere\"\ntitle = \"Quotes are slow\"\n\
                      [[initiatives.slow.metrics]]\nname = \"Minutes per quote\"\nbaseline = \"40\"\n\
                      [options.auto]\ninitiative = \"slow\"\ntitle = \"Auto-price\"\n";

#[test]
fn a_layout_the_cut_does_not_follow_is_read_whole() {
    let dir = PathBuf::from("/nowhere");
    let path = dir.join("strategy.toml");
    let part = Part::new(path.clone(), DOTTED.into(), Some(1));
    let project = Project::new(path.clone(), false, vec![part], today());
    let kinds: Vec<_> = project.parts[0]
        .chunks
        .iter()
        .map(|c| c.kind.clone())
        .collect();
    assert_eq!(kinds, [super::part::Kind::Whole]);
    assert!(
        project
            .findings(0)
            .iter()
            .any(|(_, d)| d.rule == "sunday-words")
    );
    let (seed, steps) = edits(20);
    edit_and_compare(vec![(path, DOTTED.into())], &dir, seed + 3, steps);
}

#[test]
fn tables_inside_a_node_are_cut_with_it() {
    let dir = PathBuf::from("/nowhere");
    let path = dir.join("strategy.toml");
    let part = Part::new(path.clone(), INSIDE.into(), Some(1));
    let mut project = Project::new(path.clone(), false, vec![part], today());
    let kinds: Vec<_> = project.parts[0]
        .chunks
        .iter()
        .map(|c| c.kind.clone())
        .collect();
    assert_eq!(
        kinds.len(),
        4,
        "preamble, vision, initiative, option: {kinds:?}"
    );
    let reloads = project.reloads;
    let at = INSIDE.find("baseline = \"40\"").unwrap() + 12;
    project.parts[0].edit(at..at + 2, "45");
    project.update(today());
    assert_eq!(
        project.reloads, reloads,
        "an edit in the metric re-read its node's table"
    );
    let metric = &project
        .strategy()
        .iter()
        .find(|(_, n)| n.id == "slow")
        .unwrap()
        .1
        .doc
        .metrics[0];
    assert_eq!(metric.baseline.as_deref(), Some("45"));
    let (seed, steps) = edits(20);
    edit_and_compare(vec![(path, INSIDE.into())], &dir, seed + 4, steps);
}

#[test]
fn a_table_read_alone_keeps_its_files_line_endings() {
    // A CRLF file with one LF line, at the top of a table: the table's
    // strings still read as the file's (CRLF) strings do.
    let dir = PathBuf::from("/nowhere");
    let path = dir.join("strategy.toml");
    let text = sample().replace('\n', "\r\n");
    let part = Part::new(path.clone(), text.clone(), Some(1));
    let mut project = Project::new(path.clone(), false, vec![part], today());
    let at = text.find("[intents.win-mid-market-brokers]").unwrap() + 32;
    project.parts[0].edit(at..at + 2, "\n");
    project.update(today());
    let files = [(path, project.parts[0].text.as_str().to_owned())];
    assert_eq!(shown(&project, 0), fresh(&dir, &files)[0]);
    assert!(
        !project
            .findings(0)
            .iter()
            .any(|(_, d)| d.rule == "hidden-characters")
    );
}

#[test]
fn a_keystroke_in_a_table_reads_only_that_table() {
    let dir = PathBuf::from("/nowhere");
    let text = sample();
    let part = Part::new(dir.join("strategy.toml"), text.clone(), Some(1));
    let mut project = Project::new(part.path.clone(), false, vec![part], today());
    let reloads = project.reloads;
    let at = text.find("future = \"\"\"\n").unwrap() + 12;
    project.parts[0].edit(at..at, "We leverage synergies. ");
    project.update(today());
    assert_eq!(project.reloads, reloads, "no file was read whole");
    assert!(
        project
            .findings(0)
            .iter()
            .any(|(span, d)| d.rule == "sunday-words" && span.start >= at && span.end <= at + 23)
    );
}
