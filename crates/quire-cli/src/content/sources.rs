//! Finding the content files: every post under `content/posts/`.

use std::{
    fs,
    path::{Path, PathBuf},
};

use quire_core::{
    problem::Problem,
    slug::{is_valid_slug, slugify},
};

/// A Markdown file found under `content/posts/`.
pub(super) struct Source {
    /// The `.md` file.
    pub(super) path: PathBuf,
    /// The slug the file or bundle name gives.
    pub(super) name_slug: String,
    /// The bundle folder, for `index.md` posts.
    pub(super) bundle: Option<PathBuf>,
}

/// Every post file of the blog at `root`, in a stable order.
pub(super) fn find(root: &Path) -> Result<Vec<Source>, Problem> {
    let posts_dir = root.join("content").join("posts");
    if !posts_dir.is_dir() {
        return Err(Problem::in_file(
            "content/posts",
            "no such folder; posts go in content/posts/<slug>.md or content/posts/<slug>/index.md",
        ));
    }
    let mut sources = Vec::new();
    walk(&posts_dir, &mut sources)
        .map_err(|error| Problem::in_file("content/posts", error.to_string()))?;
    sources.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sources)
}

/// Walks a folder: every `.md` file is a post, except that a folder with
/// an `index.md` is one post (a page bundle) and `_index.md` files are
/// section pages, which Quire does not publish.
fn walk(dir: &Path, sources: &mut Vec<Source>) -> std::io::Result<()> {
    let index = dir.join("index.md");
    if index.is_file() {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        sources.push(Source {
            path: index,
            name_slug: name_slug(&name),
            bundle: Some(dir.to_path_buf()),
        });
        return Ok(());
    }
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, sources)?;
        } else if let Some(stem) = name.strip_suffix(".md").filter(|stem| *stem != "_index") {
            sources.push(Source {
                name_slug: name_slug(stem),
                path,
                bundle: None,
            });
        }
    }
    Ok(())
}

/// File and folder names become slugs as Hugo makes them: lowercased, with
/// spaces as hyphens.
fn name_slug(name: &str) -> String {
    if is_valid_slug(name) && name == name.to_lowercase() {
        name.to_owned()
    } else {
        slugify(name)
    }
}
