//! strata: write and review a company's strategy as a cascade of two-pagers.
//!
//! The crate is layered so each part can be used without the ones above it:
//! [`model`] (pure data) ← [`lint`] (pure checks) and [`store`] (files) ←
//! `cli`; the terminal UI builds on the same model and linter.

pub mod cli;
pub mod export;
pub mod lint;
pub mod model;
pub mod sanitize;
pub mod store;
