//! Imports point one way: inside every module of `src/`, the graph of its
//! child modules, with an edge A → B when code in A names something in B,
//! has no cycle. A child naming its parent's items (or any ancestor's) is
//! not an edge, and test code is left out.
//!
//! It reads the source rather than the compiler's view, so it looks at
//! every `use` (braces expanded) and every path written out in code
//! (`crate::…`, `super::…`, `self::…`, and paths starting at a child
//! module), with comments and string literals removed first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path from the crate root: `["app", "keys"]`.
type Module = Vec<String>;

/// One source file of the library and its module.
struct Source {
    file: PathBuf,
    module: Module,
    code: String,
}

/// The edge from `from` to `to` under `parent`, and one place that makes it.
type Edges = BTreeMap<Module, BTreeMap<(String, String), String>>;

/// Modules whose children are being untangled on another branch
/// (`structure-cli`); each comes off this list when that lands.
const BEING_UNTANGLED: &[&str] = &["cli"];

/// What the browser's state may name beyond itself: the model, the linter,
/// review meetings and `sanitize`, never the files, the terminal, drawing,
/// the commands or the config file.
const APP_MAY_NAME: &[&str] = &["model", "lint", "review", "sanitize"];

/// Paths `app` names outside [`APP_MAY_NAME`] until they move (on
/// `structure-cli`, `did_you_mean` leaves `store` for a neutral module).
const APP_MAY_NAME_FOR_NOW: &[&str] = &["crate::store::did_you_mean"];

