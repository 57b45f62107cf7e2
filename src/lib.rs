//! strata: write and review a company's strategy as a cascade of two-pagers.
//!
//! The crate is layered so each part can be used without the ones above it:
//! [`model`] (pure data) ← [`lint`] (pure checks) ← [`export`] and
//! [`review`] (pure) ← [`store`] (files) ← [`app`] (the browser's state,
//! pure) ← [`ui`] (drawing, pure) ← [`config`] ← [`tui`] (the terminal
//! shell) ← [`cli`] (the command line, and the one reader of the clock).
//! [`lsp`] (the language server) is a second shell over [`store`] and
//! [`lint`], started by `cli`.
//! [`sanitize`] and [`suggest`] import nothing of strata; every layer may
//! use them. `docs/architecture.md` draws it; `tests/engine/imports.rs`
//! keeps it free of cycles.

pub mod app;
pub mod cli;
pub mod config;
pub mod export;
pub mod lint;
pub mod lsp;
pub mod model;
pub mod review;
pub mod sanitize;
pub mod store;
pub mod suggest;
pub mod tui;
pub mod ui;
