//! Finding, reading and checking the posts under `content/posts/`.

use std::{
    collections::HashMap,
    fs,
    path::{Path, PathBuf},
};

use quire_core::{
    date::Date,
    front_matter::{self, CoverSpec},
    highlight,
    listing::{paths, sort_for_listing},
    manifest::{Cover, Manifest, PostSummary, Site},
    markdown::{HighlightedCode, code_blocks},
    search::{SearchIndex, SearchInput},
    site::{CONFIG_FILE, parse_config},
    slug::{is_valid_slug, slugify},
    text::{count_of, plain_text, reading_minutes, summary, word_count},
};

use crate::image_size::image_size;

/// Cover size assumed when the image's header cannot be read (a remote URL):
/// the usual 1.91:1 social-card shape.
const DEFAULT_COVER_SIZE: (u32, u32) = (1200, 630);

/// Which posts to publish.
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

/// A file to copy into the site: a page bundle's image, or a file from `static/`.
pub(crate) struct Asset {
    /// Where it is read from.
    pub(crate) source: PathBuf,
    /// Where it goes, relative to the site root.
    pub(crate) target: String,
}

/// A post read and checked: its manifest entry and its Markdown body.
struct LoadedPost {
    /// The manifest entry.
    summary: PostSummary,
    /// The body's Markdown file and, for posts with code, its highlighting.
    files: Vec<DataFile>,
    /// Left out of lists, feeds, the sitemap and search.
    hidden: bool,
    /// The body without Markdown, for the search index.
    plain: String,
}

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
    fn hashed(stem: &str, extension: &str, text: String) -> Self {
        Self {
            path: format!("data/{stem}.{}.{extension}", short_hash(text.as_bytes())),
            text,
        }
    }
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
    /// Things worth fixing that do not stop the build, as `path:line: message`.
    pub(crate) warnings: Vec<String>,
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

/// A Markdown file found under `content/posts/`.
struct Source {
    /// The `.md` file.
    path: PathBuf,
    /// The slug the file or bundle name gives.
    name_slug: String,
    /// The bundle folder, for `index.md` posts.
    bundle: Option<PathBuf>,
}

