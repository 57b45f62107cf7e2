//! `docs/keymap.md` is generated from the actions' docs and the default
//! keymap; this fails when it is stale, and rewrites it with `UPDATE_DOCS=1`.

use std::path::Path;

#[test]
fn keymap_md_matches_the_keymap() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/keymap.md");
    let generated = strata::app::overlays::help::sections::keymap_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write docs/keymap.md");
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/keymap.md is stale: the actions (src/app/keys/action.rs), the default keys \
         (src/app/keys/default-config.toml) or an overlay's key table changed.\n\
         Regenerate it with: UPDATE_DOCS=1 cargo test --test tui keymap_doc"
    );
}
