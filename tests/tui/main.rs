//! The browser and review screens driven by keys on a `TestBackend`, as the
//! shell drives them: screens, key scripts, editing, resize, hostile text.
//!
//! One test binary per suite, so `cargo test` links three binaries, not forty.

#[path = "../browser/mod.rs"]
mod browser;
#[path = "../support/mod.rs"]
mod support;

mod checkin_keys;
mod edit_keys;
mod edit_undo_proptest;
mod external_editor_tui;
mod hostile_tui;
mod journal_tui;
mod keymap_doc;
mod keys;
mod large_document;
mod long_draft;
mod render;
mod resize;
mod review_meeting;
mod review_session;
#[cfg(unix)]
mod save_permissions;
mod split_dir;
mod text_editing;
mod tracker_tui;
mod tree_and_screen;
#[cfg(unix)]
mod width_honest;
