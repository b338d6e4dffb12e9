//! Writing a checked site into an output folder without leaving it half-done.

use std::{
    collections::HashSet,
    fs, io,
    path::{Path, PathBuf},
};

use quire_core::{manifest::manifest_path, problem::Problem};
use rayon::prelude::*;

use crate::content::LoadedSite;

/// The data folder, relative to the site root; replaced whole on every build.
const DATA_DIR: &str = "data";

/// Lists the files the last build wrote outside `data/` (pages, feeds,
/// images, static files), so the next one removes those it no longer writes:
/// the page of a deleted post, an image gone from `content/`.
const FILE_LIST: &str = "data/files.txt";

/// Writes the manifest, the post bodies, the assets and `pages` (pages,
/// feeds, host files, and under `data/` each route's data: path below the
/// site root and contents) into `out`.
///
/// The new data folder is assembled beside the old one and swapped in with
/// renames, so a reader never sees data that names missing bodies.
pub(crate) fn write_site(
    site: &LoadedSite,
    pages: &[(String, String)],
    out: &Path,
) -> io::Result<()> {
    fs::create_dir_all(out)?;
    let fresh = out.join(".quire-data-new");
    let stale = out.join(".quire-data-old");
    remove_if_present(&fresh)?;
    remove_if_present(&stale)?;

    let manifest_json = serde_json::to_string(&site.manifest).map_err(io::Error::other)?;
    // `fresh` mirrors the site root, so every path below is the published one.
    write_file(
        &fresh.join(manifest_path(&site.manifest.version)),
        manifest_json.as_bytes(),
    )?;
    // The routes' data go with the rest of the data folder.
    let (route_data, pages): (Vec<_>, Vec<_>) = pages
        .iter()
        .partition(|(path, _)| path.starts_with(&format!("{DATA_DIR}/")));
    // Files are written on every core: at thousands of posts, writing is
    // much of a build's time.
    site.data_files
        .par_iter()
        .map(|file| (&file.path, &file.text))
        .chain(route_data.par_iter().map(|(path, text)| (path, text)))
        .try_for_each(|(path, text)| write_file(&fresh.join(path), text.as_bytes()))?;
    let targets: Vec<&str> = site
        .assets
        .iter()
        .map(|asset| asset.target.as_str())
        .chain(pages.iter().map(|(path, _)| path.as_str()))
        .collect();
    write_file(&fresh.join(FILE_LIST), targets.join("\n").as_bytes())?;

    let previous_files = fs::read_to_string(out.join(FILE_LIST)).unwrap_or_default();
    for asset in &site.assets {
        let bytes = fs::read(&asset.source)?;
        write_if_changed(&out.join(&asset.target), &bytes)?;
    }

    let data = out.join(DATA_DIR);
    if data.exists() {
        fs::rename(&data, &stale)?;
    }
    fs::rename(fresh.join(DATA_DIR), &data)?;
    // Pages go in after the data they name, so none points at missing data.
    // Two files for one path (an alias written twice): the last wins, as
    // when they were written one after the other, and no two threads
    // write the same file.
    let mut seen = HashSet::new();
    let last_of_each: Vec<&(String, String)> = pages
        .into_iter()
        .rev()
        .filter(|(path, _)| seen.insert(path.as_str()))
        .collect();
    last_of_each
        .par_iter()
        .try_for_each(|(path, text)| write_if_changed(&out.join(path), text.as_bytes()))?;
    let current: HashSet<&str> = targets.into_iter().collect();
    for gone in previous_files
        .lines()
        .filter(|line| !line.is_empty() && !current.contains(line))
    {
        if !gone.split('/').any(|part| part == "..") {
            let gone = out.join(gone);
            let _ = fs::remove_file(&gone);
            remove_empty_parents(&gone, out);
        }
    }
    remove_if_present(&fresh)?;
    remove_if_present(&stale)
}

/// Writes a file unless it already holds these bytes, so unchanged files keep
/// their modification time (and hosts that sync by time upload less).
fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    write_file(path, bytes)
}

/// Removes the folders a deleted file leaves empty, up to `out`.
fn remove_empty_parents(file: &Path, out: &Path) {
    let mut dir = file.parent();
    while let Some(current) = dir {
        if current == out || fs::remove_dir(current).is_err() {
            break;
        }
        dir = current.parent();
    }
}

/// The files at the top of `out` whose names Trunk gave a content hash
/// (`main-0123456789abcdef.css`), which can be cached for ever.
pub(crate) fn hashed_files(out: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(out) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| has_content_hash(name))
        .collect();
    names.sort();
    names
}

/// Whether a file name carries Trunk's `filehash`: `-` and a 64-bit hash in
/// hex (up to 16 digits, leading zeros dropped) before the extension or `_bg`.
fn has_content_hash(name: &str) -> bool {
    name.split('-').skip(1).any(|part| {
        let hash = part.split(['.', '_']).next().unwrap_or_default();
        (10..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Refuses an output folder that is the blog itself or inside what the
/// author writes, so a mistyped `--out` cannot overwrite or litter sources.
pub(crate) fn check_outside_sources(root: &Path, out: &Path) -> Result<(), Problem> {
    let absolute =
        |path: &Path| std::path::absolute(path).map(|p| p.components().collect::<PathBuf>());
    let (Ok(root), Ok(out_absolute)) = (absolute(root), absolute(out)) else {
        return Ok(());
    };
    let inside = out_absolute == root
        || ["content", "static", "src"]
            .iter()
            .any(|source| out_absolute.starts_with(root.join(source)));
    if inside {
        return Err(Problem::in_file(
            out.display(),
            "will not write the site into the blog's sources; choose another folder, such as dist",
        ));
    }
    Ok(())
}

fn remove_if_present(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Writes through a temporary file and a rename, so a file is whole or absent.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut temporary = PathBuf::from(path);
    temporary.as_mut_os_string().push(".quire-tmp");
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)
}

#[cfg(test)]
mod tests {
    use super::has_content_hash;

    #[test]
    fn knows_trunks_hashed_names() {
        assert!(has_content_hash("quire-web-58ae4102ebd3e74_bg.wasm"));
        assert!(has_content_hash("main-a91bdad366b4aafb.css"));
        assert!(!has_content_hash("index.html"));
        assert!(!has_content_hash("robots.txt"));
        assert!(!has_content_hash("quire-web.js"));
    }
}
