//! The top of a file: what is read in what order (the version, `as_of`,
//! `[company]`, the vision, each level, `[lint]`, keys strata does not
//! know), from one parsed table or from pieces parsed one at a time
//! (`store/load/pieces.rs`), whose spans are moved to their place here.

use toml::de::{DeTable, DeValue};

use super::{FORMAT_VERSION, Item, SchemaReader, TOP_KEYS, wrong_type};
use crate::model::{Date, Level};
use crate::store::problem::Problem;

impl SchemaReader {
    /// Reads a whole file's parsed text.
    pub fn read(&mut self, root: &DeTable<'_>) {
        self.read_pieces(&[(root, 0)], false, &mut |_, _| true);
    }

    /// Reads a file parsed in pieces: `top` holds the tables that are no
    /// node's (each with the offset of its text in the file), and `nodes`
    /// reads the node tables of a level that stand on their own, calling
    /// [`SchemaReader::read_level_at`] for each (false: give up, the file
    /// is read whole instead); `level_pieces` says there are some below the
    /// vision. Everything is read in the order a whole
    /// file is, so the model, its spans and the problems are the same.
    pub(in crate::store) fn read_pieces(
        &mut self,
        top: &[(&DeTable<'_>, usize)],
        level_pieces: bool,
        nodes: &mut dyn FnMut(Level, &mut SchemaReader) -> bool,
    ) -> bool {
        let find = |key: &str| {
            top.iter()
                .find_map(|(root, at)| Some((root.get(key)?, *at)))
        };
        match find("version") {
            Some((item, at)) => self.at(at, |r| r.read_version(Some(item))),
            None => self.read_version(None),
        }
        if let Some((as_of, at)) = find("as_of") {
            self.at(at, |r| r.strategy.as_of = r.read_as_of(as_of));
        }
        if let Some((company, at)) = find("company") {
            self.at(at, |r| r.read_company(company));
        }
        // Levels or a version say the file means to be a strategy.
        let a_strategy = level_pieces
            || ["version", "intents", "initiatives", "options"]
                .iter()
                .any(|k| find(k).is_some());
        match top.iter().find(|(root, _)| root.contains_key("vision")) {
            Some((root, at)) => self.at(*at, |r| r.read_vision(root, &root["vision"])),
            // Read on its own, the vision's table is one of the nodes.
            None if !nodes(Level::Vision, self) => return false,
            None if self.strategy.vision().is_some() => {}
            None if self.vision_optional && a_strategy => {}
            None if a_strategy => {
                self.errors
                    .push(Problem::error(0..0, "the strategy has no vision").help(
                    "add a `[vision]` table with at least a title: every intent ladders up to it",
                ))
            }
            None => match top.first() {
                Some((root, at)) => self.at(*at, |r| r.errors.push(not_a_strategy(root))),
                None => self.errors.push(not_a_strategy(&DeTable::new())),
            },
        }
        for level in [Level::Intent, Level::Initiative, Level::Option] {
            if let Some((item, at)) = find(level.table()) {
                self.read_level_at(level, item, at);
            }
            if !nodes(level, self) {
                return false;
            }
        }
        if let Some((lint, at)) = find("lint") {
            self.at(at, |r| r.read_lint(lint));
        }
        for (root, at) in top {
            for key in root.keys() {
                if !TOP_KEYS.contains(&key.get_ref().as_ref()) {
                    self.at(*at, |r| r.unknown_key(key, &TOP_KEYS, "at the top level"));
                }
            }
        }
        self.strategy.relink();
        true
    }

    /// Reads the tables of `level`'s nodes in `item`, whose spans count from
    /// `at` in the file.
    pub(in crate::store) fn read_level_at(&mut self, level: Level, item: &Item<'_>, at: usize) {
        self.at(at, |r| r.read_level(level, item));
    }

    /// Reads the `[vision]` of `root`, a piece of the file starting at `at`.
    pub(in crate::store) fn read_vision_at(
        &mut self,
        root: &DeTable<'_>,
        item: &Item<'_>,
        at: usize,
    ) {
        self.at(at, |r| r.read_vision(root, item));
    }

    /// Runs `read` on text that starts at `at` in the file: what it records
    /// (problems, the spans of the nodes it adds) moves by `at`.
    fn at(&mut self, at: usize, read: impl FnOnce(&mut Self)) {
        let (errors, warnings, nodes) =
            (self.errors.len(), self.warnings.len(), self.strategy.len());
        read(self);
        if at == 0 {
            return;
        }
        for problem in self.errors[errors..]
            .iter_mut()
            .chain(&mut self.warnings[warnings..])
        {
            problem.span = problem.span.start + at..problem.span.end + at;
        }
        self.source.shift_from(nodes, at);
    }

    fn read_lint(&mut self, lint: &Item<'_>) {
        match lint.get_ref() {
            DeValue::Table(table) => self.lint = to_toml_table(table),
            other => self.errors.push(wrong_type(
                lint.span(),
                "lint",
                "a table",
                other,
                "[lint]\nmax_intents = 3",
            )),
        }
    }

    fn read_version(&mut self, item: Option<&Item<'_>>) {
        let Some(item) = item else {
            if self.version_elsewhere {
                return;
            }
            self.warnings.push(
                Problem::warning(0..0, "the file does not say which format version it uses").help(
                    format!("add `version = {FORMAT_VERSION}` as the first line"),
                ),
            );
            return;
        };
        match item.get_ref() {
            DeValue::Integer(n) if n.as_str() == FORMAT_VERSION.to_string() => {}
            DeValue::Integer(n) => self.errors.push(
                Problem::error(item.span(), format!("this file uses format version {n}; this strata reads version {FORMAT_VERSION}"))
                    .label("unsupported version")
                    .help("install a newer strata, or check that the file is a strata strategy"),
            ),
            other => self.errors.push(wrong_type(item.span(), "version", "an integer", other, "version = 1")),
        }
    }

    fn read_as_of(&mut self, item: &Item<'_>) -> Option<Date> {
        self.date(
            item,
            "as_of",
            "write a day such as `as_of = 2026-11-01`, or remove it to measure horizons from today",
        )
    }

    fn read_company(&mut self, item: &Item<'_>) {
        let example = "[company]\nname = \"Northwind Freight\"";
        let Some(table) = self.table(item, "company", "a table", example) else {
            return;
        };
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "name" => {
                    if let Some(name) = self.string(value, "company.name") {
                        self.strategy.company = name;
                    }
                }
                _ => self.unknown_key(key, &["name"], "in [company]"),
            }
        }
    }
}

