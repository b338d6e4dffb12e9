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

use quire_core::{dom, html, html::SafeHtml, problem::Problem};

use crate::shell::Shell;

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

/// Tells the preview pages asked for before now that the blog changed.
pub(crate) fn touch_stamp(out: &Path) -> io::Result<()> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis());
    crate::output::write_file(&out.join(STAMP_FILE), now.to_string().as_bytes())
}

/// Puts [`problem_page`] in place of the preview's home page (`out` holds
/// Trunk's page), with the script that reloads it.
pub(crate) fn show_problems(
    out: &Path,
    root: &str,
    problems: &[Problem],
) -> Result<(), Vec<Problem>> {
    let in_folder = |error: io::Error| vec![Problem::in_file(out.display(), error.to_string())];
    let trunks_page = std::fs::read_to_string(out.join("index.html")).map_err(in_folder)?;
    let shell = Shell::parse(Some(&trunks_page))
        .map_err(|message| vec![Problem::in_file("index.html", message)])?;
    let page = problem_page(&shell, root, problems);
    for (file, text) in [
        ("index.html", page.as_str()),
        (SCRIPT_FILE, script().as_str()),
    ] {
        crate::output::write_file(&out.join(file), text.as_bytes()).map_err(in_folder)?;
    }
    Ok(())
}

/// The page a preview shows while the blog has problems, in Trunk's page:
/// the problems, each with its file and line, where the home page would
/// be; it reloads once `quire watch` has published the fixed blog. `root`
/// is the path Trunk serves the site at.
fn problem_page(shell: &Shell, root: &str, problems: &[Problem]) -> String {
    let items: SafeHtml = problems
        .iter()
        .map(|problem| html!("<li><code>{}</code></li>", problem.to_string()))
        .collect();
    // The app keeps a pre-rendered page for its own address on screen.
    let body = html!(
        r#"<div id="{}" {}="{}"><main id="{}" class="main"><div class="{}"><h1>The blog has {} to fix</h1><p>Nothing was published; the page reloads once they are fixed and saved.</p><ul>{}</ul></div></main></div>"#,
        dom::PRERENDERED_ID,
        dom::DATA_PATH,
        root,
        dom::MAIN_ID,
        dom::VIEW_CLASS,
        quire_core::text::count_of(problems.len(), "problem"),
        items
    );
    let head = html!("<title>The blog has problems</title>\n{}", script_tag(root));
    shell.page("en", None, &head, &body)
}
