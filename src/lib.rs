//! strata: write and review a company's strategy as a cascade of two-pagers.
//!
//! The crate is layered so each part can be used without the ones above it:
//! [`model`] (pure data) ← [`store`] (files) and [`lint`] (checks) ← [`app`]
//! (browser state) ← `ui` (drawing) ← `cli` and the terminal shell.

pub mod app;
pub mod cli;
pub mod config;
pub mod lint;
pub mod model;
pub mod sanitize;
pub mod store;
pub mod tui;
pub mod ui;