#[test]
fn app_names_only_the_model_lint_and_review() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let sources = read_sources(&src);
    let modules: BTreeSet<Module> = sources.iter().map(|s| s.module.clone()).collect();
    let mut wrong = BTreeSet::new();
    for source in sources
        .iter()
        .filter(|s| s.module.first().is_some_and(|m| m == "app"))
    {
        for path in paths(&source.code) {
            let Some(target) = resolve(&path, &source.module, &modules) else {
                continue;
            };
            let top = target.first().map_or("", String::as_str);
            let written = path.join("::");
            if top != "app"
                && !APP_MAY_NAME.contains(&top)
                && !APP_MAY_NAME_FOR_NOW.contains(&written.as_str())
            {
                let file = source.file.strip_prefix(&src).unwrap_or(&source.file);
                wrong.insert(format!("  {} names `{written}`", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "app must not depend on {}; pass it plain data instead:\n{}",
        "store, tui, cli, ui or config",
        wrong.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// Every edge between siblings, under each parent module.
fn sibling_edges(src: &Path) -> Edges {
    let sources = read_sources(src);
    let modules: BTreeSet<Module> = sources.iter().map(|s| s.module.clone()).collect();
    let mut edges: Edges = BTreeMap::new();
    for source in &sources {
        for path in paths(&source.code) {
            let Some(target) = resolve(&path, &source.module, &modules) else {
                continue;
            };
            let from = &source.module;
            let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
            // Naming an ancestor (or itself), or a descendant, is no edge
            // between siblings.
            if common == target.len() || common == from.len() {
                continue;
            }
            let parent = from[..common].to_vec();
            let key = (from[common].clone(), target[common].clone());
            let file = source.file.strip_prefix(src).unwrap_or(&source.file);
            let place = format!("{} names `{}`", file.display(), path.join("::"));
            edges.entry(parent).or_default().entry(key).or_insert(place);
        }
    }
    edges
}

/// The rooms of `app`, lowest first, as `docs/architecture.md` and the
/// header of `app/mod.rs` draw them: a room names only rooms of a lower
/// level.
const APP_LEVELS: &[&[&str]] = &[
    &["keys"],
    &["text"],
    &["findings", "screen"],
    &["browse"],
    &["edit"],
    &["overlays"],
    &["structure", "external", "saving", "review"],
    &["update", "hints"],
    &["input"],
];

#[test]
fn the_rooms_of_app_name_only_rooms_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = sibling_edges(&src);
    let level = |room: &str| APP_LEVELS.iter().position(|rooms| rooms.contains(&room));
    let mut wrong = Vec::new();
    let children: BTreeSet<String> = read_sources(&src)
        .into_iter()
        .filter(|s| s.module.len() >= 2 && s.module[0] == "app")
        .map(|s| s.module[1].clone())
        .collect();
    for child in &children {
        if level(child).is_none() {
            wrong.push(format!("  app::{child} is in no level of APP_LEVELS"));
        }
    }
    for ((from, to), place) in edges.get(&vec!["app".to_owned()]).into_iter().flatten() {
        if let (Some(a), Some(b)) = (level(from), level(to))
            && b >= a
        {
            wrong.push(format!("  {from} (level {a}) → {to} (level {b}): {place}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "app's rooms out of level:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_imports_in_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = sibling_edges(&src);
    let mut cycles = Vec::new();
    for (parent, graph) in &edges {
        if parent.len() == 1 && BEING_UNTANGLED.contains(&parent[0].as_str()) {
            continue;
        }
        // Every cycle, each found after cutting the last edge of the one before.
        let mut left = graph.clone();
        while let Some(cycle) = find_cycle(&left) {
            let n = cycle.len();
            left.remove(&(cycle[n - 2].clone(), cycle[n - 1].clone()));
            let name = if parent.is_empty() {
                "the crate root".to_owned()
            } else {
                format!("`{}`", parent.join("::"))
            };
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|pair| {
                    let key = (pair[0].clone(), pair[1].clone());
                    format!("  {} → {}: {}", pair[0], pair[1], graph[&key])
                })
                .collect();
            cycles.push(format!("in {name}:\n{}", steps.join("\n")));
        }
    }
    assert!(
        cycles.is_empty(),
        "modules that import each other in a circle (move the shared piece \
         into a module both can import, one level down):\n{}",
        cycles.join("\n")
    );
}

/// Every `.rs` file under `src/` that belongs to the library (not
/// `main.rs`, not test-only files), with its code cleaned.
fn read_sources(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    walk(src, &mut files);
    files.sort();
    let mut sources: Vec<Source> = Vec::new();
    let mut test_only: BTreeSet<Module> = BTreeSet::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        if relative == Path::new("main.rs") {
            continue;
        }
        let mut module: Module = relative
            .with_extension("")
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        if module
            .last()
            .is_some_and(|last| last == "mod" || last == "lib")
        {
            module.pop();
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let (code, tests) = without_tests(&clean(&text));
        for name in tests {
            let mut test = module.clone();
            test.push(name);
            test_only.insert(test);
        }
        sources.push(Source { file, module, code });
    }
    sources.retain(|s| !test_only.iter().any(|t| s.module.starts_with(t)));
    sources
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` without comments and with every string and character literal
/// emptied, so neither can be mistaken for a path.
fn clean(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('a', '\n', '\u{1b}'), or a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 2..chars.len()).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push_str("' '");
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// `code` without its `#[cfg(test)]` modules, and the names of those that
/// live in files of their own (`#[cfg(test)] mod tests;`).
fn without_tests(code: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(code.len());
    let mut files = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let trimmed = after.trim_start();
        let Some(declaration) = trimmed.strip_prefix("mod ") else {
            out.push_str("#[cfg(test)]");
            rest = after;
            continue;
        };
        let name: String = declaration
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let body = &trimmed["mod ".len()..];
        match body.find(['{', ';']) {
            Some(end) if body.as_bytes()[end] == b';' => {
                files.push(name);
                rest = &body[end + 1..];
            }
            Some(open) => {
                let mut depth = 0;
                let mut close = body.len();
                for (i, c) in body[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                close = open + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                rest = &body[close..];
            }
            None => rest = "",
        }
    }
    out.push_str(rest);
    (out, files)
}

/// Every path `code` names: each `use` tree expanded, and every other
/// `a::b::c` written out.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    let mut outside_use = String::new();
    while let Some(at) = find_word(rest, "use") {
        outside_use.push_str(&rest[..at]);
        let after = &rest[at + 3..];
        let end = after.find(';').unwrap_or(after.len());
        let tree: String = without_renames(&after[..end])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        expand(&tree, &mut Vec::new(), &mut out);
        rest = &after[(end + 1).min(after.len())..];
    }
    outside_use.push_str(rest);
    let chars: Vec<char> = outside_use.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if ident_start(chars[i]) && !(i > 0 && (ident_char(chars[i - 1]) || chars[i - 1] == ':')) {
            let mut segments = Vec::new();
            let mut j = i;
            loop {
                let start = j;
                while j < chars.len() && ident_char(chars[j]) {
                    j += 1;
                }
                segments.push(chars[start..j].iter().collect::<String>());
                if chars.get(j) == Some(&':')
                    && chars.get(j + 1) == Some(&':')
                    && chars.get(j + 2).is_some_and(|&c| ident_start(c))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if segments.len() > 1 {
                out.push(segments);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A `use` tree with its renames (`x as y`) cut to the path they rename.
fn without_renames(tree: &str) -> String {
    let mut out = String::with_capacity(tree.len());
    let mut rest = tree;
    while let Some(at) = find_word(rest, "as") {
        out.push_str(&rest[..at]);
        let after = rest[at + 2..].trim_start();
        let name = after.find(|c: char| !ident_char(c)).unwrap_or(after.len());
        rest = &after[name..];
    }
    out.push_str(rest);
    out
}

/// Where the keyword `word` starts in `text`, standing alone.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find(word) {
        let at = from + found;
        let before = at.checked_sub(1).map(|b| bytes[b] as char);
        let after = bytes.get(at + word.len()).map(|&b| b as char);
        if !before.is_some_and(ident_char) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

fn ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '$'
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Expands a `use` tree without whitespace (`super::{a,b::{c,d}}`).
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim_start_matches("::");
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let depth = prefix.len();
        prefix.extend(head);
        let mut level = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => level += 1,
                '}' => level -= 1,
                ',' if level == 0 => {
                    expand(&inner[start..i], prefix, out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], prefix, out);
        prefix.truncate(depth);
    } else if !tree.is_empty() {
        let mut path = prefix.clone();
        path.extend(
            tree.split("::")
                .filter(|s| !s.is_empty() && *s != "*")
                .map(str::to_owned),
        );
        if path.last().is_some_and(|s| s == "self") {
            path.pop();
        }
        out.push(path);
    }
}

/// The deepest module of the library that `path`, written in `here`, names.
fn resolve(path: &[String], here: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    let (first, rest) = path.split_first()?;
    let mut at: Module = match first.as_str() {
        "crate" | "$crate" => Vec::new(),
        "self" => here.clone(),
        "super" => here[..here.len().checked_sub(1)?].to_vec(),
        name => {
            let mut child = here.clone();
            child.push(name.to_owned());
            if !modules.contains(&child) {
                return None;
            }
            child
        }
    };
    let mut segments = rest.iter().peekable();
    while segments.peek().is_some_and(|s| *s == "super") {
        segments.next();
        at.pop();
    }
    for segment in segments {
        let mut deeper = at.clone();
        deeper.push(segment.clone());
        if !modules.contains(&deeper) {
            break;
        }
        at = deeper;
    }
    Some(at)
}

/// A cycle in `graph`, as the names along it (first = last), if there is one.
fn find_cycle(graph: &BTreeMap<(String, String), String>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in graph.keys() {
        next.entry(from).or_default().push(to);
    }
    // 0: not seen, 1: on the current path, 2: done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    fn visit<'a>(
        node: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        state.insert(node, 1);
        path.push(node);
        for &to in next.get(node).map(Vec::as_slice).unwrap_or(&[]) {
            match state.get(to).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|&p| p == to).unwrap_or(0);
                    let mut cycle: Vec<String> =
                        path[start..].iter().map(|s| (*s).to_owned()).collect();
                    cycle.push(to.to_owned());
                    return Some(cycle);
                }
                0 => {
                    if let Some(cycle) = visit(to, next, state, path) {
                        return Some(cycle);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    let nodes: Vec<&str> = next.keys().copied().collect();
    for node in nodes {
        if state.get(node).copied().unwrap_or(0) == 0
            && let Some(cycle) = visit(node, &next, &mut state, &mut Vec::new())
        {
            return Some(cycle);
        }
    }
    None
}
