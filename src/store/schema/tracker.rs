//! Reading `tracker` (the keys of a node's tickets, `["PROJ-123"]`) and
//! `links` (where its work lives, `["https://…"]`): lists of strings, each
//! checked so that a key is one word a search can find and a link is one a
//! reader can follow.

use super::{Item, SchemaReader};
use crate::model::is_web_link;
use crate::store::problem::Problem;

impl SchemaReader {
    /// `tracker = ["PROJ-123", …]`: keys without spaces; an empty or spaced
    /// key is an error at its place.
    pub(super) fn tracker_keys(&mut self, value: &Item<'_>, path: &str) -> Vec<String> {
        let example = "tracker = [\"PROJ-123\"]";
        let keys = self.strings(value, path, example);
        let mut out = Vec::with_capacity(keys.len());
        for (key, span) in keys {
            if key.is_empty() || key.chars().any(char::is_whitespace) {
                self.errors.push(
                    Problem::error(span, format!("`{path}` holds a key with spaces or none"))
                        .label("not a tracker key")
                        .help(
                            "write each ticket's key as the tracker shows it, such as \
                             `tracker = [\"PROJ-123\"]`; put a link in `links`",
                        ),
                );
            } else {
                out.push(key);
            }
        }
        out
    }

    /// `links = ["https://…", …]`: kept as written; one that is not an
    /// http(s) address is a warning (exports show it as text, never a link).
    pub(super) fn links(&mut self, value: &Item<'_>, path: &str) -> Vec<String> {
        let example = "links = [\"https://tracker.example.com/browse/PROJ-123\"]";
        let links = self.strings(value, path, example);
        let mut out = Vec::with_capacity(links.len());
        for (link, span) in links {
            if !is_web_link(&link) {
                self.warnings.push(
                    Problem::warning(span, format!("`{path}` holds a link that is not http(s)"))
                        .label("not a web address")
                        .help(
                            "write the full address, starting with `https://`; \
                             exports show other text as it is, never as a link",
                        ),
                );
            }
            out.push(link);
        }
        out
    }
}
