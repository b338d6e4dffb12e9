//! Writing a checked site into an output folder without leaving it half-done.

use std::{
    collections::HashSet,
    fs, io,
    path::{Path, PathBuf},
};

use quire_core::manifest::MANIFEST_PATH;

use crate::content::LoadedSite;

/// The data folder, relative to the site root; replaced whole on every build.
const DATA_DIR: &str = "data";

/// Lists the images and static files the last build copied, so the next one
/// removes those that are gone from `content/`.
const ASSET_LIST: &str = "data/assets.txt";

/// Writes the manifest, the post bodies and the assets into `out`.
///
/// The new data folder is assembled beside the old one and swapped in with
/// renames, so a reader never sees a manifest that names missing bodies.
pub(crate) fn write_site(site: &LoadedSite, out: &Path) -> io::Result<()> {
    fs::create_dir_all(out)?;
    let fresh = out.join(".quire-data-new");
    let stale = out.join(".quire-data-old");
    remove_if_present(&fresh)?;
    remove_if_present(&stale)?;

    let manifest_json = serde_json::to_string(&site.manifest).map_err(io::Error::other)?;
    // `fresh` mirrors the site root, so every path below is the published one.
    write_file(&fresh.join(MANIFEST_PATH), manifest_json.as_bytes())?;
    for body in &site.bodies {
        write_file(&fresh.join(&body.path), body.markdown.as_bytes())?;
    }
    let targets: Vec<&str> = site
        .assets
        .iter()
        .map(|asset| asset.target.as_str())
        .collect();
    write_file(&fresh.join(ASSET_LIST), targets.join("\n").as_bytes())?;

    let previous_assets = fs::read_to_string(out.join(ASSET_LIST)).unwrap_or_default();
    for asset in &site.assets {
        let target = out.join(&asset.target);
        let bytes = fs::read(&asset.source)?;
        if fs::read(&target).ok().as_deref() != Some(bytes.as_slice()) {
            write_file(&target, &bytes)?;
        }
    }
    let current: HashSet<&str> = targets.into_iter().collect();
    for gone in previous_assets
        .lines()
        .filter(|line| !line.is_empty() && !current.contains(line))
    {
        if !gone.split('/').any(|part| part == "..") {
            let _ = fs::remove_file(out.join(gone));
        }
    }

    let data = out.join(DATA_DIR);
    if data.exists() {
        fs::rename(&data, &stale)?;
    }
    fs::rename(fresh.join(DATA_DIR), &data)?;
    remove_if_present(&fresh)?;
    remove_if_present(&stale)
}

/// Refuses an output folder that is the blog itself or inside what the
/// author writes, so a mistyped `--out` cannot overwrite or litter sources.
pub(crate) fn check_outside_sources(root: &Path, out: &Path) -> Result<(), String> {
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
        return Err(format!(
            "{}: will not write the site into the blog's sources; choose another folder, such as dist",
            out.display()
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
