//! Writing a checked site into an output folder without leaving it half-done.

use std::{
    collections::{HashMap, HashSet},
    fs, io,
    path::{Path, PathBuf},
    sync::Arc,
};

use quire_core::{manifest::manifest_path, problem::Problem};
use rayon::prelude::*;

use crate::{content::LoadedSite, publish::SiteFile, watch::fingerprint};

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
pub(crate) fn write_site(site: &LoadedSite, pages: &[SiteFile], out: &Path) -> io::Result<()> {
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
    let (route_data, pages): (Vec<_>, Vec<_>) = pages.iter().partition(|(path, _)| is_data(path));
    // Files are written on every core: at thousands of posts, writing is
    // much of a build's time.
    site.data_files
        .par_iter()
        .map(|file| (&file.path, &*file.text))
        .chain(route_data.par_iter().map(|(path, text)| (path, &**text)))
        .try_for_each(|(path, text)| write_file(&fresh.join(path), text.as_bytes()))?;
    let targets = targets(site, &pages);
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
    let last_of_each: Vec<&SiteFile> = pages
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
        remove_gone(out, gone);
    }
    remove_if_present(&fresh)?;
    remove_if_present(&stale)
}

/// The files a build writes outside `data/`: assets, then pages.
fn targets<'a>(site: &'a LoadedSite, pages: &[&'a SiteFile]) -> Vec<&'a str> {
    site.assets
        .iter()
        .map(|asset| asset.target.as_str())
        .chain(pages.iter().map(|(path, _)| path.as_str()))
        .collect()
}

/// What `quire watch` last wrote into the folder: each file by its path
/// below the site root.
pub(crate) type Written = HashMap<String, WrittenFile>;

/// A file as a build left it.
#[derive(Clone)]
pub(crate) struct WrittenFile {
    /// Its contents' fingerprint.
    print: u64,
    /// The text it was written from, when this process wrote it: a text
    /// the next build keeps (the same allocation) is known without
    /// hashing it again.
    text: Option<Arc<str>>,
}

impl WrittenFile {
    /// A file known by its fingerprint alone.
    fn printed(print: u64) -> Self {
        Self { print, text: None }
    }
}

/// The size and modification time of `out`'s list of files, which every
/// build and republish writes anew: how `quire watch` tells that another
/// build (Trunk's hook) has written the folder since its own last pass.
pub(crate) fn file_list_stamp(out: &Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = fs::metadata(out.join(FILE_LIST)).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// Whether a path from a file list is a plain path below the site root:
/// no `..`, no root, no drive, so that removing it stays in the folder.
fn is_below_root(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|part| matches!(part, std::path::Component::Normal(_)))
}

/// What `out` holds, as [`write_changes`] compares it with a build: the
/// fingerprint of each file there that the build writes, and the other
/// files of the data folder and of the last build's list (so that those
/// the build no longer writes are removed). For the first republish of
/// `quire watch`, and after Trunk's own build: reading the folder once
/// costs far less than writing every file again.
pub(crate) fn written_on_disk(
    site: &LoadedSite,
    pages: &[SiteFile],
    out: &Path,
) -> io::Result<Written> {
    let mut paths: HashSet<String> = files_under(&out.join(DATA_DIR), out);
    let listed = fs::read_to_string(out.join(FILE_LIST)).unwrap_or_default();
    paths.extend(
        listed
            .lines()
            .filter(|line| !line.is_empty())
            .map(str::to_owned),
    );
    paths.extend(pages.iter().map(|(path, _)| path.clone()));
    paths.extend(site.data_files.iter().map(|file| file.path.clone()));
    paths.insert(FILE_LIST.to_owned());
    paths.insert(manifest_path(&site.manifest.version));
    let mut written: Written = paths
        .into_par_iter()
        .filter(|path| is_below_root(path))
        .filter_map(|path| {
            let bytes = fs::read(out.join(&path)).ok()?;
            Some((path, WrittenFile::printed(fingerprint(&bytes.as_slice()))))
        })
        .collect();
    // An asset already in place is known by its source's size and time,
    // as `write_changes` knows it.
    for asset in &site.assets {
        // Known before the comparison, so a save in between is seen next time.
        let print = asset_fingerprint(asset)?;
        let same = fs::read(&asset.source)
            .ok()
            .is_some_and(|bytes| fs::read(out.join(&asset.target)).ok() == Some(bytes));
        if same {
            written.insert(asset.target.clone(), WrittenFile::printed(print));
        }
    }
    Ok(written)
}

/// Every file below `dir`, as a path below `out` with `/` between parts.
fn files_under(dir: &Path, out: &Path) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                folders.push(path);
            } else if let Ok(relative) = path.strip_prefix(out) {
                let parts: Vec<String> = relative
                    .components()
                    .map(|part| part.as_os_str().to_string_lossy().into_owned())
                    .collect();
                found.insert(parts.join("/"));
            }
        }
    }
    found
}

