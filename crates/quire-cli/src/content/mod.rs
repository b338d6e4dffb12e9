//! Reading the blog: the config, the posts under `content/posts/`, their
//! images and `static/`, checked and turned into what a build writes.
//!
//! [`load_site`] runs the jobs in order, each in its own module:
//! [`config`] reads `quire.toml`, [`sources`] finds the content files,
//! [`post`] reads and checks one post, [`assets`] finds covers and the
//! files to copy, [`data`] writes the manifest, bodies and search index.

mod assets;
mod config;
mod data;
mod new_post;
mod post;
mod sources;

use std::path::{Path, PathBuf};

use quire_core::{manifest::Manifest, problem::Problem, text::count_of};

pub(crate) use assets::Asset;
pub(crate) use data::DataFile;
pub(crate) use new_post::new_post;

/// Which posts to publish, and for which address.
pub(crate) struct LoadOptions {
    /// Publish posts marked as drafts.
    pub(crate) drafts: bool,
    /// Publish posts dated after `now_unix_seconds`.
    pub(crate) future: bool,
    /// The present moment, for telling future posts.
    pub(crate) now_unix_seconds: i64,
    /// Publish for this address instead of the config's `base_url`.
    pub(crate) base_url: Option<String>,
}

/// Everything a build writes, checked.
pub(crate) struct LoadedSite {
    /// The manifest, with its version computed.
    pub(crate) manifest: Manifest,
    /// Post bodies, their highlighted code and the search index.
    pub(crate) data_files: Vec<DataFile>,
    /// Images and static files to copy.
    pub(crate) assets: Vec<Asset>,
    /// Posts left out: (drafts, future-dated).
    pub(crate) left_out: (usize, usize),
    /// Things worth fixing that do not stop the build.
    pub(crate) warnings: Vec<Problem>,
}

impl LoadedSite {
    /// Prints the warnings, one a line, on standard error.
    pub(crate) fn print_warnings(&self) {
        for warning in &self.warnings {
            eprintln!("warning: {warning}");
        }
    }

    /// One line for the terminal.
    pub(crate) fn report(&self) -> String {
        let tags = quire_core::listing::tag_counts(&self.manifest.posts).len();
        let (drafts, future) = self.left_out;
        format!(
            "{}, {} ({} and {} left out)",
            count_of(self.manifest.posts.len(), "post"),
            count_of(tags, "tag"),
            count_of(drafts, "draft"),
            count_of(future, "future post"),
        )
    }
}

/// Reads and checks the whole blog at `root`; the error lists every
/// problem found, each with its file and line.
pub(crate) fn load_site(root: &Path, options: &LoadOptions) -> Result<LoadedSite, Vec<Problem>> {
    let site = config::read(root, options.base_url.as_deref()).map_err(|problem| vec![problem])?;
    let sources = sources::find(root).map_err(|problem| vec![problem])?;
    let mut posts = post::Posts::new(root, &site, options);
    for source in &sources {
        posts.add(source);
    }
    let post::Posts {
        loaded,
        mut assets,
        left_out,
        problems,
        warnings,
        ..
    } = posts;
    assets.extend(assets::static_files(root).map_err(|problem| vec![problem])?);
    if !problems.is_empty() {
        return Err(problems);
    }
    let (manifest, data_files) = data::assemble(site, loaded);
    Ok(LoadedSite {
        manifest,
        data_files,
        assets,
        left_out,
        warnings,
    })
}

/// A path as the author would find it: below the blog's folder when it is.
pub(crate) fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}
