//! `quire new`: starting a post.

use std::{
    fs,
    path::{Path, PathBuf},
};

use quire_core::{date::Date, problem::Problem, slug::slugify};

/// Starts a post: `content/posts/<slug>/index.md` with front matter filled in.
pub(crate) fn new_post(
    root: &Path,
    title: &str,
    now_unix_seconds: i64,
) -> Result<PathBuf, Problem> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Problem::new(format!(
            "`{title}` gives an empty slug; use a title with letters or digits"
        )));
    }
    let dir = root.join("content").join("posts").join(&slug);
    let path = dir.join("index.md");
    if path.exists() || dir.with_extension("md").exists() {
        return Err(Problem::in_file(path.display(), "already exists"));
    }
    let today = Date::from_days_since_epoch(now_unix_seconds.div_euclid(86_400));
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    let text = format!(
        "---\ntitle: \"{escaped}\"\ndate: {today}\ndraft: true\ntags: []\nsummary: \"\"\n---\n\nWrite your post here. The text before a `<!--more-->` line becomes the summary when `summary` is empty.\n"
    );
    fs::create_dir_all(&dir)
        .and_then(|()| fs::write(&path, text))
        .map_err(|error| Problem::in_file(path.display(), error.to_string()))?;
    Ok(path)
}