/// How [`write_changes`] knows an asset: its source's path, size and time.
fn asset_fingerprint(asset: &crate::content::Asset) -> io::Result<u64> {
    fs::metadata(&asset.source)
        .map(|meta| fingerprint(&(&asset.source, meta.len(), meta.modified().ok())))
}

/// Writes into `out` only the files of this build that differ from what
/// is there (`before`: what the last build wrote, or [`written_on_disk`]),
/// and removes those it no longer writes; returns what is there now and
/// how many files changed. For `quire watch`: where one edit changes a few
/// files of thousands, this compares fingerprints in memory instead of
/// reading every file.
pub(crate) fn write_changes(
    site: &LoadedSite,
    pages: &[SiteFile],
    out: &Path,
    before: &Written,
) -> io::Result<(Written, usize)> {
    let manifest_json: Arc<str> = serde_json::to_string(&site.manifest)
        .map_err(io::Error::other)?
        .into();
    let (data, others): (Vec<_>, Vec<_>) = pages.iter().partition(|(path, _)| is_data(path));
    let file_list: Arc<str> = targets(site, &others).join("\n").into();
    let manifest_file = manifest_path(&site.manifest.version);
    let mut texts: Vec<(&str, &Arc<str>)> =
        vec![(&manifest_file, &manifest_json), (FILE_LIST, &file_list)];
    texts.extend(
        site.data_files
            .iter()
            .map(|file| (file.path.as_str(), &file.text)),
    );
    texts.extend(
        data.iter()
            .chain(&others)
            .map(|(path, text)| (path.as_str(), text)),
    );
    let printed: Vec<(&str, &Arc<str>, u64)> = texts
        .into_par_iter()
        .map(|(path, text)| {
            let kept = before
                .get(path)
                .filter(|file| file.text.as_ref().is_some_and(|was| Arc::ptr_eq(was, text)));
            let print = kept.map_or_else(|| fingerprint(&text.as_bytes()), |file| file.print);
            (path, text, print)
        })
        .collect();
    let mut now = Written::with_capacity(printed.len());
    // Of two files for one path, the last.
    let mut changed: Vec<(&str, &[u8])> = Vec::new();
    for (path, text, print) in printed {
        let file = WrittenFile {
            print,
            text: Some(Arc::clone(text)),
        };
        if now.insert(path.to_owned(), file).is_some() {
            changed.retain(|(earlier, _)| *earlier != path);
        }
        if before.get(path).map(|file| file.print) != Some(print) {
            changed.push((path, text.as_bytes()));
        }
    }
    // Of two assets for one place, the last (as `write_site` copies them).
    let mut seen = HashSet::new();
    let mut assets: Vec<&crate::content::Asset> = site
        .assets
        .iter()
        .rev()
        .filter(|asset| seen.insert(asset.target.as_str()))
        .collect();
    assets.reverse();
    // Data before pages, so no page names data not yet there.
    let (changed_data, changed_pages): (Vec<_>, Vec<_>) =
        changed.iter().partition(|(path, _)| is_data(path));
    for batch in [changed_data, changed_pages] {
        batch
            .par_iter()
            .try_for_each(|(path, bytes)| write_file(&out.join(path), bytes))?;
    }
    let mut count = changed.len();
    // An image is known by its file's size and time, not read again.
    for asset in assets {
        let print = asset_fingerprint(asset)?;
        if before.get(&asset.target).map(|file| file.print) != Some(print) {
            write_file(&out.join(&asset.target), &fs::read(&asset.source)?)?;
            count += 1;
        }
        now.insert(asset.target.clone(), WrittenFile::printed(print));
    }
    for gone in before.keys().filter(|path| !now.contains_key(*path)) {
        count += usize::from(remove_gone(out, gone));
    }
    Ok((now, count))
}

/// Writes a file unless it already holds these bytes, so unchanged files keep
/// their modification time (and hosts that sync by time upload less).
fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    write_file(path, bytes)
}

/// Whether a path below the site root is in the data folder.
fn is_data(path: &str) -> bool {
    path.strip_prefix(DATA_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// Removes a file a build no longer writes (a path below `out`, from a
/// file list) and the folders it leaves empty; whether it was a plain path.
fn remove_gone(out: &Path, gone: &str) -> bool {
    if !is_below_root(gone) {
        return false;
    }
    let gone = out.join(gone);
    let _ = fs::remove_file(&gone);
    remove_empty_parents(&gone, out);
    true
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
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
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
