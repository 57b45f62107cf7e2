//! What the crash-recovery question says about a journal found at open:
//! which nodes it changed and how long ago it was written.

use std::time::SystemTime;

use crate::app::overlays::confirm::RecoveryOffer;
use crate::store::{Recovered, Workspace, changed_node_keys};

/// What the recovery question says about `found`.
pub fn recovery_offer(path: &std::path::Path, found: &Recovered) -> Result<RecoveryOffer, String> {
    let (file, _) = Workspace::from_snapshot(path, found.base_text.clone())
        .map_err(|_| "its base does not parse")?;
    let (_, edited) =
        Workspace::from_snapshot(path, found.text.clone()).map_err(|_| "its edits do not parse")?;
    let changed = changed_node_keys(file.baseline(), &edited);
    let age = match SystemTime::now().duration_since(found.written_at) {
        Ok(age) if age.as_secs() < 90 => "a moment ago".to_owned(),
        Ok(age) if age.as_secs() < 90 * 60 => format!("{} minutes ago", age.as_secs() / 60),
        Ok(age) if age.as_secs() < 36 * 3600 => format!("{} hours ago", age.as_secs() / 3600),
        Ok(age) => format!("{} days ago", age.as_secs() / 86400),
        Err(_) => "recently".to_owned(),
    };
    Ok(RecoveryOffer {
        changed,
        age,
        base_matches_disk: found.base_matches_disk,
    })
}