/// Reads and checks the whole blog; the error lists every problem as
/// `path:line: message`.
pub(crate) fn load_site(root: &Path, options: &LoadOptions) -> Result<LoadedSite, Vec<String>> {
    let config_path = root.join(CONFIG_FILE);
    let config_text = fs::read_to_string(&config_path).map_err(|error| {
        vec![format!(
            "{}: cannot read the site config: {error}",
            config_path.display()
        )]
    })?;
    let mut site = parse_config(&config_text)
        .map_err(|(line, message)| vec![format!("{}:{line}: {message}", config_path.display())])?;
    if let Some(url) = &options.base_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(vec![format!(
                "--base-url `{url}` must be an absolute http(s) URL such as https://example.org/blog/"
            )]);
        }
        site.base_url = format!("{}/", url.trim_end_matches('/'));
    }

    let posts_dir = root.join("content").join("posts");
    if !posts_dir.is_dir() {
        return Err(vec![format!(
            "{}: no such folder; posts go in content/posts/<slug>.md or content/posts/<slug>/index.md",
            posts_dir.display()
        )]);
    }
    let mut sources = Vec::new();
    find_sources(&posts_dir, &mut sources)
        .map_err(|error| vec![format!("{}: {error}", posts_dir.display())])?;
    sources.sort_by(|a, b| a.path.cmp(&b.path));

    let mut problems = Vec::new();
    let mut posts: Vec<(LoadedPost, i64)> = Vec::new();
    let mut assets = Vec::new();
    let mut slugs: HashMap<String, PathBuf> = HashMap::new();
    let mut left_out = (0, 0);
    let mut warnings = Vec::new();
    for source in &sources {
        let shown = source.path.display().to_string();
        let text = match fs::read_to_string(&source.path) {
            Ok(text) => text,
            Err(error) => {
                problems.push(format!("{shown}:1: cannot read: {error}"));
                continue;
            }
        };
        let document = match front_matter::parse(&text) {
            Ok(document) => document,
            Err(found) => {
                problems.extend(
                    found
                        .into_iter()
                        .map(|p| format!("{shown}:{}: {}", p.line, p.message)),
                );
                continue;
            }
        };
        let fm = document.front_matter;
        let (slug, slug_line) = match &fm.slug {
            Some((slug, line)) => (slug.clone(), *line),
            None => (source.name_slug.clone(), 1),
        };
        if !is_valid_slug(&slug) {
            problems.push(format!("{shown}:{slug_line}: slug `{slug}` cannot be a URL segment; use letters, digits, `-` and `_`"));
            continue;
        }
        if let Some(first) = slugs.get(&slug) {
            problems.push(format!(
                "{shown}:{slug_line}: duplicate slug `{slug}`: {} has it too",
                first.display()
            ));
            continue;
        }
        slugs.insert(slug.clone(), source.path.clone());
        if fm.draft && !options.drafts {
            left_out.0 += 1;
            continue;
        }
        if fm.date.unix_seconds > options.now_unix_seconds && !options.future {
            left_out.1 += 1;
            continue;
        }
        let cover = match &fm.cover {
            None => None,
            Some(spec) => match resolve_cover(root, source, &slug, spec) {
                Ok(cover) => {
                    // Hugo does not require alt text, and a Hugo blog must build
                    // as it is; the image is then marked decorative (alt="").
                    if cover.alt.is_empty() {
                        warnings.push(format!(
                            "{shown}:{}: cover `{}` has no alt text; add `alt:` describing what it shows",
                            spec.line, spec.image
                        ));
                    }
                    Some(cover)
                }
                Err(message) => {
                    problems.push(format!("{shown}:{}: {message}", spec.line));
                    continue;
                }
            },
        };
        if let Some(bundle) = &source.bundle {
            bundle_assets(bundle, &slug, &mut assets)
                .map_err(|error| vec![format!("{}: {error}", bundle.display())])?;
        }
        let plain = plain_text(document.body);
        let words = word_count(&plain);
        let (summary_text, _) = summary(fm.summary.as_deref(), document.body);
        let authors = if fm.authors.is_empty() && !site.author.is_empty() {
            vec![site.author.clone()]
        } else {
            fm.authors
        };
        let body = document.body.trim_start_matches(['\n', '\r']).to_owned();
        let body_file = DataFile::hashed(&format!("posts/{slug}"), "md", body);
        let code_file = highlighted_code(&body_file.text)
            .map(|code| DataFile::hashed(&format!("posts/{slug}"), "code.json", code));
        let entry = PostSummary {
            body: body_file.path.clone(),
            code: code_file.as_ref().map(|file| file.path.clone()),
            description: fm.description.unwrap_or_else(|| summary_text.clone()),
            summary: summary_text,
            title: fm.title,
            date: fm.date.date,
            lastmod: fm.lastmod.map(|stamp| stamp.date),
            authors,
            tags: fm.tags,
            categories: fm.categories,
            cover,
            reading_minutes: reading_minutes(words),
            word_count: words,
            weight: fm.weight,
            aliases: fm
                .aliases
                .iter()
                .map(|alias| alias.trim_matches('/').to_owned() + "/")
                .collect(),
            draft: fm.draft,
            toc: fm.toc,
            slug,
        };
        posts.push((
            LoadedPost {
                summary: entry,
                files: [Some(body_file), code_file].into_iter().flatten().collect(),
                hidden: fm.hidden,
                plain,
            },
            fm.date.unix_seconds,
        ));
    }
    let static_dir = root.join("static");
    if static_dir.is_dir() {
        static_assets(&static_dir, &static_dir, &mut assets)
            .map_err(|error| vec![format!("{}: {error}", static_dir.display())])?;
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    sort_for_listing(&mut posts, |(post, time)| (&post.summary, *time));
    let search = SearchIndex::build(posts.iter().filter(|(post, _)| !post.hidden).map(
        |(post, _)| SearchInput {
            slug: post.summary.slug.clone(),
            title: post.summary.title.clone(),
            summary: post.summary.summary.clone(),
            tags: post.summary.tags.clone(),
            date: post.summary.date,
            plain_text: post.plain.clone(),
        },
    ));
    let search_file = DataFile::hashed(
        "search",
        "json",
        serde_json::to_string(&search).unwrap_or_default(),
    );
    let mut listed = Vec::new();
    let mut unlisted = Vec::new();
    let mut data_files = Vec::new();
    for (post, _) in posts {
        data_files.extend(post.files);
        if post.hidden {
            unlisted.push(post.summary);
        } else {
            listed.push(post.summary);
        }
    }
    let manifest = versioned_manifest(site, listed, unlisted, Some(search_file.path.clone()));
    data_files.push(search_file);
    Ok(LoadedSite {
        manifest,
        data_files,
        assets,
        left_out,
        warnings,
    })
}