fn not_a_strategy(root: &DeTable<'_>) -> Problem {
    let keys: Vec<&str> = root.keys().map(|k| k.get_ref().as_ref()).take(6).collect();
    let found = if keys.is_empty() {
        "the file is empty".to_owned()
    } else {
        format!(
            "it has {}",
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Problem::error(
        0..0,
        format!("this is not a strata strategy file: {found}, but no `[vision]`"),
    )
    .help("check the file name, run `strata init FILE` to start a strategy, or see docs/format.md")
}

fn to_toml_table(table: &DeTable<'_>) -> toml::Table {
    table
        .iter()
        .map(|(k, v)| (k.get_ref().to_string(), to_toml_value(v.get_ref())))
        .collect()
}

fn to_toml_value(value: &DeValue<'_>) -> toml::Value {
    match value {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(n) => i64::from_str_radix(&n.as_str().replace('_', ""), n.radix())
            .map_or_else(
                |_| toml::Value::String(n.as_str().to_owned()),
                toml::Value::Integer,
            ),
        DeValue::Float(f) => f.as_str().replace('_', "").parse().map_or_else(
            |_| toml::Value::String(f.as_str().to_owned()),
            toml::Value::Float,
        ),
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(dt) => toml::Value::Datetime(*dt),
        DeValue::Array(items) => {
            toml::Value::Array(items.iter().map(|i| to_toml_value(i.get_ref())).collect())
        }
        DeValue::Table(table) => toml::Value::Table(to_toml_table(table)),
    }
}
