//! What the app fetches: the manifest, each post's body and highlighted
//! code, and the search index, each named after its content.

use quire_core::{
    highlight,
    listing::sort_for_listing,
    manifest::{Manifest, Section, Site},
    markdown::{HighlightedCode, code_blocks},
    search::{SearchIndex, SearchInput},
};

use super::post::{Kind, LoadedPost};

/// A file of the data folder besides the manifest: a post body, a post's
/// highlighted code, the search index.
pub(crate) struct DataFile {
    /// Where it goes, relative to the site root; its name carries its content's hash.
    pub(crate) path: String,
    /// The contents.
    pub(crate) text: String,
}

impl DataFile {
    /// A file named `<stem>.<hash of text>.<extension>` under `data/`.
    pub(super) fn hashed(stem: &str, extension: &str, text: String) -> Self {
        Self {
            path: format!("data/{stem}.{}.{extension}", short_hash(text.as_bytes())),
            text,
        }
    }
}

/// The manifest (posts in list order, versioned by its content) and the
/// data files: every page's, and the search index (of the posts).
pub(super) fn assemble(
    site: Site,
    mut posts: Vec<LoadedPost>,
    sections: Vec<Section>,
) -> (Manifest, Vec<DataFile>) {
    sort_for_listing(&mut posts, |post| (&post.summary, post.published));
    let search = SearchIndex::build(
        posts
            .iter()
            .filter(|post| post.kind == Kind::Post && !post.hidden && !post.search_hidden)
            .map(|post| SearchInput {
                path: post.summary.path.clone(),
                title: post.summary.title.clone(),
                summary: post.summary.summary.clone(),
                tags: post.summary.tags.clone(),
                date: post.summary.date,
                plain_text: post.plain.clone(),
            }),
    );
    let search_file = DataFile::hashed(
        "search",
        "json",
        serde_json::to_string(&search).unwrap_or_default(),
    );
    let mut manifest = Manifest {
        version: String::new(),
        site,
        posts: Vec::new(),
        unlisted: Vec::new(),
        pages: Vec::new(),
        sections,
        search: Some(search_file.path.clone()),
    };
    let mut data_files = Vec::new();
    for post in posts {
        data_files.extend(post.files);
        match (post.kind, post.hidden) {
            // Hidden posts and pages alike: a page of their own, in no list.
            (_, true) => manifest.unlisted.push(post.summary),
            (Kind::Page, false) => manifest.pages.push(post.summary),
            (Kind::Post, false) => manifest.posts.push(post.summary),
        }
    }
    // The version is a hash of everything else.
    manifest.version = short_hash(&serde_json::to_vec(&manifest).unwrap_or_default());
    data_files.push(search_file);
    (manifest, data_files)
}

/// The build's highlighting of a body's code blocks as JSON (a list of
/// [`HighlightedCode`], `null` for blocks in languages it does not know);
/// `None` when the body has no code block in a known language.
pub(super) fn highlighted_code(markdown: &str) -> Option<String> {
    let blocks: Vec<Option<HighlightedCode>> = code_blocks(markdown)
        .into_iter()
        .map(|(info, text)| {
            highlight::language(&info).map(|language| HighlightedCode {
                label: language.label(),
                html: highlight::highlight(&text, &language),
            })
        })
        .collect();
    blocks
        .iter()
        .any(Option::is_some)
        .then(|| serde_json::to_string(&blocks).unwrap_or_default())
}

/// A short, stable content hash for file names and the manifest version
/// (FNV-1a, 64 bits): good for cache busting, not for security.
pub(crate) fn short_hash(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")[..10].to_owned()
}