fn versioned_manifest(
    site: Site,
    posts: Vec<PostSummary>,
    unlisted: Vec<PostSummary>,
    search: Option<String>,
) -> Manifest {
    let mut manifest = Manifest {
        version: String::new(),
        site,
        posts,
        unlisted,
        search,
    };
    let unversioned = serde_json::to_vec(&manifest).unwrap_or_default();
    manifest.version = short_hash(&unversioned);
    manifest
}

/// The build's highlighting of a body's code blocks as JSON (a list of
/// [`HighlightedCode`], `null` for blocks in languages it does not know);
/// `None` when the body has no code block in a known language.
fn highlighted_code(markdown: &str) -> Option<String> {
    let blocks: Vec<Option<HighlightedCode>> = code_blocks(markdown)
        .into_iter()
        .map(|(info, text)| {
            highlight::language(&info).map(|language| HighlightedCode {
                label: language.label().to_owned(),
                html: highlight::highlight(&text, language),
            })
        })
        .collect();
    blocks
        .iter()
        .any(Option::is_some)
        .then(|| serde_json::to_string(&blocks).unwrap_or_default())
}

/// Walks `content/posts/`: every `.md` file is a post, except that a folder
/// with an `index.md` is one post (a page bundle) and `_index.md` files are
/// section pages, which Quire does not publish.
fn find_sources(dir: &Path, sources: &mut Vec<Source>) -> std::io::Result<()> {
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
            find_sources(&path, sources)?;
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

/// Finds a cover's file and size. Its file is published with its bundle or
/// with `static/`, so nothing is copied here.
fn resolve_cover(
    root: &Path,
    source: &Source,
    slug: &str,
    spec: &CoverSpec,
) -> Result<Cover, String> {
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
    } else if let Some(from_root) = image.strip_prefix('/') {
        (
            Some(root.join("static").join(from_root)),
            from_root.to_owned(),
        )
    } else if let Some(bundle) = &source.bundle {
        (
            Some(bundle.join(image)),
            format!("{}{image}", paths::post(slug)),
        )
    } else {
        (Some(root.join("static").join(image)), image.to_owned())
    };
    let size = match &file {
        None => DEFAULT_COVER_SIZE,
        Some(file) => {
            let bytes = fs::read(file)
                .map_err(|_| format!("cover file missing: {} does not exist", file.display()))?;
            image_size(&bytes).unwrap_or(DEFAULT_COVER_SIZE)
        }
    };
    Ok(Cover {
        src,
        alt: spec.alt.clone(),
        caption: spec.caption.clone(),
        width: size.0,
        height: size.1,
    })
}

/// Every file of a page bundle except its Markdown, published beside the post.
fn bundle_assets(bundle: &Path, slug: &str, assets: &mut Vec<Asset>) -> std::io::Result<()> {
    let mut found = Vec::new();
    static_assets(bundle, bundle, &mut found)?;
    assets.extend(
        found
            .into_iter()
            .filter(|asset| !asset.target.ends_with(".md"))
            .map(|asset| Asset {
                target: format!("{}{}", paths::post(slug), asset.target),
                source: asset.source,
            }),
    );
    Ok(())
}

fn static_assets(base: &Path, dir: &Path, assets: &mut Vec<Asset>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            static_assets(base, &path, assets)?;
        } else {
            let relative = path.strip_prefix(base).unwrap_or(&path);
            let target = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            assets.push(Asset {
                source: path,
                target,
            });
        }
    }
    Ok(())
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

/// Starts a post: `content/posts/<slug>/index.md` with front matter filled in.
pub(crate) fn new_post(root: &Path, title: &str, now_unix_seconds: i64) -> Result<PathBuf, String> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(format!(
            "`{title}` gives an empty slug; use a title with letters or digits"
        ));
    }
    let dir = root.join("content").join("posts").join(&slug);
    let path = dir.join("index.md");
    if path.exists() || dir.with_extension("md").exists() {
        return Err(format!("{} already exists", path.display()));
    }
    let today = Date::from_days_since_epoch(now_unix_seconds.div_euclid(86_400));
    let escaped = title.replace('\\', "\\\\").replace('"', "\\\"");
    let text = format!(
        "---\ntitle: \"{escaped}\"\ndate: {today}\ndraft: true\ntags: []\nsummary: \"\"\n---\n\nWrite your post here. The text before a `<!--more-->` line becomes the summary when `summary` is empty.\n"
    );
    fs::create_dir_all(&dir)
        .and_then(|()| fs::write(&path, text))
        .map_err(|error| format!("{}: {error}", path.display()))?;
    Ok(path)
}
