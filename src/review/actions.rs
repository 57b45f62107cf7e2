//! `strata review --actions`: the open action items across the strategy,
//! overdue ones first, then by due day; as Markdown (sanitized, escaped)
//! and as JSON for tools.

use std::fmt::Write;

use serde::Serialize;

use super::{ActionLine, NodeLine};
use crate::export::escape;
use crate::model::{Date, Strategy, open_actions};

/// The open action items of a strategy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionList {
    /// The company.
    pub company: String,
    /// The day overdue is counted from, `2026-12-02`.
    pub today: String,
    /// Only items whose owner contains this (ignoring case), when given.
    pub owner: Option<String>,
    /// The open items, overdue first, then by due day (undated last).
    pub actions: Vec<ActionLine>,
}

/// The open action items in `strategy` on `today`, of owners containing
/// `owner` (ignoring case) when given.
pub fn open_action_list(strategy: &Strategy, today: Date, owner: Option<&str>) -> ActionList {
    let wanted = owner.map(str::to_lowercase);
    let mut actions = Vec::new();
    for (_, node) in strategy.iter() {
        for state in open_actions(&node.reviews) {
            if wanted
                .as_ref()
                .is_some_and(|w| !state.item.owner.to_lowercase().contains(w.as_str()))
            {
                continue;
            }
            actions.push(ActionLine {
                node: NodeLine {
                    key: node.key(),
                    title: node.doc.title.clone(),
                },
                what: state.item.what.clone(),
                owner: state.item.owner.clone(),
                due: state.item.due.map(|d| d.to_string()),
                state: "open",
                overdue: state.is_overdue(today),
                by: state.opened.by.clone(),
                on: state.opened.on.to_string(),
            });
        }
    }
    actions.sort_by_key(|a| (!a.overdue, a.due.clone().unwrap_or_else(|| "9999".into())));
    ActionList {
        company: strategy.company.clone(),
        today: today.to_string(),
        owner: owner.map(str::to_owned),
        actions,
    }
}

impl ActionList {
    /// Markdown: one task line per item, with its node's key and title.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# Open action items: {}\n",
            escape::markdown(&self.company)
        );
        if self.actions.is_empty() {
            let whose = match &self.owner {
                Some(owner) => format!(" owned by {}", escape::markdown(owner)),
                None => String::new(),
            };
            let _ = writeln!(out, "No open action items{whose}.");
            return out;
        }
        let overdue = self.actions.iter().filter(|a| a.overdue).count();
        let _ = writeln!(
            out,
            "{} open, {overdue} overdue on {}.\n",
            self.actions.len(),
            self.today
        );
        for a in &self.actions {
            let owner = if a.owner.trim().is_empty() {
                "no owner".to_owned()
            } else {
                escape::markdown(&a.owner)
            };
            let due = a
                .due
                .as_ref()
                .map(|d| format!(", due {d}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "- [ ] {} ({owner}{due}){} · {} · recorded by {} on {}",
                escape::markdown(&a.what),
                if a.overdue { " **overdue**" } else { "" },
                super::summary_text::node_heading(&a.node),
                escape::markdown(&a.by),
                a.on
            );
        }
        out
    }

    /// Pretty JSON ending in a newline, every control character escaped.
    pub fn to_json(&self) -> String {
        let mut text = crate::sanitize::json(
            serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_owned()),
        );
        text.push('\n');
        text
    }
}
