//! strata: write and review a company's strategy as a cascade of two-pagers.
//!
//! The crate is layered so each part can be used without the ones above it:
//! [`model`] (pure data) ← [`lint`] (pure checks) and [`store`] (files) ←
//! [`app`] (the browser's state, pure) ← [`ui`] (drawing, pure) ← `cli`,
//! [`export`] and [`tui`] (the terminal shell).

pub mod app;
pub mod cli;
pub mod config;
pub mod export;
pub mod lint;
pub mod model;
pub mod review;
pub mod sanitize;
pub mod store;
pub mod suggest;
pub mod tui;
pub mod ui;
