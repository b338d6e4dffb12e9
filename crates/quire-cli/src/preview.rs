//! What a `trunk serve` preview has that a published site does not: a
//! release name that stays the same from one edit to the next (so `quire
//! watch` rewrites only what an edit changed), no offline worker (it would
//! keep showing the text before the edit), and a script that reloads the
//! page once `quire watch` has republished the blog.

use std::{
    io,
    path::Path,
    time::{SystemTime, UNIX_EPOCH},
};

use quire_core::{html, html::SafeHtml};

/// The release name of every preview build; a published build names its
/// release after its content.
pub(crate) const RELEASE: &str = "preview";

/// The script that reloads a preview page after a republish, at the site root.
pub(crate) const SCRIPT_FILE: &str = "quire-preview.js";

/// What the script watches: rewritten after each republish that changed a file.
const STAMP_FILE: &str = "quire-preview.txt";

/// The script, naming the stamp beside it.
pub(crate) fn script() -> String {
    include_str!("preview.js").replace("__STAMP_FILE__", STAMP_FILE)
}

/// The `<script>` tag a preview page loads it with.
pub(crate) fn script_tag(root: &str) -> SafeHtml {
    html!(r#"<script src="{}{}" defer></script>"#, root, SCRIPT_FILE)
}

/// Tells the open preview pages that the blog changed.
pub(crate) fn touch_stamp(out: &Path) -> io::Result<()> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis());
    std::fs::write(out.join(STAMP_FILE), now.to_string())
}
