//! Files a post or the site brings along: a post's cover (checked, with its
//! size), a bundle's images, and everything under `static/`.

use std::{
    fs,
    path::{Path, PathBuf},
};

use quire_core::{front_matter::CoverSpec, manifest::Cover, problem::Problem};

use crate::image_size::image_size;

/// Cover size assumed when the image's size cannot be read (a remote URL,
/// a format no reader knows): the usual 1.91:1 social-card shape.
const DEFAULT_COVER_SIZE: (u32, u32) = (1200, 630);

/// A file to copy into the site: a page bundle's image, or a file from `static/`.
#[derive(Debug, Clone)]
pub(crate) struct Asset {
    /// Where it is read from.
    pub(crate) source: PathBuf,
    /// Where it goes, relative to the site root.
    pub(crate) target: String,
}

/// A cover found, and what the author should know about it.
pub(super) struct FoundCover {
    /// The cover, with its size.
    pub(super) cover: Cover,
    /// Warnings: a size that could not be read.
    pub(super) warnings: Vec<String>,
}

/// Finds a cover's file and size. Its file is published with its bundle
/// (`bundle`, for a post at `post_path`), with the static folders
/// (`static_dirs`) or where it is below the content folder (`content_dir`:
/// PaperMod's `image: posts/images/a.png`, which its template reads from
/// the site root), so nothing is copied here. The error is a message for
/// the cover's line.
pub(super) fn cover(
    root: &Path,
    static_dirs: &[String],
    content_dir: &Path,
    bundle: Option<&Path>,
    post_path: &str,
    spec: &CoverSpec,
) -> Result<FoundCover, String> {
    let image = spec.image.as_str();
    if image.split(['/', '\\']).any(|part| part == "..") {
        return Err(format!(
            "cover `{image}` must not climb out of its folder with `..`"
        ));
    }
    let is_remote =
        image.starts_with("https://") || image.starts_with("http://") || image.starts_with("//");
    let (file, src) = if is_remote {
        (None, image.to_owned())
    } else if let Some(bundle) = bundle.filter(|_| !image.starts_with('/')) {
        (
            Some(bundle.join(image)),
            format!("{}{image}", bundle_folder(post_path)),
        )
    } else {
        let from_root = image.trim_start_matches('/');
        let in_content = content_dir.join(from_root);
        let file = match in_static(root, static_dirs, from_root) {
            // vdovhanych's and hfichter's PaperMod covers are files beside
            // the posts, which are published where they are.
            missing if !missing.is_file() && in_content.is_file() => in_content,
            found => found,
        };
        (Some(file), from_root.to_owned())
    };
    let mut warnings = Vec::new();
    let size = match &file {
        None => DEFAULT_COVER_SIZE,
        Some(file) => {
            let bytes = fs::read(file)
                .map_err(|_| format!("cover file missing: {} does not exist", file.display()))?;
            image_size(&bytes).unwrap_or_else(|| {
                warnings.push(format!(
                    "cover `{image}`: its size could not be read, so it is given {}×{}; the page may shift as it loads",
                    DEFAULT_COVER_SIZE.0, DEFAULT_COVER_SIZE.1
                ));
                DEFAULT_COVER_SIZE
            })
        }
    };
    Ok(FoundCover {
        cover: Cover {
            src,
            alt: spec.alt.clone(),
            caption: spec.caption.clone(),
            width: size.0,
            height: size.1,
        },
        warnings,
    })
}

/// Every file of a page bundle except its Markdown, published beside the
/// post at `post_path`.
pub(super) fn bundle_files(bundle: &Path, post_path: &str) -> std::io::Result<Vec<Asset>> {
    let mut found = Vec::new();
    files_below(bundle, bundle, &mut found)?;
    Ok(found
        .into_iter()
        .filter(|asset| !asset.target.ends_with(".md"))
        .map(|asset| Asset {
            target: format!("{}{}", bundle_folder(post_path), asset.target),
            source: asset.source,
        })
        .collect())
}

/// The folder a bundle's files are published in: the page's own, or for an
/// ugly address (`posts/a.html`), `posts/a/`, as Hugo publishes them.
fn bundle_folder(post_path: &str) -> String {
    if quire_core::route::names_file(post_path) {
        let stem = post_path
            .rsplit_once('.')
            .map_or(post_path, |(stem, _)| stem);
        format!("{stem}/")
    } else {
        post_path.to_owned()
    }
}

/// Where a file named from the site root is: in the last static folder that
/// has it, else where the site's own `static/` would have it.
pub(super) fn in_static(root: &Path, static_dirs: &[String], from_root: &str) -> PathBuf {
    static_dirs
        .iter()
        .rev()
        .map(|dir| root.join(dir).join(from_root))
        .find(|path| path.is_file())
        .unwrap_or_else(|| root.join("static").join(from_root))
}

/// Everything under the static folders (`static/`, and a Hugo site's
/// themes' and `staticDir`'s), published at the site root; of two files at
/// one place, the later folder's wins, as in Hugo.
pub(super) fn static_files(root: &Path, dirs: &[String]) -> Result<Vec<Asset>, Problem> {
    let mut found: Vec<Asset> = Vec::new();
    for name in dirs {
        let dir = root.join(name);
        if dir.is_dir() {
            let mut these = Vec::new();
            files_below(&dir, &dir, &mut these)
                .map_err(|error| Problem::in_file(name, error.to_string()))?;
            found.retain(|asset| these.iter().all(|newer| newer.target != asset.target));
            found.extend(these);
        }
    }
    Ok(found)
}

fn files_below(base: &Path, dir: &Path, assets: &mut Vec<Asset>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            files_below(base, &path, assets)?;
        } else {
            let target = target_below(base, &path);
            assets.push(Asset {
                source: path,
                target,
            });
        }
    }
    Ok(())
}

/// Where a file below `base` is published, below the site root: its path
/// from `base`, with `/` between folders.
pub(super) fn target_below(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
